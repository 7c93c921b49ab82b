// The comment that documents a value in the scenario file's text: its source, shown as the
// field's help. (Changed values are written back by the scenario layer, which keeps the
// comments: scenario_text.hpp.)
#pragma once

#include <string>
#include <string_view>

namespace followsim::serve {

// The comment of a value on line `line` (0-based): the comment at the end of that line, else
// the block of comment lines directly above it, joined with spaces; "" if there is none.
std::string comment_for_line(std::string_view text, std::size_t line);

}  // namespace followsim::serve
