// Checks a YAML document against the scenario's JSON Schema (the subset it uses: $ref, type,
// properties, additionalProperties, propertyNames, required, minProperties, items, minItems,
// enum, minimum, maximum, exclusiveMinimum, exclusiveMaximum, oneOf, and x-unit for durations
// and rates, parsed by units.hpp; their pattern is for editors and never run here), reporting
// each problem at the YAML node it concerns, with "did you mean" suggestions for unknown keys
// and names. Also reports duplicate keys, which YAML parsers otherwise let pass silently.
#pragma once

#include <yaml-cpp/yaml.h>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include <vector>
#include "engine/scenario/number_rule.hpp"

namespace followsim::scenario {

struct SchemaProblem {
    YAML::Mark mark;
    std::string path;
    std::string message;
};

// The YAML 1.2 core-schema type of a scalar: null, boolean, integer, number or string.
enum class ScalarType { null, boolean, integer, number, string };
ScalarType scalar_type(const YAML::Node& scalar);

// The number rule of every number in the document, by key path (list items by index).
using NumberRules = std::map<std::string, NumberRule>;

// Every problem of the document; with `rules`, also the rule of each number it holds.
std::vector<SchemaProblem> validate_against_schema(const YAML::Node& document,
                                                   const nlohmann::json& schema,
                                                   NumberRules* rules = nullptr);

}  // namespace followsim::scenario
