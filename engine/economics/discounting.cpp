#include "engine/economics/discounting.hpp"

#include <cmath>
#include <limits>

namespace followsim::economics {

namespace {
constexpr double kDaysPerYear = 365.25;
}

Discounting::Discounting(const EconomicsConfig& config) {
    const double inf = std::numeric_limits<double>::infinity();
    const double bounds[4] = {0.0, 40 * kDaysPerYear, 75 * kDaysPerYear, inf};
    const double rates[3] = {config.discount_rate, config.discount_rate_after_40_years,
                             config.discount_rate_after_75_years};
    double factor = 1.0;
    for (int i = 0; i < 3; ++i) {
        segments_[i] =
            Segment{bounds[i], bounds[i + 1], std::log1p(rates[i]) / kDaysPerYear, factor};
        if (i < 2) factor *= std::exp(-segments_[i].log_rate_per_day * (bounds[i + 1] - bounds[i]));
    }
}

double Discounting::factor(double day) const {
    for (const Segment& s : segments_) {
        if (day < s.to_day)
            return s.factor_at_start * std::exp(-s.log_rate_per_day * (day - s.from_day));
    }
    return 0.0;
}

double Discounting::integral(double from_day, double to_day) const {
    if (!(to_day > from_day)) return 0.0;
    double total = 0.0;
    for (const Segment& s : segments_) {
        const double a = std::max(from_day, s.from_day);
        const double b = std::min(to_day, s.to_day);
        if (!(b > a)) continue;
        const double delta = s.log_rate_per_day;
        const double fa = s.factor_at_start * std::exp(-delta * (a - s.from_day));
        // The integral of f(a) e^{-delta (t - a)} over [a, b]; at a zero rate, b - a.
        total += delta > 0.0 ? fa * -std::expm1(-delta * (b - a)) / delta : fa * (b - a);
    }
    return total;
}

}  // namespace followsim::economics
