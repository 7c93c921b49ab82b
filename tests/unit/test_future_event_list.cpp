#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <tuple>
#include <vector>

#include "engine/core/future_event_list.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/core/simulator.hpp"

using namespace followsim::core;

TEST_CASE("events leave in time order, ties by priority class then FIFO", "[fel]") {
    FutureEventList fel;
    fel.schedule({5.0, 1, kDefaultPriority, 10});
    fel.schedule({1.0, 2, kDefaultPriority, 11});
    fel.schedule({5.0, 3, 10, 12});  // same time, lower class: before entity 10
    fel.schedule({5.0, 4, kDefaultPriority, 13});
    fel.schedule({5.0, 5, 10, 14});  // same time and class as 12, scheduled later
    std::vector<EntityId> order;
    while (!fel.empty()) order.push_back(fel.pop().entity);
    CHECK(order == std::vector<EntityId>{11, 12, 14, 10, 13});
}

TEST_CASE("the event list agrees with a sorted reference on random workloads", "[fel]") {
    // Reference: a std::map keyed by (time, priority, sequence), which is exactly the
    // documented order; events are pushed, cancelled and popped at random.
    RandomStream rng(7, 0, 0);
    FutureEventList fel;
    using Key = std::tuple<double, int, std::uint64_t>;
    std::map<Key, EntityId> reference;
    std::vector<std::pair<EventHandle, Key>> handles;
    std::uint64_t sequence = 0;
    double now = 0.0;
    for (int step = 0; step < 20000; ++step) {
        const double u = rng.uniform01();
        if (u < 0.5 || fel.empty()) {
            // Coarse times so that ties are common.
            const double t = now + std::floor(rng.uniform01() * 20.0);
            const auto priority = static_cast<Priority>(rng() % 3);
            const auto entity = static_cast<EntityId>(step);
            const Key key{t, priority, sequence++};
            handles.emplace_back(fel.schedule({t, 0, priority, entity}), key);
            reference.emplace(key, entity);
        } else if (u < 0.65 && !handles.empty()) {
            const std::size_t pick = rng() % handles.size();
            const bool pending = reference.count(handles[pick].second) == 1;
            CHECK(fel.cancel(handles[pick].first) == pending);
            reference.erase(handles[pick].second);
        } else {
            const Event e = fel.pop();
            REQUIRE(!reference.empty());
            CHECK(e.entity == reference.begin()->second);
            CHECK(e.time == std::get<0>(reference.begin()->first));
            now = e.time;
            reference.erase(reference.begin());
        }
        REQUIRE(fel.size() == reference.size());
    }
}

TEST_CASE("cancelled events never fire and stale handles do nothing", "[fel]") {
    Simulator sim;
    const EventHandle dropout = sim.schedule_at(10.0, 1, 7);
    sim.schedule_at(3.0, 2, 7);  // "job found" at day 3 ends the pending dropout
    std::vector<EventKind> fired;
    sim.run_until(100.0, [&](const Event& e) {
        fired.push_back(e.kind);
        if (e.kind == 2) CHECK(sim.cancel(dropout));
    });
    CHECK(fired == std::vector<EventKind>{2});
    CHECK_FALSE(sim.cancel(dropout));  // already cancelled

    // A handle whose slot was reused by a newer event must not cancel the newer one.
    FutureEventList fel;
    const EventHandle old = fel.schedule({1.0, 0, kDefaultPriority, 1});
    fel.pop();
    const EventHandle fresh = fel.schedule({2.0, 0, kDefaultPriority, 2});
    CHECK(fresh.slot == old.slot);
    CHECK_FALSE(fel.cancel(old));
    CHECK(fel.is_pending(fresh));
    CHECK(fel.size() == 1);
}

TEST_CASE("memory follows pending events, not events processed", "[fel]") {
    // A hold model: 100 pending events, a million processed. Slots are reused, so the slot
    // count stays at the pending high-water mark.
    FutureEventList fel;
    RandomStream rng(1, 0, 0);
    for (int i = 0; i < 100; ++i) fel.schedule({rng.exponential(1.0), 0, kDefaultPriority, 0});
    for (int i = 0; i < 1'000'000; ++i) {
        const Event e = fel.pop();
        const EventHandle h = fel.schedule({e.time + rng.exponential(1.0), 0, kDefaultPriority, 0});
        REQUIRE(h.slot < 100);
    }
    CHECK(fel.size() == 100);
}

TEST_CASE("the simulator refuses to schedule into the past and stops at the horizon", "[fel]") {
    Simulator sim;
    sim.schedule_at(5.0, 0);
    sim.schedule_at(15.0, 0);
    CHECK(sim.run_until(10.0, [](const Event&) {}) == 1);
    CHECK(sim.now() == 10.0);
    CHECK(sim.pending() == 1);
    CHECK_THROWS_AS(sim.schedule_at(9.0, 0), std::logic_error);
    CHECK_THROWS_AS(sim.schedule_in(std::nan(""), 0), std::logic_error);
}

TEST_CASE("cancelled events leave memory: the list compacts and keeps its order", "[fel]") {
    // Most of a large list cancelled at random, then the rest popped: the order is the
    // reference's, and the slots in use stay near the pending high-water mark.
    RandomStream rng(3, 0, 0);
    FutureEventList fel;
    using Key = std::tuple<double, std::uint64_t>;
    std::map<Key, EntityId> reference;
    std::vector<std::pair<EventHandle, Key>> handles;
    for (std::uint64_t i = 0; i < 5000; ++i) {
        const double t = std::floor(rng.uniform01() * 100.0);  // ties are common
        handles.emplace_back(fel.schedule({t, 0, kDefaultPriority, static_cast<EntityId>(i)}),
                             Key{t, i});
        reference.emplace(Key{t, i}, static_cast<EntityId>(i));
    }
    for (std::size_t i = 0; i < handles.size(); ++i) {
        if (i % 5 == 0) continue;
        CHECK(fel.cancel(handles[i].first));
        reference.erase(handles[i].second);
        REQUIRE(fel.size() == reference.size());
    }
    // Cancelling again is a no-op, for events cancelled before and after a compaction.
    CHECK_FALSE(fel.cancel(handles[1].first));
    CHECK_FALSE(fel.cancel(handles[4999].first));
    for (const auto& [key, entity] : reference) {
        const Event e = fel.pop();
        CHECK(e.entity == entity);
        CHECK(e.time == std::get<0>(key));
    }
    CHECK(fel.empty());

    // A hold model that cancels and reschedules every other step: slots stay bounded by the
    // pending events plus the cancelled ones a compaction waits for.
    fel = FutureEventList();
    for (int i = 0; i < 100; ++i) fel.schedule({rng.exponential(1.0), 0, kDefaultPriority, 0});
    EventHandle far = fel.schedule({1e9, 0, kDefaultPriority, 1});
    std::uint32_t highest = 0;
    for (int i = 0; i < 200'000; ++i) {
        const Event e = fel.pop();
        highest = std::max(
            highest, fel.schedule({e.time + rng.exponential(1.0), 0, kDefaultPriority, 0}).slot);
        CHECK(fel.cancel(far));
        far = fel.schedule({1e9 + i, 0, kDefaultPriority, 1});
        highest = std::max(highest, far.slot);
    }
    CHECK(fel.size() == 101);
    CHECK(highest < 101 + 1024 + 2);
}
