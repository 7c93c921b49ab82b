// One replication of every arm of a scenario on this thread, for the memory and CPU
// benchmarks of benchmarks/scaleout_bench.py: prints one JSON line with the process's peak
// resident set (getrusage), the most person records held at once by any arm
// (ArmOutcome.peak_persons), the events processed and the CPU seconds of the simulation.
//   followsim_arm_memory_probe SCENARIO.yaml [--set KEY=VALUE ...]
#include <fmt/core.h>
#include <sys/resource.h>

#include <algorithm>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/scenario_loader.hpp"

namespace {

double process_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        fmt::print(stderr, "usage: {} SCENARIO.yaml [--set KEY=VALUE ...]\n", argv[0]);
        return 2;
    }
    std::vector<std::string> overrides;
    for (int i = 2; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--set") == 0) overrides.emplace_back(argv[i + 1]);
    }
    const auto sc = followsim::scenario::load_scenario_file(argv[1], overrides);
    std::uint64_t events = 0, peak_persons = 0;
    const double started = process_cpu_seconds();
    for (std::size_t a = 0; a < sc.model.arms.size(); ++a) {
        const auto outcome = followsim::model::simulate_arm(sc.model, a, 1, 0);
        events += outcome.events;
        peak_persons = std::max(peak_persons, outcome.peak_persons);
    }
    const double cpu = process_cpu_seconds() - started;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    fmt::print("{{\"peak_rss_kib\": {}, \"peak_persons\": {}, \"events\": {}, \"cpu_s\": {}}}\n",
               usage.ru_maxrss, peak_persons, events, cpu);
    return 0;
}
