#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

std::optional<Lang> parse_lang(std::string_view text) {
    if (text == "en") return Lang::en;
    if (text == "nb") return Lang::nb;
    return std::nullopt;
}

std::string_view lang_code(Lang lang) {
    return lang == Lang::nb ? "nb" : "en";
}

}  // namespace followsim::serve
