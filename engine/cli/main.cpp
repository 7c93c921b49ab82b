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
#include <filesystem>

#include "engine/experiment/calibration.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/output/arm_table.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/compare_table.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/results_folder_reader.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"

namespace {

using followsim::experiment::UsageError;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) {
    g_interrupted.store(true);
}

// Options every command that runs simulations shares.
struct CommonOptions {
    std::string scenario;
    std::vector<std::string> overrides;
    std::string out = "results";
    std::uint64_t replications = 0;  // 0: the command's default
    std::uint64_t seed = 1;
    unsigned threads = 0;
    bool quiet = false;
    std::string format = "table";
};

// A progress line on stderr, redrawn in place; only when stderr is a terminal.
class ProgressBar {
  public:
    ProgressBar(bool enabled, std::string unit)
        : enabled_(enabled), unit_(std::move(unit)), start_(Clock::now()) {}
    void update(std::uint64_t done, std::uint64_t total) {
        if (!enabled_) return;
        const double elapsed = std::chrono::duration<double>(Clock::now() - start_).count();
        const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
        const double left = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
        const int width = 30;
        const int filled =
            static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
        fmt::print(stderr, "\r[{}{}] {}/{} {}, {:.1f}/s, {:.0f} s left ",
                   std::string(static_cast<std::size_t>(filled), '#'),
                   std::string(static_cast<std::size_t>(width - filled), ' '), done, total, unit_,
                   rate, left);
        if (done == total) fmt::print(stderr, "\n");
    }
    auto callback() {
        return [this](std::uint64_t done, std::uint64_t total) { update(done, total); };
    }

  private:
    using Clock = std::chrono::steady_clock;
    bool enabled_;
    std::string unit_;
    Clock::time_point start_;
};

bool show_progress(const CommonOptions& o) {
    return !o.quiet && ::isatty(STDERR_FILENO) == 1;
}

void print_problems(const followsim::scenario::ScenarioError& e) {
    for (const auto& d : e.problems()) fmt::print(stderr, "{}\n", d.format());
    fmt::print(stderr, "{} problem{} found; nothing was written.\n", e.problems().size(),
               e.problems().size() == 1 ? "" : "s");
}

followsim::scenario::Scenario load(const CommonOptions& o) {
    return followsim::scenario::load_scenario_file(o.scenario, o.overrides);
}

// Writes the files all or nothing; an interruption before the renames writes nothing.
void write_outputs(const std::string& folder_path,
                   const std::vector<std::pair<std::string, std::string>>& files) {
    followsim::output::OutputFolder folder(folder_path);
    for (const auto& [name, content] : files) folder.add(name, content);
    if (g_interrupted.load()) throw followsim::experiment::Interrupted();
    folder.commit();
}

// The files of a run, psa or sweep, with the scenario as run and report.html built from them.
void write_results(const std::string& folder, const followsim::scenario::Scenario& sc,
                   const followsim::output::ReportData& report,
                   std::vector<std::pair<std::string, std::string>> files) {
    files.emplace_back("summary.json", report.summary.dump(2) + "\n");
    files.emplace_back("scenario.yaml", sc.resolved_yaml + "\n");
    files.emplace_back("report.html", followsim::output::report_html(report));
    write_outputs(folder, files);
}

void print_footer(std::uint64_t events, double wall_seconds, unsigned threads,
                  const std::string& out) {
    fmt::print("{} events in {:.2f} s on {} thread{}; results in {}/\n", events, wall_seconds,
               threads, threads == 1 ? "" : "s", out);
}

int command_validate(const CommonOptions& o) {
    const auto sc = load(o);
    fmt::print("{}: valid ({} cohort{}, {} pathways, {} arm{}{})\n", o.scenario,
               sc.model.cohorts.size(), sc.model.cohorts.size() == 1 ? "" : "s",
               sc.model.pathways.size(), sc.model.arms.size(), sc.model.arms.size() == 1 ? "" : "s",
               sc.uncertainty.parameters.empty()
                   ? ""
                   : fmt::format(", {} uncertain parameters", sc.uncertainty.parameters.size()));
    return kExitOk;
}

