// Replications of every arm of a scenario on a pool of threads. Replication i uses the streams
// of (seed, i) alone and its results land in slot i, and summaries are taken in replication
// order: results are bit-identical whatever the number of threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/core/statistics.hpp"
#include "engine/experiment/metric_summary.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/experiment/subgroup_metrics.hpp"
#include "engine/model/arm_outcome.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

struct RunSettings {
    std::uint64_t replications = 200;
    std::uint64_t seed = 1;
    unsigned threads = 0;  // 0: one per hardware thread
    // Called from worker threads (serialised) after each replication: (done, total).
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr;  // set to stop early (Ctrl-C)
};

// Means over replications of the monthly state of one arm.
struct MonthMean {
    double day = 0.0;
    model::StateValues mean;

    double operator[](model::StateField f) const noexcept { return mean[f]; }
};

struct ArmSummary {
    std::string name;
    std::vector<MetricSummary> metrics;  // in the order of arm_metrics()
    std::vector<MonthMean> months;
    ArmSubgroups subgroups;  // runs only (PSA draws keep means of the arm's metrics)
};

struct RunResults {
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
    std::uint64_t events = 0;
    double wall_seconds = 0.0;
    std::vector<std::vector<model::ArmOutcome>> outcomes;   // [replication][arm]
    std::vector<std::vector<std::vector<double>>> metrics;  // [replication][arm][metric]
    std::optional<std::size_t> baseline_arm;                // the arm NPVs are measured against
    std::vector<ArmSummary> arms;
};

// The index of the scenario's baseline arm (economics.baseline_arm), if it has one.
std::optional<std::size_t> baseline_arm_of(const model::ModelConfig& config);

RunResults run_replications(const model::ModelConfig& config, const RunSettings& settings);
inline RunResults run_replications(const scenario::Scenario& scenario,
                                   const RunSettings& settings) {
    return run_replications(scenario.model, settings);
}

// Each metric of each arm over samples [sample][arm][metric]: the mean with the interval of
// that mean; over PSA draws (`over_draws`) also the 2.5th-97.5th percentiles of the draws.
// The ratio metrics of ratio_parts() are ratios of means.
std::vector<ArmSummary> summarize_samples(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples,
    bool over_draws = false);

}  // namespace followsim::experiment
