// The money side of purchased measures, shared by every measure of an arm: the yearly budget
// ledger (commit on start, settle on leaving, never exceeded) and the purchases paid so far.
#pragma once

#include "engine/core/statistics.hpp"
#include "engine/model/budget_ledger.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"

namespace followsim::model {

class PurchaseBudget {
  public:
    explicit PurchaseBudget(const BudgetConfig& config) : ledger_(config.purchases_per_year_nok) {}

    BudgetLedger& ledger() noexcept { return ledger_; }
    [[nodiscard]] const BudgetLedger& ledger() const noexcept { return ledger_; }

    // What the person's place costs from now to the end of the place or of the budget year,
    // whichever comes first, plus the result fee and the follow-along after a placement
    // should they find a job.
    [[nodiscard]] double commitment_for(const Person& p, const PathwayConfig& measure,
                                        double now) const;
    // The provider's price of the follow-up after a placement (0: none).
    static double after_care_price(const PathwayConfig& measure);
    // Commits the person's place in the current year; false when the budget cannot carry it.
    bool commit(Person& p, const PathwayConfig& measure, double now);

    // The price of running places changes by `delta` NOK a day from now.
    void change_spend_rate(double now, double delta_nok_per_day) {
        spend_rate_.add(now, delta_nok_per_day);
    }
    void fee_paid(double nok) { fees_paid_ += nok; }
    // Purchases paid so far (undiscounted): places run and fees.
    [[nodiscard]] double spending_so_far(double now) const {
        return spend_rate_.integral(now) + fees_paid_;
    }

  private:
    BudgetLedger ledger_;
    core::TimeWeightedAverage spend_rate_;  // NOK per day of the places running
    double fees_paid_ = 0.0;
};

}  // namespace followsim::model
