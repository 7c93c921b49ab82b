// YAML -> Scenario: parse, apply --set overrides, check the structure against the schema,
// then convert with the checks a schema cannot express (shares summing to 1, references to
// pathways, durations that must be positive). Every problem is collected; if there is any,
// a ScenarioError carrying all of them is thrown.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::scenario {

// `overrides` are "key.path=value" assignments (the value is YAML: 5, 0.3, "6 months",
// {count: 10}); list items are addressed by index or by their name.
Scenario load_scenario_file(const std::string& path,
                            const std::vector<std::string>& overrides = {});
// The scenario as run with further overrides (a PSA draw, a sweep point): reloaded from its
// resolved YAML and validated the same way; it keeps the base's file and SHA-256.
Scenario load_variant(const Scenario& base, const std::vector<std::string>& overrides);
// The text of a scalar value of the scenario as run, by key path; nullopt if there is none.
std::optional<std::string> value_at(const Scenario& scenario, const std::string& path);
Scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides = {});

}  // namespace followsim::scenario
