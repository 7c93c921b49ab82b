// Close follow-up by the office's own caseworkers: the arm's in-house team (salaried FTEs on a
// staffing plan) gives the places (caseworkers x caseload per caseworker) and the dose (the
// team's follow-up hours shared by the caseload), on which the placement hazard depends.
#pragma once

#include <optional>
#include <vector>

#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/dose_response.hpp"
#include "engine/model/in_house_team.hpp"
#include "engine/model/pathway.hpp"

namespace followsim::model {

class InHouseFollowUp final : public Pathway {
  public:
    // `staffing`: the arm's team (none: no caseworkers, no places).
    InHouseFollowUp(const PathwayConfig& config, PathwayIndex index, const ModelConfig& model,
                    const std::optional<StaffingPlan>& staffing, ArmBookkeeping& books,
                    core::Simulator& sim, std::uint64_t seed, std::uint64_t replication);

    [[nodiscard]] StateField state_field() const noexcept override {
        return StateField::in_follow_up;
    }
    [[nodiscard]] double placement_hazard_ratio() const noexcept override { return hazard_ratio_; }
    [[nodiscard]] double dose_factor() const override;
    void begin(Person& p, double now) override;
    void end(Person& p, double now, bool placed) override;
    bool begin_after_care(Person& p, double now) override;
    void end_after_care(Person& p, double now) override;

    // The arm's team, if it has one.
    [[nodiscard]] InHouseTeam* team() noexcept { return team_ ? &*team_ : nullptr; }
    // The team's staff changes now (a planned level, a caseworker leaving, a post filled, or
    // the monthly update of the learning curve); persons it lets start are appended to
    // `started`.
    void staff_changed(double now, std::vector<core::EntityId>& started);

  private:
    const ModelConfig& model_;
    std::optional<InHouseTeam> team_;
    std::size_t load_class_ = 0;
    std::size_t after_care_class_ = 0;  // persons followed up after a placement
    double hazard_ratio_;
    double floor_;  // the dose factor never takes the hazard below ordinary follow-up's
    mutable DoseFactorMemo factor_of_dose_;
};

}  // namespace followsim::model
