#include "engine/serve/source_text.hpp"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <map>

#include "engine/scenario/problem_reporter.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "engine/scenario/yaml_overrides.hpp"

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

// The end of the scalar that starts at `start` in `source` and reads as `scalar`; npos if it
// is not written there on one line.
std::size_t scalar_end(const std::string& source, std::size_t start, const std::string& scalar) {
    if (start >= source.size()) return std::string::npos;
    const char quote = source[start];
    std::size_t end = std::string::npos;
    if (quote == '"' || quote == '\'') {
        for (std::size_t i = start + 1; i < source.size() && source[i] != '\n'; ++i) {
            if (quote == '"' && source[i] == '\\') {
                ++i;
            } else if (source[i] == quote) {
                if (quote == '\'' && i + 1 < source.size() && source[i + 1] == '\'') {
                    ++i;  // '' is a quote inside single quotes
                    continue;
                }
                end = i + 1;
                break;
            }
        }
    } else if (source.compare(start, scalar.size(), scalar) == 0) {
        end = start + scalar.size();
    }
    if (end == std::string::npos || source.find('\n', start) < end) return std::string::npos;
    return end;
}

std::string emitted(const YAML::Node& root) {
    YAML::Emitter out;
    out << root;
    return out.c_str();
}

struct Placed {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t line = 0;
    std::string key;
    std::string old_text;
    std::string new_text;
};

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

std::optional<std::string> edit_values(const std::string& source,
                                       const std::vector<ValueEdit>& edits,
                                       const std::string& marker) {
    YAML::Node root;
    try {
        root = YAML::Load(source);
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
    // The last edit of a path wins, as the last --set of a key does; each path is placed once.
    std::vector<ValueEdit> unique;
    for (const ValueEdit& e : edits) {
        auto same =
            std::find_if(unique.begin(), unique.end(), [&](auto& u) { return u.path == e.path; });
        if (same != unique.end())
            same->value = e.value;
        else
            unique.push_back(e);
    }

    YAML::Node expected = YAML::Clone(root);
    scenario::ProblemReporter unused("");
    std::vector<Placed> placed;
    std::string listed;
    for (const ValueEdit& e : unique) {
        const YAML::Node node = scenario::find_path(root, e.path);
        if (!node.IsScalar() || node.Mark().pos < 0) return std::nullopt;
        const auto start = static_cast<std::size_t>(node.Mark().pos);
        const std::size_t end = scalar_end(source, start, node.Scalar());
        if (end == std::string::npos) return std::nullopt;
        scenario::apply_override(expected, e.path + "=" + e.value, unused);
        placed.push_back({start, end, static_cast<std::size_t>(node.Mark().line), e.path,
                          source.substr(start, end - start), e.value});
        listed += fmt::format("{}{}={}", listed.empty() ? "" : ", ", e.path, e.value);
    }
    if (unused.has_problems()) return std::nullopt;

    std::string text = source;
    std::sort(placed.begin(), placed.end(), [](auto& a, auto& b) { return a.start > b.start; });
    for (const Placed& p : placed) text.replace(p.start, p.end - p.start, p.new_text);

    // Mark each changed line (the replacements never add or remove a line).
    std::map<std::size_t, std::string> marks;
    for (auto it = placed.rbegin(); it != placed.rend(); ++it) {
        const std::vector<std::string> parts = scenario::split_path(it->key);
        std::string& mark = marks[it->line];
        mark += fmt::format("{}{} was {}", mark.empty() ? "" : ", ", parts.back(), it->old_text);
    }
    std::string out = placed.empty() ? "" : "# " + marker + ": changed " + listed + "\n";
    std::size_t line = 0;
    for (const std::string_view l : lines_of(text)) {
        if (line > 0) out += '\n';
        out += l;
        if (const auto m = marks.find(line); m != marks.end())
            out += "  # " + marker + ": " + m->second;
        ++line;
    }
    try {
        if (emitted(YAML::Load(out)) != emitted(expected)) return std::nullopt;
    } catch (const YAML::Exception&) {
        return std::nullopt;
    }
    return out;
}

}  // namespace followsim::serve
