#include "engine/model/time_to_event.hpp"

#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <cmath>
#include <stdexcept>

namespace followsim::model {

TimeToEvent TimeToEvent::exponential(double rate_per_day) {
    if (!(rate_per_day >= 0.0)) throw std::invalid_argument("rate must be >= 0");
    if (rate_per_day == 0.0) return never();
    TimeToEvent t;
    t.kind = TimeToEventKind::exponential;
    t.rate_per_day = rate_per_day;
    return t;
}

TimeToEvent TimeToEvent::probability_within(double probability, double within_days) {
    if (!(probability >= 0.0 && probability < 1.0) || !(within_days > 0.0)) {
        throw std::invalid_argument("probability must be in [0, 1) and within > 0");
    }
    // P(T <= w) = 1 - exp(-rate w)  =>  rate = -ln(1 - p) / w
    return exponential(-std::log1p(-probability) / within_days);
}

TimeToEvent TimeToEvent::weibull(double shape, double scale_days) {
    if (!(shape > 0.0) || !(scale_days > 0.0)) throw std::invalid_argument("bad Weibull");
    TimeToEvent t;
    t.kind = TimeToEventKind::weibull;
    t.weibull_shape = shape;
    t.weibull_scale_days = scale_days;
    return t;
}

TimeToEvent TimeToEvent::lognormal(double median_days, double sdlog) {
    if (!(median_days > 0.0) || !(sdlog > 0.0)) throw std::invalid_argument("bad log-normal");
    TimeToEvent t;
    t.kind = TimeToEventKind::lognormal;
    t.lognormal_meanlog = std::log(median_days);
    t.lognormal_sdlog = sdlog;
    return t;
}

TimeToEvent TimeToEvent::fixed(double days) {
    if (!(days >= 0.0)) throw std::invalid_argument("fixed time must be >= 0");
    TimeToEvent t;
    t.kind = TimeToEventKind::fixed;
    t.fixed_days = days;
    return t;
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
    TimeToEvent t;
    t.kind = TimeToEventKind::piecewise;
    t.piece_end_days = std::move(end_days);
    t.piece_rate_per_day = std::move(rate_per_day);
    return t;
}

double TimeToEvent::sample(double unit_exponential, double hazard_ratio) const {
    const double target = unit_exponential / hazard_ratio;  // H(T) = E / HR
    switch (kind) {
        case TimeToEventKind::none:
            return kNever;
        case TimeToEventKind::exponential:
            return target / rate_per_day;
        case TimeToEventKind::weibull:
            return weibull_scale_days * std::pow(target, 1.0 / weibull_shape);
        case TimeToEventKind::lognormal: {
            // S(T) = exp(-target)  =>  Phi(z) = 1 - exp(-target) = -expm1(-target)
            const double p = -std::expm1(-target);
            if (p >= 1.0) return kNever;
            if (p <= 0.0) return 0.0;
            const double z = boost::math::quantile(boost::math::normal(), p);
            return std::exp(lognormal_meanlog + lognormal_sdlog * z);
        }
        case TimeToEventKind::piecewise: {
            double start = 0.0;
            double remaining = target;
            for (std::size_t i = 0; i < piece_end_days.size(); ++i) {
                const double rate = piece_rate_per_day[i];
                const double width = piece_end_days[i] - start;
                const double in_piece = rate * width;  // inf * 0 cannot happen: width > 0
                if (remaining <= in_piece) return rate > 0.0 ? start + remaining / rate : kNever;
                remaining -= in_piece;
                start = piece_end_days[i];
            }
            return kNever;  // the hazard ends with the last piece
        }
        case TimeToEventKind::fixed:
            return fixed_days;
    }
    return kNever;
}

double TimeToEvent::cumulative_probability(double days) const {
    switch (kind) {
        case TimeToEventKind::none:
            return 0.0;
        case TimeToEventKind::exponential:
            return -std::expm1(-rate_per_day * days);
        case TimeToEventKind::weibull:
            return -std::expm1(-std::pow(days / weibull_scale_days, weibull_shape));
        case TimeToEventKind::lognormal:
            if (days <= 0.0) return 0.0;
            return boost::math::cdf(boost::math::normal(lognormal_meanlog, lognormal_sdlog),
                                    std::log(days));
        case TimeToEventKind::piecewise: {
            double start = 0.0, h = 0.0;
            for (std::size_t i = 0; i < piece_end_days.size() && start < days; ++i) {
                const double end = std::min(days, piece_end_days[i]);
                h += piece_rate_per_day[i] * (end - start);
                start = piece_end_days[i];
            }
            return -std::expm1(-h);
        }
        case TimeToEventKind::fixed:
            return days >= fixed_days ? 1.0 : 0.0;
    }
    return 0.0;
}

}  // namespace followsim::model
