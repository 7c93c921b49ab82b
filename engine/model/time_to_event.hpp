// Time-to-event distributions of the model, sampled by inversion of the cumulative hazard:
// a person brings a unit exponential draw E (from their own random stream), and the event
// time is the t with H(t) = E / HR, where HR is the product of the hazard ratios that apply.
// Inversion keeps common random numbers tight: the same person with the same E finds a job
// sooner in an arm with a higher hazard, never at an unrelated time.
//
// Each form is a small struct with its cumulative hazard H, the inverse of H and its CDF;
// TimeToEvent is the variant of the forms. A new form is a new struct here (and its YAML
// converter in engine/scenario/convert_time_to_event.cpp).
#pragma once

#include <limits>
#include <variant>
#include <vector>

namespace followsim::model {

inline constexpr double kNever = std::numeric_limits<double>::infinity();

// The event never happens.
struct NoEvent {
    [[nodiscard]] double cumulative_hazard(double) const { return 0.0; }
    [[nodiscard]] double time_at(double) const { return kNever; }
};

// Constant hazard rate_per_day.
struct Exponential {
    double rate_per_day = 0.0;

    [[nodiscard]] double cumulative_hazard(double days) const { return rate_per_day * days; }
    [[nodiscard]] double time_at(double hazard) const {
        return rate_per_day > 0.0 ? hazard / rate_per_day : kNever;
    }
};

// The planner's form: "probability p within w days" absent competing risks, an exponential
// with rate -ln(1 - p) / w. Both figures are kept, so that either can be varied on its own.
struct ProbabilityWithin : Exponential {
    double probability = 0.0;
    double within_days = 1.0;

    ProbabilityWithin() = default;
    ProbabilityWithin(double p, double within);
};

// H(t) = (t / scale)^shape.
struct Weibull {
    double shape = 1.0;
    double scale_days = 1.0;

    [[nodiscard]] double cumulative_hazard(double days) const;
    [[nodiscard]] double time_at(double hazard) const;
};

// log T ~ N(meanlog, sdlog^2), T in days.
struct LogNormal {
    double meanlog = 0.0;
    double sdlog = 1.0;

    [[nodiscard]] double cumulative_hazard(double days) const;
    [[nodiscard]] double time_at(double hazard) const;
};

// Constant hazards in pieces: piece i holds on [end_{i-1}, end_i) with rate_per_day[i]; the
// last end may be infinite (the hazard stays at its last rate), else the hazard ends there.
struct PiecewiseHazard {
    std::vector<double> end_days;
    std::vector<double> rate_per_day;

    [[nodiscard]] double cumulative_hazard(double days) const;
    [[nodiscard]] double time_at(double hazard) const;
};

// Always after `days`, whatever the hazard ratio (a degenerate distribution, for checks).
struct FixedDelay {
    double days = 0.0;

    [[nodiscard]] double cumulative_hazard(double t) const { return t >= days ? kNever : 0.0; }
    [[nodiscard]] double time_at(double) const { return days; }
};

using TimeToEventForm = std::variant<NoEvent, Exponential, ProbabilityWithin, Weibull, LogNormal,
                                     PiecewiseHazard, FixedDelay>;

struct TimeToEvent {
    TimeToEventForm form;

    static TimeToEvent never() { return {}; }
    static TimeToEvent exponential(double rate_per_day);
    static TimeToEvent probability_within(double probability, double within_days);
    static TimeToEvent weibull(double shape, double scale_days);
    static TimeToEvent lognormal(double median_days, double sdlog);
    static TimeToEvent fixed(double days);
    static TimeToEvent piecewise(std::vector<double> end_days, std::vector<double> rate_per_day);

    [[nodiscard]] bool is_never() const;
    // The hazard rate of an exponential form (0 for none; NaN for a form whose hazard changes
    // with time since the start).
    [[nodiscard]] double exponential_rate() const;
    // The event time in days for a unit exponential draw and a hazard ratio (> 0).
    [[nodiscard]] double sample(double unit_exponential, double hazard_ratio = 1.0) const;
    // Probability that the event has happened by t (no competing risks, hazard ratio 1).
    [[nodiscard]] double cumulative_probability(double days) const;
    // The event time when the hazard is multiplied by `early_ratio` for the first
    // `early_days` (e.g. follow-up after a placement), then not.
    [[nodiscard]] double sample_with_early_ratio(double unit_exponential, double early_ratio,
                                                 double early_days) const;
    // H(t), and the t at which H reaches a value (kNever if it never does).
    [[nodiscard]] double cumulative_hazard(double days) const;
    [[nodiscard]] double time_at_cumulative_hazard(double hazard) const;
};

}  // namespace followsim::model
