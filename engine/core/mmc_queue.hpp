// The M/M/c queue on the kernel: Poisson arrivals, exponential service, c servers, FIFO.
// It is the kernel's reference model: its waiting times have a closed form (Erlang C), so the
// tests check the kernel against queueing theory with it, the benchmarks time it, and the
// command line runs it as a demo.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/future_event_list.hpp"
#include "engine/core/statistics.hpp"

namespace followsim::core {

struct MmcSettings {
    double arrival_rate = 9.0;  // customers per unit of time
    double service_rate = 1.0;  // per server, per unit of time
    std::int64_t servers = 10;
    std::uint64_t customers = 1'000'000;  // arrivals in the run
    std::uint64_t warmup_customers = 0;   // arrivals whose statistics are discarded
};

struct MmcOutcome {
    RunningStats wait;  // time in queue of customers after the warm-up, over all who started
    double mean_queue_length = 0.0;  // time average from the end of the warm-up to the end
    double mean_in_system = 0.0;     // time average of queue + in service, same window
    double observed_arrival_rate = 0.0;
    double utilisation = 0.0;
    double end_time = 0.0;
    double queue_time_integral = 0.0;  // integral of the queue length over the same window
    std::uint64_t served = 0;
    std::uint64_t events = 0;
    std::size_t peak_customers = 0;  // entity slots ever used
};

// Runs until every customer has been served. If `trace` is given, every event handled is
// appended to it, in order.
MmcOutcome simulate_mmc(const MmcSettings& settings, std::uint64_t seed, std::uint64_t replication,
                        std::vector<Event>* trace = nullptr);

}  // namespace followsim::core
