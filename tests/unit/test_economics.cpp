// Economics against hand computations: closed-form present values of a degenerate cohort,
// undiscounted sums at 0 %, a pure transfer, discounting steps of R-109/2021, ICER dominance,
// the efficiency frontier, the CEAC and EVPI.
#include <catch2/catch.hpp>
#include <cmath>
#include <string>

#include "engine/economics/cost_effectiveness.hpp"
#include "engine/economics/discounting.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

// 10 persons on AAP (NOK 10,000 a month) from day 0. Baseline: a job after 6 months.
// Programme: a measure at NOK 5,000 a month with a job after 3 months, 2 ordering hours at
// NOK 100 an hour, a result fee of NOK 1,000. Wage NOK 30,000 a month. 24 months.
std::string degenerate_scenario(double benefit_per_month, double discount_rate) {
    return R"(
name: hand computed
horizon: 24 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
      benefit: {kind: aap, per_month_nok: )" +
           std::to_string(benefit_per_month) + R"(}
      wage_per_month_nok: 30000
pathways:
  baseline: {placement: {after: 6 months}}
  measures:
    kurs: {slots: 100, price_per_month_nok: 5000, result_fee_nok: 1000, ordering_hours: 2, placement: {after: 3 months}}
arms:
  programme: {route: kurs}
  baseline: {route: baseline}
economics:
  discount_rate: )" +
           std::to_string(discount_rate) +
           R"(
  tax_financing_cost: 0.2
  employer_contribution: 0.141
  income_tax_rate: 0.25
  hours_per_fte_year: 1695
  staff_cost_per_year_nok: 169500
  benefit_tax_rate: 0          # untaxed benefits and nothing after the horizon: the sums
  after_horizon: none          # below are the flows within the horizon only
)";
}

double metric(const experiment::RunResults& r, std::size_t arm, const char* name) {
    return r.metrics.at(0).at(arm).at(experiment::metric_index(name));
}

experiment::RunResults run_text(const std::string& yaml) {
    experiment::RunSettings settings;
    settings.replications = 2;
    settings.threads = 1;
    return experiment::run_replications(scenario::load_scenario_text(yaml, "hand.yaml"), settings);
}

}  // namespace

TEST_CASE("present values of a degenerate cohort equal the closed-form sums", "[economics]") {
    const auto r = run_text(degenerate_scenario(10000, 0.04));
    const double M = 365.25 / 12;  // days in a month
    const double delta = std::log(1.04) / 365.25;
    auto df = [&](double t) { return std::exp(-delta * t); };
    auto pv_spell = [&](double per_month, double a, double b) {  // per month paid over [a, b)
        return per_month / M * (df(a) - df(b)) / delta;
    };
    const double n = 10;
    // Programme arm (index 0)
    const double purchases = n * pv_spell(5000, 0, 3 * M);
    const double ordering = n * 2 * 100.0;
    const double fees = n * 1000 * df(3 * M);
    const double benefits_p = n * pv_spell(10000, 0, 3 * M);
    const double production_p = n * pv_spell(30000 * 1.141, 3 * M, 24 * M);
    const double taxes_p = n * pv_spell(30000 * (0.25 + 0.141), 3 * M, 24 * M);
    // Baseline arm (index 1)
    const double benefits_b = n * pv_spell(10000, 0, 6 * M);
    const double production_b = n * pv_spell(30000 * 1.141, 6 * M, 24 * M);
    const double taxes_b = n * pv_spell(30000 * (0.25 + 0.141), 6 * M, 24 * M);

    const double programme = purchases + ordering + fees;
    CHECK(metric(r, 0, "cost_programme_nok") == Approx(programme).epsilon(1e-9));
    CHECK(metric(r, 0, "cost_purchases_nok") == Approx(purchases).epsilon(1e-9));
    CHECK(metric(r, 0, "cost_result_fees_nok") == Approx(fees).epsilon(1e-9));
    CHECK(metric(r, 0, "cost_ordering_time_nok") == Approx(ordering).epsilon(1e-9));
    CHECK(metric(r, 0, "benefits_paid_nok") == Approx(benefits_p).epsilon(1e-9));
    CHECK(metric(r, 0, "production_gain_nok") == Approx(production_p).epsilon(1e-9));
    CHECK(metric(r, 0, "taxes_nok") == Approx(taxes_p).epsilon(1e-9));
    CHECK(metric(r, 0, "cost_per_placement_nok") == Approx(programme / n).epsilon(1e-9));
    CHECK(metric(r, 1, "benefits_paid_nok") == Approx(benefits_b).epsilon(1e-9));
    CHECK(metric(r, 1, "production_gain_nok") == Approx(production_b).epsilon(1e-9));

    // Net public cost = programme + benefits - taxes; fiscal account relative to baseline.
    const double public_p = programme + benefits_p - taxes_p;
    const double public_b = benefits_b - taxes_b;
    const double net_fiscal = -(public_p - public_b);
    const double tax_financing = 0.2 * (public_p - public_b);
    const double npv = (production_p - production_b) - programme - tax_financing;
    const double bcr = (production_p - production_b) / (programme + tax_financing);
    CHECK(metric(r, 0, "net_fiscal_nok") == Approx(net_fiscal).epsilon(1e-9));
    CHECK(metric(r, 0, "tax_financing_cost_nok") == Approx(tax_financing).epsilon(1e-9));
    CHECK(metric(r, 0, "npv_socioeconomic_nok") == Approx(npv).epsilon(1e-9));
    CHECK(metric(r, 0, "benefit_cost_ratio") == Approx(bcr).epsilon(1e-9));
    // The baseline against itself.
    CHECK(metric(r, 1, "npv_socioeconomic_nok") == 0.0);
    CHECK(std::isnan(metric(r, 1, "benefit_cost_ratio")));
}

