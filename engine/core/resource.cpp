#include "engine/core/resource.hpp"

#include <stdexcept>

namespace followsim::core {

namespace {
constexpr unsigned kSequenceBits = 56;
}

Resource::Resource(std::int64_t capacity, QueueDiscipline discipline, double start_time)
    : capacity_(capacity),
      discipline_(discipline),
      busy_(start_time, 0.0),
      waiting_(start_time, 0.0),
      capacity_average_(start_time, static_cast<double>(capacity)) {
    if (capacity < 0) throw std::invalid_argument("resource capacity must not be negative");
}

bool Resource::try_acquire(double now) {
    if (in_use_ >= capacity_) return false;
    ++in_use_;
    busy_.set(now, static_cast<double>(in_use_));
    return true;
}

bool Resource::request(double now, EntityId entity, Priority priority) {
    if (queue_.empty() && try_acquire(now)) return true;
    enqueue(now, entity, priority);
    return false;
}

void Resource::enqueue(double now, EntityId entity, Priority priority) {
    const std::uint64_t cls = discipline_ == QueueDiscipline::priority ? priority : 0;
    queue_.push(Waiting{(cls << kSequenceBits) | next_sequence_++, entity});
    waiting_.set(now, static_cast<double>(queue_.size()));
}

bool Resource::withdraw(double now, EntityId entity) {
    if (!queue_.erase(entity)) return false;
    waiting_.set(now, static_cast<double>(queue_.size()));
    return true;
}

EntityId Resource::start_head(double now) {
    if (queue_.empty() || in_use_ >= capacity_) {
        throw std::logic_error("no one waiting, or no free unit, to start");
    }
    const EntityId next = queue_.pop().id;
    waiting_.set(now, static_cast<double>(queue_.size()));
    ++in_use_;
    busy_.set(now, static_cast<double>(in_use_));
    return next;
}

void Resource::release_unit(double now) {
    if (in_use_ <= 0) throw std::logic_error("resource released more units than were taken");
    --in_use_;
    busy_.set(now, static_cast<double>(in_use_));
}

EntityId Resource::release(double now) {
    release_unit(now);
    if (!queue_.empty() && in_use_ < capacity_) return start_head(now);
    return kNoEntity;
}

void Resource::set_capacity(double now, std::int64_t capacity, std::vector<EntityId>& started) {
    if (capacity < 0) throw std::invalid_argument("resource capacity must not be negative");
    capacity_ = capacity;
    capacity_average_.set(now, static_cast<double>(capacity));
    while (!queue_.empty() && in_use_ < capacity_) started.push_back(start_head(now));
}

double Resource::utilisation(double now) const noexcept {
    const double capacity_time = capacity_average_.integral(now);
    return capacity_time > 0.0 ? busy_.integral(now) / capacity_time : 0.0;
}

void Resource::restart_statistics(double now) noexcept {
    busy_.set(now, static_cast<double>(in_use_));
    busy_.restart(now);
    waiting_.set(now, static_cast<double>(queue_.size()));
    waiting_.restart(now);
    capacity_average_.set(now, static_cast<double>(capacity_));
    capacity_average_.restart(now);
}

}  // namespace followsim::core
