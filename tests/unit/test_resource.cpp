#include <catch2/catch.hpp>
#include <vector>

#include "engine/core/resource.hpp"

using namespace followsim::core;

TEST_CASE("a FIFO resource serves in arrival order and never exceeds capacity", "[resource]") {
    Resource r(2);
    CHECK(r.request(0.0, 1));
    CHECK(r.request(0.0, 2));
    CHECK_FALSE(r.request(1.0, 3));
    CHECK_FALSE(r.request(2.0, 4));
    CHECK(r.in_use() == 2);
    CHECK(r.queue_length() == 2);
    CHECK(r.release(3.0) == 3);  // the unit passes to the first in line
    CHECK(r.in_use() == 2);
    CHECK(r.release(4.0) == 4);
    CHECK(r.release(5.0) == kNoEntity);
    CHECK(r.in_use() == 1);
}

TEST_CASE("a priority resource serves the lowest class first, FIFO within it", "[resource]") {
    Resource r(1, QueueDiscipline::priority);
    CHECK(r.request(0.0, 1, 5));
    r.request(0.0, 2, 5);
    r.request(0.0, 3, 1);
    r.request(0.0, 4, 5);
    r.request(0.0, 5, 1);
    std::vector<EntityId> order;
    for (EntityId next = r.release(1.0); next != kNoEntity; next = r.release(1.0)) {
        order.push_back(next);
    }
    CHECK(order == std::vector<EntityId>{3, 5, 2, 4});
}

TEST_CASE("a waiting entity can withdraw", "[resource]") {
    Resource r(1);
    r.request(0.0, 1);
    r.request(0.0, 2);
    r.request(0.0, 3);
    CHECK(r.withdraw(1.0, 2));
    CHECK_FALSE(r.withdraw(1.0, 2));
    CHECK_FALSE(r.is_waiting(2));
    CHECK(r.release(2.0) == 3);
}

TEST_CASE("capacity changes start waiting entities and never preempt", "[resource]") {
    Resource r(1);
    std::vector<EntityId> started;
    r.request(0.0, 1);
    r.request(0.0, 2);
    r.request(0.0, 3);
    r.set_capacity(10.0, 3, started);  // two caseworkers join on day 10
    CHECK(started == std::vector<EntityId>{2, 3});
    started.clear();
    r.request(11.0, 4);
    r.set_capacity(12.0, 1, started);  // capacity falls below use: nobody is thrown out
    CHECK(r.in_use() == 3);
    CHECK(started.empty());
    CHECK(r.release(13.0) == kNoEntity);  // 2 in use, capacity 1: still no start
    CHECK(r.release(14.0) == kNoEntity);
    CHECK(r.release(15.0) == 4);  // back under capacity
}

TEST_CASE("time-weighted statistics of a resource match a hand computation", "[resource]") {
    // Capacity 2. In use: 1 on [0,4), 2 on [4,6), 1 on [6,10). Queue: 1 on [5,6).
    Resource r(2);
    r.request(0.0, 1);
    r.request(4.0, 2);
    r.request(5.0, 3);
    CHECK(r.release(6.0) == 3);
    r.release(6.0);
    // busy integral: 4*1 + 2*2 + 4*1 = 12 over 10 days; utilisation 12 / (2 * 10).
    CHECK(r.busy_integral(10.0) == Approx(12.0));
    CHECK(r.mean_in_use(10.0) == Approx(1.2));
    CHECK(r.utilisation(10.0) == Approx(0.6));
    CHECK(r.mean_queue_length(10.0) == Approx(0.1));
}
