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

// Persons of one arm (every cohort's arrivals and initial caseloads) the model takes at most;
// the memory estimate (app/resource_limits.hpp) also holds a run to the machine's memory.
inline constexpr double kMaxPersons = 5e7;
// Every arm is compared with every other on every metric: time and memory grow with the square
// of the arms (1,000 arms took 116 s and 15.9 GB).
inline constexpr std::size_t kMaxArms = 100;
// Results are kept by cohort for every arm of every replication, and a person's cohort is
// stored in 16 bits.
inline constexpr std::size_t kMaxCohorts = 1000;

std::vector<ModelProblem> check_model(const model::ModelConfig& config);

// What a planner should know before running, though the scenario is valid: an arm that can
// never serve the persons it routes somewhere, or places or money that cannot cover the
// expected need (a rough estimate from expected arrivals and stays).
std::vector<ModelProblem> capacity_warnings(const model::ModelConfig& config);

}  // namespace followsim::scenario
