// Budget-neutral optimisation: the optimiser's best split against a brute-force scan of every
// whole FTE count run as plain replications, the known optimum of two measures, the same
// answer for any number of threads, the budget identity, and bad requests.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/optimisation.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/output/optimise_files.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

constexpr double kCaseworkerYear = 900'000.0;  // both test scenarios

scenario::Scenario test_scenario(const char* name) {
    return scenario::load_scenario_file(std::string(FOLLOWSIM_SOURCE_DIR) + "/tests/scenarios/" +
                                        name);
}

experiment::OptimiseSettings settings(double budget, experiment::Objective objective,
                                      unsigned threads = 2) {
    experiment::OptimiseSettings s;
    s.budget_nok_per_year = budget;
    s.objective = objective;
    s.replications = 40;
    s.seed = 1;
    s.threads = threads;
    return s;
}

// The mean of an arm's metric in a plain run with the values set, on replications 0..39.
double plain_run(const scenario::Scenario& sc, const std::vector<scenario::Assignment>& values,
                 const std::string& arm, const std::string& metric) {
    model::ModelConfig config = sc.model;
    sc.parameters.apply(config, values);
    experiment::RunSettings run;
    run.replications = 40;
    run.seed = 1;
    run.threads = 2;
    const auto r = experiment::run_replications(config, run);
    for (const auto& a : r.arms) {
        if (a.name == arm) return a.metrics[experiment::metric_index(metric)].summary.mean;
    }
    FAIL("no arm " << arm);
    return 0.0;
}

// optimise_mixed.yaml with n caseworkers and the rest of `budget` on kjop places (NOK 3,000 a
// month): what a budget-neutral split sets, written out independently of the optimiser.
std::vector<scenario::Assignment> mixed_split(std::int64_t n, double budget) {
    const double purchases = budget - static_cast<double>(n) * kCaseworkerYear;
    const auto slots = static_cast<std::int64_t>(std::floor(purchases / (3000.0 * 12.0)));
    return {scenario::Assignment::set("pathways.in_house.caseworkers", static_cast<double>(n),
                                      std::to_string(n)),
            scenario::Assignment::set("pathways.measures.kjop.slots", static_cast<double>(slots),
                                      std::to_string(slots)),
            scenario::Assignment::set("budget.purchases_per_year_nok", purchases,
                                      std::to_string(purchases))};
}

// Brute force: the FTE count with the highest mean, and every count's mean.
std::pair<std::int64_t, std::vector<double>> brute_force(const scenario::Scenario& sc,
                                                         double budget, const std::string& metric) {
    const auto top = static_cast<std::int64_t>(budget / kCaseworkerYear);
    std::vector<double> means;
    std::int64_t best = 0;
    for (std::int64_t n = 0; n <= top; ++n) {
        means.push_back(plain_run(sc, mixed_split(n, budget), "mixed", metric));
        if (means.back() > means[static_cast<std::size_t>(best)]) best = n;
    }
    return {best, means};
}

void check_budget_identity(const experiment::OptimiseResults& r, const scenario::Scenario& sc) {
    for (const auto& c : r.candidates) {
        const auto& s = c.split;
        CHECK(s.staff_cost_per_year_nok ==
              Approx(static_cast<double>(s.caseworkers) * kCaseworkerYear));
        CHECK(s.staff_cost_per_year_nok + s.purchases_per_year_nok <=
              r.budget_nok_per_year * (1.0 + 1e-12));
        double places = 0.0;
        for (std::size_t m = 0; m < r.measures.size(); ++m) {
            CHECK(s.slots[m] >= 0);
            places += static_cast<double>(s.slots[m]) *
                      sc.model.pathways[r.measures[m]].measure()->price_per_month_nok * 12.0;
        }
        CHECK(places <= s.purchases_per_year_nok * (1.0 + 1e-12));
    }
}

}  // namespace

