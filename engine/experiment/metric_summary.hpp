// One metric over samples (replications or PSA draws): mean, sd and the interval of the mean;
// samples where the metric does not exist (NaN) are left out.
#pragma once

#include <vector>

#include "engine/core/statistics.hpp"

namespace followsim::experiment {

struct MetricSummary {
    bool available = false;  // false: missing in every sample (written null)
    core::Summary summary;
};

MetricSummary summarize_metric(const std::vector<double>& values);

}  // namespace followsim::experiment
