// The entity pool: ids handed out again after release, records made in their slot.
#include <catch2/catch.hpp>

#include "engine/core/entity_pool.hpp"

using namespace followsim::core;

TEST_CASE("an entity made in its slot takes a released id, and a prefetch is only a hint",
          "[pool]") {
    struct Record {
        double day = 0.0;
        int kind = 0;
    };
    EntityPool<Record> pool;
    const EntityId a = pool.create_with([] { return Record{1.0, 1}; });
    const EntityId b = pool.create(Record{2.0, 2});
    pool.release(a);
    pool.prefetch(a);      // released: allowed
    pool.prefetch(12345);  // never an entity: allowed
    const EntityId c = pool.create_with([] { return Record{3.0, 3}; });
    CHECK(c == a);
    CHECK(pool[c].day == 3.0);
    CHECK(pool[c].kind == 3);
    CHECK(pool[b].kind == 2);
    CHECK(pool.alive() == 2);
    CHECK(pool.capacity_used() == 2);
}