TEST_CASE("optimise finds the best FTE count of a brute-force scan (interior optimum)",
          "[optimise]") {
    const auto sc = test_scenario("optimise_mixed.yaml");
    const double budget = 20'000'000.0;  // 22 caseworkers at most
    const auto [best, means] = brute_force(sc, budget, "npv_socioeconomic_nok");
    // The case is only a test of the search if the best count is inside the range.
    REQUIRE(best > 0);
    REQUIRE(best < 22);

    const auto r = experiment::optimise_split(sc, settings(budget, experiment::Objective::npv));
    CHECK(sc.model.arms[r.arm].name == "mixed");
    CHECK(r.staffing_path == "pathways.in_house.caseworkers");
    const auto& found = r.best_candidate();
    CHECK(std::abs(found.split.caseworkers - best) <= 1);
    // Common random numbers: each candidate is exactly the plain run of its split.
    for (const auto& c : r.candidates) {
        INFO("caseworkers " << c.split.caseworkers);
        CHECK(r.objective_of(c).summary.mean ==
              means[static_cast<std::size_t>(c.split.caseworkers)]);
        CHECK(
            c.split.slots.at(0) ==
            static_cast<std::int64_t>(std::floor(
                (budget - static_cast<double>(c.split.caseworkers) * kCaseworkerYear) / 36000.0)));
    }
    // Fewer simulations than the brute force, and the best's interval holds its mean.
    CHECK(r.candidates.size() < means.size());
    const auto& m = r.objective_of(found).summary;
    CHECK(m.ci95_low < m.mean);
    CHECK(m.mean < m.ci95_high);
    check_budget_identity(r, sc);
}

TEST_CASE("optimise finds an optimum at the end of the range", "[optimise]") {
    // Placements keep rising with staff in this scenario: the best is every FTE the budget buys.
    const auto sc = test_scenario("optimise_mixed.yaml");
    const double budget = 20'000'000.0;
    const auto [best, means] = brute_force(sc, budget, "placed");
    REQUIRE(best == 22);
    const auto r =
        experiment::optimise_split(sc, settings(budget, experiment::Objective::placements));
    CHECK(r.best_candidate().split.caseworkers == best);
    CHECK(r.objective_of(r.best_candidate()).summary.mean == means.back());
    check_budget_identity(r, sc);
}

TEST_CASE("optimise with two measures (NLopt) gives both a place for everyone", "[optimise]") {
    const auto sc = test_scenario("optimise_two_measures.yaml");
    const double budget = 12'000'000.0;
    const auto r =
        experiment::optimise_split(sc, settings(budget, experiment::Objective::placements));
    REQUIRE(r.measures.size() == 2);
    // The most placements: places for all in both measures, whatever the caseworkers.
    const double all_served =
        plain_run(sc,
                  {scenario::Assignment::set("pathways.measures.a.slots", 1000, "1000"),
                   scenario::Assignment::set("pathways.measures.b.slots", 1000, "1000"),
                   scenario::Assignment::set("budget.purchases_per_year_nok", 1e9, "1e9")},
                  "bought", "placed");
    const auto& best = r.best_candidate();
    CHECK(r.objective_of(best).summary.mean == all_served);
    // With 40 places in either measure (about 50 are sent to each), some go to baseline
    // follow-up: fewer placements.
    for (std::size_t m = 0; m < 2; ++m) {
        auto fewer = best.split.slots;
        fewer[m] = 40;
        CHECK(plain_run(sc,
                        {scenario::Assignment::set("pathways.measures.a.slots",
                                                   static_cast<double>(fewer[0]), "a"),
                         scenario::Assignment::set("pathways.measures.b.slots",
                                                   static_cast<double>(fewer[1]), "b"),
                         scenario::Assignment::set("budget.purchases_per_year_nok", 1e9, "1e9")},
                        "bought", "placed") < all_served);
    }
    // Shares on the simplex: they sum to one.
    for (const auto& c : r.candidates) {
        double sum = 0.0;
        for (double s : c.shares) sum += s;
        CHECK(sum == Approx(1.0));
    }
    check_budget_identity(r, sc);
}

