// The JSON Schema of the scenario format: the one description of which keys exist, their
// types and their documentation. `followsim schema` prints it; the loader checks every
// scenario's structure against it before converting it.
#pragma once

#include <nlohmann/json.hpp>

namespace followsim::scenario {

const nlohmann::json& scenario_schema();

}  // namespace followsim::scenario
