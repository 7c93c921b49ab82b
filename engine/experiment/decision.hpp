// The answer a planner asks for: which arm to choose by socio-economic NPV, how sure that is,
// how far behind the runner-up is, and, where a sweep or a PSA can tell, the parameter value
// at which the answer would change. Arms are ranked by their socio-economic value, which
// orders them as the NPV against the baseline arm does (and exists without a baseline arm).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/metric_summary.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

// Where the NPV gap between the recommended arm and the runner-up crosses zero.
struct DecidingThreshold {
    std::string parameter;         // key path
    double value = 0.0;            // in `unit` for a duration
    std::string unit;              // "" or days/weeks/months/years
    bool runner_up_above = false;  // the runner-up is better above `value` (else below)
    std::string source;            // "sweep" or "psa"
};

struct Decision {
    std::size_t recommended = 0;
    std::optional<std::size_t> runner_up;
    // Share of samples in which the recommended arm has the highest value; NaN when unknown.
    double probability_best = 0.0;
    std::string basis;  // what the samples are: "replications", "draws" or "scenario"
    MetricSummary gap;  // value of the recommended arm minus the runner-up's, paired
    std::optional<DecidingThreshold> threshold;
};

// From samples [sample][arm][metric] (replications, or PSA draws with `over_draws`).
Decision decide(const std::vector<std::vector<std::vector<double>>>& samples, bool over_draws);

// A PSA's decision: as decide() over the draws, with the parameter whose draws best explain
// the gap (a straight line fitted to the gap over the parameter's draws) if the line crosses
// zero inside the draws' central 95 %.
Decision psa_decision(const scenario::Uncertainty& uncertainty,
                      const std::vector<std::vector<double>>& parameter_values,
                      const std::vector<std::vector<std::vector<double>>>& draws);

// A sweep's decision: at the scenario's values (point 0), with the first one-way sweep, by
// swing, along which the gap crosses zero (linear between the points).
Decision sweep_decision(const SweepResults& results);

}  // namespace followsim::experiment
