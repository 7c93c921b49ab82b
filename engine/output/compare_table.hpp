// The terminal table of `followsim compare`: key metrics of several results folders side by
// side, a column per folder and arm.
#pragma once

#include <string>
#include <vector>

#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// Each metric's mean; "-" where a folder's arm has none.
std::string compare_table(const std::vector<LabelledResults>& results);

}  // namespace followsim::output
