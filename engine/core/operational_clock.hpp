// A group of entities whose hazards share one time-varying factor: entity i's hazard is
// r_i g(t), with g piecewise constant (it changes when, say, a team's caseload changes). Each
// entity brings a unit exponential threshold E_i; its event happens when its accumulated
// hazard r_i (Theta(t) - Theta(s_i)) reaches E_i, where Theta is the group's operational time,
// the integral of g. So each entity's event is fixed in operational time,
// Theta_i = Theta(s_i) + E_i / r_i, and a change of g moves only the group's next event: no
// member is rescheduled. Event times stay exact for piecewise-constant hazards.
//
// Members are kept in an indexed heap by their operational event time (ties: first added
// first), so adding, removing and finding the next are O(log n) and allocate nothing once the
// heap has grown.
#pragma once

#include <cstdint>
#include <limits>

#include "engine/core/future_event_list.hpp"
#include "engine/core/indexed_heap.hpp"

namespace followsim::core {

class OperationalClock {
  public:
    static constexpr double kNever = std::numeric_limits<double>::infinity();

    explicit OperationalClock(double factor = 1.0) : factor_(factor) {}

    [[nodiscard]] double factor() const noexcept { return factor_; }
    // Operational time at `now` (now >= the last change).
    [[nodiscard]] double theta(double now) const noexcept {
        return theta_ + factor_ * (now - since_);
    }
    // From `now` on, the factor is `factor` (>= 0).
    void set_factor(double now, double factor) noexcept {
        theta_ = theta(now);
        since_ = now;
        factor_ = factor;
    }

    // Adds an entity whose event is `operational_delay` (E_i / r_i) of operational time from
    // now; an infinite delay never comes due but the entity is a member until removed.
    void add(EntityId id, double now, double operational_delay) {
        members_.push(Member{theta(now) + operational_delay, sequence_++, id});
    }
    bool remove(EntityId id) noexcept { return members_.erase(id); }
    [[nodiscard]] bool contains(EntityId id) const noexcept { return members_.contains(id); }
    [[nodiscard]] bool empty() const noexcept { return members_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return members_.size(); }

    // Real time of the next member's event at the current factor (kNever if there is none).
    [[nodiscard]] double next_time(double now) const noexcept {
        if (members_.empty() || !(factor_ > 0.0)) return kNever;
        const double ahead = members_.top().theta - theta(now);
        if (!(ahead < kNever)) return kNever;
        return ahead > 0.0 ? now + ahead / factor_ : now;
    }
    [[nodiscard]] EntityId next_entity() const noexcept { return members_.top().id; }
    EntityId pop() noexcept { return members_.pop().id; }

    void reserve(std::size_t members) { members_.reserve(members); }

  private:
    struct Member {
        double theta;
        std::uint64_t order;
        std::uint32_t id;
    };
    struct Sooner {
        bool operator()(const Member& a, const Member& b) const noexcept {
            return a.theta < b.theta || (a.theta == b.theta && a.order < b.order);
        }
    };

    double theta_ = 0.0;  // at since_
    double since_ = 0.0;
    double factor_;
    std::uint64_t sequence_ = 0;
    IndexedHeap<Member, Sooner, 4> members_;
};

}  // namespace followsim::core
