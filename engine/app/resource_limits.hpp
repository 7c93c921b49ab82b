// Memory a command will need, estimated before it starts, against a limit (--max-memory,
// default three quarters of the machine's memory or of the control group's limit): a run that
// would not fit is refused (exit 2) with the estimate, the limit and what to change, instead of
// dying of std::bad_alloc or the OOM killer halfway.
//
// The estimate: persons of an arm (every cohort's expected arrivals and initial caseloads) x
// the replications simulated at once (threads) x bytes a person, plus what is kept of every
// replication, draw or point for the results, plus the program itself.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/app/command_settings.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::app {

// Bytes a simulated person takes, all included (their record, their pending event, the event
// list's index, the pool's spare room), with a margin. Measured on 2026-11-26: the growth of
// peak RSS from 200,000 to 2,000,000 persons in one replication on one thread was 196 bytes a
// person with everyone at once, 196 with an initial caseload, 163 to 186 with a Poisson
// stream (tests/cli/memory_test.py checks the estimate against peak RSS).
inline constexpr double kBytesPerPerson = 256.0;
// The program, its libraries and the report's chart libraries.
inline constexpr double kProgramBytes = 64.0 * (1 << 20);

struct MemoryEstimate {
    double persons = 0.0;     // persons of one arm of one replication
    unsigned at_once = 1;     // replications (or draws, points, candidates) simulated at once
    double simulation = 0.0;  // bytes: persons x at_once x kBytesPerPerson
    double results = 0.0;     // bytes kept for the results
    [[nodiscard]] double total() const { return kProgramBytes + simulation + results; }
};

// `kept`: replications (run) or draws, points or candidates whose results are kept;
// `outcomes_kept`: whether each keeps the arms' whole outcome (a run) or only the metrics.
MemoryEstimate estimate_memory(const model::ModelConfig& config, unsigned threads,
                               std::uint64_t kept, bool outcomes_kept);

// A sweep holds a copy of the model for each point, and a grid's points multiply: a few
// --vary of 1,000 steps would be billions.
inline constexpr std::uint64_t kMaxSweepPoints = 100000;

// The points of a sweep: the scenario as it is, then each variable's steps one at a time, or
// every combination (grid). Throws experiment::UsageError beyond kMaxSweepPoints.
std::uint64_t sweep_points(const std::vector<experiment::SweepVariable>& variables, bool grid);

// The default limit: three quarters of physical memory, or of the control group's limit if
// that is lower.
std::uint64_t default_memory_limit();

// "8G", "512M", "1.5GiB", "1000000" (bytes); K, M, G and T are powers of 1024. Throws
// experiment::UsageError for anything else.
std::uint64_t parse_memory_size(const std::string& text);

// Throws experiment::UsageError (exit 2) if the estimate is over the limit of `running`
// (max_memory, or the default). `unit` names what runs at once ("replications", "draws").
void check_memory(const MemoryEstimate& estimate, const Running& running, const std::string& unit);

}  // namespace followsim::app
