// Salaried staff, the follow-up dose and rationing against independent expectations: closed-
// form staff costs, the exponential case a constant dose reduces to, a placement time computed
// by hand from the person's own random numbers, and waits counted on a hand-computable queue.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/core/random_stream.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;
using model::ArmOutcome;
using model::kDaysPerMonth;
using model::kDaysPerYear;

namespace {

scenario::Scenario from_text(const std::string& yaml,
                             const std::vector<std::string>& overrides = {}) {
    return scenario::load_scenario_text(yaml, "test.yaml", overrides);
}

// The present value of 1 NOK a day over [0, days) at 4 % a year, continuously discounted.
double annuity(double days) {
    const double delta = std::log(1.04) / kDaysPerYear;
    return (1.0 - std::exp(-delta * days)) / delta;
}

const char* kTeam = R"(
name: team
horizon: 24 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 60, at: 0 days}
pathways:
  baseline: {placement: {probability: 0.2, within: 24 months}}
  in_house:
    caseworkers: 2
    caseload_per_caseworker: 40
    hours_per_participant_month: 8
    cost_per_caseworker_year_nok: 1000000
    training_per_caseworker_nok: 20000
    placement: {probability: 0.6, within: 24 months}
arms:
  in_house: {route: in_house}
  baseline: {route: baseline}
)";

}  // namespace

TEST_CASE("salaried caseworkers cost their salary whether busy or idle", "[dose][staff]") {
    // Two FTEs at NOK 1 M a year for two years, trained once at NOK 20,000 each: the staff cost
    // is 2 x 1e6 / 365.25 a day discounted over 730.5 days, whatever the caseload.
    const double expected = 2.0 * 1e6 / kDaysPerYear * annuity(730.5);
    for (const char* count : {"60", "5"}) {
        const auto sc =
            from_text(kTeam, {std::string("population.cohorts.0.arrivals.count=") + count});
        const ArmOutcome o = model::simulate_arm(sc.model, 0, 1, 0);
        INFO(count << " persons");
        CHECK(o.cash_flows.pv(economics::Flow::caseworker_time) == Approx(expected).epsilon(1e-9));
        CHECK(o.cash_flows.pv(economics::Flow::training) == Approx(40000.0));
        CHECK(o.staff_utilisation > 0.0);
        CHECK(o.staff_utilisation <= 1.0);
    }
    // Five persons leave the team mostly idle: most of its cost is idle.
    const auto few = from_text(kTeam, {"population.cohorts.0.arrivals.count=5"});
    const ArmOutcome o = model::simulate_arm(few.model, 0, 1, 0);
    CHECK(o.cost_idle_staff_nok > 0.8 * expected);
    // The baseline arm has no team and pays for none.
    CHECK(model::simulate_arm(few.model, 1, 1, 0).cash_flows.pv(economics::Flow::caseworker_time) ==
          0.0);
    // Per hour used: only the hours participants use, 8 a month each at NOK 1e6 / 1695 an hour.
    const auto per_hour = from_text(
        kTeam, {"pathways.in_house.staff_cost=per_hour_used",
                "population.cohorts.0.arrivals.count=1", "pathways.in_house.placement=none"});
    const ArmOutcome one = model::simulate_arm(per_hour.model, 0, 1, 0);
    CHECK(one.cash_flows.pv(economics::Flow::caseworker_time) ==
          Approx(8.0 * 1e6 / 1695.0 / kDaysPerMonth * annuity(730.5)).epsilon(1e-9));
}

TEST_CASE("doubling the caseworkers doubles the staff cost and raises placements", "[dose]") {
    // 60 persons on 2 caseworkers: 2 x 1695 / 12 x 0.6 = 169.5 hours a month, 2.8 each (below
    // the 8 planned). With 4, twice the dose: placements rise through the dose-response.
    const auto two = from_text(kTeam);
    const auto four = from_text(kTeam, {"pathways.in_house.caseworkers=4"});
    experiment::RunSettings run;
    run.replications = 400;
    run.threads = 2;
    const auto r2 = experiment::run_replications(two, run);
    const auto r4 = experiment::run_replications(four, run);
    auto mean = [](const experiment::RunResults& r, const char* metric) {
        return r.arms[0].metrics[experiment::metric_index(metric)].summary.mean;
    };
    CHECK(mean(r4, "cost_caseworker_time_nok") / mean(r2, "cost_caseworker_time_nok") ==
          Approx(2.0));
    CHECK(mean(r4, "placement_rate") > mean(r2, "placement_rate"));
    CHECK(mean(r4, "mean_dose_hours_per_month") > 1.5 * mean(r2, "mean_dose_hours_per_month"));
    CHECK(mean(r4, "staff_utilisation") < mean(r2, "staff_utilisation"));
    // Pathwise: the same persons with the same thresholds never do worse with more hours.
    for (std::size_t i = 0; i < r2.outcomes.size(); ++i) {
        CHECK(r4.outcomes[i][0].placed >= r2.outcomes[i][0].placed);
    }
}

