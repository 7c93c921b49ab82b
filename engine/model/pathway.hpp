// A pathway a job seeker can be followed up in, behind one narrow interface: places (and the
// queue for them), whether someone may start, what starting, leaving and still being there at
// the horizon cost, and — for close follow-up — how the placement hazard depends on the
// follow-up dose right now. The kinds are baseline_pathway, in_house_follow_up and
// purchased_measure; the arm simulation moves persons between them and never asks which kind
// a pathway is.
//
// A dose-dependent pathway keeps its participants' placements on an operational clock: every
// participant shares the pathway's dose factor, so a change of caseload or staff moves only
// the pathway's next placement, not every participant's.
#pragma once

#include <cstdint>
#include <optional>

#include "engine/core/operational_clock.hpp"
#include "engine/core/resource.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"
#include "engine/model/state_fields.hpp"

namespace followsim::model {

class Pathway {
  public:
    Pathway(const PathwayConfig& config, PathwayIndex index, std::int64_t places);
    virtual ~Pathway() = default;
    Pathway(const Pathway&) = delete;
    Pathway& operator=(const Pathway&) = delete;

    [[nodiscard]] const PathwayConfig& config() const noexcept { return config_; }
    [[nodiscard]] PathwayIndex index() const noexcept { return index_; }
    // The state its participants are counted in.
    [[nodiscard]] virtual StateField state_field() const noexcept = 0;
    // Whether places can run out (and a queue form); baseline's never do.
    [[nodiscard]] virtual bool limited() const noexcept { return true; }
    // The placement of its participants (at the reference dose, if dose-dependent).
    [[nodiscard]] virtual const TimeToEvent& placement() const noexcept {
        return config_.placement;
    }
    // Multiplies the placement hazard of its participants whatever the dose.
    [[nodiscard]] virtual double placement_hazard_ratio() const noexcept { return 1.0; }
    // Whether money a leaver frees can let another measure start someone.
    [[nodiscard]] virtual bool shares_budget() const noexcept { return false; }

    // Someone referred now may take a place at once: one is free and nobody waits ahead.
    [[nodiscard]] bool has_free_place() const noexcept {
        return !limited() || (places_.available() > 0 && places_.queue_length() == 0);
    }
    // Whether the person may take a place for reasons beyond places: a measure commits the
    // purchase budget for the place here.
    virtual bool admit(Person& /*p*/, double /*now*/) { return true; }
    // The person starts (the place is already theirs): what starting costs.
    virtual void begin(Person& p, double now);
    // The person leaves, placed or not: the place is freed and the stay settled.
    virtual void end(Person& p, double now, bool placed);
    // A participant still here at the horizon: book what their stay has cost so far.
    virtual void close_at_horizon(Person& /*p*/, double /*horizon*/) {}
    // Follow-up after a placement (config().after_placement) starts or ends; false: the
    // pathway cannot give it (in-house follow-up without a team).
    virtual bool begin_after_care(Person& /*p*/, double /*now*/) {
        return config_.after_placement.has_value();
    }
    virtual void end_after_care(Person& /*p*/, double /*now*/) {}

    // ---- the dose ----
    // Whether the placement hazard follows the follow-up dose (then placements are on the
    // clock); the placement is then an exponential at `placement_rate_per_day()`.
    [[nodiscard]] bool dose_dependent() const noexcept { return clock_.has_value(); }
    [[nodiscard]] double placement_rate_per_day() const noexcept { return rate_per_day_; }
    // The dose factor on the placement hazard now (never below the floor).
    [[nodiscard]] virtual double dose_factor() const { return 1.0; }
    core::OperationalClock& clock() { return *clock_; }
    core::EventHandle& clock_event() noexcept { return clock_event_; }

    core::Resource& places() noexcept { return places_; }
    [[nodiscard]] const core::Resource& places() const noexcept { return places_; }
    [[nodiscard]] std::int64_t participants() const noexcept { return participants_; }
    // The largest excess of participants over places at any start (never > 0: a check).
    [[nodiscard]] std::int64_t peak_over_capacity() const noexcept { return peak_over_capacity_; }

  protected:
    // Puts placements on the clock: `rate_per_day` is the hazard at the reference dose.
    void follow_dose(double rate_per_day) {
        rate_per_day_ = rate_per_day;
        clock_.emplace(1.0);
    }

  private:
    const PathwayConfig& config_;
    PathwayIndex index_;
    core::Resource places_;
    std::int64_t participants_ = 0;
    std::int64_t peak_over_capacity_ = 0;
    std::optional<core::OperationalClock> clock_;
    core::EventHandle clock_event_;
    double rate_per_day_ = 0.0;
};

}  // namespace followsim::model
