// Jobs that last by the pathway that placed the person, follow-up after a placement, and
// pathway-specific effects by subgroup, against hand computations and closed forms.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/core/random_stream.hpp"
#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;
using model::kDaysPerMonth;

namespace {

model::ArmOutcome run_arm(const std::string& yaml, std::size_t arm,
                          const std::vector<std::string>& overrides = {}) {
    const auto sc = scenario::load_scenario_text(yaml, "t.yaml", overrides);
    return model::simulate_arm(sc.model, arm, 1, 0);
}

// Ten persons, a job exactly one month after each referral; 13 months.
const char* kFixed = R"(
name: retention
horizon: 13 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
      job_loss: {after: 5 months}
pathways:
  dose_response: none
  baseline: {placement: none}
  in_house:
    caseworkers: 1
    caseload_per_caseworker: 10
    placement: {after: 1 month}
  measures:
    sheltered:
      slots: 10
      price_per_month_nok: 1000
      placement: {after: 1 month}
      job_loss: {after: 2 months}
      after_placement: {duration: 1 month, price_per_month_nok: 500}
arms:
  in_house: {route: in_house}
  sheltered: {route: sheltered}
economics: {discount_rate: 0, after_horizon: none}
)";

}  // namespace

TEST_CASE("jobs last as long as the placing pathway's job loss says", "[retention]") {
    // In-house placements keep the cohort's 5 months: in work [1,6) and [7,12) months, then
    // placed again at 13 (the horizon: nothing happens there): 10 months each.
    // Sheltered placements last 2 months: [1,3), [4,6), [7,9), [10,12): 8 months each.
    const model::ArmOutcome in_house = run_arm(kFixed, 0);
    const model::ArmOutcome sheltered = run_arm(kFixed, 1);
    CHECK(in_house.employment_months == Approx(10 * 10.0));
    CHECK(sheltered.employment_months == Approx(10 * 8.0));
    // Four placements each in the measure: 1 month of place at NOK 1,000 and the provider's
    // month of follow-along at NOK 500 bought with each; the fifth referral, at 12 months,
    // is in the measure to the horizon: one more month of place.
    CHECK(sheltered.cash_flows.pv(economics::Flow::purchases) ==
          Approx(10 * (4 * 1500.0 + 1000.0)));
}

TEST_CASE("follow-up after a placement multiplies job loss while it runs", "[retention]") {
    // The job-loss time with the hazard halved for the first 6 months, by inversion: its
    // survival is exp(-0.5 l t) to 6 months, then exp(-0.5 l 6 - l (t - 6)).
    const auto loss = model::TimeToEvent::exponential(0.1 / kDaysPerMonth);
    core::RandomStream rng(4, 0, 0);
    const int n = 100000;
    int by_4 = 0, by_9 = 0;
    for (int i = 0; i < n; ++i) {
        const double t = loss.sample_with_early_ratio(rng.exponential(1.0), 0.5, 6 * kDaysPerMonth);
        if (t <= 4 * kDaysPerMonth) ++by_4;
        if (t <= 9 * kDaysPerMonth) ++by_9;
    }
    const double p4 = 1 - std::exp(-0.05 * 4), p9 = 1 - std::exp(-0.05 * 6 - 0.1 * 3);
    CHECK(std::abs(by_4 / double(n) - p4) < 4 * std::sqrt(p4 * (1 - p4) / n));
    CHECK(std::abs(by_9 / double(n) - p9) < 4 * std::sqrt(p9 * (1 - p9) / n));
    // A fixed job length ignores the ratio.
    CHECK(model::TimeToEvent::fixed(50.0).sample_with_early_ratio(0.3, 0.5, 100.0) == 50.0);

    // In the model: follow-up after in-house placements keeps jobs longer, and takes the
    // team's hours (its caseload stays up while placed persons are followed).
    const std::string yaml = std::string(kFixed);
    const std::vector<std::string> exponential{
        "population.cohorts.0.job_loss={rate: 0.1 per month}",
        "population.cohorts.0.arrivals.count=2000", "pathways.in_house.caseworkers=200"};
    auto with = exponential;
    with.push_back(
        "pathways.in_house.after_placement={duration: 6 months, job_loss_hazard_ratio: 0.5, "
        "hours_per_month: 2}");
    const model::ArmOutcome a = run_arm(yaml, 0, with);
    const model::ArmOutcome b = run_arm(yaml, 0, exponential);
    CHECK(a.employment_months > b.employment_months);
    CHECK(a.staff_utilisation > b.staff_utilisation);
}

