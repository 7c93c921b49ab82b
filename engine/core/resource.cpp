#include "engine/core/resource.hpp"

#include <stdexcept>

namespace followsim::core {

Resource::Resource(std::int64_t capacity, QueueDiscipline discipline, double start_time)
    : capacity_(capacity),
      discipline_(discipline),
      busy_(start_time, 0.0),
      waiting_(start_time, 0.0),
      capacity_average_(start_time, static_cast<double>(capacity)) {
    if (capacity < 0) throw std::invalid_argument("resource capacity must not be negative");
}

bool Resource::withdraw(double now, EntityId entity) {
    if (!queue_.erase(entity)) return false;
    waiting_.set(now, static_cast<double>(queue_.size()));
    return true;
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
