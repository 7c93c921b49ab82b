#include "engine/serve/source_text.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace followsim::serve {

namespace {

std::vector<std::string_view> lines_of(std::string_view text) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) {
            lines.push_back(text.substr(start));
            break;
        }
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}

// Where a comment starts on a line: a '#' at the start or after a blank, outside quotes.
std::size_t comment_start(std::string_view line) {
    char quote = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quote != 0) {
            if (c == '\\' && quote == '"')
                ++i;
            else if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
            return i;
        }
    }
    return std::string_view::npos;
}

std::string comment_text(std::string_view line, std::size_t hash) {
    return std::string(trimmed(line.substr(hash + 1)));
}

bool is_comment_line(std::string_view line) {
    const std::string_view t = trimmed(line);
    return !t.empty() && t.front() == '#';
}

}  // namespace

std::string comment_for_line(std::string_view text, std::size_t line) {
    const std::vector<std::string_view> lines = lines_of(text);
    if (line >= lines.size()) return "";
    const std::string_view own = lines[line];
    if (!is_comment_line(own)) {
        const std::size_t hash = comment_start(own);
        if (hash != std::string_view::npos) return comment_text(own, hash);
    }
    std::vector<std::string> above;
    for (std::size_t k = line; k-- > 0 && is_comment_line(lines[k]);) {
        above.push_back(comment_text(lines[k], lines[k].find('#')));
    }
    std::string joined;
    for (auto it = above.rbegin(); it != above.rend(); ++it) {
        if (it->empty()) continue;
        joined += (joined.empty() ? "" : " ") + *it;
    }
    return joined;
}

}  // namespace followsim::serve
