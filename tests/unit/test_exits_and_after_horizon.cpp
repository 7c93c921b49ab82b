// Exit states, the benefit's maximum duration, taxes on benefits and the value after the
// horizon against hand computations and an independent numerical integration.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/model/after_horizon.hpp"
#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;
using economics::Flow;
using economics::Payer;
using model::kDaysPerMonth;

namespace {

model::ArmOutcome run_one(const std::string& yaml, const std::vector<std::string>& overrides = {}) {
    const auto sc = scenario::load_scenario_text(yaml, "test.yaml", overrides);
    return model::simulate_arm(sc.model, 0, 1, 0);
}

// Ten persons on AAP at NOK 10,000 a month who all drop out after 6 months; 12 months; no
// discounting, nothing after the horizon.
const char* kDropouts = R"(
name: exits
horizon: 12 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
      benefit: {kind: aap, per_month_nok: 10000}
  exits:
    disability_benefit: {share: 1, per_month_nok: 20000}
pathways:
  dose_response: none
  baseline: {placement: none, dropout: {after: 6 months}}
arms:
  baseline: {route: baseline}
economics: {discount_rate: 0, benefit_tax_rate: 0.2, after_horizon: none}
)";

}  // namespace

TEST_CASE("dropouts go to an exit state and keep its benefit", "[exits]") {
    // 6 months of AAP and 6 of disability benefit each: 10 x (60,000 + 120,000); both are
    // taxed at 20 %, both paid by the state.
    const model::ArmOutcome o = run_one(kDropouts);
    CHECK(o.exited == 10);
    CHECK(o.exits_by_state[0] == 10);
    CHECK(o.cash_flows.pv(Flow::benefits) == Approx(10 * (60000.0 + 120000.0)));
    CHECK(o.cash_flows.pv(Flow::benefit_tax) == Approx(0.2 * 10 * 180000.0));
    // To social assistance instead: the municipality's, untaxed.
    const model::ArmOutcome s = run_one(
        kDropouts, {"population.exits={social_assistance: {share: 1, per_month_nok: 8000}}"});
    CHECK(s.exits_by_state[1] == 10);
    CHECK(s.cash_flows.pv(Flow::benefits, Payer::municipality) == Approx(10 * 6 * 8000.0));
    CHECK(s.cash_flows.pv(Flow::benefit_tax) == Approx(0.2 * 10 * 60000.0));
    // Shares split the dropouts by each person's own draw: about half and half.
    const auto half = scenario::load_scenario_text(
        kDropouts, "test.yaml",
        {"population.cohorts.0.arrivals.count=4000",
         "population.exits={disability_benefit: {share: 0.5}, unknown: {share: 0.5}}"});
    const model::ArmOutcome h = model::simulate_arm(half.model, 0, 1, 0);
    CHECK(std::abs(static_cast<double>(h.exits_by_state[0]) - 2000.0) < 4 * std::sqrt(1000.0));
    CHECK(h.exits_by_state[0] + h.exits_by_state[3] == 4000);
}

TEST_CASE("AAP stops at its maximum duration and the rule's benefit follows", "[exits][aap]") {
    // A job 3 months after each referral, lost 2 months later: seeking [0,3), [5,8); working
    // [3,5), [8,10). AAP for at most 4 months: [0,3) and [5,6); social assistance [6,8).
    // Per person: 4 x 10,000 + 2 x 5,000 = 50,000.
    const model::ArmOutcome o = run_one(R"(
name: limit
horizon: 10 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 10, at: 0 days}
      benefit: {kind: aap, per_month_nok: 10000, max_duration: 4 months, after_max_duration: social_assistance}
      job_loss: {after: 2 months}
  exits:
    social_assistance: {share: 1, per_month_nok: 5000}
pathways:
  dose_response: none
  baseline: {placement: {after: 3 months}}
arms:
  baseline: {route: baseline}
economics: {discount_rate: 0, benefit_tax_rate: 0, after_horizon: none}
)");
    CHECK(o.cash_flows.pv(Flow::benefits) == Approx(10 * 50000.0));
    CHECK(o.cash_flows.pv(Flow::benefits, Payer::municipality) == Approx(10 * 10000.0));
}

TEST_CASE("AAP's default maximum duration follows the rules of the price year", "[exits][aap]") {
    const std::string yaml = std::string(kDropouts);
    const auto y2025 = scenario::load_scenario_text(yaml, "t.yaml");
    const auto y2015 = scenario::load_scenario_text(yaml, "t.yaml", {"price_year=2015"});
    CHECK(y2025.model.cohorts[0].benefit_max_days == Approx(3 * 365.25));
    CHECK(y2015.model.cohorts[0].benefit_max_days == Approx(4 * 365.25));
}