TEST_CASE("a pathway's own effect by subgroup", "[subgroups]") {
    // In-house follow-up twice as effective for the young; the baseline not. Constant hazards,
    // no competing risks: P(placed in 12 months) = 1 - exp(-HR r 12).
    const auto sc = scenario::load_scenario_text(R"(
name: young
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 4000, at: 0 days}
      age_bands: {under_30: 0.5, 30_and_over: 0.5}
pathways:
  dose_response: none
  baseline: {placement: {rate: 0.05 per month}}
  in_house:
    caseworkers: 200
    caseload_per_caseworker: 20
    placement: {rate: 0.05 per month}
    hazard_ratios: {age_bands: {under_30: 2}}
arms:
  in_house: {route: in_house}
  baseline: {route: baseline}
)",
                                                 "t.yaml");
    const model::ArmOutcome in_house = model::simulate_arm(sc.model, 0, 1, 0);
    const model::ArmOutcome baseline = model::simulate_arm(sc.model, 1, 1, 0);
    const auto& ages = in_house.subgroups[model::SubgroupDimension::age_band];
    const auto& base_ages = baseline.subgroups[model::SubgroupDimension::age_band];
    auto rate = [](const model::SubgroupTally& t) {
        return static_cast<double>(t.placed) / static_cast<double>(t.persons);
    };
    auto near = [](double observed, double p, double persons) {
        return std::abs(observed - p) < 4 * std::sqrt(p * (1 - p) / persons);
    };
    const double young = 1 - std::exp(-0.1 * 12), old = 1 - std::exp(-0.05 * 12);
    CHECK(near(rate(ages[0]), young, static_cast<double>(ages[0].persons)));
    CHECK(near(rate(ages[1]), old, static_cast<double>(ages[1].persons)));
    CHECK(near(rate(base_ages[0]), old, static_cast<double>(base_ages[0].persons)));
    // Subgroups add up to the arm.
    CHECK(ages[0].placed + ages[1].placed == in_house.placed);
    CHECK(ages[0].persons + ages[1].persons == in_house.persons);
}

TEST_CASE("an inflow that changes year by year, in rate and mix", "[inflow]") {
    // Year 1: 2 a day, all standard; year 2: 4 a day, all varig_tilpasset. Poisson counts:
    // 730.5 and 1461 expected, sd their square roots.
    const auto sc = scenario::load_scenario_text(R"(
name: inflow
horizon: 2 years
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals:
        rates:
          - {until: 1 year, rate: 2 per day, groups: {standard: 1}}
          - {until: 2 years, rate: 4 per day, groups: {varig_tilpasset: 1}}
pathways:
  baseline: {placement: none}
arms:
  baseline: {route: baseline}
)",
                                                 "t.yaml");
    CHECK(sc.model.cohorts[0].arrivals.expected(sc.model.horizon_days) == Approx(6 * 365.25));
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
        const model::ArmOutcome o = model::simulate_arm(sc.model, 0, 2, rep);
        const auto& groups = o.subgroups[model::SubgroupDimension::need_group];
        const double first = static_cast<double>(groups[0].persons);
        const double second = static_cast<double>(groups[3].persons);
        CHECK(std::abs(first - 730.5) < 4 * std::sqrt(730.5));
        CHECK(std::abs(second - 1461.0) < 4 * std::sqrt(1461.0));
        CHECK(groups[1].persons + groups[2].persons == 0);
    }
}

