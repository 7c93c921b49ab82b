// One metric over samples (replications or PSA draws): mean, sd and the interval of the mean;
// samples where the metric does not exist (NaN) are left out. Over PSA draws also the spread
// of the draws themselves (interval95), which is what a decision maker needs to see.
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "engine/core/statistics.hpp"

namespace followsim::experiment {

struct MetricSummary {
    bool available = false;  // false: missing in every sample (written null)
    core::Summary summary;
    // Over PSA draws: the 2.5th and 97.5th percentiles of the draws (ci95 stays the interval
    // of the mean). Not set over replications.
    std::optional<std::pair<double, double>> interval95;
};

// `with_percentiles`: also the 2.5th-97.5th percentiles of the values (PSA draws).
MetricSummary summarize_metric(const std::vector<double>& values, bool with_percentiles = false);

// The p-quantile (0 <= p <= 1) of sorted values, linearly interpolated between order
// statistics (Hyndman & Fan type 7, numpy's default); NaN for no values.
double quantile_of_sorted(const std::vector<double>& sorted, double p);

// The ratio of two means, mean(numerators) / mean(denominators), over paired samples, with
// the delta-method interval of that ratio; sd and interval95 are those of the per-sample
// ratios given (interval95 with `with_percentiles`). Unavailable when the mean denominator
// is not positive.
MetricSummary summarize_ratio_of_means(const std::vector<double>& numerators,
                                       const std::vector<double>& denominators,
                                       const std::vector<double>& ratios, bool with_percentiles);

}  // namespace followsim::experiment
