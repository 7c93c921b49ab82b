#include "engine/core/statistics.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>

namespace followsim::core {

void RunningStats::merge(const RunningStats& other) noexcept {
    if (other.n_ == 0) return;
    if (n_ == 0) {
        *this = other;
        return;
    }
    const double na = static_cast<double>(n_);
    const double nb = static_cast<double>(other.n_);
    const double delta = other.mean_ - mean_;
    const double n = na + nb;
    mean_ += delta * nb / n;
    m2_ += other.m2_ + delta * delta * na * nb / n;
    n_ += other.n_;
    min_ = std::min(min_, other.min_);
    max_ = std::max(max_, other.max_);
}

double RunningStats::variance() const noexcept {
    return n_ > 1 ? m2_ / static_cast<double>(n_ - 1) : 0.0;
}

double RunningStats::sd() const noexcept {
    return std::sqrt(variance());
}

double student_t_quantile(double alpha, double dof) {
    boost::math::students_t dist(dof);
    return boost::math::quantile(boost::math::complement(dist, alpha / 2.0));
}

Summary summarize(const RunningStats& stats) {
    Summary s;
    s.n = stats.count();
    s.mean = stats.mean();
    s.sd = stats.sd();
    s.ci95_low = s.ci95_high = s.mean;
    if (s.n >= 2) {
        const double half = student_t_quantile(0.05, static_cast<double>(s.n - 1)) * s.sd /
                            std::sqrt(static_cast<double>(s.n));
        s.ci95_low = s.mean - half;
        s.ci95_high = s.mean + half;
    }
    return s;
}

Summary summarize(std::span<const double> values) {
    RunningStats stats;
    for (double v : values) stats.add(v);
    return summarize(stats);
}

}  // namespace followsim::core
