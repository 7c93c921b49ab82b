// Storage for the entities of a simulation (customers, job seekers): ids are dense indices
// into a vector, and the id of a released entity is handed out again, so a long run needs
// memory for the entities alive at once, not for every entity ever created.
#pragma once

#include <cassert>
#include <cstdint>
#include <new>
#include <type_traits>
#include <vector>

#include "engine/core/future_event_list.hpp"

namespace followsim::core {

template <typename T>
class EntityPool {
  public:
    void reserve(std::size_t entities) {
        items_.reserve(entities);
        alive_.reserve(entities);
        free_ids_.reserve(entities);
    }

    EntityId create(const T& value) {
        const EntityId id = take_slot();
        items_[id] = value;
        return id;
    }
    // A new entity made in its slot by `make()`, which returns a T: the record is never
    // copied (a job seeker's is written once, where it stays).
    template <typename Make>
    EntityId create_with(Make&& make) {
        static_assert(std::is_trivially_destructible_v<T>);
        const EntityId id = take_slot();
        ::new (static_cast<void*>(&items_[id])) T(make());
        return id;
    }

    void release(EntityId id) noexcept {
        assert(is_alive(id));
        alive_[id] = 0;
        --alive_count_;
        free_ids_.push_back(id);
    }

    [[nodiscard]] bool is_alive(EntityId id) const noexcept {
        return id < alive_.size() && alive_[id] != 0;
    }
    T& operator[](EntityId id) noexcept {
        assert(is_alive(id));
        return items_[id];
    }
    const T& operator[](EntityId id) const noexcept {
        assert(is_alive(id));
        return items_[id];
    }
    [[nodiscard]] std::size_t alive() const noexcept { return alive_count_; }
    // Starts loading the record of `id` into the cache: a hint, so `id` need not be alive or
    // even an entity of this pool.
    void prefetch(EntityId id) const noexcept {
        if (id >= items_.size()) return;
        const auto* record = reinterpret_cast<const char*>(&items_[id]);
        for (std::size_t byte = 0; byte < sizeof(T); byte += kCacheLine) {
            __builtin_prefetch(record + byte);
        }
        __builtin_prefetch(record + sizeof(T) - 1);
    }
    // Calls f(id, entity) for every live entity, in id order (deterministic).
    template <typename F>
    void for_each_alive(F&& f) {
        for (std::size_t id = 0; id < items_.size(); ++id) {
            if (alive_[id] != 0) f(static_cast<EntityId>(id), items_[id]);
        }
    }
    // Slots ever used: the high-water mark of entities alive at once.
    [[nodiscard]] std::size_t capacity_used() const noexcept { return items_.size(); }

    void clear() noexcept {
        items_.clear();
        alive_.clear();
        free_ids_.clear();
        alive_count_ = 0;
    }

  private:
    static constexpr std::size_t kCacheLine = 64;

    // A slot for a new entity, alive: a released one if any, else a new one at the end.
    EntityId take_slot() {
        ++alive_count_;
        if (!free_ids_.empty()) {
            const EntityId id = free_ids_.back();
            free_ids_.pop_back();
            alive_[id] = 1;
            return id;
        }
        items_.emplace_back();
        alive_.push_back(1);
        if (free_ids_.capacity() < items_.size()) free_ids_.reserve(items_.capacity());
        return static_cast<EntityId>(items_.size() - 1);
    }

    std::vector<T> items_;
    std::vector<std::uint8_t> alive_;
    std::vector<EntityId> free_ids_;
    std::size_t alive_count_ = 0;
};

}  // namespace followsim::core
