// Close follow-up by the office's own caseworkers: places are caseworkers x caseload per
// caseworker; staff may change during the run (new caseworkers are trained); follow-up hours
// are costed at the caseworker's cost per hour while a participant is followed up.
#pragma once

#include <vector>

#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/pathway.hpp"

namespace followsim::model {

class InHouseFollowUp final : public Pathway {
  public:
    // `used`: whether the arm can send anyone here (only then is staff trained and paid).
    InHouseFollowUp(const PathwayConfig& config, PathwayIndex index, ArmBookkeeping& books,
                    bool used);

    [[nodiscard]] StateField state_field() const noexcept override {
        return StateField::in_follow_up;
    }
    [[nodiscard]] double placement_hazard_ratio() const noexcept override { return hazard_ratio_; }
    void end(Person& p, double now, bool placed) override;
    void close_at_horizon(Person& p, double horizon) override;

    // Training of the caseworkers there at the start.
    void train_initial_staff();
    // Staff change `change` takes effect now; persons it lets start are appended to `started`.
    void change_staff(std::size_t change, double now, std::vector<core::EntityId>& started);

  private:
    void book_follow_up(const Person& p, double until);

    const InHouseTerms& terms_;
    ArmBookkeeping& books_;
    bool used_;
    double hazard_ratio_;
    double follow_up_cost_per_day_;  // a participant's hours at the caseworker's cost
    std::int64_t caseworkers_now_;
};

}  // namespace followsim::model
