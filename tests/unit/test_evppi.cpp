// EVPPI by regression (Strong, Oakley & Brennan 2014) against independent expectations: a
// two-arm case whose EVPPI is the normal partial expectation in closed form, a parameter that
// does not enter the net benefit, the bounds 0 <= EVPPI <= EVPI on random cases, the group of
// every parameter of a deterministic net benefit against the EVPI, and the same numbers for
// any number of threads.
#include <boost/math/distributions/normal.hpp>
#include <catch2/catch.hpp>
#include <cmath>
#include <numeric>
#include <vector>

#include "engine/core/random_stream.hpp"
#include "engine/economics/cost_effectiveness.hpp"
#include "engine/economics/evppi.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/psa_evppi.hpp"

using namespace followsim;

namespace {

using Matrix = std::vector<std::vector<double>>;

// E[max(0, Y)] for Y ~ Normal(mean, sd): the normal partial expectation.
double positive_part_mean(double mean, double sd) {
    if (sd == 0.0) return std::max(0.0, mean);
    const boost::math::normal_distribution<> standard;
    const double z = mean / sd;
    return mean * boost::math::cdf(standard, z) + sd * boost::math::pdf(standard, z);
}

double mean_of(const std::vector<double>& x) {
    return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
}

// mean over draws of max(0, g) - max(0, mean of g): the EVPPI estimator with the true
// conditional expectation g in place of the fitted one.
double oracle(const std::vector<double>& g) {
    double mean_of_max = 0.0;
    for (double v : g) mean_of_max += std::max(0.0, v);
    return mean_of_max / static_cast<double>(g.size()) - std::max(0.0, mean_of(g));
}

// The standard error of the mean of max(0, g) over the draws.
double standard_error_of_positive_part(const std::vector<double>& g) {
    std::vector<double> positive;
    for (double v : g) positive.push_back(std::max(0.0, v));
    const double m = mean_of(positive);
    double ss = 0.0;
    for (double v : positive) ss += (v - m) * (v - m);
    const auto n = static_cast<double>(g.size());
    return std::sqrt(ss / (n - 1.0) / n);
}

}  // namespace

TEST_CASE("EVPPI of a linear net benefit is the normal partial expectation", "[evppi]") {
    // Two arms. Arm 1 has X extra placements and costs 2 + e more, X ~ N(1, 1), e ~ N(0, 1):
    // the incremental net benefit at w is w X - 2 - e.
    //   EVPPI(X) = E[max(0, w X - 2)] - max(0, w - 2),   w X - 2 ~ N(w - 2, w^2)
    //   EVPPI(e) = E[max(0, w - 2 - e)] - max(0, w - 2), w - 2 - e ~ N(w - 2, 1)
    //   EVPI     = E[max(0, w X - 2 - e)] - max(0, w - 2), ~ N(w - 2, w^2 + 1)
    // Z ~ N(0, 1) does not enter the net benefit: EVPPI(Z) = 0.
    const std::size_t n = 10000;
    core::RandomStream rng(2014, 0, 0);
    std::vector<double> x(n), e(n), z(n);
    Matrix costs, effects;
    for (std::size_t s = 0; s < n; ++s) {
        x[s] = 1.0 + rng.standard_normal();
        e[s] = rng.standard_normal();
        z[s] = rng.standard_normal();
        costs.push_back({0.0, 2.0 + e[s]});
        effects.push_back({0.0, x[s]});
    }
    const std::vector<double> wtp = {0.0, 1.0, 2.0, 3.0, 4.0};
    const auto evpi = economics::acceptability(costs, effects, wtp).evpi;
    const auto of_x = economics::evppi(costs, effects, {x}, wtp, evpi);
    const auto of_e = economics::evppi(costs, effects, {e}, wtp, evpi);
    const auto of_z = economics::evppi(costs, effects, {z}, wtp, evpi);
    for (std::size_t w = 0; w < wtp.size(); ++w) {
        const double lambda = wtp[w];
        INFO("wtp " << lambda);
        std::vector<double> g_x, g_e;
        for (std::size_t s = 0; s < n; ++s) {
            g_x.push_back(lambda * x[s] - 2.0);
            g_e.push_back(lambda - 2.0 - e[s]);
        }
        const double exact_x =
            positive_part_mean(lambda - 2.0, lambda) - std::max(0.0, lambda - 2.0);
        const double exact_e = positive_part_mean(lambda - 2.0, 1.0) - std::max(0.0, lambda - 2.0);
        // The regression recovers the true conditional expectation: against the estimator with
        // the true one on the same draws, within 0.01 (the fitted mean of the response that
        // does not depend on the parameter is off by its standard error, 0.01, and moves the
        // estimate by at most that times the probability that the decision changes).
        CHECK(of_x.value[w] == Approx(oracle(g_x)).margin(0.01));
        CHECK(of_e.value[w] == Approx(oracle(g_e)).margin(0.01));
        // Against the closed form: within 4 Monte Carlo standard errors plus that 0.01.
        CHECK(of_x.value[w] ==
              Approx(exact_x).margin(4 * standard_error_of_positive_part(g_x) + 0.01));
        CHECK(of_e.value[w] ==
              Approx(exact_e).margin(4 * standard_error_of_positive_part(g_e) + 0.01));
        // A parameter that does not matter: at most 2 % of the EVPI (the fit of pure noise).
        CHECK(of_z.value[w] <= 0.02 * evpi[w] + 1e-12);
    }
    // At w = 0 the placements do not count: X is worth nothing, e everything.
    CHECK(of_x.value[0] == Approx(0.0).margin(1e-9));
    CHECK(of_e.value[0] == Approx(evpi[0]).epsilon(0.01));
    // The closed forms themselves: the EVPPI of X and of e each fall short of the EVPI.
    CHECK(of_x.value[2] < evpi[2]);
    CHECK(of_e.value[2] < evpi[2]);
}

