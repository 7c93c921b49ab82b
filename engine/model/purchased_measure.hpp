// A labour-market measure bought from a provider: a number of places, a price per participant-
// month, a result fee per placement and NAV's own hours to order each purchase. A place is
// started only when the purchase budget can carry it for the rest of the budget year. With a
// contracted dose (provider hours a month), the placement hazard follows the dose-response:
// provider hours plus the NAV caseworker's share of the team's dose; the provider's
// effectiveness is the hazard ratio of its follow-up against NAV's at the same dose.
#pragma once

#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/dose_response.hpp"
#include "engine/model/in_house_team.hpp"
#include "engine/model/pathway.hpp"
#include "engine/model/purchase_budget.hpp"

namespace followsim::model {

class PurchasedMeasure final : public Pathway {
  public:
    // `team`: the arm's in-house team, whose caseworkers keep following participants up
    // (nullptr: none).
    PurchasedMeasure(const PathwayConfig& config, PathwayIndex index, const ModelConfig& model,
                     ArmBookkeeping& books, PurchaseBudget& budget, InHouseTeam* team);

    [[nodiscard]] StateField state_field() const noexcept override {
        return StateField::in_measure;
    }
    [[nodiscard]] bool shares_budget() const noexcept override {
        return budget_.ledger().limited();
    }
    [[nodiscard]] double dose_factor() const override;
    [[nodiscard]] double placement_hazard_ratio() const noexcept override {
        return terms_.effectiveness;
    }
    [[nodiscard]] const TimeToEvent& placement() const noexcept override { return placement_; }
    bool admit(Person& p, double now) override;
    void begin(Person& p, double now) override;
    void end(Person& p, double now, bool placed) override;
    void close_at_horizon(Person& p, double horizon) override;
    bool begin_after_care(Person& p, double now) override;

    // Books the price of the person's place from the last booking to now in budget `year`;
    // returns it.
    double book_purchases(Person& p, double now, int year);

  private:
    const ModelConfig& model_;
    const MeasureTerms& terms_;
    ArmBookkeeping& books_;
    PurchaseBudget& budget_;
    const TimeToEvent& placement_;  // its own, or in-house follow-up's
    InHouseTeam* team_;             // keeps a NAV caseworker with the participants, if weighted
    std::size_t load_class_ = 0;
    double floor_ = 0.0;
    mutable DoseFactorMemo factor_of_dose_;
};

}  // namespace followsim::model
