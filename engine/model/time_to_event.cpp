#include "engine/model/time_to_event.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <stdexcept>

namespace followsim::model {

ProbabilityWithin::ProbabilityWithin(double p, double within)
    : Exponential{-std::log1p(-p) / within}, probability(p), within_days(within) {}

double Weibull::cumulative_hazard(double days) const {
    return days > 0.0 ? std::pow(days / scale_days, shape) : 0.0;
}

double Weibull::time_at(double hazard) const {
    return scale_days * std::pow(hazard, 1.0 / shape);
}

double LogNormal::cumulative_hazard(double days) const {
    if (days <= 0.0) return 0.0;
    // H = -ln S, S = 1 - Phi((ln t - meanlog) / sdlog).
    const double z = (std::log(days) - meanlog) / sdlog;
    return -std::log(boost::math::cdf(boost::math::complement(boost::math::normal(), z)));
}

double LogNormal::time_at(double hazard) const {
    // S(T) = exp(-hazard)  =>  Phi(z) = 1 - exp(-hazard) = -expm1(-hazard)
    const double p = -std::expm1(-hazard);
    if (p >= 1.0) return kNever;
    if (p <= 0.0) return 0.0;
    const double z = boost::math::quantile(boost::math::normal(), p);
    return std::exp(meanlog + sdlog * z);
}

double PiecewiseHazard::cumulative_hazard(double days) const {
    double start = 0.0, h = 0.0;
    for (std::size_t i = 0; i < end_days.size() && start < days; ++i) {
        const double end = std::min(days, end_days[i]);
        h += rate_per_day[i] * (end - start);
        start = end_days[i];
    }
    return h;
}

double PiecewiseHazard::time_at(double hazard) const {
    double start = 0.0;
    double remaining = hazard;
    for (std::size_t i = 0; i < end_days.size(); ++i) {
        const double rate = rate_per_day[i];
        const double width = end_days[i] - start;
        const double in_piece = rate * width;  // inf * 0 cannot happen: width > 0
        if (remaining <= in_piece) return rate > 0.0 ? start + remaining / rate : kNever;
        remaining -= in_piece;
        start = end_days[i];
    }
    return kNever;  // the hazard ends with the last piece
}

TimeToEvent TimeToEvent::exponential(double rate_per_day) {
    if (!(rate_per_day >= 0.0)) throw std::invalid_argument("rate must be >= 0");
    if (rate_per_day == 0.0) return never();
    return {Exponential{rate_per_day}};
}

TimeToEvent TimeToEvent::probability_within(double probability, double within_days) {
    if (!(probability >= 0.0 && probability < 1.0) || !(within_days > 0.0)) {
        throw std::invalid_argument("probability must be in [0, 1) and within > 0");
    }
    // P(T <= w) = 1 - exp(-rate w)  =>  rate = -ln(1 - p) / w
    return {ProbabilityWithin(probability, within_days)};
}

TimeToEvent TimeToEvent::weibull(double shape, double scale_days) {
    if (!(shape > 0.0) || !(scale_days > 0.0)) throw std::invalid_argument("bad Weibull");
    return {Weibull{shape, scale_days}};
}

TimeToEvent TimeToEvent::lognormal(double median_days, double sdlog) {
    if (!(median_days > 0.0) || !(sdlog > 0.0)) throw std::invalid_argument("bad log-normal");
    return {LogNormal{std::log(median_days), sdlog}};
}

TimeToEvent TimeToEvent::fixed(double days) {
    if (!(days >= 0.0)) throw std::invalid_argument("fixed time must be >= 0");
    return {FixedDelay{days}};
}

TimeToEvent TimeToEvent::piecewise(std::vector<double> end_days, std::vector<double> rate_per_day) {
    if (end_days.empty() || end_days.size() != rate_per_day.size()) {
        throw std::invalid_argument("piecewise hazard needs one rate per piece");
    }
    double previous = 0.0;
    for (std::size_t i = 0; i < end_days.size(); ++i) {
        if (!(end_days[i] > previous) || !(rate_per_day[i] >= 0.0)) {
            throw std::invalid_argument("piece ends must increase and rates be >= 0");
        }
        previous = end_days[i];
    }
    return {PiecewiseHazard{std::move(end_days), std::move(rate_per_day)}};
}

bool TimeToEvent::is_never() const {
    return std::visit(
        [](const auto& f) {
            using F = std::decay_t<decltype(f)>;
            if constexpr (std::is_same_v<F, NoEvent>) return true;
            if constexpr (std::is_base_of_v<Exponential, F>) return !(f.rate_per_day > 0.0);
            return false;
        },
        form);
}

double TimeToEvent::exponential_rate() const {
    if (is_never()) return 0.0;
    if (const auto* e = std::get_if<Exponential>(&form)) return e->rate_per_day;
    if (const auto* p = std::get_if<ProbabilityWithin>(&form)) return p->rate_per_day;
    return std::numeric_limits<double>::quiet_NaN();
}

double TimeToEvent::sample(double unit_exponential, double hazard_ratio) const {
    const double target = unit_exponential / hazard_ratio;  // H(T) = E / HR
    return std::visit([target](const auto& f) { return f.time_at(target); }, form);
}

double TimeToEvent::sample_with_early_ratio(double e, double early_ratio, double early_days) const {
    if (std::holds_alternative<FixedDelay>(form)) return sample(e);
    // Accumulated hazard: r H(t) up to the early days, then r H(D) + H(t) - H(D).
    const double early = early_ratio * cumulative_hazard(early_days);
    if (e <= early) return time_at_cumulative_hazard(e / early_ratio);
    return time_at_cumulative_hazard(e - early + cumulative_hazard(early_days));
}

double TimeToEvent::cumulative_probability(double days) const {
    if (const auto* fixed = std::get_if<FixedDelay>(&form)) return days >= fixed->days ? 1.0 : 0.0;
    return -std::expm1(-cumulative_hazard(days));
}

double TimeToEvent::cumulative_hazard(double days) const {
    return std::visit([days](const auto& f) { return f.cumulative_hazard(days); }, form);
}

double TimeToEvent::time_at_cumulative_hazard(double hazard) const {
    return std::visit([hazard](const auto& f) { return f.time_at(hazard); }, form);
}

}  // namespace followsim::model
