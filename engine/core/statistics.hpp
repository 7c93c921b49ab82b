// Statistics collected inside a replication (running moments, time-weighted averages,
// counters) and across replications (mean, sd and a Student-t confidence interval).
#pragma once

#include <algorithm>
#include <cstdint>
#include <span>

namespace followsim::core {

// Welford's online mean and variance: numerically stable in one pass.
class RunningStats {
  public:
    void add(double x) noexcept {
        ++n_;
        if (n_ == 1) {
            min_ = max_ = x;
        } else {
            min_ = std::min(min_, x);
            max_ = std::max(max_, x);
        }
        const double delta = x - mean_;
        mean_ += delta / static_cast<double>(n_);
        m2_ += delta * (x - mean_);
    }
    // Chan et al.'s pairwise merge, so partial results can be combined.
    void merge(const RunningStats& other) noexcept;

    [[nodiscard]] std::uint64_t count() const noexcept { return n_; }
    [[nodiscard]] double mean() const noexcept { return mean_; }
    // Sample variance (n - 1 in the denominator); 0 with fewer than two observations.
    [[nodiscard]] double variance() const noexcept;
    [[nodiscard]] double sd() const noexcept;
    [[nodiscard]] double min() const noexcept { return min_; }
    [[nodiscard]] double max() const noexcept { return max_; }
    [[nodiscard]] double sum() const noexcept { return mean_ * static_cast<double>(n_); }

  private:
    std::uint64_t n_ = 0;
    double mean_ = 0.0;
    double m2_ = 0.0;
    double min_ = 0.0;
    double max_ = 0.0;
};

// The time average of a piecewise-constant quantity (queue length, busy servers).
class TimeWeightedAverage {
  public:
    explicit TimeWeightedAverage(double start_time = 0.0, double value = 0.0) noexcept
        : start_(start_time), last_time_(start_time), value_(value) {}

    // The quantity changes to `value` at time `t` (t never decreases).
    void set(double t, double value) noexcept {
        integral_ += value_ * (t - last_time_);
        last_time_ = t;
        value_ = value;
    }
    void add(double t, double delta) noexcept { set(t, value_ + delta); }
    // Starts averaging afresh at `t` (after a warm-up), keeping the current value.
    void restart(double t) noexcept {
        start_ = t;
        last_time_ = t;
        integral_ = 0.0;
    }

    [[nodiscard]] double value() const noexcept { return value_; }
    // Integral of the quantity over [start, t].
    [[nodiscard]] double integral(double t) const noexcept {
        return integral_ + value_ * (t - last_time_);
    }
    // Average over [start, t]; the current value if no time has passed.
    [[nodiscard]] double mean(double t) const noexcept {
        return t > start_ ? integral(t) / (t - start_) : value_;
    }

  private:
    double start_;
    double last_time_;
    double value_;
    double integral_ = 0.0;
};

class Counter {
  public:
    void increment(std::uint64_t by = 1) noexcept { n_ += by; }
    [[nodiscard]] std::uint64_t value() const noexcept { return n_; }

  private:
    std::uint64_t n_ = 0;
};

// A metric summarised over replications.
struct Summary {
    std::uint64_t n = 0;
    double mean = 0.0;
    double sd = 0.0;
    double ci95_low = 0.0;
    double ci95_high = 0.0;
};

// Mean, sample sd, and the two-sided 95 % confidence interval of the mean from Student's t
// with n - 1 degrees of freedom (the interval collapses to the mean when n < 2).
Summary summarize(std::span<const double> values);
Summary summarize(const RunningStats& stats);

// The two-sided (1 - alpha) Student-t quantile t_{1 - alpha/2, dof}.
double student_t_quantile(double alpha, double dof);

}  // namespace followsim::core
