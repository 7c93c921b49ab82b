// The settings of each command and their defaults (DESIGN.md, "Command line"). The command line
// binds its flags to these structs and the Python module reads its defaults from them, so the
// two cannot disagree.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/experiment/task_distributor.hpp"

namespace followsim::app {

// What every command that simulates shares.
struct Running {
    std::uint64_t seed = 1;
    unsigned threads = 0;  // 0: one per hardware thread
    // (done, total) after each replication, draw or point; called from worker threads, serialised.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr;  // set to stop early (Ctrl-C): nothing is written
    // Where the replications run: MPI ranks, a shard; null: this process's threads.
    experiment::TaskDistributor* distributor = nullptr;
    std::uint64_t max_memory = 0;  // bytes the command may need (resource_limits.hpp); 0: default
};

struct RunSettings : Running {
    std::uint64_t replications = 200;  // per arm
};

struct PsaSettings : Running {
    std::uint64_t draws = 1000;
    std::uint64_t replications = 10;  // per draw
};

struct SweepSettings : Running {
    std::vector<std::string> vary;    // KEY.PATH=FROM:TO:STEPS[:UNIT], one per variable
    bool grid = false;                // every combination, not one variable at a time
    std::uint64_t replications = 20;  // per point
    std::string arm;     // tornado: this arm's NPV (default: the best at the scenario's values)
    std::string versus;  // ... minus this arm's (default: the best other arm)
};

struct CalibrateSettings : Running {
    std::string param;  // KEY.PATH, as for --set
    std::string metric;
    double target = 0.0;
    std::string arm;       // default: the first arm
    std::string subgroup;  // "cohort:pilot": that subgroup's metric (default: the arm's)
    std::optional<std::pair<double, double>> bracket;  // default: from the current value
    std::string unit;                                  // for a duration: days/weeks/months/years
    std::uint64_t replications = 200;                  // per evaluation
};

struct OptimiseSettings : Running {
    double budget = 0.0;              // NOK a year to split (required)
    std::string objective = "npv";    // npv, placements or net_fiscal
    std::string arm;                  // default: experiment::default_optimise_arm
    std::uint64_t replications = 50;  // per candidate
};

// A command's default results folder: results/<scenario file's stem>-<command>, so the files
// of a run and a PSA of the same scenario never mix.
std::filesystem::path default_results_folder(const std::string& scenario_file,
                                             std::string_view command);

// "METRIC=VALUE" (calibrate --target) as metric and value; throws experiment::UsageError.
std::pair<std::string, double> parse_target(const std::string& text);
// "LOW:HIGH" (calibrate --bracket); throws experiment::UsageError.
std::pair<double, double> parse_bracket(const std::string& text);

}  // namespace followsim::app