int command_run(const CommonOptions& o) {
    const auto sc = load(o);
    ProgressBar bar(show_progress(o), "replications");
    followsim::experiment::RunSettings settings;
    settings.replications = o.replications != 0 ? o.replications : 200;
    settings.seed = o.seed;
    settings.threads = o.threads;
    settings.cancel = &g_interrupted;
    settings.progress = bar.callback();
    const auto results = followsim::experiment::run_replications(sc, settings);
    const auto report = followsim::output::run_report_data(
        sc, results, followsim::output::summary_json(sc, results));
    const auto& summary = report.summary;
    write_results(o.out, sc, report,
                  {{"replications.csv", followsim::output::replications_csv(sc, results)},
                   {"timeseries.csv", followsim::output::timeseries_csv(results)}});
    if (o.format == "json") {
        fmt::print("{}\n", summary.dump(2));
    } else if (!o.quiet) {
        fmt::print("{}", followsim::output::arm_table(
                             sc,
                             fmt::format("{} — {} replications, seed {}; mean [95 % interval]",
                                         sc.name, results.replications, results.seed),
                             results.arms, results.metrics));
        print_footer(results.events, results.wall_seconds, results.threads, o.out);
    }
    return kExitOk;
}

int command_psa(const CommonOptions& o, std::uint64_t draws) {
    const auto sc = load(o);
    if (sc.uncertainty.parameters.empty()) {
        throw UsageError(o.scenario + ": the scenario has no uncertainty.parameters to draw");
    }
    ProgressBar bar(show_progress(o), "draws");
    followsim::experiment::PsaSettings settings;
    settings.draws = draws;
    settings.replications = o.replications != 0 ? o.replications : 10;
    settings.seed = o.seed;
    settings.threads = o.threads;
    settings.cancel = &g_interrupted;
    settings.progress = bar.callback();
    const auto results = followsim::experiment::run_psa(sc, settings);
    const auto report =
        followsim::output::report_data(sc, followsim::output::psa_summary_json(sc, results));
    const auto& summary = report.summary;
    write_results(o.out, sc, report, {{"psa.csv", followsim::output::psa_csv(sc, results)}});
    if (o.format == "json") {
        fmt::print("{}\n", summary.dump(2));
    } else if (!o.quiet) {
        fmt::print("{}",
                   followsim::output::arm_table(
                       sc,
                       fmt::format("{} — PSA, {} draws x {} replications, seed {}; mean of "
                                   "the draws [95 % interval of that mean]",
                                   sc.name, results.draws, results.replications, results.seed),
                       results.arms, results.samples));
        print_footer(results.events, results.wall_seconds, results.threads, o.out);
    }
    return kExitOk;
}

int command_sweep(const CommonOptions& o, const std::vector<std::string>& vary, bool grid,
                  const std::string& arm, const std::string& versus) {
    const auto sc = load(o);
    followsim::experiment::SweepSettings settings;
    for (const std::string& v : vary)
        settings.variables.push_back(followsim::experiment::parse_vary(v));
    settings.grid = grid;
    settings.replications = o.replications != 0 ? o.replications : 20;
    settings.seed = o.seed;
    settings.threads = o.threads;
    settings.arm = arm;
    settings.versus = versus;
    settings.cancel = &g_interrupted;
    ProgressBar bar(show_progress(o), "points");
    settings.progress = bar.callback();
    const auto results = followsim::experiment::run_sweep(sc, settings);
    const auto report = followsim::output::sweep_report_data(
        sc, results, followsim::output::sweep_summary_json(sc, results));
    const auto& summary = report.summary;
    write_results(o.out, sc, report, {{"sweep.csv", followsim::output::sweep_csv(sc, results)}});
    if (o.format == "json") {
        fmt::print("{}\n", summary.dump(2));
        return kExitOk;
    }
    if (o.quiet) return kExitOk;
    const auto& arms = sc.model.arms;
    fmt::print("{} — sweep of {} point{} x {} replications, seed {}\n", sc.name,
               results.points.size(), results.points.size() == 1 ? "" : "s", results.replications,
               results.seed);
    if (!results.tornado.empty()) {
        fmt::print("Socio-economic NPV of {} minus {} (NOK): {} at the scenario's values\n",
                   arms[results.tornado_arm].name, arms[results.tornado_versus].name,
                   followsim::output::with_thousands(results.tornado_base));
        for (const auto& bar_ : results.tornado) {
            const auto& v = results.variables[bar_.variable];
            fmt::print("  {:<50} {:>16} at {:<10} {:>16} at {}\n", v.path,
                       followsim::output::with_thousands(bar_.at_from), v.from,
                       followsim::output::with_thousands(bar_.at_to), v.to);
        }
    }
    for (const auto& best : results.best) {
        std::string where;
        for (std::size_t v = 0; v < results.variables.size(); ++v) {
            const auto& x = results.points[best.point].values[v];
            where += fmt::format("{}{}={}", where.empty() ? "" : ", ", results.variables[v].path,
                                 x ? fmt::format("{}", *x) : std::string("(scenario)"));
        }
        const std::string value = best.metric.ends_with("_nok")
                                      ? followsim::output::with_thousands(best.value)
                                      : fmt::format("{:.4g}", best.value);
        fmt::print("Best {}: {} in arm {} at {}\n", best.metric, value, arms[best.arm].name, where);
    }
    print_footer(results.events, results.wall_seconds, results.threads, o.out);
    return kExitOk;
}

