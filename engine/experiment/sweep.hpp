// Sweeps: one-way (each variable over its range with the others at the scenario's values; a
// tornado of the NPV difference between two arms) or a grid (every combination). Every point
// runs the same replications (common random numbers), so differences between points come from
// the parameters.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/parameter_bindings.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

struct SweepVariable {
    std::string path;
    double from = 0.0;
    double to = 0.0;
    int steps = 2;
    std::string unit;  // "", or days/weeks/months/years

    [[nodiscard]] double value(int step) const;
    // The value as an assignment to the parameter's binding (durations in `unit`).
    [[nodiscard]] scenario::Assignment assignment_for(double value) const;
};

// "key.path=FROM:TO:STEPS" or "key.path=FROM:TO:STEPS:UNIT"; throws UsageError.
SweepVariable parse_vary(const std::string& spec);

struct SweepSettings {
    std::vector<SweepVariable> variables;
    bool grid = false;
    std::uint64_t replications = 20;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    std::string arm;     // tornado: this arm ... (default: the best at the scenario's values)
    std::string versus;  // ... against this one (default: the best other arm)
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr;
};

struct SweepPoint {
    std::vector<std::optional<double>> values;  // per variable; nullopt: the scenario's value
};

struct TornadoBar {
    std::size_t variable = 0;
    double at_from = 0.0;  // NPV difference with the variable at FROM
    double at_to = 0.0;    // ... at TO
};

struct BestPoint {
    std::string metric;
    std::size_t point = 0;
    std::size_t arm = 0;
    double value = 0.0;
};

struct SweepResults {
    std::vector<SweepVariable> variables;
    bool grid = false;
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
    std::uint64_t events = 0;
    double wall_seconds = 0.0;
    std::vector<double> scenario_values;  // per variable: the scenario's value (in its unit)
    std::vector<SweepPoint> points;       // [0]: the scenario as it is
    std::vector<std::vector<std::vector<double>>> means;  // [point][arm][metric]
    std::size_t tornado_arm = 0;
    std::size_t tornado_versus = 0;
    double tornado_base = 0.0;        // NPV difference at the scenario's values
    std::vector<TornadoBar> tornado;  // one-way sweeps: by swing, largest first
    std::vector<BestPoint> best;      // per account: the point and arm that do best
};

SweepResults run_sweep(const scenario::Scenario& scenario, const SweepSettings& settings);

}  // namespace followsim::experiment
