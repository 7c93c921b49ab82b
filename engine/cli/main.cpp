// The followsim command. Exit status (DESIGN.md): 0 done; 2 bad usage or invalid scenario
// (every problem on stderr as FILE:LINE:COL: key.path: message, nothing written); 1 any other
// failure; 130 interrupted.
#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <iostream>

#include "engine/experiment/replication_runner.hpp"
#include "engine/output/arm_table.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) {
    g_interrupted.store(true);
}

struct CommonOptions {
    std::string scenario;
    std::vector<std::string> overrides;
};

struct RunOptions {
    std::string out = "results";
    std::uint64_t replications = 200;
    std::uint64_t seed = 1;
    unsigned threads = 0;
    bool quiet = false;
    std::string format = "table";
};

// A progress line on stderr, redrawn in place; only when stderr is a terminal.
class ProgressBar {
  public:
    explicit ProgressBar(bool enabled) : enabled_(enabled), start_(Clock::now()) {}
    void update(std::uint64_t done, std::uint64_t total) {
        if (!enabled_) return;
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
        const double left = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
        const int width = 30;
        const int filled =
            static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
        fmt::print(stderr, "\r[{}{}] {}/{} replications, {:.0f}/s, {:.0f} s left ",
                   std::string(static_cast<std::size_t>(filled), '#'),
                   std::string(static_cast<std::size_t>(width - filled), ' '), done, total, rate,
                   left);
        if (done == total) fmt::print(stderr, "\n");
    }

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    Clock::time_point start_;
};

void print_problems(const followsim::scenario::ScenarioError& e) {
    for (const auto& d : e.problems()) fmt::print(stderr, "{}\n", d.format());
    fmt::print(stderr, "{} problem{} found; nothing was written.\n", e.problems().size(),
               e.problems().size() == 1 ? "" : "s");
}

int command_validate(const CommonOptions& common) {
    const auto sc = followsim::scenario::load_scenario_file(common.scenario, common.overrides);
    fmt::print("{}: valid ({} cohort{}, {} pathways, {} arm{})\n", common.scenario,
               sc.model.cohorts.size(), sc.model.cohorts.size() == 1 ? "" : "s",
               sc.model.pathways.size(), sc.model.arms.size(),
               sc.model.arms.size() == 1 ? "" : "s");
    return kExitOk;
}

int command_run(const CommonOptions& common, const RunOptions& options) {
    const auto sc = followsim::scenario::load_scenario_file(common.scenario, common.overrides);
    ProgressBar bar(!options.quiet && ::isatty(STDERR_FILENO) == 1);
    followsim::experiment::RunSettings settings;
    settings.replications = options.replications;
    settings.seed = options.seed;
    settings.threads = options.threads;
    settings.cancel = &g_interrupted;
    settings.progress = [&bar](std::uint64_t done, std::uint64_t total) {
        bar.update(done, total);
    };
    const auto results = followsim::experiment::run_replications(sc, settings);

    const auto summary = followsim::output::summary_json(sc, results);
    {
        followsim::output::OutputFolder folder(options.out);
        folder.add("summary.json", summary.dump(2) + "\n");
        folder.add("replications.csv", followsim::output::replications_csv(sc, results));
        folder.add("timeseries.csv", followsim::output::timeseries_csv(results));
        if (g_interrupted.load()) throw followsim::experiment::Interrupted();
        folder.commit();
    }
    if (options.format == "json") {
        fmt::print("{}\n", summary.dump(2));
    } else if (!options.quiet) {
        fmt::print("{}", followsim::output::arm_table(sc, results));
        fmt::print("{} events in {:.2f} s on {} thread{}; results in {}/\n", results.events,
                   results.wall_seconds, results.threads, results.threads == 1 ? "" : "s",
                   options.out);
    }
    return kExitOk;
}

void add_common(CLI::App* cmd, CommonOptions& common) {
    cmd->add_option("scenario", common.scenario, "Scenario file (YAML)")->required();
    cmd->add_option("--set", common.overrides,
                    "Override a scenario value: KEY.PATH=VALUE (repeatable), e.g. "
                    "pathways.in_house.caseworkers=5");
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "followsim: in-house follow-up of job seekers versus purchased measures, "
        "simulated for NAV"};
    app.set_version_flag("--version", std::string(FOLLOWSIM_VERSION));
    app.require_subcommand(1);

    CommonOptions common;
    RunOptions run;

    auto* run_cmd = app.add_subcommand("run", "Run a scenario's replications and write results");
    add_common(run_cmd, common);
    run_cmd->add_option("--out", run.out, "Folder for the results")->capture_default_str();
    run_cmd->add_option("--replications", run.replications, "Replications per arm")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    run_cmd->add_option("--seed", run.seed, "Master seed")->capture_default_str();
    run_cmd->add_option("--threads", run.threads, "Worker threads (0: one per core)")
        ->capture_default_str();
    run_cmd->add_flag("--quiet,-q", run.quiet, "No progress bar and no table");
    run_cmd->add_option("--format", run.format, "What to print: table, or json (summary.json)")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    auto* validate_cmd = app.add_subcommand("validate", "Check a scenario and list every problem");
    add_common(validate_cmd, common);

    auto* schema_cmd = app.add_subcommand("schema", "Print the JSON Schema of the scenario format");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    std::signal(SIGINT, on_interrupt);
    try {
        if (*schema_cmd) {
            fmt::print("{}\n", followsim::scenario::scenario_schema().dump(2));
            return kExitOk;
        }
        if (*validate_cmd) return command_validate(common);
        if (*run_cmd) return command_run(common, run);
    } catch (const followsim::scenario::ScenarioError& e) {
        print_problems(e);
        return kExitUsage;
    } catch (const followsim::experiment::Interrupted&) {
        fmt::print(stderr, "\ninterrupted; nothing was written\n");
        return kExitInterrupted;
    } catch (const std::exception& e) {
        fmt::print(stderr, "followsim: {}\n", e.what());
        return kExitFailure;
    }
    return kExitFailure;
}
