// The per-arm metrics of the results contract (DESIGN.md, "Results contract"): their names,
// in the order they are written, and how each is read off one replication of one arm.
// A metric that does not exist in a replication (no one placed: no days to job) is NaN and is
// left out of that metric's summary; a metric missing in every replication is written null.
#pragma once

#include <string_view>
#include <vector>

#include "engine/model/arm_outcome.hpp"

namespace followsim::experiment {

struct MetricDefinition {
    std::string_view name;
    double (*value)(const model::ArmOutcome&);
};

const std::vector<MetricDefinition>& arm_metrics();

}  // namespace followsim::experiment
