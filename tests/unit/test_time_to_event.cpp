#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/core/random_stream.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/time_to_event.hpp"

using followsim::core::RandomStream;
using namespace followsim::model;

namespace {
// Share of sampled times <= t over n draws.
double empirical_cdf(const TimeToEvent& d, double t, double hazard_ratio, int n = 100000) {
    RandomStream rng(17, 0, 0);
    int hits = 0;
    for (int i = 0; i < n; ++i) {
        if (d.sample(rng.exponential(1.0), hazard_ratio) <= t) ++hits;
    }
    return static_cast<double>(hits) / n;
}
}  // namespace

TEST_CASE("the planner's form gives the stated probability within the stated time", "[tte]") {
    // P(T <= 730.5) = 1 - exp(-rate * 730.5) = 0.64 exactly.
    const auto d = TimeToEvent::probability_within(0.64, 730.5);
    CHECK(std::get<ProbabilityWithin>(d.form).rate_per_day == Approx(-std::log(0.36) / 730.5));
    CHECK(d.cumulative_probability(730.5) == Approx(0.64));
    CHECK(empirical_cdf(d, 730.5, 1.0) == Approx(0.64).margin(4 * std::sqrt(0.64 * 0.36 / 1e5)));
    CHECK(TimeToEvent::probability_within(0.0, 10.0).is_never());
}

TEST_CASE("sampling by inversion reproduces each distribution's CDF", "[tte]") {
    const std::vector<TimeToEvent> forms{
        TimeToEvent::exponential(0.01),
        TimeToEvent::weibull(1.7, 200.0),
        TimeToEvent::lognormal(150.0, 0.8),
        TimeToEvent::piecewise({30.0, 90.0, kNever}, {0.02, 0.005, 0.001}),
    };
    for (const TimeToEvent& d : forms) {
        for (double t : {20.0, 60.0, 150.0, 400.0}) {
            const double p = d.cumulative_probability(t);
            const double se = std::sqrt(p * (1 - p) / 1e5);
            INFO("form " << d.form.index() << " t " << t);
            CHECK(std::abs(empirical_cdf(d, t, 1.0) - p) < 4 * se + 1e-12);
        }
    }
}

TEST_CASE("closed forms of the cumulative probability", "[tte]") {
    // Weibull: 1 - exp(-(t/scale)^shape); log-normal median: P(T <= median) = 1/2.
    CHECK(TimeToEvent::weibull(2.0, 100.0).cumulative_probability(100.0) ==
          Approx(1 - std::exp(-1.0)));
    CHECK(TimeToEvent::lognormal(150.0, 0.8).cumulative_probability(150.0) == Approx(0.5));
    // Piecewise by hand: 30 days at 0.02 then 60 at 0.005: H(90) = 0.6 + 0.3 = 0.9.
    const auto pw = TimeToEvent::piecewise({30.0, 90.0}, {0.02, 0.005});
    CHECK(pw.cumulative_probability(90.0) == Approx(1 - std::exp(-0.9)));
    // Inversion by hand: E = 0.7 falls in the second piece: 30 + (0.7 - 0.6) / 0.005 = 50.
    CHECK(pw.sample(0.7) == Approx(50.0));
    // Past the last finite piece the hazard ends: E = 1 is never reached.
    CHECK(pw.sample(1.0) == kNever);
    CHECK(TimeToEvent::fixed(42.0).sample(0.123, 5.0) == 42.0);
    CHECK(TimeToEvent::never().sample(0.5) == kNever);
}

TEST_CASE("a hazard ratio scales the hazard: proportional hazards", "[tte]") {
    // Exponential: HR 2 halves every time exactly. Weibull: S_HR(t) = S(t)^HR.
    const auto e = TimeToEvent::exponential(0.01);
    CHECK(e.sample(0.8, 2.0) == Approx(e.sample(0.8, 1.0) / 2.0));
    const auto w = TimeToEvent::weibull(1.5, 100.0);
    const double t = 80.0;
    const double s = 1 - w.cumulative_probability(t);
    const double expected = 1 - std::pow(s, 1.7);
    CHECK(empirical_cdf(w, t, 1.7) ==
          Approx(expected).margin(4 * std::sqrt(expected * (1 - expected) / 1e5)));
}
