// PSA, sweeps and calibration: degenerate draws equal the deterministic run, draws have the
// moments and correlations asked for, a calibration recovers the value that made its target,
// and results do not depend on the number of threads.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "engine/experiment/calibration.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

scenario::UncertainParameter parameter(const char* path, scenario::Prior prior) {
    scenario::UncertainParameter p;
    p.path = path;
    p.prior = prior;
    return p;
}

scenario::Scenario heimdal(const std::vector<std::string>& overrides = {}) {
    return scenario::load_scenario_file(
        std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml", overrides);
}

double correlation(const std::vector<double>& x, const std::vector<double>& y) {
    const double n = static_cast<double>(x.size());
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        mx += x[i] / n;
        my += y[i] / n;
    }
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

}  // namespace

TEST_CASE("PSA with zero-variance distributions equals the deterministic run", "[psa]") {
    // Every parameter pinned at the scenario's own value: each draw is the scenario itself.
    auto sc = heimdal();
    for (auto& p : sc.uncertainty.parameters) {
        const double value = sc.parameters.find(p.path, sc.model)->get(sc.model);
        p.prior = scenario::NormalPrior{{value, 0.0}};
    }
    experiment::PsaSettings psa;
    psa.draws = 4;
    psa.replications = 25;
    psa.threads = 2;
    const auto draws = experiment::run_psa(sc, psa);
    experiment::RunSettings run;
    run.replications = 25;
    run.threads = 1;
    const auto deterministic = experiment::run_replications(sc, run);
    const std::size_t metrics = experiment::arm_metrics().size();
    for (const auto& draw : draws.samples) {
        for (std::size_t a = 0; a < draw.size(); ++a) {
            for (std::size_t m = 0; m < metrics; ++m) {
                const auto& s = deterministic.arms[a].metrics[m];
                INFO("arm " << a << " metric " << experiment::arm_metrics()[m].name);
                if (!s.available) {
                    CHECK(std::isnan(draw[a][m]));
                } else {
                    CHECK(draw[a][m] == Approx(s.summary.mean).epsilon(1e-12).margin(1e-9));
                }
            }
        }
    }
}

TEST_CASE("draws have the asked-for moments and correlation", "[psa]") {
    scenario::Uncertainty u;
    u.parameters.push_back(parameter("a", scenario::BetaPrior{{0.64, 0.046}}));
    u.parameters.push_back(parameter("b", scenario::GammaPrior{{14000, 2000}}));
    u.parameters.push_back(parameter("c", scenario::NormalPrior{{10, 3}}));
    u.parameters.push_back(parameter("d", scenario::UniformPrior{2, 6}));
    u.correlations.push_back({0, 2, 0.6});
    const auto values = experiment::draw_parameters(u, 20000, 3);
    std::vector<std::vector<double>> by_parameter(4);
    for (const auto& draw : values) {
        for (std::size_t i = 0; i < 4; ++i) by_parameter[i].push_back(draw[i]);
    }
    auto mean = [](const std::vector<double>& v) {
        double s = 0;
        for (double x : v) s += x;
        return s / static_cast<double>(v.size());
    };
    auto sd = [&](const std::vector<double>& v) {
        const double m = mean(v);
        double s = 0;
        for (double x : v) s += (x - m) * (x - m);
        return std::sqrt(s / static_cast<double>(v.size() - 1));
    };
    // Standard errors of the mean over 20,000 draws: sd / 141; allow four.
    CHECK(std::abs(mean(by_parameter[0]) - 0.64) < 4 * 0.046 / 141);
    CHECK(sd(by_parameter[0]) == Approx(0.046).epsilon(0.03));
    CHECK(std::abs(mean(by_parameter[1]) - 14000) < 4 * 2000 / 141.0);
    CHECK(sd(by_parameter[1]) == Approx(2000).epsilon(0.03));
    CHECK(std::abs(mean(by_parameter[3]) - 4.0) < 4 * (4 / std::sqrt(12.0)) / 141);
    CHECK(*std::min_element(by_parameter[3].begin(), by_parameter[3].end()) >= 2.0);
    // The Gaussian copula keeps the Pearson correlation of a normal and a near-normal beta
    // close to rho; the uncorrelated pairs stay near 0 (se about 0.007).
    CHECK(correlation(by_parameter[0], by_parameter[2]) == Approx(0.6).margin(0.03));
    CHECK(std::abs(correlation(by_parameter[1], by_parameter[2])) < 0.03);
    // Same seed, same draws.
    CHECK(experiment::draw_parameters(u, 5, 3) == experiment::draw_parameters(u, 5, 3));
    CHECK(experiment::draw_parameters(u, 5, 3) != experiment::draw_parameters(u, 5, 4));
}

