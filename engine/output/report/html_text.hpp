// Text placed into report.html: escaped for HTML, or made safe inside a <script> element.
#pragma once

#include <string>

namespace followsim::output {

// &, <, > and " as entities: for element text and attribute values.
std::string html_escape(const std::string& text);
// JSON placed inside <script>: "</" must not close the element early; "<\/" is the same JSON.
std::string json_in_script(std::string text);
// A chart library placed inside <script>: only "</script" (any case) would end the element.
std::string library_in_script(std::string text);

}  // namespace followsim::output