TEST_CASE("a constant dose at the reference reduces to the exponential case", "[dose]") {
    // A team so large that every participant gets the planned 5 hours, the reference dose: the
    // factor is 1 and the run is the one without any dose-response, person by person.
    const std::vector<std::string> big{"pathways.in_house.caseworkers=100",
                                       "pathways.in_house.hours_per_participant_month=5",
                                       "pathways.baseline.dropout={rate: 0.02 per month}",
                                       "pathways.in_house.dropout={rate: 0.03 per month}"};
    auto none = big;
    none.push_back("pathways.dose_response=none");
    const auto dosed = from_text(kTeam, big);
    const auto plain = from_text(kTeam, none);
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
        const ArmOutcome a = model::simulate_arm(dosed.model, 0, 9, rep);
        const ArmOutcome b = model::simulate_arm(plain.model, 0, 9, rep);
        CHECK(a.placed == b.placed);
        CHECK(a.exited == b.exited);
        CHECK(a.mean_days_to_job == Approx(b.mean_days_to_job).epsilon(1e-9));
        CHECK(a.employment_months == Approx(b.employment_months).epsilon(1e-9));
    }
    // And the share placed is the planner's form in closed form: placement 0.6 within 24
    // months against dropout 0.03 a month: P = r_p / (r_p + r_d) (1 - exp(-(r_p + r_d) T)).
    experiment::RunSettings run;
    run.replications = 300;
    const auto r = experiment::run_replications(dosed, run);
    const double rp = -std::log(0.4) / 24.0, rd = 0.03;
    const double p = rp / (rp + rd) * (1.0 - std::exp(-(rp + rd) * 24.0));
    const auto& s = r.arms[0].metrics[experiment::metric_index("placement_rate")].summary;
    CHECK(std::abs(s.mean - p) < 4.0 * std::sqrt(p * (1 - p) / (60.0 * 300.0)));
}

TEST_CASE("a placement time by hand: the accumulated hazard reaches the threshold", "[dose]") {
    // One person in close follow-up; the team halves on day 100 (2 -> 1 caseworker). Planned
    // 400 hours a month, so the dose is what the team has: 2 x 1695 / 12 x 0.6 = 169.5 hours,
    // then 84.75. With elasticity 0.5 and reference 100 hours the hazard is 0.01 sqrt(169.5 /
    // 100) a day, then 0.01 sqrt(84.75 / 100): the job comes where its integral reaches E.
    const auto sc = from_text(R"(
name: by hand
horizon: 10 years
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 1, at: 0 days}
      age_bands: {30_and_over: 1}
pathways:
  dose_response: {power: {elasticity: 0.5, reference_hours_per_month: 100}}
  baseline: {placement: none}
  in_house:
    caseworkers: 2
    caseworker_changes: [{at: 100 days, caseworkers: 1}]
    caseload_per_caseworker: 1
    hours_per_participant_month: 400
    placement: {rate: 0.01 per day}
arms:
  in_house: {route: in_house}
)");
    const std::uint64_t seed = 3;
    for (std::uint64_t rep = 0; rep < 50; ++rep) {
        // The person's own stream: group, age band, then the placement and dropout thresholds.
        core::RandomStream rng(seed, rep, core::stream_id(1000, 0));
        rng.uniform01();
        rng.uniform01();
        const double e = rng.exponential(1.0);
        const double f1 = std::sqrt(169.5 / 100.0), f2 = std::sqrt(84.75 / 100.0);
        // Hazard 0.01 f1 a day to day 100, then 0.01 f2.
        const double by_100 = 0.01 * f1 * 100.0;
        const double expected = e <= by_100 ? e / (0.01 * f1) : 100.0 + (e - by_100) / (0.01 * f2);
        const ArmOutcome o = model::simulate_arm(sc.model, 0, seed, rep);
        INFO("replication " << rep << " threshold " << e);
        REQUIRE(o.placed == 1);
        CHECK(o.mean_days_to_job == Approx(expected).epsilon(1e-9));
    }
}

