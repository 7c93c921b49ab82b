#include "engine/output/report/html_text.hpp"

#include <cctype>

namespace followsim::output {

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

std::string json_in_script(std::string text) {
    // In JSON these characters appear only inside strings, where \u003c reads the same; so no
    // "</script>" ends the element and no "<!--" puts the parser into its escaped state (which
    // swallows the rest of the page until a "-->").
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '<':
                out += "\\u003c";
                break;
            case '>':
                out += "\\u003e";
                break;
            case '&':
                out += "\\u0026";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// The minified builds have no "</script"; should one appear, it can only be inside a string,
// where "<\/" reads the same.
std::string library_in_script(std::string text) {
    for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos; at += 2) {
        std::string next = text.substr(at + 2, 6);
        for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (next == "script") text.replace(at, 2, "<\\/");
    }
    return text;
}

}  // namespace followsim::output
