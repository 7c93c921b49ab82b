#include <catch2/catch.hpp>
#include <cmath>
#include <vector>

#include "engine/core/random_stream.hpp"
#include "engine/core/statistics.hpp"

using namespace followsim::core;

TEST_CASE("Welford's mean and variance equal the two-pass formulas", "[statistics]") {
    // Values with a large offset: the naive E[x^2] - E[x]^2 formula loses about three digits
    // of the variance here (x^2 ~ 1e12 has an ulp near 1e-4).
    std::vector<double> xs;
    RandomStream s(3, 0, 0);
    for (int i = 0; i < 1000; ++i) xs.push_back(1e6 + s.uniform01());
    double mean = 0.0;
    for (double x : xs) mean += x;
    mean /= static_cast<double>(xs.size());
    double ss = 0.0;
    for (double x : xs) ss += (x - mean) * (x - mean);
    const double variance = ss / static_cast<double>(xs.size() - 1);

    RunningStats all, first, second;
    for (std::size_t i = 0; i < xs.size(); ++i) {
        all.add(xs[i]);
        (i < 400 ? first : second).add(xs[i]);
    }
    CHECK(all.mean() == Approx(mean).epsilon(1e-13));
    CHECK(all.variance() == Approx(variance).epsilon(1e-7));
    first.merge(second);
    CHECK(first.count() == 1000);
    CHECK(first.mean() == Approx(mean).epsilon(1e-13));
    CHECK(first.variance() == Approx(variance).epsilon(1e-7));
}

TEST_CASE("the confidence interval uses Student's t", "[statistics]") {
    // 1..10: mean 5.5, sd sqrt(55/6); t_{0.975, 9} = 2.262157 (printed tables).
    std::vector<double> xs{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    const Summary s = summarize(xs);
    CHECK(s.n == 10);
    CHECK(s.mean == Approx(5.5));
    CHECK(s.sd == Approx(std::sqrt(55.0 / 6.0)));
    const double half = 2.262157 * std::sqrt(55.0 / 6.0) / std::sqrt(10.0);
    CHECK(s.ci95_low == Approx(5.5 - half).epsilon(1e-6));
    CHECK(s.ci95_high == Approx(5.5 + half).epsilon(1e-6));
    CHECK(student_t_quantile(0.05, 30) == Approx(2.042272).epsilon(1e-6));  // tables

    const Summary one = summarize(std::vector<double>{3.0});
    CHECK(one.ci95_low == 3.0);
    CHECK(one.ci95_high == 3.0);
}

TEST_CASE("a time-weighted average integrates a step function", "[statistics]") {
    // 2 on [0,3), 5 on [3,4), 0 on [4,8): integral 6 + 5 = 11, mean over 8 is 1.375.
    TimeWeightedAverage q(0.0, 2.0);
    q.set(3.0, 5.0);
    q.add(4.0, -5.0);
    CHECK(q.integral(8.0) == Approx(11.0));
    CHECK(q.mean(8.0) == Approx(1.375));
    q.restart(8.0);
    q.set(10.0, 1.0);
    CHECK(q.mean(12.0) == Approx(0.5));
}