TEST_CASE("rationing: waits of everyone referred, censored at the horizon", "[rationing]") {
    // Caseload 2, five persons at day 0, a job exactly 3 months after the start. In the arm
    // that waits: two start at once, two after 3 months, the last after 6; horizon 7 months.
    // Waits 0, 0, 3, 3, 6 months: mean 2.4 months; three of five waited. In the arm that
    // falls back, three go to baseline at once: waits 0, rationed 3 of 5 (plus their baseline
    // referrals, which are not limited).
    const auto sc = from_text(R"(
name: queue
horizon: 7 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 5, at: 0 days}
pathways:
  dose_response: none
  baseline: {placement: none}
  in_house:
    caseworkers: 1
    caseload_per_caseworker: 2
    placement: {after: 3 months}
arms:
  waits: {route: in_house}
  falls_back: {route: in_house, when_full: baseline}
)");
    const ArmOutcome waits = model::simulate_arm(sc.model, 0, 1, 0);
    CHECK(waits.placed == 4);  // the last, started at 6 months, would find work at 9
    CHECK(waits.mean_wait_days == Approx(2.4 * kDaysPerMonth));
    CHECK(waits.rationed_share == Approx(3.0 / 5.0));
    CHECK(waits.waiting_at_horizon == 0);
    const ArmOutcome falls = model::simulate_arm(sc.model, 1, 1, 0);
    CHECK(falls.placed == 2);
    CHECK(falls.mean_wait_days == 0.0);
    CHECK(falls.rationed_share == Approx(3.0 / 5.0));
    // With a 2-month horizon nobody has been placed: three still wait, censored at 2 months.
    const auto short_run = from_text(R"(
name: queue
horizon: 2 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 5, at: 0 days}
pathways:
  dose_response: none
  baseline: {placement: none}
  in_house: {caseworkers: 1, caseload_per_caseworker: 2, placement: {after: 3 months}}
arms:
  waits: {route: in_house}
)");
    const ArmOutcome censored = model::simulate_arm(short_run.model, 0, 1, 0);
    CHECK(censored.waiting_at_horizon == 3);
    CHECK(censored.mean_wait_days == Approx(3.0 * 2.0 * kDaysPerMonth / 5.0));
}

TEST_CASE("nothing starts, ends or is re-ordered at the horizon", "[horizon]") {
    // A measure of exactly the horizon's length: its end is not an event, so no second
    // purchase is ordered and the ordering time is paid once per person.
    const auto sc = from_text(R"(
name: edge
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
    - name: late
      arrivals: {count: 10, at: 12 months}
pathways:
  baseline: {placement: none}
  measures:
    kurs: {slots: 100, price_per_month_nok: 1000, max_duration: 12 months, ordering_hours: 10, placement: none}
arms:
  bought: {route: kurs}
economics: {discount_rate: 0}
)");
    const ArmOutcome o = model::simulate_arm(sc.model, 0, 1, 0);
    CHECK(o.persons == 10);  // the late cohort would arrive at the horizon itself
    CHECK(o.cash_flows.pv(economics::Flow::ordering_time) == Approx(10 * 10.0 * 900000.0 / 1695.0));
    CHECK(o.cash_flows.pv(economics::Flow::purchases) == Approx(10 * 12 * 1000.0));
}

TEST_CASE("Heimdal's answer comes from staffing, dose and price", "[dose][heimdal]") {
    const std::string file = std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml";
    experiment::RunSettings run;
    run.replications = 200;
    run.threads = 2;
    auto npv_gap = [&](const std::vector<std::string>& overrides) {
        // in-house minus outsourced, paired by replication (common random numbers)
        const auto r =
            experiment::run_replications(scenario::load_scenario_file(file, overrides), run);
        const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
        std::vector<double> gaps;
        for (const auto& m : r.metrics) gaps.push_back(m[0][npv] - m[1][npv]);
        return experiment::summarize_metric(gaps).summary;
    };
    // Cheap purchases: outsourced wins; dear ones: in-house wins. The threshold lies between.
    const auto cheap = npv_gap({"pathways.measures.oppfolging.price_per_month_nok=1000"});
    const auto dear = npv_gap({"pathways.measures.oppfolging.price_per_month_nok=4000"});
    CHECK(cheap.ci95_high < 0.0);
    CHECK(dear.ci95_low > 0.0);
    // A provider a third less effective than NAV at the same dose: in-house wins.
    CHECK(npv_gap({"pathways.measures.oppfolging.effectiveness=0.67"}).ci95_low > 0.0);

    // Twice the caseworkers: twice the salaries, and more of the pilot placed (a larger dose).
    const auto six = experiment::run_replications(scenario::load_scenario_file(file), run);
    const auto twelve = experiment::run_replications(
        scenario::load_scenario_file(file, {"pathways.in_house.caseworkers=12"}), run);
    const std::size_t staff = experiment::metric_index("cost_caseworker_time_nok");
    // About: turnover leaves posts empty at random (same draws, but twice the posts).
    CHECK(twelve.arms[0].metrics[staff].summary.mean / six.arms[0].metrics[staff].summary.mean ==
          Approx(2.0).epsilon(0.01));
    const auto pilot = [](const experiment::RunResults& r) {
        return r.arms[0].subgroups.by[0][0].metrics[2].summary.mean;  // cohort pilot
    };
    CHECK(pilot(twelve) > pilot(six) + 0.01);
}

