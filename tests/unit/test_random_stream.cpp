#include <catch2/catch.hpp>
#include <cmath>
#include <set>
#include <vector>

#include "engine/core/random_stream.hpp"

using namespace followsim::core;

TEST_CASE("SplitMix64 reproduces the reference outputs", "[random]") {
    // Seed 1234567: the first outputs of the reference implementation (Steele, Lea & Flood's
    // SplittableRandom, also Vigna's splitmix64.c).
    SplitMix64 g(1234567);
    CHECK(g() == 6457827717110365317ULL);
    CHECK(g() == 3203168211198807973ULL);
    CHECK(g() == 9817491932198370423ULL);
}

TEST_CASE("a stream is a function of (seed, replication, stream id) alone", "[random]") {
    RandomStream a(42, 3, stream_id(1, 9));
    RandomStream b(42, 3, stream_id(1, 9));
    for (int i = 0; i < 1000; ++i) REQUIRE(a() == b());

    // Any coordinate changed gives another stream.
    std::set<std::uint64_t> firsts;
    for (std::uint64_t seed : {1ULL, 2ULL}) {
        for (std::uint64_t rep : {0ULL, 1ULL, 2ULL}) {
            for (std::uint64_t id : {stream_id(1, 0), stream_id(1, 1), stream_id(2, 0)}) {
                firsts.insert(RandomStream(seed, rep, id)());
            }
        }
    }
    CHECK(firsts.size() == 18);
    // Swapping coordinates does not give the same stream.
    CHECK(RandomStream(1, 2, 3)() != RandomStream(3, 2, 1)());
}

TEST_CASE("an entity's stream does not change when other entities are added", "[random]") {
    // Person 5's numbers in a run with 10 persons equal those in a run with 1000: streams
    // are indexed, never handed out in sequence.
    auto draws_of_person = [](std::uint32_t persons, std::uint32_t who) {
        std::vector<double> mine;
        for (std::uint32_t p = 0; p < persons; ++p) {
            RandomStream s(2024, 0, stream_id(7, p));
            for (int k = 0; k < 5; ++k) {
                const double x = s.exponential(1.0);
                if (p == who) mine.push_back(x);
            }
        }
        return mine;
    };
    CHECK(draws_of_person(10, 5) == draws_of_person(1000, 5));
}

TEST_CASE("draws have the moments of their distributions", "[random]") {
    // Mean of Exp(rate 2) is 0.5 (sd 0.5), of U(0,1) 0.5 (sd 1/sqrt 12): 200k draws, 5 SE.
    RandomStream s(9, 0, 0);
    const int n = 200000;
    double exp_sum = 0.0, uni_sum = 0.0, norm_sum = 0.0, norm_sq = 0.0;
    for (int i = 0; i < n; ++i) {
        exp_sum += s.exponential(2.0);
        const double u = s.uniform01();
        REQUIRE(u >= 0.0);
        REQUIRE(u < 1.0);
        uni_sum += u;
        const double z = s.standard_normal();
        norm_sum += z;
        norm_sq += z * z;
    }
    const double se_exp = 0.5 / std::sqrt(n);
    const double se_uni = std::sqrt(1.0 / 12.0) / std::sqrt(n);
    CHECK(std::abs(exp_sum / n - 0.5) < 5 * se_exp);
    CHECK(std::abs(uni_sum / n - 0.5) < 5 * se_uni);
    CHECK(std::abs(norm_sum / n) < 5 / std::sqrt(n));
    CHECK(std::abs(norm_sq / n - 1.0) < 5 * std::sqrt(2.0 / n));
}

TEST_CASE("a stream from its replication's key is the stream from (seed, replication, id)",
          "[random]") {
    const ReplicationKey key(42, 3);
    for (std::uint32_t index : {0u, 1u, 9u, 123456u}) {
        RandomStream direct(42, 3, stream_id(1000, index));
        RandomStream keyed(key, stream_id(1000, index));
        for (int i = 0; i < 4; ++i) CHECK(direct() == keyed());
    }
}
