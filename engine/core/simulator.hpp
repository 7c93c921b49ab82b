// The simulation clock and its run loop. A model owns a Simulator, schedules events on it and
// handles them in a function it passes to run_until(): dispatch is a plain call the compiler
// can inline (a switch on Event::kind in the model), never a std::function per event.
#pragma once

#include <cmath>
#include <cstdint>
#include <stdexcept>

#include "engine/core/future_event_list.hpp"

namespace followsim::core {

class Simulator {
  public:
    [[nodiscard]] double now() const noexcept { return now_; }
    [[nodiscard]] std::uint64_t events_processed() const noexcept { return processed_; }
    [[nodiscard]] std::size_t pending() const noexcept { return events_.size(); }
    [[nodiscard]] const FutureEventList& events() const noexcept { return events_; }

    void reserve(std::size_t pending) { events_.reserve(pending); }

    EventHandle schedule_at(double time, EventKind kind, EntityId entity = kNoEntity,
                            Priority priority = kDefaultPriority) {
        // Not `time < now_`'s negation: NaN must be rejected too.
        if (!(time >= now_)) throw std::logic_error("event scheduled before the current time");
        return events_.schedule(Event{time, kind, priority, entity});
    }
    EventHandle schedule_in(double delay, EventKind kind, EntityId entity = kNoEntity,
                            Priority priority = kDefaultPriority) {
        return schedule_at(now_ + delay, kind, entity, priority);
    }
    bool cancel(EventHandle handle) noexcept { return events_.cancel(handle); }
    [[nodiscard]] bool is_pending(EventHandle handle) const noexcept {
        return events_.is_pending(handle);
    }

    // Asks run_until() to return after the event being handled.
    void stop() noexcept { stop_requested_ = true; }

    // Runs events in order while their time is <= horizon, calling handler(const Event&) for
    // each. Events after the horizon stay pending. The clock ends at a finite horizon unless
    // stop() was called; otherwise it stays at the last event's time. Returns the events
    // handled.
    template <typename Handler>
    std::uint64_t run_until(double horizon, Handler&& handler) {
        stop_requested_ = false;
        const std::uint64_t before = processed_;
        while (!events_.empty() && events_.next_time() <= horizon) {
            const Event event = events_.pop();
            now_ = event.time;
            ++processed_;
            handler(event);
            if (stop_requested_) return processed_ - before;
        }
        if (horizon > now_ && std::isfinite(horizon)) now_ = horizon;
        return processed_ - before;
    }

    // Back to time zero with no pending events, keeping the memory already reserved.
    void reset() noexcept {
        events_.clear();
        now_ = 0.0;
        processed_ = 0;
        stop_requested_ = false;
    }

  private:
    FutureEventList events_;
    double now_ = 0.0;
    std::uint64_t processed_ = 0;
    bool stop_requested_ = false;
};

}  // namespace followsim::core
