// Random streams. Every stream is a function of (master seed, replication index, stream id)
// alone: no stream is split off another at run time, so results do not depend on the order
// in which threads, arms or entities ask for numbers. An entity (a job seeker) gets a stream
// of its own from its index, and so draws the same numbers in every arm: common random
// numbers.
//
// The bit generator is xoshiro256++ (Blackman & Vigna 2019) behind Boost.Random's engine
// interface; Boost.Random 1.74, which Debian 12 ships, has no small-state engine of that
// quality, and a simulation with hundreds of thousands of person streams cannot afford to
// seed a 2.5 kB Mersenne Twister for each. The distributions are Boost.Random's (ziggurat
// exponential and normal).
#pragma once

#include <boost/random/exponential_distribution.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>
#include <cstdint>
#include <limits>

namespace followsim::core {

// SplitMix64's finaliser (Steele, Lea & Flood 2014): a bijective 64-bit mix.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// SplitMix64: used to expand one 64-bit key into a generator state.
class SplitMix64 {
  public:
    explicit constexpr SplitMix64(std::uint64_t seed) noexcept : state_(seed) {}
    constexpr std::uint64_t operator()() noexcept {
        state_ += 0x9e3779b97f4a7c15ULL;
        return mix64(state_);
    }

  private:
    std::uint64_t state_;
};

// Identifies a stream within a replication: a family (what the numbers are for) and an index
// within it (which entity, which server), so stream ids never collide across purposes.
constexpr std::uint64_t stream_id(std::uint32_t family, std::uint32_t index) noexcept {
    return (std::uint64_t{family} << 32) | index;
}

// The part of a stream's key that (master seed, replication) give: worked out once where a
// replication makes many streams (one a person).
class ReplicationKey {
  public:
    constexpr ReplicationKey(std::uint64_t master_seed, std::uint64_t replication) noexcept
        // Each coordinate passes through the mix before it is combined, so (1, 2, 3) and
        // (3, 2, 1) give unrelated keys.
        : key_(mix64(mix64(master_seed + 0x9e3779b97f4a7c15ULL) ^
                     mix64(replication + 0x632be59bd9b4e019ULL))) {}
    // The key of stream `stream` of the replication.
    [[nodiscard]] constexpr std::uint64_t of(std::uint64_t stream) const noexcept {
        return mix64(key_ ^ mix64(stream + 0x85157af5e2a9b6d1ULL));
    }

  private:
    std::uint64_t key_;
};

class RandomStream {
  public:
    using result_type = std::uint64_t;
    static constexpr result_type min() noexcept { return 0; }
    static constexpr result_type max() noexcept { return std::numeric_limits<result_type>::max(); }

    RandomStream() noexcept : RandomStream(0, 0, 0) {}
    RandomStream(std::uint64_t master_seed, std::uint64_t replication,
                 std::uint64_t stream) noexcept
        : RandomStream(ReplicationKey(master_seed, replication), stream) {}
    RandomStream(const ReplicationKey& replication, std::uint64_t stream) noexcept {
        SplitMix64 expand(replication.of(stream));
        for (auto& word : s_) word = expand();
    }

    result_type operator()() noexcept {
        const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

    // Uniform on [0, 1).
    double uniform01() noexcept { return boost::random::uniform_01<double>{}(*this); }
    // Uniform on (0, 1]: safe to take the logarithm of.
    double uniform01_open_low() noexcept { return 1.0 - uniform01(); }
    double exponential(double rate) noexcept {
        return boost::random::exponential_distribution<double>{rate}(*this);
    }
    double standard_normal() noexcept {
        return boost::random::normal_distribution<double>{0.0, 1.0}(*this);
    }

  private:
    static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
        return (x << k) | (x >> (64 - k));
    }
    std::uint64_t s_[4];
};

}  // namespace followsim::core
