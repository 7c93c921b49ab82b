// Calibration: the value of one scenario parameter at which an arm's metric (mean over
// replications) hits a target, by a bracketing root finder (TOMS 748, Boost.Math). Every
// evaluation runs the same replications (common random numbers), so the objective does not
// jump with the noise of new draws. The interval is the range of parameter values whose mean
// metric lies within the 95 % interval of the metric at the solution.
#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "engine/experiment/task_distributor.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

struct CalibrationSettings {
    std::string path;    // the parameter, as for --set
    std::string metric;  // e.g. placement_rate
    double target = 0.0;
    std::string arm;       // default: the first arm
    std::string subgroup;  // "cohort:pilot": the metric of that subgroup (default: the arm's)
    std::optional<std::pair<double, double>> bracket;  // default: from the current value
    std::string unit;                                  // for durations: days/weeks/months/years
    std::uint64_t replications = 200;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    double tolerance = 1e-6;  // on the parameter, relative
    int max_iterations = 60;
    const std::atomic<bool>* cancel = nullptr;
    TaskDistributor* distributor = nullptr;  // each evaluation's replications; null: threads
};

struct CalibrationResult {
    double value = 0.0;
    double low = 0.0;  // interval of the value
    double high = 0.0;
    double achieved = 0.0;  // the metric at the value, and its 95 % interval
    double achieved_low = 0.0;
    double achieved_high = 0.0;
    std::pair<double, double> bracket;
    int evaluations = 0;
    std::string assignment;  // path=value, as --set takes it
    scenario::Scenario calibrated;
};

CalibrationResult calibrate(const scenario::Scenario& scenario,
                            const CalibrationSettings& settings);

}  // namespace followsim::experiment
