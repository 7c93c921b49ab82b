// Time-to-event distributions of the model, sampled by inversion of the cumulative hazard:
// a person brings a unit exponential draw E (from their own random stream), and the event
// time is the t with H(t) = E / HR, where HR is the product of the hazard ratios that apply.
// Inversion keeps common random numbers tight: the same person with the same E finds a job
// sooner in an arm with a higher hazard, never at an unrelated time.
#pragma once

#include <limits>
#include <vector>

namespace followsim::model {

inline constexpr double kNever = std::numeric_limits<double>::infinity();

enum class TimeToEventKind {
    none,         // the event never happens
    exponential,  // constant hazard rate_per_day
    weibull,      // H(t) = (t / scale)^shape
    lognormal,    // log T ~ N(meanlog, sdlog^2), T in days
    piecewise,    // constant hazard within pieces ending at piece_end_days
    fixed,        // always after fixed_days, whatever the hazard ratio
};

struct TimeToEvent {
    TimeToEventKind kind = TimeToEventKind::none;
    double rate_per_day = 0.0;
    double weibull_shape = 1.0;
    double weibull_scale_days = 1.0;
    double lognormal_meanlog = 0.0;
    double lognormal_sdlog = 1.0;
    // Pieces: piece i holds on [end_{i-1}, end_i) with rate piece_rate_per_day[i]; the last
    // end may be infinite (the hazard stays at its last rate).
    std::vector<double> piece_end_days;
    std::vector<double> piece_rate_per_day;
    double fixed_days = 0.0;

    static TimeToEvent never() { return {}; }
    static TimeToEvent exponential(double rate_per_day);
    // The planner's form: "probability p within w days" in the absence of competing risks.
    static TimeToEvent probability_within(double probability, double within_days);
    static TimeToEvent weibull(double shape, double scale_days);
    static TimeToEvent lognormal(double median_days, double sdlog);
    static TimeToEvent fixed(double days);
    static TimeToEvent piecewise(std::vector<double> end_days, std::vector<double> rate_per_day);

    // The event time in days for a unit exponential draw and a hazard ratio (> 0).
    [[nodiscard]] double sample(double unit_exponential, double hazard_ratio = 1.0) const;
    // Probability that the event has happened by t (no competing risks, hazard ratio 1).
    [[nodiscard]] double cumulative_probability(double days) const;
};

}  // namespace followsim::model