TEST_CASE("at a 0 % discount rate present values are the undiscounted sums", "[economics]") {
    experiment::RunResults r = run_text(degenerate_scenario(10000, 0.0));
    // Undiscounted: 10 persons x 3 months x 5,000 + 10 x 200 + 10 x 1,000; wages over 21 months.
    CHECK(metric(r, 0, "cost_programme_nok") == Approx(10 * 3 * 5000.0 + 10 * 200.0 + 10 * 1000.0));
    CHECK(metric(r, 0, "production_gain_nok") == Approx(10 * 21 * 30000 * 1.141));
    CHECK(metric(r, 0, "benefits_paid_nok") == Approx(10 * 3 * 10000.0));
    CHECK(metric(r, 1, "benefits_paid_nok") == Approx(10 * 6 * 10000.0));
    const auto& flows = r.outcomes[0][0].cash_flows;
    for (std::size_t f = 0; f < economics::kFlows; ++f) {
        CHECK(flows.pv(static_cast<economics::Flow>(f)) ==
              Approx(flows.undiscounted(static_cast<economics::Flow>(f))));
    }
}

TEST_CASE("a pure transfer moves the fiscal account, and society only by its tax cost",
          "[economics]") {
    const auto low = run_text(degenerate_scenario(10000, 0.04));
    const auto high = run_text(degenerate_scenario(15000, 0.04));
    // The programme arm saves 3 months of benefit per person against baseline; at the higher
    // benefit the saving grows by the extra benefit of those months.
    const double extra_saving =
        (metric(high, 1, "benefits_paid_nok") - metric(high, 0, "benefits_paid_nok")) -
        (metric(low, 1, "benefits_paid_nok") - metric(low, 0, "benefits_paid_nok"));
    REQUIRE(extra_saving > 0.0);
    CHECK(metric(high, 0, "net_fiscal_nok") - metric(low, 0, "net_fiscal_nok") ==
          Approx(extra_saving).epsilon(1e-9));
    CHECK(metric(high, 0, "npv_socioeconomic_nok") - metric(low, 0, "npv_socioeconomic_nok") ==
          Approx(0.2 * extra_saving).epsilon(1e-9));
    CHECK(metric(high, 0, "production_gain_nok") == metric(low, 0, "production_gain_nok"));
    CHECK(metric(high, 0, "cost_programme_nok") == metric(low, 0, "cost_programme_nok"));
}

