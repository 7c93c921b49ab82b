// Checks a YAML document against the scenario's JSON Schema (the subset it uses: $ref, type,
// properties, additionalProperties, propertyNames, required, minProperties, items, minItems,
// enum, minimum, maximum, exclusiveMinimum, exclusiveMaximum, pattern, oneOf), reporting each
// problem at the YAML node it concerns, with "did you mean" suggestions for unknown keys and
// names. Also reports duplicate keys, which YAML parsers otherwise let pass silently.
#pragma once

#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace followsim::scenario {

struct SchemaProblem {
    YAML::Mark mark;
    std::string path;
    std::string message;
};

// The YAML 1.2 core-schema type of a scalar: null, boolean, integer, number or string.
enum class ScalarType { null, boolean, integer, number, string };
ScalarType scalar_type(const YAML::Node& scalar);

std::vector<SchemaProblem> validate_against_schema(const YAML::Node& document,
                                                   const nlohmann::json& schema);

}  // namespace followsim::scenario
