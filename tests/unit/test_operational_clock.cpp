// The operational clock against hand-computed piecewise cases and against direct integration
// of each member's hazard.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/core/operational_clock.hpp"
#include "engine/core/random_stream.hpp"

using followsim::core::OperationalClock;

TEST_CASE("an event comes due when the accumulated hazard reaches its threshold", "[clock]") {
    // Rate 0.1 a day; factor 1 until day 5, then 0.5. Threshold E = 1: accumulated hazard
    // 0.1 x 5 = 0.5 by day 5, then 0.05 a day: the remaining 0.5 takes 10 days -> day 15.
    OperationalClock clock(1.0);
    clock.add(7, 0.0, 1.0 / 0.1);
    CHECK(clock.next_time(0.0) == Approx(10.0));
    clock.set_factor(5.0, 0.5);
    CHECK(clock.next_time(5.0) == Approx(15.0));
    // A member added on day 6 with rate 0.2 and E = 0.3: 0.2 x 0.5 = 0.1 a day -> day 9.
    clock.add(8, 6.0, 0.3 / 0.2);
    CHECK(clock.next_entity() == 8);
    CHECK(clock.next_time(6.0) == Approx(9.0));
    // The factor drops to 0 on day 7: nothing comes due; back to 2 on day 8: member 8 has
    // 0.3 - 0.1 = 0.2 left at 0.4 a day -> day 8.5.
    clock.set_factor(7.0, 0.0);
    CHECK(clock.next_time(7.0) == OperationalClock::kNever);
    clock.set_factor(8.0, 2.0);
    CHECK(clock.next_time(8.0) == Approx(8.5));
    CHECK(clock.pop() == 8);
    // Member 7 had 0.5 + 0.05 x 2 = 0.6 by day 7, none to day 8, then 0.2 a day: 0.4 left
    // -> day 10.
    CHECK(clock.next_time(8.5) == Approx(10.0));
    CHECK(clock.remove(7));
    CHECK(clock.empty());
}

TEST_CASE("the clock matches direct integration for random members and factors", "[clock]") {
    followsim::core::RandomStream rng(5, 0, 0);
    OperationalClock clock(1.0);
    const int n = 200;
    std::vector<double> rate(n), threshold(n), due(n, -1.0);
    for (int i = 0; i < n; ++i) {
        rate[i] = 0.01 + 0.1 * rng.uniform01();
        threshold[i] = rng.exponential(1.0);
        clock.add(static_cast<std::uint32_t>(i), 0.0, threshold[i] / rate[i]);
    }
    // The factor changes at the start of every day, at random.
    std::vector<double> factors{1.0};
    double now = 0.0;
    while (!clock.empty()) {
        const double next_change = now + 1.0;
        while (!clock.empty() && clock.next_time(now) <= next_change) {
            const double t = clock.next_time(now);
            due[clock.pop()] = t;
        }
        now = next_change;
        factors.push_back(0.2 + 2.0 * rng.uniform01());
        clock.set_factor(now, factors.back());
    }
    // By hand: each member's hazard integrated day by day until it reaches the threshold.
    for (int i = 0; i < n; ++i) {
        double accumulated = 0.0, expected = -1.0;
        for (std::size_t day = 0; day < factors.size(); ++day) {
            const double in_day = rate[i] * factors[day];
            if (accumulated + in_day >= threshold[i]) {
                expected = static_cast<double>(day) + (threshold[i] - accumulated) / in_day;
                break;
            }
            accumulated += in_day;
        }
        INFO("member " << i);
        CHECK(due[i] == Approx(expected).epsilon(1e-9));
    }
}
