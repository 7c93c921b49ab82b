// The in-house team of an arm: salaried caseworkers on a staffing plan, paid whether busy or
// idle, whose follow-up hours are shared by the current caseload. A participant in close
// follow-up weighs 1 in the caseload, a participant of a measure who keeps a NAV caseworker
// their measure's NAV weight. The dose — follow-up hours a month for a weight of 1 — is the
// team's follow-up hours divided by the weighted caseload, at most the planned hours.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/statistics.hpp"
#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::model {

class InHouseTeam {
  public:
    InHouseTeam(const InHouseTerms& terms, const StaffingPlan& plan, const ModelConfig& config,
                ArmBookkeeping& books);

    // The staff levels as they take effect (day 0 first).
    [[nodiscard]] const std::vector<CaseworkerChange>& levels() const noexcept { return levels_; }
    [[nodiscard]] std::int64_t caseworkers() const noexcept { return caseworkers_; }
    [[nodiscard]] std::int64_t places() const noexcept { return terms_.places_for(caseworkers_); }
    [[nodiscard]] double caseload() const noexcept { return load_; }
    // Follow-up hours a month for a participant of weight 1, now.
    [[nodiscard]] double dose() const noexcept { return dose_; }
    // The team's follow-up hours a month.
    [[nodiscard]] double hours_per_month() const noexcept;

    // The staff level from now on (level change `index` of levels()); newcomers are trained.
    void set_staff(double now, std::size_t index);
    // A kind of participant the team follows up, with its weight in the caseload (close
    // follow-up 1, a measure's participants their NAV weight); returns its number.
    std::size_t add_load_class(double weight);
    // `delta` participants of load class `load_class` from now.
    void add_load(double now, std::size_t load_class, std::int64_t delta);
    // Books the staff cost up to the horizon.
    void close(double horizon);

    // Follow-up hours used over hours available (0 without staff).
    [[nodiscard]] double utilisation() const noexcept;
    // Present value of the staff cost of hours no one used.
    [[nodiscard]] double idle_cost_pv() const noexcept { return idle_cost_pv_; }
    // Mean dose over time, weighted by the caseload (NaN with no one followed up).
    [[nodiscard]] double mean_dose() const noexcept;

  private:
    void account_until(double now);
    void update_dose();

    const InHouseTerms& terms_;
    ArmBookkeeping& books_;
    std::vector<CaseworkerChange> levels_;
    double cost_per_day_per_fte_;
    double follow_up_hours_per_fte_month_;
    double cost_per_hour_used_;
    std::int64_t caseworkers_ = 0;
    std::vector<double> weights_;       // by load class
    std::vector<std::int64_t> counts_;  // by load class
    double load_ = 0.0;
    double dose_ = 0.0;
    double since_ = 0.0;  // costs and hours are accounted up to here
    double hours_used_ = 0.0, hours_available_ = 0.0, dose_load_time_ = 0.0, load_time_ = 0.0;
    double idle_cost_pv_ = 0.0;
};

}  // namespace followsim::model
