// The value after the horizon, in closed form: what the persons' states at the horizon are
// still worth over economics.valuation_years. After the horizon the programme is over: a job
// seeker finds work at ordinary follow-up's (baseline) rate a, a worker loses the job at the
// cohort's job-loss rate l, and a person in an exit state keeps its benefit. With s = a + l
// and continuous discounting at d (per day), the discounted days in work from a worker are
// (a I0 + l I1) / s, from a job seeker a (I0 - I1) / s, where I0 = (1 - e^(-dT)) / d and
// I1 = (1 - e^(-(d + s)T)) / (d + s): the two-state Markov chain's transition probabilities
// integrated against the discount factor. docs/model.md has the derivation.
#pragma once

#include <array>
#include <vector>

#include "engine/economics/cash_flows.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"

namespace followsim::model {

class AfterHorizonValuation {
  public:
    explicit AfterHorizonValuation(const ModelConfig& config);

    // Persons as they are at the horizon. The population's hazard ratios for the person
    // (need group, age band, benefit) act on the rate at which they find work (again) after
    // the horizon.
    void employed(const Person& p);
    void seeking(const Person& p);
    void exited(ExitState state, std::int64_t persons);

    [[nodiscard]] const economics::CashFlowTotals& totals() const noexcept { return totals_; }

    // Discounted days (to the horizon) in work and seeking work over the valuation period,
    // from a worker (from_work) or a job seeker, for rates a (finding) and l (losing) per day.
    struct Days {
        double working = 0.0;
        double seeking = 0.0;
    };
    [[nodiscard]] Days discounted_days(bool from_work, double find_rate, double lose_rate) const;

  private:
    void add(economics::Flow flow, economics::Payer payer, double pv_at_horizon);
    void value(const Person& p, bool from_work);
    [[nodiscard]] double benefit_per_day(const Person& p, bool& taxed,
                                         economics::Payer& payer) const;

    const ModelConfig& config_;
    bool on_;
    double days_;               // the valuation period
    double delta_;              // continuous discount rate per day after the horizon
    double factor_at_horizon_;  // discounting from the horizon to the start
    double baseline_rate_;      // ordinary follow-up's placement rate per day
    // discounted_days() of every kind of person, worked out once: by cohort, then need
    // group, age band and whether in work (days_of()).
    std::vector<Days> days_by_person_;
    [[nodiscard]] const Days& days_of(const Person& p, bool from_work) const;
    economics::CashFlowTotals totals_;
};

// The hazard rate per day a form amounts to: its rate if exponential, else its cumulative
// hazard over the first year per day, or, where that is infinite (a fixed time), one over the
// time the cumulative hazard takes to reach 1.
double rate_per_day(const TimeToEvent& t);

}  // namespace followsim::model