int command_calibrate(const CommonOptions& o, followsim::experiment::CalibrationSettings settings,
                      const std::string& target, const std::string& bracket,
                      const std::string& write_path) {
    const auto sc = load(o);
    const auto equals = target.find('=');
    try {
        if (equals == std::string::npos) throw std::invalid_argument("");
        settings.metric = target.substr(0, equals);
        std::size_t used = 0;
        settings.target = std::stod(target.substr(equals + 1), &used);
        if (used != target.size() - equals - 1) throw std::invalid_argument("");
    } catch (const std::exception&) {
        throw UsageError("--target " + target +
                         ": expected METRIC=VALUE, e.g. placement_rate=0.64");
    }
    if (!bracket.empty()) {
        const auto colon = bracket.find(':');
        try {
            if (colon == std::string::npos) throw std::invalid_argument("");
            settings.bracket = std::pair{std::stod(bracket.substr(0, colon)),
                                         std::stod(bracket.substr(colon + 1))};
        } catch (const std::exception&) {
            throw UsageError("--bracket " + bracket + ": expected LOW:HIGH");
        }
    }
    settings.replications = o.replications != 0 ? o.replications : 200;
    settings.seed = o.seed;
    settings.threads = o.threads;
    settings.cancel = &g_interrupted;
    const auto result = followsim::experiment::calibrate(sc, settings);
    const auto json = followsim::output::calibration_json(sc, settings, result);
    write_outputs(o.out, {{"calibration.json", json.dump(2) + "\n"}});
    if (!write_path.empty()) {
        const std::filesystem::path path(write_path);
        followsim::output::OutputFolder folder(path.has_parent_path() ? path.parent_path() : ".");
        folder.add(path.filename().string(),
                   fmt::format("# {} calibrated by followsim: {} ({}={} for arm {})\n{}\n", sc.name,
                               result.assignment, settings.metric, settings.target,
                               settings.arm.empty() ? sc.model.arms.front().name : settings.arm,
                               result.calibrated.resolved_yaml));
        folder.commit();
    }
    if (o.format == "json") {
        fmt::print("{}\n", json.dump(2));
    } else if (!o.quiet) {
        fmt::print("{} = {:.6g} [{:.6g}, {:.6g}]\n", settings.path, result.value, result.low,
                   result.high);
        fmt::print(
            "  {} = {:.6g} [{:.6g}, {:.6g}] against the target {} ({} replications, {} "
            "evaluations)\n",
            settings.metric, result.achieved, result.achieved_low, result.achieved_high,
            settings.target, settings.replications, result.evaluations);
        fmt::print("  use it with --set {}\n", result.assignment);
    }
    return kExitOk;
}

int command_report(const std::string& folder) {
    const auto inputs = followsim::output::read_results_folder(folder);
    write_outputs(folder, {{"report.html", followsim::output::report_html(inputs)}});
    fmt::print("{}/report.html\n", folder);
    return kExitOk;
}

int command_compare(const std::vector<std::string>& folders, const std::string& out) {
    std::vector<followsim::output::LabelledResults> compared;
    for (const std::string& folder : folders) {
        auto inputs = followsim::output::read_results_folder(folder);
        if (inputs.summary.contains("sweep"))
            throw UsageError(folder + " holds a sweep; compare runs or PSAs");
        const std::string name = std::filesystem::path(folder).filename().string();
        compared.push_back({name.empty() ? folder : name, std::move(inputs)});
    }
    fmt::print("{}", followsim::output::compare_table(compared));
    write_outputs(out, {{"report.html", followsim::output::compare_html(compared)}});
    fmt::print("comparison report in {}/report.html\n", out);
    return kExitOk;
}

void add_scenario(CLI::App* cmd, CommonOptions& o) {
    cmd->add_option("scenario", o.scenario, "Scenario file (YAML)")->required();
    cmd->add_option("--set", o.overrides,
                    "Override a scenario value: KEY.PATH=VALUE (repeatable), e.g. "
                    "pathways.in_house.caseworkers=5");
}