TEST_CASE("discounting follows R-109/2021's steps", "[economics]") {
    economics::EconomicsConfig config;  // 4 %, 3 % after 40 years, 2 % after 75
    const economics::Discounting d(config);
    const double year = 365.25;
    CHECK(d.factor(0.0) == 1.0);
    CHECK(d.factor(10 * year) == Approx(std::pow(1.04, -10)));
    CHECK(d.factor(50 * year) == Approx(std::pow(1.04, -40) * std::pow(1.03, -10)));
    CHECK(d.factor(80 * year) ==
          Approx(std::pow(1.04, -40) * std::pow(1.03, -35) * std::pow(1.02, -5)));
    // The integral over a year of 1 NOK a day: (1 - 1.04^-1) / ln(1.04) * 365.25.
    CHECK(d.integral(0.0, year) == Approx((1 - 1 / 1.04) / std::log(1.04) * year));
    // Across the 40-year step: the pieces add up.
    CHECK(d.integral(39 * year, 41 * year) ==
          Approx(d.integral(39 * year, 40 * year) + d.integral(40 * year, 41 * year)));
}

TEST_CASE("ICER dominance from a table with known answers", "[economics][icer]") {
    using economics::IcerStatus;
    CHECK(economics::incremental_ratio(100, 5).status == IcerStatus::ratio);
    CHECK(economics::incremental_ratio(100, 5).nok_per_unit == 20.0);
    CHECK(economics::incremental_ratio(-10, 2).status == IcerStatus::dominant);
    CHECK(economics::incremental_ratio(0, 2).status == IcerStatus::dominant);
    CHECK(economics::incremental_ratio(10, -2).status == IcerStatus::dominated);
    CHECK(economics::incremental_ratio(10, 0).status == IcerStatus::dominated);
    CHECK(economics::incremental_ratio(0, 0).status == IcerStatus::no_difference);
    CHECK(economics::incremental_ratio(-100, -5).status ==
          IcerStatus::ratio);  // cheaper, less effect

    // A(0, 0); B(100, 5): ICER 20; C(150, 4): dominated by B; E(200, 6): ICER from B 100 but
    // from E to D 25, so E is extendedly dominated; D(300, 10): ICER from B (300-100)/(10-5) = 40.
    const std::vector<double> cost{0, 100, 150, 300, 200};
    const std::vector<double> effect{0, 5, 4, 10, 6};
    const auto frontier = economics::efficiency_frontier(cost, effect);
    std::vector<std::string> status(5);
    std::vector<double> icer(5);
    for (const auto& e : frontier) {
        status[e.arm] = economics::to_code(e.status);
        icer[e.arm] = e.icer;
    }
    CHECK(status == std::vector<std::string>{"ND", "ND", "D", "ND", "ED"});
    CHECK(std::isnan(icer[0]));
    CHECK(icer[1] == Approx(20.0));
    CHECK(icer[3] == Approx(40.0));
    CHECK(std::isnan(icer[2]));
    CHECK(std::isnan(icer[4]));
    CHECK(frontier.front().arm == 0);  // sorted by cost
}

TEST_CASE("the CEAC is a probability, rises where it must, and EVPI is not negative",
          "[economics][ceac]") {
    // Arm 1 always has 2 to 4 more placements and costs 100k to 300k more: its NMB advantage
    // grows with the willingness to pay in every sample, so its curve cannot fall.
    std::vector<std::vector<double>> costs, effects;
    for (int s = 0; s < 200; ++s) {
        const double u = (s % 17) / 16.0, v = (s % 11) / 10.0;
        costs.push_back({1e6, 1e6 + 1e5 + 2e5 * u});
        effects.push_back({10.0, 12.0 + 2.0 * v});
    }
    const auto grid = economics::wtp_grid(0, 300000, 61);
    const auto ceac = economics::acceptability(costs, effects, grid);
    for (std::size_t w = 0; w < grid.size(); ++w) {
        CHECK(ceac.probability[0][w] + ceac.probability[1][w] == Approx(1.0));
        CHECK(ceac.probability[1][w] >= 0.0);
        CHECK(ceac.probability[1][w] <= 1.0);
        if (w > 0) CHECK(ceac.probability[1][w] >= ceac.probability[1][w - 1]);
        CHECK(ceac.evpi[w] >= 0.0);
    }
    CHECK(ceac.probability[1].front() == 0.0);  // at 0 NOK, the cheaper arm always wins
    CHECK(ceac.probability[1].back() == 1.0);   // at 300k, 2 x 300k > 300k extra cost
    CHECK(ceac.evpi.front() == 0.0);            // no uncertainty about the best arm
    // Somewhere in between the choice is uncertain and information has value.
    CHECK(*std::max_element(ceac.evpi.begin(), ceac.evpi.end()) > 0.0);
}