TEST_CASE("follow-along bought with placements stays within the budget", "[retention][budget]") {
    // A NOK 3 M budget, a place at NOK 10,000 a month and a year of follow-along at NOK 10,000
    // a month with every placement: the follow-along is committed with the place, so the
    // year's spending never passes the budget.
    const auto sc = scenario::load_scenario_text(R"(
name: after care
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 100, at: 0 days}
pathways:
  dose_response: none
  baseline: {placement: none}
  measures:
    kurs:
      slots: 100
      price_per_month_nok: 10000
      placement: {rate: 0.3 per month}
      after_placement: {duration: 12 months, price_per_month_nok: 10000}
budget: {purchases_per_year_nok: 3000000}
arms:
  bought: {route: kurs}
)",
                                                 "t.yaml");
    for (std::uint64_t rep = 0; rep < 5; ++rep) {
        const model::ArmOutcome o = model::simulate_arm(sc.model, 0, 1, rep);
        CHECK(o.budget_spent_nok <= 3e6 * (1 + 1e-9));
        CHECK(o.peak_committed_nok <= 3e6 * (1 + 1e-9));
        CHECK(o.placed > 0);
    }
}

TEST_CASE("a staffing plan in order: a later cut cancels a pending hire", "[staff]") {
    // 6 caseworkers; plan 10 from month 1 (recruited by month 4), then 8 from month 2: the
    // pending 10 never comes; 8 is more than the 6 there, so it waits for recruitment too.
    model::StaffingPlan plan;
    plan.caseworkers = 6;
    plan.hiring_lag_days = 3 * kDaysPerMonth;
    plan.changes = {{1 * kDaysPerMonth, 10}, {2 * kDaysPerMonth, 8}};
    const auto levels = plan.effective_levels();
    REQUIRE(levels.size() == 2);
    CHECK(levels[1].caseworkers == 8);
    CHECK(levels[1].at_days == Approx(5 * kDaysPerMonth));
    // A cut takes effect at once; a rise after it waits.
    plan.changes = {{1 * kDaysPerMonth, 4}, {2 * kDaysPerMonth, 7}};
    const auto cut = plan.effective_levels();
    REQUIRE(cut.size() == 3);
    CHECK(cut[1].at_days == Approx(1 * kDaysPerMonth));
    CHECK(cut[2].at_days == Approx(5 * kDaysPerMonth));
}

TEST_CASE("a provider's effectiveness is a hazard ratio at the same dose", "[dose]") {
    // The contracted dose equals the reference (factor 1) and no NAV caseworker: the hazard is
    // effectiveness x the placement's rate: P(placed in 12 months) = 1 - exp(-0.5 x 0.1 x 12).
    const auto sc = scenario::load_scenario_text(R"(
name: effectiveness
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 4000, at: 0 days}
pathways:
  baseline: {placement: none}
  measures:
    kurs:
      slots: 4000
      price_per_month_nok: 1000
      hours_per_participant_month: 5
      effectiveness: 0.5
      placement: {rate: 0.1 per month}
arms:
  bought: {route: kurs}
)",
                                                 "t.yaml");
    const model::ArmOutcome o = model::simulate_arm(sc.model, 0, 1, 0);
    const double p = 1 - std::exp(-0.05 * 12);
    CHECK(std::abs(o.placement_rate - p) < 4 * std::sqrt(p * (1 - p) / 4000));
}

TEST_CASE("a default planned dose follows the reference when it is varied", "[bindings]") {
    // Without hours_per_participant_month the planned dose is the reference: setting the
    // reference through its binding moves both, as --set does.
    const std::string yaml = R"(
name: reference
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 30, at: 0 days}
pathways:
  dose_response: {power: {elasticity: 0.5, reference_hours_per_month: 5}}
  baseline: {placement: none}
  in_house: {caseworkers: 10, caseload_per_caseworker: 10, placement: {rate: 0.1 per month}}
arms:
  in_house: {route: in_house}
)";
    const auto base = scenario::load_scenario_text(yaml, "t.yaml");
    const auto by_binding = scenario::with_assignments(
        base, {scenario::Assignment::set("pathways.dose_response.power.reference_hours_per_month",
                                         10, "10")});
    const auto by_set = scenario::load_scenario_text(
        yaml, "t.yaml", {"pathways.dose_response.power.reference_hours_per_month=10"});
    for (std::uint64_t rep = 0; rep < 10; ++rep) {
        const model::ArmOutcome a = model::simulate_arm(by_binding.model, 0, 1, rep);
        const model::ArmOutcome b = model::simulate_arm(by_set.model, 0, 1, rep);
        CHECK(a.placed == b.placed);
        CHECK(a.mean_dose_hours_per_month == b.mean_dose_hours_per_month);
    }
}
