#include "engine/experiment/metric_summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace followsim::experiment {

double quantile_of_sorted(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
    const double h = p * static_cast<double>(sorted.size() - 1);
    const auto below = static_cast<std::size_t>(std::floor(h));
    const std::size_t above = std::min(below + 1, sorted.size() - 1);
    return sorted[below] + (h - static_cast<double>(below)) * (sorted[above] - sorted[below]);
}

namespace {

std::pair<double, double> percentiles95(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return {quantile_of_sorted(values, 0.025), quantile_of_sorted(values, 0.975)};
}

std::vector<double> without_missing(const std::vector<double>& values) {
    std::vector<double> kept;
    kept.reserve(values.size());
    for (double v : values) {
        if (!std::isnan(v)) kept.push_back(v);
    }
    return kept;
}

}  // namespace

MetricSummary summarize_metric(const std::vector<double>& values, bool with_percentiles) {
    core::RunningStats stats;
    for (double v : values) {
        if (!std::isnan(v)) stats.add(v);
    }
    MetricSummary m;
    m.available = stats.count() > 0;
    if (m.available) m.summary = core::summarize(stats);
    if (m.available && with_percentiles) m.interval95 = percentiles95(without_missing(values));
    return m;
}

MetricSummary summarize_ratio_of_means(const std::vector<double>& numerators,
                                       const std::vector<double>& denominators,
                                       const std::vector<double>& ratios, bool with_percentiles) {
    MetricSummary m = summarize_metric(ratios, with_percentiles);
    core::RunningStats num, den;
    for (std::size_t i = 0; i < numerators.size(); ++i) {
        if (std::isnan(numerators[i]) || std::isnan(denominators[i])) continue;
        num.add(numerators[i]);
        den.add(denominators[i]);
    }
    if (!m.available || den.count() == 0 || !(den.mean() > 0.0)) return MetricSummary{};
    const double ratio = num.mean() / den.mean();
    // Delta method: var(R) ~ var(X - R Y) / (n mean(Y)^2).
    core::RunningStats residual;
    for (std::size_t i = 0; i < numerators.size(); ++i) {
        if (std::isnan(numerators[i]) || std::isnan(denominators[i])) continue;
        residual.add(numerators[i] - ratio * denominators[i]);
    }
    const core::Summary r = core::summarize(residual);
    const double half = (r.ci95_high - r.ci95_low) / 2.0 / den.mean();
    m.summary.mean = ratio;
    m.summary.ci95_low = ratio - half;
    m.summary.ci95_high = ratio + half;
    return m;
}

}  // namespace followsim::experiment