TEST_CASE("optimise gives the same answer for 1 and 2 threads", "[optimise]") {
    for (const char* file : {"optimise_mixed.yaml", "optimise_two_measures.yaml"}) {
        INFO(file);
        const auto sc = test_scenario(file);
        const auto objective = experiment::Objective::placements;
        const auto one = experiment::optimise_split(sc, settings(12'000'000.0, objective, 1));
        const auto two = experiment::optimise_split(sc, settings(12'000'000.0, objective, 2));
        CHECK(output::optimise_summary_json(sc, one)["optimise"].dump() ==
              output::optimise_summary_json(sc, two)["optimise"].dump());
        CHECK(output::optimise_csv(sc, one) == output::optimise_csv(sc, two));
        CHECK(one.events == two.events);
    }
}

TEST_CASE("optimise picks its arm by rule and sets the arm's own team", "[optimise]") {
    const auto mixed = test_scenario("optimise_mixed.yaml");
    CHECK(experiment::default_optimise_arm(mixed.model) == 0);  // in-house, then kjop
    const auto base = test_scenario("valid_base.yaml");
    // in_house has a team, outsourced buys places without one: the team comes first.
    CHECK(base.model.arms[experiment::default_optimise_arm(base.model)].name == "in_house");

    // Heimdal's outsourced arm has its own caseworker: the split sets arms.outsourced.
    const auto heimdal =
        scenario::load_scenario_file(std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml");
    auto s = settings(3'000'000.0, experiment::Objective::npv);
    s.arm = "outsourced";
    s.replications = 5;
    const auto r = experiment::optimise_split(heimdal, s);
    CHECK(r.staffing_path == "arms.outsourced.caseworkers");
    CHECK(r.best_assignments.front().path == "arms.outsourced.caseworkers");
}

TEST_CASE("optimise refuses what it cannot do, saying why", "[optimise]") {
    using Catch::Contains;
    const auto sc = test_scenario("optimise_mixed.yaml");
    auto s = settings(20'000'000.0, experiment::Objective::npv);

    s.arm = "nobody";
    REQUIRE_THROWS_AS(experiment::optimise_split(sc, s), experiment::UsageError);
    REQUIRE_THROWS_WITH(experiment::optimise_split(sc, s),
                        Contains("no arm named 'nobody'") && Contains("mixed, baseline"));
    s.arm = "baseline";
    REQUIRE_THROWS_WITH(experiment::optimise_split(sc, s),
                        Contains("no in-house team and sends no one to a measure"));
    s.arm = "";
    for (double budget : {0.0, -5.0}) {
        s.budget_nok_per_year = budget;
        REQUIRE_THROWS_WITH(experiment::optimise_split(sc, s),
                            Contains("give the yearly budget in NOK, above 0"));
    }
    s.budget_nok_per_year = 500'000.0;
    REQUIRE_THROWS_WITH(experiment::optimise_split(sc, s),
                        Contains("less than one caseworker's yearly cost"));

    s.budget_nok_per_year = 20'000'000.0;
    const auto mmc =
        scenario::load_scenario_file(std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/mmc.yaml");
    REQUIRE_THROWS_WITH(experiment::optimise_split(mmc, s), Contains("has no pathways.measures"));
    const auto no_team = scenario::load_scenario_text(R"(name: no team
horizon: 12 months
price_year: 2024
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
      benefit: {kind: none}
      wage_per_month_nok: 30000
pathways:
  baseline: {placement: {probability: 0.3, within: 12 months}}
  measures:
    m: {slots: 5, price_per_month_nok: 1000, placement: {probability: 0.5, within: 12 months}}
arms:
  bought: {route: m}
  baseline: {route: baseline}
)",
                                                      "no_team.yaml");
    REQUIRE_THROWS_WITH(experiment::optimise_split(no_team, s),
                        Contains("has no pathways.in_house"));
    REQUIRE_THROWS_WITH(experiment::parse_objective("speed"),
                        Contains("use npv, placements or net_fiscal"));
}
