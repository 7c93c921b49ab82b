// The scenario as run, written as its source text with the changed values edited in place, so
// the comments (where each value's source is cited) survive: a changed value gets a trailing
// comment naming where the change came from ("# followsim: --set, was 6"), an added key a line
// of its own. The edit is guided by the YAML marks of the nodes and checked: the edited text
// must read back as the tree it stands for, else the tree is written as YAML (comments lost,
// and a first line says so).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace followsim::scenario {

struct TextChange {
    std::string path;    // dotted key path (list items by index or name), as for --set
    std::string value;   // the new value as YAML text
    std::string origin;  // "--set", "calibrated 2026-11-25", ...
};

// `expected` is the tree the result must read back as (the source with the changes applied).
std::string edited_scenario_text(const std::string& source, const std::vector<TextChange>& changes,
                                 const YAML::Node& expected);

// Whether two YAML trees hold the same values (mappings compared by key, not order; scalars
// by their text).
bool same_tree(const YAML::Node& a, const YAML::Node& b);

}  // namespace followsim::scenario
