// The future-event list: pending events ordered by time, then priority class, then the order in
// which they were scheduled (FIFO). Ties never depend on pointer values or random choice.
//
// Layout, chosen by measurement (benchmarks/kernel_bench.cpp, the hold model): the heap holds
// 16-byte records (time, slot, entity) in a 4-ary heap whose sibling groups sit in one cache
// line, and the descent prefetches the next level. The rest of an event is split by slot into
// what the pop needs (kind and priority: 2 bytes; pending or not: 1 bit) and what only equal
// times and cancellation need (the 8-byte FIFO order), so on a large list the memory touched
// per event is little more than the heap's own.
//
// Cancellation is lazy: a cancelled record stays in the heap, marked not pending, and is
// dropped when it reaches the top, so no positions are kept up to date. Its slot is reused
// only after that, so a record's side data never change while it is in the heap. When
// cancelled records outnumber pending ones the heap is rebuilt without them, so memory follows
// the pending events (at most about twice them), not the events processed.
#pragma once

#include <algorithm>
#include <boost/align/aligned_allocator.hpp>
#include <cassert>
#include <cstdint>
#include <stdexcept>
#include <vector>

namespace followsim::core {

using EntityId = std::uint32_t;
using EventKind = std::uint8_t;  // a model has at most 256 kinds of event
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
    std::uint32_t generation = 0;  // the low bits of the event's FIFO sequence
};

