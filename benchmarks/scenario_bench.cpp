// Scenario benchmarks for the targets: one replication of national.yaml with all its arms on
// one core, 1,000 replications of heimdal.yaml (1 and 2 threads), a PSA of heimdal.yaml
// with 1,000 draws (1 and 2 threads), and `optimise heimdal.yaml --budget 8000000` (2
// threads). `--smoke` runs each once on a tiny version (CI does that; it never times them).
#include <benchmark/benchmark.h>

#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "engine/experiment/optimisation.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

bool g_smoke = false;

std::string scenario_path(const char* name) {
    return std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/" + name;
}

void run_scenario(benchmark::State& state, const scenario::Scenario& sc, std::uint64_t replications,
                  unsigned threads) {
    experiment::RunSettings settings;
    settings.replications = replications;
    settings.threads = threads;
    std::uint64_t events = 0;
    for (auto _ : state) {
        const auto results = experiment::run_replications(sc, settings);
        events += results.events;
        benchmark::DoNotOptimize(results.arms.data());
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
    state.counters["replications_per_s"] = benchmark::Counter(
        static_cast<double>(state.iterations() * replications), benchmark::Counter::kIsRate);
}

void BM_NationalOneReplicationOneCore(benchmark::State& state) {
    std::vector<std::string> overrides;
    if (g_smoke)
        overrides.push_back("population.cohorts.0.arrivals={rate: 5 per day, until: 3 years}");
    const auto sc = scenario::load_scenario_file(scenario_path("national.yaml"), overrides);
    run_scenario(state, sc, 1, 1);
}

void BM_Heimdal1000Replications(benchmark::State& state) {
    const auto sc = scenario::load_scenario_file(scenario_path("heimdal.yaml"));
    run_scenario(state, sc, g_smoke ? 10 : 1000, static_cast<unsigned>(state.range(0)));
}

// followsim psa heimdal.yaml --draws 1000 (10 replications a draw, the command's default).
void BM_PsaHeimdal1000Draws(benchmark::State& state) {
    const auto sc = scenario::load_scenario_file(scenario_path("heimdal.yaml"));
    experiment::PsaSettings settings;
    settings.draws = g_smoke ? 4 : 1000;
    settings.replications = g_smoke ? 2 : 10;
    settings.threads = static_cast<unsigned>(state.range(0));
    std::uint64_t events = 0;
    for (auto _ : state) {
        const auto results = experiment::run_psa(sc, settings);
        events += results.events;
        benchmark::DoNotOptimize(results.samples.data());
    }
    state.counters["events_per_s"] =
        benchmark::Counter(static_cast<double>(events), benchmark::Counter::kIsRate);
}

// followsim optimise heimdal.yaml --budget 8000000 with the command's defaults (the default
// arm, NPV, 50 replications a candidate) on 2 threads: target < 30 s.
void BM_OptimiseHeimdal(benchmark::State& state) {
    const auto sc = scenario::load_scenario_file(scenario_path("heimdal.yaml"));
    experiment::OptimiseSettings settings;
    settings.budget_nok_per_year = 8'000'000.0;
    settings.threads = 2;
    if (g_smoke) settings.replications = 2;
    std::size_t evaluations = 0;
    for (auto _ : state) {
        const auto results = experiment::optimise_split(sc, settings);
        evaluations = results.candidates.size();
        benchmark::DoNotOptimize(results.candidates.data());
    }
    state.counters["evaluations"] = static_cast<double>(evaluations);
}

// CPU seconds of this thread so far (the machine is shared: wall time would count others).
double thread_cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + 1e-9 * static_cast<double>(t.tv_nsec);
}

// The same number of person-simulations two ways, in one run: `psa heimdal.yaml --draws 1000
// --replications 10` against `run heimdal.yaml --replications 10000`, both on this thread.
// psa_cpu_over_run_cpu is the ratio of their CPU times (target <= 1.3: a PSA draw must not
// cost much more than the replications it runs).
void BM_PsaCpuOverRunCpu(benchmark::State& state) {
    const auto sc = scenario::load_scenario_file(scenario_path("heimdal.yaml"));
    const std::uint64_t draws = g_smoke ? 4 : 1000, per_draw = g_smoke ? 2 : 10;
    double psa_cpu = 0.0, run_cpu = 0.0;
    for (auto _ : state) {
        experiment::RunSettings run;
        run.replications = draws * per_draw;
        run.threads = 1;
        double t0 = thread_cpu_seconds();
        benchmark::DoNotOptimize(experiment::run_replications(sc, run).arms.data());
        run_cpu += thread_cpu_seconds() - t0;
        experiment::PsaSettings psa;
        psa.draws = draws;
        psa.replications = per_draw;
        psa.threads = 1;
        t0 = thread_cpu_seconds();
        benchmark::DoNotOptimize(experiment::run_psa(sc, psa).samples.data());
        psa_cpu += thread_cpu_seconds() - t0;
    }
    state.counters["psa_cpu_s"] = psa_cpu / static_cast<double>(state.iterations());
    state.counters["run_cpu_s"] = run_cpu / static_cast<double>(state.iterations());
    state.counters["psa_cpu_over_run_cpu"] = psa_cpu / run_cpu;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--smoke") == 0) {
            g_smoke = true;
        } else {
            args.push_back(argv[i]);
        }
    }
    static std::string min_time = "--benchmark_min_time=0";
    if (g_smoke) args.push_back(min_time.data());
    int count = static_cast<int>(args.size());
    benchmark::Initialize(&count, args.data());
    benchmark::RegisterBenchmark("NationalOneReplicationOneCore", BM_NationalOneReplicationOneCore)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(g_smoke ? 1 : 3);
    benchmark::RegisterBenchmark("Heimdal1000Replications", BM_Heimdal1000Replications)
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("PsaHeimdal1000Draws", BM_PsaHeimdal1000Draws)
        ->Arg(1)
        ->Arg(2)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(1);
    benchmark::RegisterBenchmark("OptimiseHeimdal", BM_OptimiseHeimdal)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime()
        ->Iterations(g_smoke ? 1 : 3);
    benchmark::RegisterBenchmark("PsaCpuOverRunCpu", BM_PsaCpuOverRunCpu)
        ->Unit(benchmark::kMillisecond)
        ->Iterations(g_smoke ? 1 : 3);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
