// Points that each run the same replications: PSA draws and sweep points. Every point runs
// replications 0..R-1 of one seed (common random numbers across points), as indexed tasks
// (point, replication) on a distributor, so even a few points spread over many processes;
// per point and arm, each metric is then the mean over its replications (NaN left out), summed
// in replication order whatever ran where.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

#include "engine/experiment/task_distributor.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::experiment {

struct PointsSettings {
    std::uint64_t replications = 1;  // per point
    std::uint64_t seed = 1;
    unsigned threads = 0;
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(std::uint64_t, std::uint64_t)> progress;  // (tasks done, tasks)
    TaskDistributor* distributor = nullptr;                      // null: this process's threads
};

// The points' settings from an experiment's (replications, seed, cancel, progress, distributor).
template <typename Settings>
PointsSettings points_settings(const Settings& s, unsigned threads) {
    return {s.replications, s.seed, threads, s.cancel, s.progress, s.distributor};
}

struct PointsResults {
    bool complete = false;                                // false: a shard ran its share only
    std::vector<std::vector<std::vector<double>>> means;  // [point][arm][metric]
    std::uint64_t events = 0;
};

// `config_of(point)` gives the model of a point; it is called at most once per point in each
// process, from any thread.
PointsResults run_points(std::uint64_t points,
                         const std::function<model::ModelConfig(std::uint64_t)>& config_of,
                         const PointsSettings& settings);

}  // namespace followsim::experiment
