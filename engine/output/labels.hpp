// The one table of what report.html and the terminal say, in English and Norwegian (bokmål):
// metric names, headings, the verdict's sentences. summary.json keys stay English; only what
// people read is translated. A text with {} placeholders is filled by fmt.
#pragma once

#include <fmt/core.h>

#include <string>
#include <string_view>

#include "engine/output/number_format.hpp"

namespace followsim::output {

// The text of `key` in `lang`; the key itself if the table has none (an arm's name, a path).
std::string_view text(std::string_view key, Lang lang);
// Whether the table has `key`.
bool has_text(std::string_view key);

// The text of `key` with its placeholders filled.
template <typename... Args>
std::string say(std::string_view key, Lang lang, Args&&... args) {
    return fmt::format(fmt::runtime(text(key, lang)), std::forward<Args>(args)...);
}

// A metric's name for people ("Socio-economic NPV" / "Samfunnsøkonomisk netto nåverdi").
inline std::string_view metric_label(std::string_view metric, Lang lang) {
    return text(metric, lang);
}

}  // namespace followsim::output
