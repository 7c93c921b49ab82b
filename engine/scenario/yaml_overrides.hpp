// --set KEY.PATH=VALUE on the YAML document, before it is checked: any value, section or list
// item can be replaced (the value is YAML: 5, 0.3, "6 months", {count: 10}); list items are
// addressed by index or by their name.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "engine/scenario/problem_reporter.hpp"

namespace followsim::scenario {

// Applies one assignment to `root`; a malformed one is reported and changes nothing.
void apply_override(YAML::Node& root, const std::string& assignment, ProblemReporter& reporter);

}  // namespace followsim::scenario
