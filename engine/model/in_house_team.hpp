// The in-house team of an arm: salaried caseworkers on a staffing plan, paid whether busy or
// idle, whose follow-up hours are shared by the current caseload. A participant in close
// follow-up weighs 1 in the caseload, a participant of a measure who keeps a NAV caseworker
// their measure's NAV weight. The dose — follow-up hours a month for a weight of 1 — is the
// team's follow-up hours divided by the weighted caseload, at most the planned hours.
//
// The team is a set of posts. Caseworkers may leave (turnover); the post stays empty for a
// vacancy period, then a new caseworker starts, less effective at first (the learning curve),
// and trained. The team's effectiveness, the mean over the caseworkers there, multiplies the
// placement hazard of its follow-up; it and training hours are brought up to date at every
// change of staff and at the start of every month.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/random_stream.hpp"
#include "engine/core/simulator.hpp"
#include "engine/core/statistics.hpp"
#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::model {

class InHouseTeam {
  public:
    InHouseTeam(const InHouseTerms& terms, const StaffingPlan& plan, const ModelConfig& config,
                ArmBookkeeping& books, core::Simulator& sim, std::uint64_t seed,
                std::uint64_t replication);

    // The staff levels as they take effect (day 0 first).
    [[nodiscard]] const std::vector<CaseworkerChange>& levels() const noexcept { return levels_; }
    // Caseworkers there now (posts filled).
    [[nodiscard]] std::int64_t caseworkers() const noexcept { return caseworkers_; }
    [[nodiscard]] std::int64_t places() const noexcept { return terms_.places_for(caseworkers_); }
    [[nodiscard]] double caseload() const noexcept { return load_; }
    // Follow-up hours a month for a participant of weight 1, now.
    [[nodiscard]] double dose() const noexcept { return dose_; }
    // The mean effectiveness of the caseworkers there (1 when all are experienced).
    [[nodiscard]] double effectiveness() const noexcept { return effectiveness_; }
    // The team's follow-up hours a month.
    [[nodiscard]] double hours_per_month() const noexcept { return hours_per_month_; }

    // Departures of the caseworkers there at the start (turnover).
    void start();
    // The staff level from now on (level change `index` of levels()): posts are added (new
    // caseworkers start) or removed (empty posts first, then the newest caseworkers).
    void set_staff(double now, std::size_t index);
    // The caseworker of post `post` leaves / a new one starts in it (the team's events).
    void caseworker_leaves(double now, std::size_t post);
    void post_filled(double now, std::size_t post);
    // Brings effectiveness and training hours up to date (at the start of every month).
    void refresh(double now);

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
    struct Post {
        bool open = false;         // part of the staffing plan now
        bool filled = false;       // a caseworker is there
        bool experienced = false;  // there at the start: no learning curve
        double started = 0.0;
        core::EventHandle departure;  // or the new caseworker's start, while empty
    };

    void hire(double now, std::size_t post);
    void schedule_departure(std::size_t post);
    void account_until(double now);
    void update(double now);  // staff, hours, effectiveness, dose from the posts
    void update_dose();

    const InHouseTerms& terms_;
    ArmBookkeeping& books_;
    core::Simulator& sim_;
    core::RandomStream turnover_stream_;
    std::vector<CaseworkerChange> levels_;
    std::vector<Post> posts_;
    double cost_per_day_per_fte_;
    double follow_up_hours_per_fte_month_;
    double cost_per_hour_used_;
    double months_to_full_;  // of a new, trained caseworker
    double planned_hours_;   // the most a participant uses a month
    std::int64_t caseworkers_ = 0;
    double hours_per_month_ = 0.0;
    double effectiveness_ = 1.0;
    std::vector<double> weights_;       // by load class
    std::vector<std::int64_t> counts_;  // by load class
    double load_ = 0.0;
    double dose_ = 0.0;
    double since_ = 0.0;  // costs and hours are accounted up to here
    double hours_used_ = 0.0, hours_available_ = 0.0, dose_load_time_ = 0.0, load_time_ = 0.0;
    double idle_cost_pv_ = 0.0;
};

}  // namespace followsim::model
