// A labour-market measure bought from a provider: a number of places, a price per participant-
// month, a result fee per placement and NAV's own hours to order each purchase. A place is
// started only when the purchase budget can carry it for the rest of the budget year.
#pragma once

#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/pathway.hpp"
#include "engine/model/purchase_budget.hpp"

namespace followsim::model {

class PurchasedMeasure final : public Pathway {
  public:
    PurchasedMeasure(const PathwayConfig& config, PathwayIndex index, ArmBookkeeping& books,
                     PurchaseBudget& budget);

    [[nodiscard]] StateField state_field() const noexcept override {
        return StateField::in_measure;
    }
    [[nodiscard]] bool shares_budget() const noexcept override {
        return budget_.ledger().limited();
    }
    bool admit(Person& p, double now) override;
    void begin(Person& p, double now) override;
    void end(Person& p, double now, bool placed) override;
    void close_at_horizon(Person& p, double horizon) override;

    // Books the price of the person's place from the last booking to now in budget `year`;
    // returns it.
    double book_purchases(Person& p, double now, int year);

  private:
    const MeasureTerms& terms_;
    ArmBookkeeping& books_;
    PurchaseBudget& budget_;
};

}  // namespace followsim::model
