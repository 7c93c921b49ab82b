// The rules of a scenario that join several values, checked on the converted model: shares
// that sum to 1, a Poisson stream that ends after it starts, a number of persons the model
// can hold. The loader places a broken rule at the scenario's node; a parameter binding at the
// value that broke it.
#pragma once

#include <string>
#include <vector>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

struct ModelProblem {
    std::string path;
    std::string message;
};

// Persons of one cohort in one arm the model takes at most (memory).
inline constexpr double kMaxPersonsPerCohort = 5e7;

std::vector<ModelProblem> check_model(const model::ModelConfig& config);

// What a planner should know before running, though the scenario is valid: an arm that can
// never serve the persons it routes somewhere, or places or money that cannot cover the
// expected need (a rough estimate from expected arrivals and stays).
std::vector<ModelProblem> capacity_warnings(const model::ModelConfig& config);

}  // namespace followsim::scenario
