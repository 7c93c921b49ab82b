// Text placed into report.html: escaped for HTML, or made safe inside a <script> element.
#pragma once

#include <string>

namespace followsim::output {

// &, <, > and " as entities: for element text and attribute values.
std::string html_escape(const std::string& text);
// JSON placed inside <script>: <, > and & as \u003c, \u003e and \u0026 (the same JSON), so
// neither "</script>" nor "<!--" in a name can end or hide the element.
std::string json_in_script(std::string text);
// A chart library placed inside <script>: only "</script" (any case) would end the element.
std::string library_in_script(std::string text);

}  // namespace followsim::output