TEST_CASE("a learning curve on a hand-computable staffing case", "[staff][learning]") {
    // No caseworkers at the start, two hired on day 0: they start at half effectiveness and
    // reach full effectiveness over 6 months, or 4 with training (2 months saved). The team's
    // effectiveness at the start of month k: 0.5 + 0.5 min(k, M) / M.
    const std::string yaml = R"(
name: learning
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
pathways:
  baseline: {placement: none}
  in_house:
    caseworkers: 0
    caseworker_changes: [{at: 0 days, caseworkers: 2}]
    caseload_per_caseworker: 10
    learning: {starting_effectiveness: 0.5, months_to_full: 6, training_months_saved: 2, training_hours: 20}
    placement: {probability: 0.5, within: 12 months}
arms:
  in_house: {route: in_house}
)";
    for (const auto& [training, months] :
         std::vector<std::pair<std::string, double>>{{"0", 6.0}, {"20000", 4.0}}) {
        const auto sc =
            from_text(yaml, {"pathways.in_house.training_per_caseworker_nok=" + training});
        const ArmOutcome o = model::simulate_arm(sc.model, 0, 1, 0);
        INFO("training " << training);
        for (std::size_t k = 1; k < o.months.size(); ++k) {
            const double expected = 0.5 + 0.5 * std::min(static_cast<double>(k), months) / months;
            CHECK(o.months[k][model::StateField::staff_effectiveness] == Approx(expected));
        }
        // Training costs its money and, in the first month, its hours.
        CHECK(o.cash_flows.pv(economics::Flow::training) ==
              Approx(2 * std::stod(training)).margin(1e-9));
    }
    // Fewer effective caseworkers, fewer placements than an experienced team, same people.
    const auto experienced =
        from_text(yaml, {"pathways.in_house.learning.starting_effectiveness=1"});
    const auto learning = from_text(yaml);
    std::int64_t placed_experienced = 0, placed_learning = 0;
    for (std::uint64_t rep = 0; rep < 50; ++rep) {
        placed_experienced += model::simulate_arm(experienced.model, 0, 1, rep).placed;
        placed_learning += model::simulate_arm(learning.model, 0, 1, rep).placed;
    }
    CHECK(placed_experienced > placed_learning);
}

TEST_CASE("turnover leaves posts empty for the vacancy period", "[staff][turnover]") {
    // 100 posts; each caseworker leaves at 1 a year, the post is empty for 3 months: in the
    // long run a post is filled (1 year) / (1 year + 3 months) = 80 % of the time.
    const auto sc = from_text(R"(
name: turnover
horizon: 20 years
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 1, at: 0 days}
pathways:
  baseline: {placement: none}
  in_house:
    caseworkers: 100
    caseload_per_caseworker: 10
    turnover: {rate: 1 per year, vacancy: 3 months}
    placement: none
arms:
  in_house: {route: in_house}
)");
    const ArmOutcome o = model::simulate_arm(sc.model, 0, 4, 0);
    double sum = 0.0;
    int months = 0;
    for (std::size_t k = 24; k < o.months.size(); ++k) {  // after two years' transient
        sum += o.months[k][model::StateField::caseworkers];
        ++months;
    }
    CHECK(sum / months == Approx(80.0).margin(2.0));
    // Empty posts are not paid: the salaries are about 80 % of a full team's.
    const double full = 100.0 * 900000.0 / 365.25 * annuity(20 * 365.25);
    const double paid = o.cash_flows.pv(economics::Flow::caseworker_time);
    CHECK(paid / full == Approx(0.8).margin(0.03));
}

TEST_CASE("the dose factor memo gives the factor of every dose, bit for bit", "[dose]") {
    const model::DoseResponse power = model::PowerDoseResponse{0.15, 5.0};
    model::DoseFactorMemo memo;
    // Doses back and forth, more of them than the memo remembers, and a dose of zero.
    for (const double hours : {2.5, 5.0 / 3.0, 2.5, 0.0, 1.25, 7.5, 2.5, 5.0 / 3.0, 10.0, 2.5}) {
        CHECK(memo(power, hours) == model::dose_factor(power, hours));
    }
}
