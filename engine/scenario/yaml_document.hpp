// The YAML side of a scenario: key paths (dotted, list items by index or by their name), the
// node at a path, and the scenario file's text.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace followsim::scenario {

std::vector<std::string> split_path(const std::string& path);
std::string child_path(const std::string& parent, const std::string& key);
// Whether `path` is `prefix` or lies inside it ("a.b.c" is inside "a.b").
bool path_has_prefix(const std::string& path, const std::string& prefix);

// The node at a dotted key path (list items by index or name), or an undefined node.
YAML::Node find_path(const YAML::Node& root, const std::string& path);

// The most a scenario file may hold: the largest shipped scenario is about 10 KB, and the
// limit keeps a mistaken path (a log, an image) from filling memory.
inline constexpr std::size_t kMaxScenarioBytes = std::size_t{16} << 20;

// The text of a scenario file: a regular file (not a folder, pipe or device) of at most
// kMaxScenarioBytes. Throws ScenarioError (FILE:1:1, with the reason) otherwise.
std::string read_scenario_text(const std::string& path);

std::string sha256_hex(const std::string& bytes);

}  // namespace followsim::scenario