TEST_CASE("correlations that are not a valid matrix are refused", "[psa]") {
    scenario::Uncertainty u;
    for (const char* p : {"a", "b", "c"})
        u.parameters.push_back(parameter(p, scenario::NormalPrior{{0, 1}}));
    u.correlations = {{0, 1, 0.9}, {1, 2, 0.9}, {0, 2, -0.9}};
    CHECK_THROWS_AS(experiment::draw_parameters(u, 10, 1), experiment::UsageError);
}

TEST_CASE("calibration recovers the value that produced its target", "[calibration]") {
    // Round trip: run Heimdal with the in-house probability at 0.55; calibrate back to the
    // placement rate that gave. The recovered value's interval must hold 0.55.
    const double truth = 0.55;
    const auto generated = heimdal({"pathways.in_house.placement.probability=0.55"});
    experiment::RunSettings run;
    run.replications = 200;
    const auto r = experiment::run_replications(generated, run);
    const double target =
        r.arms[0].metrics[experiment::metric_index("placement_rate")].summary.mean;

    experiment::CalibrationSettings settings;
    settings.path = "pathways.in_house.placement.probability";
    settings.metric = "placement_rate";
    settings.target = target;
    settings.arm = "in_house";
    settings.replications = 200;
    const auto result = experiment::calibrate(heimdal(), settings);
    INFO("value " << result.value << " [" << result.low << ", " << result.high << "]");
    CHECK(result.low <= truth);
    CHECK(truth <= result.high);
    CHECK(result.high - result.low < 0.05);  // and the interval is informative
    CHECK(result.achieved == Approx(target).margin(1e-3));
    CHECK(std::get<model::ProbabilityWithin>(result.calibrated.model.pathways[1].placement.form)
              .rate_per_day == Approx(-std::log1p(-result.value) / 730.5));
}

TEST_CASE("calibration refuses a target outside the bracket", "[calibration]") {
    experiment::CalibrationSettings settings;
    settings.path = "pathways.in_house.placement.probability";
    settings.metric = "placement_rate";
    settings.target = 0.99;
    settings.arm = "in_house";
    settings.bracket = std::pair{0.3, 0.7};
    settings.replications = 20;
    CHECK_THROWS_AS(experiment::calibrate(heimdal(), settings), experiment::UsageError);
    settings.metric = "no_such_metric";
    CHECK_THROWS_AS(experiment::calibrate(heimdal(), settings), experiment::UsageError);
}

TEST_CASE("sweep specifications are parsed and checked", "[sweep]") {
    const auto v = experiment::parse_vary("pathways.in_house.caseworkers=2:6:5");
    CHECK(v.path == "pathways.in_house.caseworkers");
    CHECK(v.value(0) == 2.0);
    CHECK(v.value(4) == 6.0);
    CHECK(v.assignment_for(3.0).origin == "--vary pathways.in_house.caseworkers=3");
    // Steps read as people write them, not 0.7999999999999999.
    CHECK(experiment::parse_vary("a=0.6:1.2:7").assignment_for(0.6 + 0.2).text == "0.8");
    const auto horizon = experiment::parse_vary("horizon=12:36:3:months").assignment_for(24);
    CHECK(horizon.text == "24 months");
    CHECK(horizon.value == Approx(730.5));
    CHECK_THROWS_AS(experiment::parse_vary("horizon"), experiment::UsageError);
    CHECK_THROWS_AS(experiment::parse_vary("a=1:2"), experiment::UsageError);
    CHECK_THROWS_AS(experiment::parse_vary("a=x:2:3"), experiment::UsageError);
    CHECK_THROWS_AS(experiment::parse_vary("a=1:2:1"), experiment::UsageError);
    CHECK_THROWS_AS(experiment::parse_vary("a=1:2:3:fortnights"), experiment::UsageError);
}