TEST_CASE("EVPPI lies between 0 and the EVPI on random cases", "[evppi]") {
    // Random numbers of arms and draws, linear and curved net benefits with noise; with few
    // draws the fit follows noise, and the cap must hold it at the EVPI.
    std::size_t capped = 0;
    for (std::uint64_t c = 0; c < 40; ++c) {
        core::RandomStream rng(99, c, 0);
        const std::size_t arms = 2 + c % 3;
        const std::size_t n = std::vector<std::size_t>{15, 40, 150, 600}[c % 4];
        const double noise = std::vector<double>{0.0, 0.3, 3.0}[c % 3];
        Matrix inputs(3, std::vector<double>(n));
        Matrix costs(n, std::vector<double>(arms)), effects = costs;
        std::vector<double> coefficients;
        for (int k = 0; k < 6 * static_cast<int>(arms); ++k)
            coefficients.push_back(rng.standard_normal());
        for (std::size_t s = 0; s < n; ++s) {
            for (auto& input : inputs) input[s] = rng.standard_normal();
            for (std::size_t a = 0; a < arms; ++a) {
                const double* k = &coefficients[6 * a];
                effects[s][a] = k[0] + k[1] * inputs[0][s] + k[2] * std::sin(inputs[1][s]) +
                                noise * rng.standard_normal();
                costs[s][a] = k[3] + k[4] * inputs[2][s] * inputs[0][s] +
                              k[5] * inputs[1][s] * inputs[1][s] + noise * rng.standard_normal();
            }
        }
        const auto wtp = economics::wtp_grid(0.0, 3.0, 7);
        const auto evpi = economics::acceptability(costs, effects, wtp).evpi;
        for (const Matrix& of : {Matrix{inputs[0]}, Matrix{inputs[1]}, Matrix{inputs[2]}, inputs}) {
            const auto estimate = economics::evppi(costs, effects, of, wtp, evpi);
            std::size_t above = 0, below = 0;
            for (std::size_t w = 0; w < wtp.size(); ++w) {
                INFO("case " << c << ", wtp " << wtp[w]);
                CHECK(estimate.value[w] >= 0.0);
                CHECK(estimate.value[w] <= evpi[w]);
                const double raw = estimate.unadjusted[w];
                CHECK(estimate.value[w] == std::min(std::max(raw, 0.0), evpi[w]));
                // The mean of maxima is never below the maximum of means: negative only by
                // rounding.
                CHECK(raw >= -1e-9 * (1.0 + evpi[w]));
                if (raw > evpi[w]) ++above;
                if (raw < 0.0) ++below;
            }
            CHECK(estimate.capped_at_evpi == above);
            CHECK(estimate.set_to_zero == below);
            capped += above;
        }
    }
    CHECK(capped > 0);  // the cap was needed somewhere, so it was tested
}

