#include "engine/experiment/metric_summary.hpp"

#include <cmath>

namespace followsim::experiment {

MetricSummary summarize_metric(const std::vector<double>& values) {
    core::RunningStats stats;
    for (double v : values) {
        if (!std::isnan(v)) stats.add(v);
    }
    MetricSummary m;
    m.available = stats.count() > 0;
    if (m.available) m.summary = core::summarize(stats);
    return m;
}

}  // namespace followsim::experiment