TEST_CASE("a sweep changes what it varies, and a grid covers every combination", "[sweep]") {
    experiment::SweepSettings settings;
    settings.variables = {experiment::parse_vary("pathways.in_house.caseworkers=3:6:4")};
    settings.replications = 10;
    const auto one_way = experiment::run_sweep(heimdal(), settings);
    REQUIRE(one_way.points.size() == 5);  // the scenario as is, then 3..6 caseworkers
    const std::size_t wait = experiment::metric_index("mean_wait_days");
    // 3 caseworkers x 30 places for about 150 users: waiting; 6 x 30 = 180: hardly anyone
    // waits (only while posts are empty after turnover).
    CHECK(one_way.means[1][0][wait] > one_way.means[2][0][wait]);
    CHECK(one_way.means[4][0][wait] < 0.1 * one_way.means[1][0][wait]);
    // The scenario has 6 caseworkers: point 4 is point 0 (NaN where a metric is missing).
    for (std::size_t m = 0; m < one_way.means[0][0].size(); ++m) {
        const double a = one_way.means[0][0][m], b = one_way.means[4][0][m];
        CHECK(((std::isnan(a) && std::isnan(b)) || a == b));
    }
    REQUIRE(one_way.tornado.size() == 1);
    // By default the best arm at the scenario's values against the best of the others.
    const std::size_t value = experiment::metric_index("socioeconomic_value_nok");
    std::vector<std::size_t> order{0, 1, 2};
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        return one_way.means[0][x][value] > one_way.means[0][y][value];
    });
    CHECK(one_way.tornado_arm == order[0]);
    CHECK(one_way.tornado_versus == order[1]);
    CHECK(one_way.scenario_values == std::vector<double>{6.0});
    // In-house against baseline: more caseworkers, more value.
    settings.arm = "in_house";
    settings.versus = "baseline";
    const auto named = experiment::run_sweep(heimdal(), settings);
    CHECK(named.tornado[0].at_from < named.tornado[0].at_to);

    settings.variables.push_back(
        experiment::parse_vary("budget.purchases_per_year_nok=1000000:6000000:3"));
    settings.grid = true;
    const auto grid = experiment::run_sweep(heimdal(), settings);
    CHECK(grid.points.size() == 1 + 4 * 3);
    CHECK(grid.tornado.empty());
    // The budget binds the outsourced arm: less money, less spent.
    const std::size_t spent = experiment::metric_index("budget_spent_nok");
    CHECK(grid.means[1][1][spent] < grid.means[9][1][spent]);
}

TEST_CASE("psa and sweep results do not depend on the number of threads",
          "[psa][sweep][determinism]") {
    const auto sc =
        heimdal({"uncertainty.groups=[{name: provider, parameters: "
                 "[pathways.measures.oppfolging.effectiveness, "
                 "pathways.measures.oppfolging.price_per_month_nok]}]"});
    experiment::PsaSettings psa;
    psa.draws = 12;
    psa.replications = 3;
    psa.threads = 1;
    const auto one = experiment::run_psa(sc, psa);
    psa.threads = 2;
    const auto two = experiment::run_psa(sc, psa);
    CHECK(output::psa_csv(sc, one) == output::psa_csv(sc, two));
    CHECK(output::psa_summary_json(sc, one)["arms"] == output::psa_summary_json(sc, two)["arms"]);
    const auto evppi_one = output::psa_summary_json(sc, one)["cost_effectiveness"]["evppi"];
    CHECK(evppi_one == output::psa_summary_json(sc, two)["cost_effectiveness"]["evppi"]);
    CHECK(evppi_one["groups"].contains("provider"));

    experiment::SweepSettings sweep;
    sweep.variables = {experiment::parse_vary("pathways.in_house.caseworkers=1:4:4")};
    sweep.replications = 5;
    sweep.threads = 1;
    const auto s1 = experiment::run_sweep(sc, sweep);
    sweep.threads = 2;
    const auto s2 = experiment::run_sweep(sc, sweep);
    CHECK(output::sweep_csv(sc, s1) == output::sweep_csv(sc, s2));
}
