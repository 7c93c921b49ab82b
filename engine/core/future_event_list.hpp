// The future-event list: pending events ordered by time, then priority class, then the order in
// which they were scheduled (FIFO). Ties never depend on pointer values or random choice.
//
// Events are plain 32-byte records in a 4-ary indexed heap; each scheduled event occupies a
// slot that is reused once the event fires or is cancelled, so memory follows the number of
// pending events, not the number processed, and scheduling allocates nothing in steady state.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/indexed_heap.hpp"

namespace followsim::core {

using EntityId = std::uint32_t;
using EventKind = std::uint16_t;
inline constexpr EntityId kNoEntity = 0xFFFFFFFFu;

// Priority class of simultaneous events: lower classes run first at equal times.
using Priority = std::uint8_t;
inline constexpr Priority kDefaultPriority = 128;

struct Event {
    double time = 0.0;
    EventKind kind = 0;
    Priority priority = kDefaultPriority;
    EntityId entity = kNoEntity;
};

// Names one scheduled event so it can be cancelled. A handle to an event that has already
// fired or been cancelled is stale: cancelling it does nothing.
struct EventHandle {
    std::uint32_t slot = 0xFFFFFFFFu;
    std::uint32_t generation = 0;
};

class FutureEventList {
  public:
    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
    [[nodiscard]] double next_time() const noexcept { return heap_.top().time; }
    // Events scheduled so far; the next event's FIFO sequence number.
    [[nodiscard]] std::uint64_t scheduled_count() const noexcept { return next_sequence_; }

    void reserve(std::size_t pending) {
        heap_.reserve(pending);
        generation_.reserve(pending);
        free_slots_.reserve(pending);
    }

    EventHandle schedule(const Event& event) {
        std::uint32_t slot;
        if (!free_slots_.empty()) {
            slot = free_slots_.back();
            free_slots_.pop_back();
        } else {
            slot = static_cast<std::uint32_t>(generation_.size());
            generation_.push_back(0);
            // Every slot can be free at once: room for all now, so release() never allocates.
            if (free_slots_.capacity() < generation_.size()) {
                free_slots_.reserve(generation_.capacity());
            }
        }
        Record record;
        record.time = event.time;
        record.order = (std::uint64_t{event.priority} << kSequenceBits) | next_sequence_++;
        record.kind = event.kind;
        record.entity = event.entity;
        record.id = slot;
        heap_.push(record);
        return EventHandle{slot, generation_[slot]};
    }

    // The earliest event, removed from the list.
    Event pop() noexcept {
        Record record = heap_.pop();
        release(record.id);
        return Event{record.time, record.kind, static_cast<Priority>(record.order >> kSequenceBits),
                     record.entity};
    }

    // Returns true when the event was pending and is now removed; false for a stale handle.
    bool cancel(EventHandle handle) noexcept {
        if (!is_pending(handle)) return false;
        heap_.erase(handle.slot);
        release(handle.slot);
        return true;
    }

    [[nodiscard]] bool is_pending(EventHandle handle) const noexcept {
        return handle.slot < generation_.size() && generation_[handle.slot] == handle.generation &&
               heap_.contains(handle.slot);
    }

    void clear() noexcept {
        while (!heap_.empty()) release(heap_.pop().id);
        next_sequence_ = 0;
    }

  private:
    static constexpr unsigned kSequenceBits = 56;

    struct Record {
        double time;
        std::uint64_t order;  // priority class in the top 8 bits, FIFO sequence below
        EventKind kind;
        EntityId entity;
        std::uint32_t id;  // slot
    };
    struct Earlier {
        bool operator()(const Record& a, const Record& b) const noexcept {
            return a.time < b.time || (a.time == b.time && a.order < b.order);
        }
    };

    void release(std::uint32_t slot) noexcept {
        ++generation_[slot];  // invalidates outstanding handles to this slot
        free_slots_.push_back(slot);
    }

    IndexedHeap<Record, Earlier, 4> heap_;
    std::vector<std::uint32_t> generation_;  // by slot
    std::vector<std::uint32_t> free_slots_;
    std::uint64_t next_sequence_ = 0;
};

}  // namespace followsim::core
