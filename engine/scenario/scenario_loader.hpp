// YAML -> Scenario: read, apply --set overrides, check the structure against the schema, then
// convert section by section (engine/scenario/convert_*.cpp) with the checks a schema cannot
// express (references to pathways, durations that must be positive, shares summing to 1).
// Every problem is collected; if there is any, a ScenarioError carrying all of them is thrown.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::scenario {

// `overrides` are "key.path=value" assignments (the value is YAML: 5, 0.3, "6 months",
// {count: 10}); list items are addressed by index or by their name. The scenario as run
// (resolved_yaml) is the file's text with the overrides edited in and marked.
Scenario load_scenario_file(const std::string& path,
                            const std::vector<std::string>& overrides = {});
Scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides = {});

// The scenario with values set through its parameter bindings (no YAML is read again for the
// model): the model changed, the text as run edited in place to match (each change marked
// with `origin`, comments kept), the assignments added to the overrides. Throws ScenarioError
// for a refused value.
Scenario with_assignments(const Scenario& base, const std::vector<Assignment>& assignments,
                          const std::string& origin = "--set");

}  // namespace followsim::scenario