TEST_CASE("discounted days after the horizon match a numerical integration", "[after_horizon]") {
    // The two-state chain (seeking <-> working) integrated by small midpoint steps, independent
    // of the closed form.
    const auto sc =
        scenario::load_scenario_text(kDropouts, "t.yaml", {"economics.discount_rate=0.04"});
    const model::AfterHorizonValuation v(sc.model);
    for (const auto& [a, l] : std::vector<std::pair<double, double>>{
             {0.001, 0.002}, {0.01, 0.0005}, {0.0, 0.001}, {0.002, 0.0}}) {
        for (bool from_work : {true, false}) {
            const double delta = std::log(1.04) / 365.25, T = 5 * 365.25;
            const int steps = 200000;
            const double dt = T / steps;
            double p_work = from_work ? 1.0 : 0.0, working = 0.0, seeking = 0.0;
            for (int k = 0; k < steps; ++k) {
                const double t = k * dt;
                const double d = std::exp(-delta * (t + dt / 2));
                const auto rate = [&](double p) { return a * (1 - p) - l * p; };
                const double next = p_work + dt * rate(p_work + dt / 2 * rate(p_work));  // RK2
                working += d * dt * (p_work + next) / 2;
                seeking += d * dt * (2 - p_work - next) / 2;
                p_work = next;
            }
            const auto days = v.discounted_days(from_work, a, l);
            INFO("a " << a << " l " << l << " from work " << from_work);
            CHECK(days.working == Approx(working).epsilon(1e-7));
            CHECK(days.seeking == Approx(seeking).epsilon(1e-7));
        }
    }
}

TEST_CASE("the value after the horizon in closed form", "[after_horizon]") {
    // One person placed after a month; at the 2-month horizon they either still work or lost
    // the job. After it: job loss 0.03 a month, finding work at baseline's 0.05 a month, over
    // 5 years at 4 %. Production per day in work: 30,000 x 1.141 / month.
    const std::string yaml = R"(
name: after
horizon: 2 months
price_year: 2025
population:
  cohorts:
    - name: c
      arrivals: {count: 1, at: 0 days}
      benefit: {kind: aap, per_month_nok: 12000}
      wage_per_month_nok: 30000
      job_loss: {rate: 0.03 per month}
pathways:
  dose_response: none
  baseline: {placement: {rate: 0.05 per month}}
  measures:
    kurs: {slots: 10, price_per_month_nok: 1000, placement: {after: 1 month}}
arms:
  bought: {route: kurs}
economics: {benefit_tax_rate: 0.2, valuation_years: 5}
)";
    const auto sc = scenario::load_scenario_text(yaml, "t.yaml");
    const double a = 0.05 / kDaysPerMonth, l = 0.03 / kDaysPerMonth;
    const double delta = std::log(1.04) / 365.25, T = 5 * 365.25, s = a + l;
    const double i0 = (1 - std::exp(-delta * T)) / delta;
    const double i1 = (1 - std::exp(-(delta + s) * T)) / (delta + s);
    const double at_horizon = std::exp(-delta * 2 * kDaysPerMonth);
    for (std::uint64_t rep = 0; rep < 20; ++rep) {
        const model::ArmOutcome o = model::simulate_arm(sc.model, 0, 1, rep);
        const bool working = o.employed_at_end == 1;
        const double work_days = working ? (a * i0 + l * i1) / s : a * (i0 - i1) / s;
        const double seek_days = working ? l * (i0 - i1) / s : (l * i0 + a * i1) / s;
        INFO("replication " << rep << (working ? " working" : " seeking"));
        CHECK(o.after_horizon.pv(Flow::production) ==
              Approx(at_horizon * work_days * 30000 * 1.141 / kDaysPerMonth).epsilon(1e-9));
        CHECK(o.after_horizon.pv(Flow::benefits) ==
              Approx(at_horizon * seek_days * 12000 / kDaysPerMonth).epsilon(1e-9));
        CHECK(o.after_horizon.pv(Flow::benefit_tax) ==
              Approx(0.2 * o.after_horizon.pv(Flow::benefits)).epsilon(1e-9));
    }
    // Nothing after the horizon when asked.
    const auto none =
        scenario::load_scenario_text(yaml, "t.yaml", {"economics.after_horizon=none"});
    CHECK(model::simulate_arm(none.model, 0, 1, 0).after_horizon.pv(Flow::production) == 0.0);
}
