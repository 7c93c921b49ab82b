// Probabilistic sensitivity analysis: parameter draws from the scenario's `uncertainty`
// section (correlated through a Gaussian copula, Cholesky factor by Eigen), each draw run for
// a number of replications on the same random numbers (common random numbers across draws,
// so differences between draws come from the parameters), giving per draw and arm the mean of
// every metric. Draw k's parameters come from the stream of (seed, k) alone.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/psa_evppi.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

struct PsaSettings {
    std::uint64_t draws = 1000;
    std::uint64_t replications = 10;  // per draw
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct PsaResults {
    std::uint64_t draws = 0;
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
    std::uint64_t events = 0;
    double wall_seconds = 0.0;
    std::vector<std::vector<double>> parameter_values;      // [draw][parameter]
    std::vector<std::vector<std::vector<double>>> samples;  // [draw][arm][metric]
    std::optional<std::size_t> baseline_arm;
    std::vector<ArmSummary> arms;  // each metric over draws
    PsaEvppi evppi;                // per parameter and group, over the CEAC's grid
};

// The parameter values of every draw, [draw][parameter].
std::vector<std::vector<double>> draw_parameters(const scenario::Uncertainty& uncertainty,
                                                 std::uint64_t draws, std::uint64_t seed);
// The draw of a parameter as an assignment to its binding (durations in the prior's unit).
scenario::Assignment parameter_assignment(const scenario::UncertainParameter& parameter,
                                          double value);

// Mean of every metric of every arm over `replications` replications, [arm][metric] (the
// ratio metrics of ratio_parts() as ratios of means); single-threaded. Adds the events processed to
// `events`.
std::vector<std::vector<double>> mean_metrics(const model::ModelConfig& config,
                                              std::uint64_t replications, std::uint64_t seed,
                                              std::uint64_t& events);

PsaResults run_psa(const scenario::Scenario& scenario, const PsaSettings& settings);

}  // namespace followsim::experiment