class FutureEventList {
  public:
    [[nodiscard]] bool empty() const noexcept { return heap_.size() == kRootAt; }
    // Pending events (cancelled ones not counted).
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size() - kRootAt - cancelled_; }
    [[nodiscard]] double next_time() const noexcept { return heap_[kRootAt].time; }
    // The entity of the earliest event (when not empty): a model may start loading its
    // record while the list is still finding it.
    [[nodiscard]] EntityId next_entity() const noexcept { return heap_[kRootAt].entity; }
    // Events scheduled so far; the next event's FIFO sequence number.
    [[nodiscard]] std::uint64_t scheduled_count() const noexcept { return next_sequence_; }

    void reserve(std::size_t pending) {
        heap_.reserve(pending + kRootAt);
        tags_.reserve(pending);
        orders_.reserve(pending);
        pending_.reserve(pending / 64 + 1);
        free_slots_.reserve(pending);
    }

    EventHandle schedule(const Event& event) {
        if (next_sequence_ >= kMaxSequence) throw std::length_error("too many events scheduled");
        std::uint32_t slot;
        if (!free_slots_.empty()) {
            slot = free_slots_.back();
            free_slots_.pop_back();
        } else {
            if (tags_.size() >= kNoSlot) throw std::length_error("too many pending events");
            slot = static_cast<std::uint32_t>(tags_.size());
            tags_.emplace_back();
            orders_.emplace_back();
            if (pending_.size() * 64 <= slot) pending_.push_back(0);
            // Every slot can be free at once: room for all now, so release() never allocates.
            if (free_slots_.capacity() < tags_.size()) free_slots_.reserve(tags_.capacity());
        }
        tags_[slot] = Tag{event.kind, event.priority};
        const std::uint64_t order =
            (std::uint64_t{event.priority} << kSequenceBits) | next_sequence_++;
        orders_[slot] = order;
        set_pending(slot, true);
        heap_.emplace_back();
        sift_up(heap_.size() - 1, Record{event.time, slot, event.entity});
        return EventHandle{slot, static_cast<std::uint32_t>(order)};
    }

    // The earliest event, removed from the list.
    Event pop() noexcept {
        assert(!empty());
        const Record top = heap_[kRootAt];
        remove_top();
        const Tag tag = tags_[top.slot];
        set_pending(top.slot, false);
        free_slots_.push_back(top.slot);
        // The next schedule reuses this slot and writes its order: fetch the line now.
        __builtin_prefetch(&orders_[top.slot], 1);
        drop_cancelled_top();
        // The next pop reads the new top's kind and priority, kept apart from the heap: on a
        // large list a cache miss it would wait for after the descent. Fetch the line now.
        if (!empty()) __builtin_prefetch(&tags_[heap_[kRootAt].slot]);
        return Event{top.time, tag.kind, tag.priority, top.entity};
    }

    // Returns true when the event was pending and is now removed; false for a stale handle.
    bool cancel(EventHandle handle) noexcept {
        if (!is_pending(handle)) return false;
        set_pending(handle.slot, false);
        ++cancelled_;
        if (heap_[kRootAt].slot == handle.slot) {
            drop_cancelled_top();
        } else if (cancelled_ > kCompactAbove && cancelled_ > size()) {
            compact();
        }
        return true;
    }

    [[nodiscard]] bool is_pending(EventHandle handle) const noexcept {
        return handle.slot < tags_.size() && pending(handle.slot) &&
               static_cast<std::uint32_t>(orders_[handle.slot]) == handle.generation;
    }

    void clear() noexcept {
        for (std::size_t i = kRootAt; i < heap_.size(); ++i) {
            set_pending(heap_[i].slot, false);
            free_slots_.push_back(heap_[i].slot);
        }
        heap_.resize(kRootAt);
        cancelled_ = 0;
        next_sequence_ = 0;
    }

  private:
    static constexpr unsigned kSequenceBits = 56;
    static constexpr std::uint64_t kMaxSequence = std::uint64_t{1} << kSequenceBits;
    static constexpr std::uint32_t kNoSlot = 0xFFFFFFFFu;
    static constexpr std::size_t kArity = 4;
    // The root sits at index 3, so node k's children, 4k+1..4k+4, are at 4k+4..4k+7: four
    // 16-byte records starting at a multiple of 64 bytes, one cache line.
    static constexpr std::size_t kRootAt = kArity - 1;
    static constexpr std::size_t kCompactAbove = 1024;  // small heaps are never compacted

    struct Record {
        double time;
        std::uint32_t slot;
        EntityId entity;
    };
    static_assert(sizeof(Record) == 16);
    struct Tag {
        EventKind kind = 0;
        Priority priority = kDefaultPriority;
    };
    static_assert(sizeof(Tag) == 2);

    [[nodiscard]] bool pending(std::uint32_t slot) const noexcept {
        return ((pending_[slot / 64] >> (slot % 64)) & 1u) != 0;
    }
    void set_pending(std::uint32_t slot, bool on) noexcept {
        const std::uint64_t bit = std::uint64_t{1} << (slot % 64);
        pending_[slot / 64] = on ? pending_[slot / 64] | bit : pending_[slot / 64] & ~bit;
    }

    // Index arithmetic on array positions (node k at position k + kRootAt).
    static std::size_t parent(std::size_t i) noexcept {
        return (i - kRootAt - 1) / kArity + kRootAt;
    }
    static std::size_t first_child(std::size_t i) noexcept {
        return (i - kRootAt) * kArity + 1 + kRootAt;
    }

    [[nodiscard]] bool before(const Record& a, const Record& b) const noexcept {
        return a.time < b.time || (a.time == b.time && orders_[a.slot] < orders_[b.slot]);
    }

    // The earlier of two records; on equal times (rare) by their order.
    [[nodiscard]] std::size_t earlier(std::size_t a, std::size_t b) const noexcept {
        const double ta = heap_[a].time;
        const double tb = heap_[b].time;
        if (ta == tb) [[unlikely]] {
            return orders_[heap_[a].slot] < orders_[heap_[b].slot] ? a : b;
        }
        return ta < tb ? a : b;  // a conditional move, not a branch
    }

    // Puts `moving` into the hole at i and lets it rise, no higher than `top`.
    void sift_up(std::size_t i, const Record moving, std::size_t top = kRootAt) noexcept {
        while (i > top) {
            const std::size_t up = parent(i);
            if (!before(moving, heap_[up])) break;
            heap_[i] = heap_[up];
            i = up;
        }
        heap_[i] = moving;
    }

    // Puts `moving` into the hole at i: the hole first sinks along the earliest children to a
    // leaf, then `moving` rises from there (it came from the bottom, so it rarely rises far).
    // Fewer comparisons than sinking `moving` itself, and no unpredictable branch per level.
    void sift_down(std::size_t i, const Record moving) noexcept {
        const std::size_t n = heap_.size();
        const std::size_t top = i;
        for (;;) {
            const std::size_t first = first_child(i);
            std::size_t best;
            if (first + kArity <= n) {
                // The next level's four sibling groups (four cache lines, one after the other)
                // load while this level is compared: the descent waits on memory once, not on
                // every level in turn.
                const std::size_t grandchildren = first_child(first);
                if (grandchildren < n) {
                    const Record* ahead = heap_.data() + grandchildren;
                    for (std::size_t g = 0; g < kArity; ++g) __builtin_prefetch(ahead + g * kArity);
                }
                best = earlier(earlier(first, first + 1), earlier(first + 2, first + 3));
            } else if (first < n) {
                best = first;
                for (std::size_t c = first + 1; c < n; ++c) best = earlier(best, c);
            } else {
                break;
            }
            heap_[i] = heap_[best];
            i = best;
        }
        sift_up(i, moving, top);
    }

    void remove_top() noexcept {
        const Record last = heap_.back();
        heap_.pop_back();
        if (heap_.size() > kRootAt) sift_down(kRootAt, last);
    }

    // Keeps the top a pending event: cancelled records leave when they reach it.
    void drop_cancelled_top() noexcept {
        while (heap_.size() > kRootAt && !pending(heap_[kRootAt].slot)) {
            free_slots_.push_back(heap_[kRootAt].slot);
            remove_top();
            --cancelled_;
        }
    }

    // The heap again without its cancelled records (Floyd's heap construction, O(n)).
    void compact() noexcept {
        std::size_t kept = kRootAt;
        for (std::size_t i = kRootAt; i < heap_.size(); ++i) {
            if (pending(heap_[i].slot)) {
                heap_[kept++] = heap_[i];
            } else {
                free_slots_.push_back(heap_[i].slot);
            }
        }
        heap_.resize(kept);
        cancelled_ = 0;
        if (heap_.size() <= kRootAt + 1) return;
        for (std::size_t i = parent(heap_.size() - 1) + 1; i-- > kRootAt;) sift_down(i, heap_[i]);
    }

    // 64-byte aligned so that each sibling group is one cache line.
    std::vector<Record, boost::alignment::aligned_allocator<Record, 64>> heap_ =
        decltype(heap_)(kRootAt);
    std::vector<Tag> tags_;               // by slot
    std::vector<std::uint64_t> orders_;   // by slot: priority class, then FIFO sequence
    std::vector<std::uint64_t> pending_;  // a bit by slot: the slot's event is pending
    std::vector<std::uint32_t> free_slots_;
    std::size_t cancelled_ = 0;
    std::uint64_t next_sequence_ = 0;
};

}  // namespace followsim::core
