#include "engine/model/in_house_follow_up.hpp"

#include <algorithm>
#include <cmath>

namespace followsim::model {

namespace {
// The dose factor at which close follow-up is as good as ordinary follow-up (0 when the
// baseline's placement is not exponential: then no floor).
double floor_for(const ModelConfig& model, double rate, double static_ratio) {
    const double baseline = model.pathways[kBaselinePathway].placement.exponential_rate();
    if (!(baseline > 0.0) || !(rate > 0.0)) return 0.0;
    return baseline / (rate * static_ratio);
}
}  // namespace

InHouseFollowUp::InHouseFollowUp(const PathwayConfig& config, PathwayIndex index,
                                 const ModelConfig& model,
                                 const std::optional<StaffingPlan>& staffing, ArmBookkeeping& books,
                                 core::Simulator& sim, std::uint64_t seed,
                                 std::uint64_t replication)
    : Pathway(config, index,
              staffing
                  ? config.in_house()->places_for(staffing->effective_levels().front().caseworkers)
                  : 0),
      model_(model),
      hazard_ratio_(config.in_house()->static_hazard_ratio()) {
    if (staffing) {
        team_.emplace(*config.in_house(), *staffing, model, books, sim, seed, replication);
        load_class_ = team_->add_load_class(1.0);
        // Follow-up after a placement takes its hours against a participant's planned dose.
        if (const auto& after = config.after_placement) {
            const double planned = config.in_house()->planned_hours(model.dose_response);
            after_care_class_ =
                team_->add_load_class(planned > 0.0 ? after->hours_per_month / planned : 0.0);
        }
    }
    floor_ = 0.0;
    if (depends_on_dose(model.dose_response)) {
        const double rate = config.placement.exponential_rate();
        follow_dose(rate);
        floor_ = floor_for(model, rate, hazard_ratio_);
    }
}

double InHouseFollowUp::dose_factor() const {
    const double dose = team_ ? team_->dose() : 0.0;
    const double effectiveness = team_ ? team_->effectiveness() : 1.0;
    return std::max(floor_, factor_of_dose_(model_.dose_response, dose) * effectiveness);
}

void InHouseFollowUp::begin(Person& p, double now) {
    Pathway::begin(p, now);
    if (team_) team_->add_load(now, load_class_, 1);
}

void InHouseFollowUp::end(Person& p, double now, bool placed) {
    Pathway::end(p, now, placed);
    if (team_) team_->add_load(now, load_class_, -1);
}

bool InHouseFollowUp::begin_after_care(Person& /*p*/, double now) {
    if (!team_ || !config().after_placement) return false;
    team_->add_load(now, after_care_class_, 1);
    return true;
}

void InHouseFollowUp::end_after_care(Person& /*p*/, double now) {
    team_->add_load(now, after_care_class_, -1);
}

void InHouseFollowUp::staff_changed(double now, std::vector<core::EntityId>& started) {
    places().set_capacity(now, team_->places(), started);
}

}  // namespace followsim::model
