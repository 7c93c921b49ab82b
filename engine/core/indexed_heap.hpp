// A d-ary min-heap of plain records that knows where each record sits, so any record can be
// removed by its id in O(log n). Shared by the future-event list (ids are event slots) and by
// resource queues (ids are entity ids). Storage grows to the largest id and the largest size
// ever held, then stays: pushing and popping allocate nothing in steady state.
#pragma once

#include <cassert>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <vector>

namespace followsim::core {

// Entry: a trivially copyable record with a `std::uint32_t id` member.
// Before(a, b): true when a must leave the heap before b (a strict weak order).
template <typename Entry, typename Before, unsigned Arity = 4>
class IndexedHeap {
    static_assert(Arity >= 2, "a heap needs at least two children per node");

  public:
    static constexpr std::uint32_t kAbsent = std::numeric_limits<std::uint32_t>::max();

    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
    [[nodiscard]] const Entry& top() const noexcept {
        assert(!heap_.empty());
        return heap_.front();
    }
    [[nodiscard]] bool contains(std::uint32_t id) const noexcept {
        return id < position_.size() && position_[id] != kAbsent;
    }
    [[nodiscard]] const Entry& at(std::uint32_t id) const noexcept {
        assert(contains(id));
        return heap_[position_[id]];
    }

    void reserve(std::size_t entries) {
        heap_.reserve(entries);
        position_.reserve(entries);
    }

    // The id must not be in the heap already.
    void push(const Entry& entry) {
        if (entry.id >= position_.size()) position_.resize(entry.id + std::size_t{1}, kAbsent);
        assert(position_[entry.id] == kAbsent);
        heap_.push_back(entry);
        sift_up(heap_.size() - 1, entry);
    }

    Entry pop() noexcept {
        assert(!heap_.empty());
        Entry first = heap_.front();
        position_[first.id] = kAbsent;
        Entry last = heap_.back();
        heap_.pop_back();
        if (!heap_.empty()) sift_down(0, last);
        return first;
    }

    // Removes the entry with this id if present; returns whether it was.
    bool erase(std::uint32_t id) noexcept {
        if (!contains(id)) return false;
        std::size_t hole = position_[id];
        position_[id] = kAbsent;
        Entry last = heap_.back();
        heap_.pop_back();
        if (hole == heap_.size()) return true;  // it was the last entry
        if (hole > 0 && before_(last, heap_[(hole - 1) / Arity])) {
            sift_up(hole, last);
        } else {
            sift_down(hole, last);
        }
        return true;
    }

    void clear() noexcept {
        for (const Entry& e : heap_) position_[e.id] = kAbsent;
        heap_.clear();
    }

  private:
    // Moves `entry` up from the hole at `index` to its place; parents move down into the hole.
    void sift_up(std::size_t index, const Entry& entry) noexcept {
        while (index > 0) {
            std::size_t parent = (index - 1) / Arity;
            if (!before_(entry, heap_[parent])) break;
            place(index, heap_[parent]);
            index = parent;
        }
        place(index, entry);
    }

    void sift_down(std::size_t index, const Entry& entry) noexcept {
        const std::size_t n = heap_.size();
        for (;;) {
            std::size_t first_child = index * Arity + 1;
            if (first_child >= n) break;
            std::size_t last_child = first_child + Arity < n ? first_child + Arity : n;
            std::size_t best = first_child;
            for (std::size_t c = first_child + 1; c < last_child; ++c) {
                if (before_(heap_[c], heap_[best])) best = c;
            }
            if (!before_(heap_[best], entry)) break;
            place(index, heap_[best]);
            index = best;
        }
        place(index, entry);
    }

    void place(std::size_t index, const Entry& entry) noexcept {
        heap_[index] = entry;
        position_[entry.id] = static_cast<std::uint32_t>(index);
    }

    std::vector<Entry> heap_;
    std::vector<std::uint32_t> position_;  // by id: index in heap_, or kAbsent
    [[no_unique_address]] Before before_{};
};

}  // namespace followsim::core
