// What a scenario's text must be before it is read as YAML: UTF-8 with only the characters
// YAML allows, one document, no tags (a scenario has no use for them, and an unknown tag
// would be ignored silently), and nesting no deeper than a scenario ever needs. The same
// rules hold for a scenario file, a text from Python and the value of a --set assignment.
#pragma once

#include <yaml-cpp/yaml.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace followsim::scenario {

// A problem of the text at a place in it (line and column from 0, as YAML::Mark).
struct TextProblem {
    YAML::Mark mark;
    std::string message;
};

// The first byte sequence that is not UTF-8 or not a character YAML allows (c-printable:
// tab, line feed, carriage return, and no other control character), if any.
std::optional<TextProblem> find_encoding_problem(std::string_view text);

// `text` for a one-line message: a line break as \n, a byte that is not a printable UTF-8
// character as \xNN.
std::string one_line(std::string_view text);

// Parses `text` as a scenario's YAML: its one document, or every problem found (encoding,
// syntax, a second document, a tag, nesting too deep) and no node.
struct ParsedYaml {
    YAML::Node root;
    std::vector<TextProblem> problems;
};
ParsedYaml parse_scenario_yaml(const std::string& text);

// Nesting a scenario never comes near (its deepest value is about 8 levels down).
inline constexpr int kMaxYamlDepth = 64;

}  // namespace followsim::scenario
