// A resource with a number of identical units (caseworker slots, purchased places, servers)
// and a queue of entities waiting for one. The queue serves the lowest priority class first
// and, within a class, first come first served; a FIFO resource gives every entity the same
// class. A waiting entity can leave the queue (it found a job while waiting).
//
// Capacity can change during the run. When it falls below the units in use nobody is
// preempted: the resource takes no one from the queue until enough units have been released.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "engine/core/future_event_list.hpp"
#include "engine/core/indexed_heap.hpp"
#include "engine/core/statistics.hpp"

namespace followsim::core {

enum class QueueDiscipline { fifo, priority };

class Resource {
  public:
    explicit Resource(std::int64_t capacity = 0, QueueDiscipline discipline = QueueDiscipline::fifo,
                      double start_time = 0.0);

    [[nodiscard]] std::int64_t capacity() const noexcept { return capacity_; }
    [[nodiscard]] std::int64_t in_use() const noexcept { return in_use_; }
    [[nodiscard]] std::int64_t available() const noexcept {
        return capacity_ > in_use_ ? capacity_ - in_use_ : 0;
    }
    [[nodiscard]] std::size_t queue_length() const noexcept { return queue_.size(); }
    [[nodiscard]] bool is_waiting(EntityId entity) const noexcept {
        return queue_.contains(entity);
    }

    // Takes a unit for `entity` if one is free and nobody waits ahead of it; otherwise puts it
    // in the queue. Returns true when the entity got a unit now.
    bool request(double now, EntityId entity, Priority priority = kDefaultPriority);
    // Takes a unit if one is free, without queueing. Returns whether it did.
    bool try_acquire(double now);
    // Puts an entity in the queue without asking for a unit (the caller gates starts itself,
    // e.g. on a budget as well as on a free unit).
    void enqueue(double now, EntityId entity, Priority priority = kDefaultPriority);
    // The entity at the head of the queue, or kNoEntity.
    [[nodiscard]] EntityId head() const noexcept {
        return queue_.empty() ? kNoEntity : queue_.top().id;
    }
    // Takes the head of the queue out and gives it a unit; needs a free unit and a queue.
    EntityId start_head(double now);
    // Gives a unit back without passing it on to the queue.
    void release_unit(double now);
    // Removes a waiting entity from the queue; false if it was not waiting.
    bool withdraw(double now, EntityId entity);
    // Gives a unit back. If someone waits and a unit is free, the unit passes to the head of
    // the queue, whose id is returned (the caller starts its service); else kNoEntity.
    EntityId release(double now);
    // Changes the number of units. Entities that got a unit because capacity grew are appended
    // to `started`, in queue order.
    void set_capacity(double now, std::int64_t capacity, std::vector<EntityId>& started);

    // Time averages since the start (or since restart_statistics()).
    [[nodiscard]] double mean_in_use(double now) const noexcept { return busy_.mean(now); }
    [[nodiscard]] double mean_queue_length(double now) const noexcept { return waiting_.mean(now); }
    [[nodiscard]] double busy_integral(double now) const noexcept { return busy_.integral(now); }
    // in-use units over capacity, time-weighted; 0 for a resource that never had capacity.
    [[nodiscard]] double utilisation(double now) const noexcept;
    void restart_statistics(double now) noexcept;

  private:
    static constexpr unsigned kSequenceBits = 56;
    struct Waiting {
        std::uint64_t order;  // priority class in the top 8 bits, arrival sequence below
        std::uint32_t id;     // entity
    };
    struct Sooner {
        bool operator()(const Waiting& a, const Waiting& b) const noexcept {
            return a.order < b.order;
        }
    };

    std::int64_t capacity_;
    std::int64_t in_use_ = 0;
    QueueDiscipline discipline_;
    IndexedHeap<Waiting, Sooner, 4> queue_;
    std::uint64_t next_sequence_ = 0;
    TimeWeightedAverage busy_;
    TimeWeightedAverage waiting_;
    TimeWeightedAverage capacity_average_;
};

// The calls made for every customer or job seeker are defined here, so that they inline.

inline bool Resource::try_acquire(double now) {
    if (in_use_ >= capacity_) return false;
    ++in_use_;
    busy_.set(now, static_cast<double>(in_use_));
    return true;
}

inline bool Resource::request(double now, EntityId entity, Priority priority) {
    if (queue_.empty() && try_acquire(now)) return true;
    enqueue(now, entity, priority);
    return false;
}

inline void Resource::enqueue(double now, EntityId entity, Priority priority) {
    const std::uint64_t cls = discipline_ == QueueDiscipline::priority ? priority : 0;
    queue_.push(Waiting{(cls << kSequenceBits) | next_sequence_++, entity});
    waiting_.set(now, static_cast<double>(queue_.size()));
}

inline EntityId Resource::start_head(double now) {
    if (queue_.empty() || in_use_ >= capacity_) {
        throw std::logic_error("no one waiting, or no free unit, to start");
    }
    const EntityId next = queue_.pop().id;
    waiting_.set(now, static_cast<double>(queue_.size()));
    ++in_use_;
    busy_.set(now, static_cast<double>(in_use_));
    return next;
}

inline void Resource::release_unit(double now) {
    if (in_use_ <= 0) throw std::logic_error("resource released more units than were taken");
    --in_use_;
    busy_.set(now, static_cast<double>(in_use_));
}

inline EntityId Resource::release(double now) {
    release_unit(now);
    if (!queue_.empty() && in_use_ < capacity_) return start_head(now);
    return kNoEntity;
}

}  // namespace followsim::core
