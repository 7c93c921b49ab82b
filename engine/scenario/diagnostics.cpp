#include "engine/scenario/diagnostics.hpp"

#include <fmt/core.h>
#include <algorithm>
#include <string_view>

namespace followsim::scenario {

namespace {

// The line as one line of plain text: what YAML lets into keys and values but a terminal would
// act on (tab, carriage return, NEL, the Unicode line and paragraph separators, the byte
// order mark, other control characters) written as \t, \r, \u0085, ... A key of
// "a\rb" must not overwrite the message it is quoted in.
std::string one_plain_line(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        const std::string_view rest(text.data() + i, text.size() - i);
        if (c == '\t') {
            out += "\\t";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7f) {
            out += fmt::format("\\x{:02X}", c);
        } else if (rest.starts_with("\xC2\x85")) {
            out += "\\u0085";
            ++i;
        } else if (rest.starts_with("\xE2\x80\xA8") || rest.starts_with("\xE2\x80\xA9") ||
                   rest.starts_with("\xEF\xBB\xBF")) {
            out += rest[0] == '\xEF' ? "\\uFEFF" : rest[2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace

std::string Diagnostic::format() const {
    const std::string where = path.empty() ? "(top)" : path;
    // A command-line option (--set KEY=VALUE, --vary ...) has no lines: name it as given.
    if (file.starts_with("--"))
        return one_plain_line(fmt::format("{}: {}: {}", file, where, message));
    return one_plain_line(fmt::format("{}:{}:{}: {}: {}", file, line, column, where, message));
}

namespace {
std::string join_problems(const std::vector<Diagnostic>& problems) {
    std::string text;
    for (const Diagnostic& d : problems) {
        if (!text.empty()) text += '\n';
        text += d.format();
    }
    return text;
}
}  // namespace

ScenarioError::ScenarioError(std::vector<Diagnostic> problems)
    : std::runtime_error(join_problems(problems)), problems_(std::move(problems)) {}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const std::string& c : candidates) {
        // The distance is at least the difference in length: skip the quadratic work for
        // words far too long to be a typo (a value of megabytes).
        const std::size_t gap =
            word.size() > c.size() ? word.size() - c.size() : c.size() - word.size();
        if (gap >= best_distance) continue;
        const std::size_t d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

}  // namespace followsim::scenario
