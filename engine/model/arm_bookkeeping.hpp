// The cash flows of an arm that follow persons: benefits while they look for work, and the
// wages of a job (production, income tax, the employer's contribution). Pathways book their
// own costs (caseworker time, purchases) through the same book.
#pragma once

#include "engine/economics/cash_flows.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"

namespace followsim::model {

class ArmBookkeeping {
  public:
    explicit ArmBookkeeping(const ModelConfig& config);

    // Benefits from the start of the person's spell as a job seeker to `until`: the cohort's
    // benefit up to its maximum duration, then the benefit the cohort's rule gives after it.
    void benefits(Person& p, double until);
    // The benefit of exit state `state` from `from` to `until` (a dropout's, to the horizon).
    void exit_benefits(ExitState state, double from, double until);
    // The wages of the person's job from its start to `until`.
    void employment(const Person& p, double until);

    economics::CashFlowBook& book() noexcept { return book_; }
    [[nodiscard]] const economics::EconomicsConfig& economics() const noexcept {
        return config_.economics;
    }
    // NAV's own staff time per hour (ordering measures), from the economics section.
    [[nodiscard]] double staff_cost_per_hour() const noexcept;

  private:
    // A benefit spell and the tax on it.
    void benefit_spell(double from, double until, double per_month_nok, economics::Payer payer,
                       bool taxed);

    const ModelConfig& config_;
    economics::CashFlowBook book_;
};

}  // namespace followsim::model