TEST_CASE("the EVPPI of every parameter together is the EVPI of a deterministic model", "[evppi]") {
    // Three arms whose placements and costs are smooth functions of X1 ~ N(0, 1),
    // X2 ~ U(0, 2) and X3 ~ logN(0, 0.5), without noise: knowing all three removes all
    // uncertainty, so their group EVPPI is the EVPI.
    const std::size_t n = 2000;
    core::RandomStream rng(7, 0, 0);
    Matrix inputs(3, std::vector<double>(n));
    Matrix costs, effects;
    for (std::size_t s = 0; s < n; ++s) {
        const double x1 = rng.standard_normal();
        const double x2 = 2.0 * rng.uniform01();
        const double x3 = std::exp(0.5 * rng.standard_normal());
        inputs[0][s] = x1;
        inputs[1][s] = x2;
        inputs[2][s] = x3;
        effects.push_back({0.0, 1.0 + x1 + 0.5 * x2 * x2, 2.0 + 0.5 * x1 - x3});
        costs.push_back({0.0, 2.0 + 0.8 * x1 * x2 + std::sin(x3), 1.0 + x2 + 0.3 * x3 * x3});
    }
    const std::vector<double> wtp = {1.0, 2.0, 3.0};
    const auto evpi = economics::acceptability(costs, effects, wtp).evpi;
    const auto all = economics::evppi(costs, effects, inputs, wtp, evpi);
    for (std::size_t w = 0; w < wtp.size(); ++w) {
        INFO("wtp " << wtp[w]);
        REQUIRE(evpi[w] > 0.05);  // the decision is uncertain
        CHECK(all.unadjusted[w] == Approx(evpi[w]).epsilon(0.01));
        // Each parameter alone is worth less than the three together.
        for (const auto& one : inputs) {
            CHECK(economics::evppi(costs, effects, {one}, wtp, evpi).value[w] < all.value[w]);
        }
    }
}

TEST_CASE("the PSA's EVPPI does not depend on the number of threads", "[evppi][determinism]") {
    // Synthetic draws of two parameters and a group of both; samples in the PSA's layout
    // [draw][arm][metric].
    const std::size_t draws = 500;
    const std::size_t cost = experiment::metric_index("cost_programme_nok");
    const std::size_t placed = experiment::metric_index("placed");
    scenario::Uncertainty uncertainty;
    uncertainty.parameters.resize(2);
    uncertainty.groups.push_back(scenario::ParameterGroup{"both", {0, 1}});
    core::RandomStream rng(3, 0, 0);
    Matrix values;
    std::vector<std::vector<std::vector<double>>> samples;
    for (std::size_t k = 0; k < draws; ++k) {
        const double a = rng.standard_normal(), b = rng.standard_normal();
        values.push_back({a, b});
        std::vector<std::vector<double>> arms(
            2, std::vector<double>(experiment::arm_metrics().size(), 0.0));
        arms[1][placed] = 10.0 + 2.0 * a + rng.standard_normal();
        arms[1][cost] = 1e6 + 2e5 * b * b + 1e5 * rng.standard_normal();
        samples.push_back(std::move(arms));
    }
    economics::EconomicsConfig config;
    config.wtp_per_placement_to_nok = 400000.0;
    config.wtp_steps = 9;
    const auto one = experiment::psa_evppi(uncertainty, config, values, samples, 1);
    const auto two = experiment::psa_evppi(uncertainty, config, values, samples, 2);
    REQUIRE(one.parameters.size() == 2);
    REQUIRE(one.groups.size() == 1);
    for (std::size_t i = 0; i < 2; ++i) CHECK(one.parameters[i].value == two.parameters[i].value);
    CHECK(one.groups[0].value == two.groups[0].value);
    CHECK(one.evpi == two.evpi);
    // And it is not all zeros: the placements depend on a, the cost on b.
    CHECK(*std::max_element(one.groups[0].value.begin(), one.groups[0].value.end()) > 0.0);
}
