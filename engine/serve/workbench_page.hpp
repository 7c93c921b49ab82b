// The workbench's one page: its style and script (workbench.css, workbench.js, embedded in the
// binary) and the chart libraries inlined as report.html has them, so it needs no network.
#pragma once

#include <string>

#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

std::string workbench_page(Lang lang);

}  // namespace followsim::serve
