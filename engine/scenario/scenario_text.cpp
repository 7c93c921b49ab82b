#include "engine/scenario/scenario_text.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "engine/scenario/yaml_document.hpp"

namespace followsim::scenario {

namespace {

std::size_t line_start(const std::string& text, std::size_t pos) {
    const auto nl = text.rfind('\n', pos == 0 ? 0 : pos - 1);
    return pos == 0 || nl == std::string::npos ? 0 : nl + 1;
}

std::size_t line_end(const std::string& text, std::size_t pos) {
    const auto nl = text.find('\n', pos);
    return nl == std::string::npos ? text.size() : nl;
}

// Where a plain, single-quoted or double-quoted scalar starting at `start` ends.
std::optional<std::size_t> scalar_end(const std::string& text, std::size_t start) {
    const std::size_t eol = line_end(text, start);
    if (text[start] == '"' || text[start] == '\'') {
        for (std::size_t i = start + 1; i < eol; ++i) {
            if (text[start] == '"' && text[i] == '\\') {
                ++i;
            } else if (text[i] == text[start]) {
                if (text[start] == '\'' && i + 1 < eol && text[i + 1] == '\'') {
                    ++i;
                    continue;
                }
                return i + 1;
            }
        }
        return std::nullopt;  // spans lines
    }
    // Inside a flow collection ({...} or [...] opened earlier on the line) a plain scalar also
    // ends at , } or ].
    int open = 0;
    for (std::size_t i = line_start(text, start); i < start; ++i) {
        if (text[i] == '{' || text[i] == '[') ++open;
        if (text[i] == '}' || text[i] == ']') --open;
    }
    std::size_t end = start;
    while (end < eol) {
        const char c = text[end];
        if (open > 0 && (c == ',' || c == '}' || c == ']')) break;
        if (c == '#' && end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) break;
        ++end;
    }
    while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
    if (end == start) return std::nullopt;
    // A block scalar (| or >) or a value continued on the next lines cannot be edited here.
    if (text[start] == '|' || text[start] == '>') return std::nullopt;
    return end;
}

// Adds `note` to the comment at the end of the line holding `pos` (or starts one).
void mark_line(std::string& text, std::size_t pos, const std::string& note) {
    const std::size_t eol = line_end(text, pos);
    const std::string line = text.substr(line_start(text, pos), eol - line_start(text, pos));
    // The comment: the first " #" outside quotes after the value.
    std::size_t hash = std::string::npos;
    char quote = 0;
    for (std::size_t i = pos - line_start(text, pos); i < line.size(); ++i) {
        const char c = line[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '#' && i > 0 && (line[i - 1] == ' ' || line[i - 1] == '\t')) {
            hash = i;
            break;
        }
    }
    const std::string marker = "# followsim: " + note;
    if (hash == std::string::npos) {
        text.insert(eol, "  " + marker);
        return;
    }
    std::size_t after = hash + 1;
    while (after < line.size() && line[after] == ' ') ++after;
    text.replace(line_start(text, pos) + hash, after - hash, marker + "; ");
}

// The last key of a dotted path ("count" of population.cohorts.pilot.arrivals.count).
std::string last_key(const std::string& path) {
    const auto dot = path.rfind('.');
    return dot == std::string::npos ? path : path.substr(dot + 1);
}

// Is the node written in flow style ({...} or [...]) at its mark?
bool flow_at(const std::string& text, const YAML::Node& node) {
    const auto pos = static_cast<std::size_t>(node.Mark().pos);
    return pos < text.size() && (text[pos] == '{' || text[pos] == '[');
}

// A scalar replaced in place; false if it cannot be.
bool replace_scalar(std::string& text, const YAML::Node& node, const TextChange& change) {
    if (node.Mark().is_null()) return false;
    const auto start = static_cast<std::size_t>(node.Mark().pos);
    const auto end = scalar_end(text, start);
    if (!end) return false;
    const std::string old = text.substr(start, *end - start);
    text.replace(start, *end - start, change.value);
    // On a line of several values (flow style) the note names the key.
    const std::string line =
        text.substr(line_start(text, start), line_end(text, start) - line_start(text, start));
    const bool several = line.find('{') != std::string::npos || line.find('[') != std::string::npos;
    mark_line(text, start,
              several ? fmt::format("{}, {} was {}", change.origin, last_key(change.path), old)
                      : fmt::format("{}, was {}", change.origin, old));
    return true;
}

// The end of the last line, from the line ending at `from` on, that belongs to a block whose
// lines are indented at least `indent` (blank lines and comments belong to any block).
std::size_t block_end(const std::string& text, std::size_t from, std::size_t indent) {
    std::size_t end = from;
    for (std::size_t pos = from; pos < text.size();) {
        const std::size_t next_end = line_end(text, pos + 1);
        const std::string line = text.substr(pos + 1, next_end - pos - 1);
        const auto content = line.find_first_not_of(" \t");
        if (content != std::string::npos && line[content] != '#') {
            if (content < indent) break;
            end = next_end;
        }
        pos = next_end;
    }
    return end;
}

// A key added to a block mapping `parent` (at `parent_path`), after its last line.
bool add_key(std::string& text, const YAML::Node& parent, const std::string& key,
             const std::string& value, const std::string& origin, bool top) {
    if (!parent.IsMap() || (!top && flow_at(text, parent)) || parent.size() == 0) return false;
    const YAML::Mark first = parent.begin()->first.Mark();
    if (first.is_null()) return false;
    const auto indent = static_cast<std::size_t>(first.column);
    // The mapping ends before the next line indented less than its keys.
    const std::size_t insert_at =
        block_end(text, line_end(text, static_cast<std::size_t>(first.pos)), indent);
    text.insert(insert_at, "\n" + std::string(indent, ' ') + key + ": " + value +
                               "  # followsim: " + origin + ", added");
    return true;
}

// A value that is a collection in the text (or becomes one) replaced whole: the key's line
// keeps the key, takes the value in flow style, and the block below it goes.
bool replace_value(std::string& text, const YAML::Node& root, const TextChange& change) {
    const std::vector<std::string> parts = split_path(change.path);
    std::string parent_path;
    for (std::size_t i = 0; i + 1 < parts.size(); ++i)
        parent_path = child_path(parent_path, parts[i]);
    const YAML::Node parent = parent_path.empty() ? root : find_path(root, parent_path);
    if (!parent.IsMap()) return false;
    for (auto it = parent.begin(); it != parent.end(); ++it) {
        if (it->first.Scalar() != parts.back()) continue;
        const YAML::Mark key = it->first.Mark();
        if (key.is_null() || flow_at(text, parent)) return false;
        const auto indent = static_cast<std::size_t>(key.column);
        const auto key_pos = static_cast<std::size_t>(key.pos);
        const auto colon = text.find(':', key_pos);
        if (colon == std::string::npos || colon > line_end(text, key_pos)) return false;
        // The block under the key: the lines indented more than the key.
        const std::size_t end = block_end(text, line_end(text, key_pos), indent + 1);
        text.replace(colon, end - colon,
                     ": " + change.value + "  # followsim: " + change.origin + ", replaced");
        return true;
    }
    return false;
}

bool apply_change(std::string& text, const TextChange& change) {
    const YAML::Node root = YAML::Load(text);
    const YAML::Node value = YAML::Load(change.value);
    const YAML::Node node = find_path(root, change.path);
    if (node && node.IsScalar() && value.IsScalar()) return replace_scalar(text, node, change);
    if (node) return replace_value(text, root, change);
    // A new key: under the deepest section that exists, the rest of the path as flow maps.
    const std::vector<std::string> parts = split_path(change.path);
    for (std::size_t n = parts.size() - 1;; --n) {
        std::string parent_path;
        for (std::size_t i = 0; i < n; ++i) parent_path = child_path(parent_path, parts[i]);
        const YAML::Node parent = n == 0 ? root : find_path(root, parent_path);
        if (parent) {
            std::string nested = change.value;
            for (std::size_t i = parts.size() - 1; i > n; --i)
                nested = "{" + parts[i] + ": " + nested + "}";
            return add_key(text, parent, parts[n], nested, change.origin, n == 0);
        }
        if (n == 0) return false;
    }
}

}  // namespace

bool same_tree(const YAML::Node& a, const YAML::Node& b) {
    if (a.Type() != b.Type()) return false;
    switch (a.Type()) {
        case YAML::NodeType::Scalar:
            return a.Scalar() == b.Scalar();
        case YAML::NodeType::Sequence:
            if (a.size() != b.size()) return false;
            for (std::size_t i = 0; i < a.size(); ++i) {
                if (!same_tree(a[i], b[i])) return false;
            }
            return true;
        case YAML::NodeType::Map:
            if (a.size() != b.size()) return false;
            for (auto it = a.begin(); it != a.end(); ++it) {
                const YAML::Node other = b[it->first.Scalar()];
                if (!other || !same_tree(it->second, other)) return false;
            }
            return true;
        default:
            return true;
    }
}

std::string edited_scenario_text(const std::string& source, const std::vector<TextChange>& changes,
                                 const YAML::Node& expected) {
    std::string text = source;
    bool edited = true;
    try {
        for (const TextChange& change : changes) {
            if (!apply_change(text, change)) {
                edited = false;
                break;
            }
        }
        edited = edited && same_tree(YAML::Load(text), expected);
    } catch (const YAML::Exception&) {
        edited = false;
    }
    if (edited) return text;
    YAML::Emitter emitter;
    emitter << expected;
    std::string origins;
    for (const TextChange& c : changes)
        origins += fmt::format(", {}: {}={}", c.origin, c.path, c.value);
    return "# followsim could not edit the source text in place" + origins +
           "; its comments are in the source file\n" + emitter.c_str();
}

}  // namespace followsim::scenario
