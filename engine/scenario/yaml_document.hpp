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

// The text of a scenario file; throws ScenarioError (FILE:0:0) if it cannot be read.
std::string read_scenario_text(const std::string& path);

std::string sha256_hex(const std::string& bytes);

}  // namespace followsim::scenario
