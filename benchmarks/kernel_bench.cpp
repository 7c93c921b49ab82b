// Kernel benchmarks: the event list under a hold workload, and the M/M/c model on the kernel
// beside a bare std::priority_queue loop for the same model, written as simply as possible:
// the practical lower bound. Run: build/benchmarks/followsim_bench (see README).
// `--smoke` runs each benchmark once on a tiny size (CI does that; it never times them).
#include <benchmark/benchmark.h>

#include <cstring>
#include <functional>
#include <queue>
#include <random>
#include <string>
#include <vector>

#include "engine/core/future_event_list.hpp"
#include "engine/core/mmc_queue.hpp"
#include "engine/core/random_stream.hpp"

using namespace followsim::core;

namespace {

// Hold model: n pending events; each step pops the earliest and schedules one later.
void BM_EventListHold(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    FutureEventList fel;
    fel.reserve(n);
    RandomStream rng(1, 0, 0);
    for (std::size_t i = 0; i < n; ++i) fel.schedule({rng.exponential(1.0), 0, 128, 0});
    for (auto _ : state) {
        const Event e = fel.pop();
        fel.schedule({e.time + rng.exponential(1.0), 0, 128, e.entity});
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.counters["pending"] = static_cast<double>(fel.size());
}

void BM_StdPriorityQueueHold(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::priority_queue<double, std::vector<double>, std::greater<>> pq;
    std::mt19937_64 gen(1);
    std::exponential_distribution<double> exp1(1.0);
    for (std::size_t i = 0; i < n; ++i) pq.push(exp1(gen));
    for (auto _ : state) {
        const double t = pq.top();
        pq.pop();
        pq.push(t + exp1(gen));
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
}

void BM_MmcKernel(benchmark::State& state) {
    MmcSettings s;  // lambda 9, mu 1, c 10
    s.customers = static_cast<std::uint64_t>(state.range(0));
    std::uint64_t events = 0;
    for (auto _ : state) {
        const MmcOutcome out = simulate_mmc(s, 1, 0);
        events += out.events;
        benchmark::DoNotOptimize(out.wait.mean());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * s.customers));
    state.counters["customers_per_s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * s.customers), benchmark::Counter::kIsRate);
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

// The same M/M/c model as plainly as it can be written.
void BM_MmcBareLoop(benchmark::State& state) {
    const auto customers = static_cast<std::uint64_t>(state.range(0));
    const double lambda = 9.0, mu = 1.0;
    const int servers = 10;
    std::uint64_t events = 0;
    for (auto _ : state) {
        std::mt19937_64 gen(1);
        std::exponential_distribution<double> interarrival(lambda), service(mu);
        // (time, kind): kind 0 arrival, 1 departure
        std::priority_queue<std::pair<double, int>, std::vector<std::pair<double, int>>,
                            std::greater<>>
            fel;
        std::queue<double> waiting;  // arrival times
        int busy = 0;
        std::uint64_t arrived = 0;
        double wait_sum = 0.0;
        fel.push({interarrival(gen), 0});
        while (!fel.empty()) {
            const auto [now, kind] = fel.top();
            fel.pop();
            ++events;
            if (kind == 0) {
                if (++arrived < customers) fel.push({now + interarrival(gen), 0});
                if (busy < servers) {
                    ++busy;
                    fel.push({now + service(gen), 1});
                } else {
                    waiting.push(now);
                }
            } else if (!waiting.empty()) {
                wait_sum += now - waiting.front();
                waiting.pop();
                fel.push({now + service(gen), 1});
            } else {
                --busy;
            }
        }
        benchmark::DoNotOptimize(wait_sum);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * customers));
    state.counters["customers_per_s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * customers), benchmark::Counter::kIsRate);
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

void register_all(bool smoke) {
    const std::vector<std::int64_t> hold_sizes =
        smoke ? std::vector<std::int64_t>{1000}
              : std::vector<std::int64_t>{1000, 10000, 100000, 1000000};
    for (std::int64_t n : hold_sizes) {
        benchmark::RegisterBenchmark("EventListHold", BM_EventListHold)->Arg(n);
        benchmark::RegisterBenchmark("StdPriorityQueueHold", BM_StdPriorityQueueHold)->Arg(n);
    }
    const std::int64_t customers = smoke ? 1000 : 1'000'000;
    benchmark::RegisterBenchmark("MmcKernel", BM_MmcKernel)
        ->Arg(customers)
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
    benchmark::RegisterBenchmark("MmcBareLoop", BM_MmcBareLoop)
        ->Arg(customers)
        ->Unit(benchmark::kMillisecond)
        ->MeasureProcessCPUTime()
        ->UseRealTime();
}

}  // namespace

int main(int argc, char** argv) {
    bool smoke = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            smoke = true;
        } else {
            args.push_back(argv[i]);
        }
    }
    static std::string min_time = "--benchmark_min_time=0";
    if (smoke) args.push_back(min_time.data());
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    register_all(smoke);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