void add_running(CLI::App* cmd, CommonOptions& o, const std::string& replications_help) {
    add_scenario(cmd, o);
    cmd->add_option("--out", o.out, "Folder for the results")->capture_default_str();
    cmd->add_option("--replications", o.replications, replications_help)
        ->check(CLI::Range(1, 1000000));
    cmd->add_option("--seed", o.seed, "Master seed")->capture_default_str();
    cmd->add_option("--threads", o.threads, "Worker threads (0: one per core)")
        ->capture_default_str();
    cmd->add_flag("--quiet,-q", o.quiet, "No progress bar and no table");
    cmd->add_option("--format", o.format, "What to print: table, or json (summary.json)")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{
        "followsim: in-house follow-up of job seekers versus purchased measures, "
        "simulated for NAV"};
    app.set_version_flag("--version", std::string(FOLLOWSIM_VERSION));
    app.require_subcommand(1);

    CommonOptions o;
    auto* run_cmd = app.add_subcommand("run", "Run a scenario's replications and write results");
    add_running(run_cmd, o, "Replications per arm (default 200)");

    auto* validate_cmd = app.add_subcommand("validate", "Check a scenario and list every problem");
    add_scenario(validate_cmd, o);

    std::uint64_t draws = 1000;
    auto* psa_cmd = app.add_subcommand(
        "psa", "Probabilistic sensitivity analysis over the scenario's uncertainty section");
    add_running(psa_cmd, o, "Replications per draw (default 10)");
    psa_cmd->add_option("--draws", draws, "Parameter draws")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();

    std::vector<std::string> vary;
    bool grid = false;
    std::string sweep_arm, sweep_versus;
    auto* sweep_cmd =
        app.add_subcommand("sweep", "One-way sweeps (tornado) or a grid of parameters");
    add_running(sweep_cmd, o, "Replications per point (default 20)");
    sweep_cmd->add_option("--vary", vary, "KEY.PATH=FROM:TO:STEPS[:UNIT] (repeatable)")->required();
    sweep_cmd->add_flag("--grid", grid,
                        "Every combination of the --vary values, not one at a time");
    sweep_cmd->add_option("--arm", sweep_arm,
                          "Tornado: this arm's NPV ... (default: the first arm)");
    sweep_cmd->add_option("--versus", sweep_versus,
                          "... minus this arm's (default: the baseline arm)");

    followsim::experiment::CalibrationSettings calibration;
    std::string target, bracket, write_path;
    auto* calibrate_cmd = app.add_subcommand(
        "calibrate", "Find the parameter value at which an arm's metric hits a target");
    add_running(calibrate_cmd, o, "Replications per evaluation (default 200)");
    calibrate_cmd->add_option("--param", calibration.path, "The parameter, KEY.PATH as for --set")
        ->required();
    calibrate_cmd->add_option("--target", target, "METRIC=VALUE, e.g. placement_rate=0.64")
        ->required();
    calibrate_cmd->add_option("--arm", calibration.arm,
                              "Arm whose metric is matched (default: the first)");
    calibrate_cmd->add_option("--bracket", bracket,
                              "LOW:HIGH to search (default: from the current value)");
    calibrate_cmd
        ->add_option("--unit", calibration.unit, "For a duration: days, weeks, months or years")
        ->check(CLI::IsMember({"days", "weeks", "months", "years"}));
    calibrate_cmd->add_option("--write", write_path, "Write the calibrated scenario (YAML) here");

    std::string report_folder;
    auto* report_cmd =
        app.add_subcommand("report", "Write report.html again from a results folder");
    report_cmd->add_option("folder", report_folder, "Results folder of run, psa or sweep")
        ->required();

    std::vector<std::string> compare_folders;
    std::string compare_out = "compare";
    auto* compare_cmd =
        app.add_subcommand("compare", "Key metrics of several results folders side by side");
    compare_cmd->add_option("folders", compare_folders, "Results folders of run or psa")
        ->required()
        ->expected(1, -1);
    compare_cmd->add_option("--out", compare_out, "Folder for the comparison report")
        ->capture_default_str();

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
        if (*validate_cmd) return command_validate(o);
        if (*report_cmd) return command_report(report_folder);
        if (*compare_cmd) return command_compare(compare_folders, compare_out);
        if (*run_cmd) return command_run(o);
        if (*psa_cmd) return command_psa(o, draws);
        if (*sweep_cmd) return command_sweep(o, vary, grid, sweep_arm, sweep_versus);
        if (*calibrate_cmd) return command_calibrate(o, calibration, target, bracket, write_path);
    } catch (const followsim::scenario::ScenarioError& e) {
        print_problems(e);
        return kExitUsage;
    } catch (const UsageError& e) {
        fmt::print(stderr, "followsim: {}\n", e.what());
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
