// The followsim command: argument parsing (CLI11) and printing; the commands themselves are the
// application layer's (engine/app), which the Python module calls too. Exit status (DESIGN.md):
// 0 done; 2 bad usage or invalid scenario (every problem on stderr as FILE:LINE:COL: key.path:
// message, nothing written); 1 any other failure; 130 interrupted.
#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <tuple>

#include "engine/app/commands.hpp"
#include "engine/app/resource_limits.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/arm_table.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/decision_json.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/optimise_files.hpp"
#include "engine/output/sweep_table.hpp"
#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/model_checks.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/serve/workbench_server.hpp"
#ifdef FOLLOWSIM_WITH_MPI
#include "engine/experiment/mpi_distributor.hpp"
#endif

namespace {

namespace app = followsim::app;
using followsim::experiment::UsageError;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

// This process's part when several run one command (MPI ranks): the first prints and writes,
// the others only simulate their share (their output goes to /dev/null).
struct Process {
    bool root = true;
    unsigned rank = 0;
    followsim::experiment::TaskDistributor* distributor = nullptr;  // null: threads only
    unsigned default_threads = 0;        // for --threads 0: the cores a rank has on its node
    std::FILE* errors = stderr;          // for a failure only this process saw
    std::function<void(int)> abort_all;  // ends every process of the job
};
Process g_process;

// The results folder, by the first process only.
void write_results(const std::filesystem::path& folder, const app::FolderFiles& files) {
    if (g_process.root) app::write_folder(folder, files, &g_interrupted);
}

// Where a command's replications run and on how many threads.
void spread(app::Running& running) {
    running.distributor = g_process.distributor;
    if (running.threads == 0) running.threads = g_process.default_threads;
}

extern "C" void on_interrupt(int) {
    g_interrupted.store(true);
}

// The scenario file and its --set overrides.
struct ScenarioOptions {
    std::string file;
    std::vector<std::string> overrides;
};

// Where a command's results folder goes, what it prints and in which language.
struct OutputOptions {
    std::string out;  // default: results/<scenario>-<command>
    bool quiet = false;
    std::string format = "table";
    std::string lang = "en";
    std::string shard;  // --shard K/N (run, psa, sweep); empty: the whole command

    [[nodiscard]] followsim::output::Lang language() const {
        return followsim::output::parse_lang(lang);
    }
};

// Progress on stderr: on a terminal a bar redrawn in place; otherwise (a log, a pipe) a line
// every few seconds, so a long run is never silent.
class ProgressBar {
  public:
    enum class Mode { off, bar, lines };
    // `unit`: a key of the label table (replications, draws, points, candidates).
    ProgressBar(Mode mode, std::string_view unit, followsim::output::Lang lang)
        : mode_(mode),
          unit_(followsim::output::text(unit, lang)),
          lang_(lang),
          start_(Clock::now()),
          last_line_(start_) {}
    void update(std::uint64_t done, std::uint64_t total) {
        if (mode_ == Mode::off) return;
        const auto now = Clock::now();
        const double elapsed = std::chrono::duration<double>(now - start_).count();
        const double rate = elapsed > 0.0 ? static_cast<double>(done) / elapsed : 0.0;
        const double left = rate > 0.0 ? static_cast<double>(total - done) / rate : 0.0;
        if (mode_ == Mode::lines) {
            if (now - last_line_ < kLineEvery || done == total) return;
            last_line_ = now;
            fmt::print(stderr, "{}\n",
                       followsim::output::say("cli.progress_line", lang_, done, total, unit_,
                                              fmt::format("{:.0f}", elapsed),
                                              fmt::format("{:.0f}", left)));
            return;
        }
        const int width = 30;
        const int filled =
            static_cast<int>(width * static_cast<double>(done) / static_cast<double>(total));
        fmt::print(stderr, "\r[{}{}] {} ", std::string(static_cast<std::size_t>(filled), '#'),
                   std::string(static_cast<std::size_t>(width - filled), ' '),
                   followsim::output::say("cli.progress_bar", lang_, done, total, unit_,
                                          followsim::output::format_fixed(rate, 1, lang_),
                                          fmt::format("{:.0f}", left)));
        if (done == total) fmt::print(stderr, "\n");
    }
    auto callback() {
        return [this](std::uint64_t done, std::uint64_t total) { update(done, total); };
    }

  private:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kLineEvery{5};
    Mode mode_;
    std::string unit_;
    followsim::output::Lang lang_;
    Clock::time_point start_;
    Clock::time_point last_line_;
};

ProgressBar::Mode progress_mode(const OutputOptions& o) {
    if (o.quiet || !g_process.root) return ProgressBar::Mode::off;
    return ::isatty(STDERR_FILENO) == 1 ? ProgressBar::Mode::bar : ProgressBar::Mode::lines;
}

// `wrote`: whether the command would have written files (validate writes none).
void print_problems(const followsim::scenario::ScenarioError& e, bool wrote) {
    for (const auto& d : e.problems()) fmt::print(stderr, "{}\n", d.format());
    fmt::print(stderr, "{} problem{} found{}\n", e.problems().size(),
               e.problems().size() == 1 ? "" : "s", wrote ? "; nothing was written." : ".");
}

// The folder a command writes into: --out, else results/<scenario>-<command>, so that the
// results of different commands never share a folder.
std::string out_folder(const OutputOptions& o, const ScenarioOptions& s, std::string_view command) {
    return o.out.empty() ? app::default_results_folder(s.file, command).string() : o.out;
}

followsim::scenario::Scenario load(const ScenarioOptions& s) {
    return followsim::scenario::load_scenario_file(s.file, s.overrides);
}

// --shard K/N of run, psa or sweep: its share of the tasks into a partial folder for merge
// (default: results/<scenario>-<command>-shard-K-of-N).
template <typename Settings, typename Shard>
int simulate_shard(const ScenarioOptions& s, const OutputOptions& o, Settings settings,
                   std::string_view name, std::string_view unit, Shard shard) {
    const auto id = followsim::experiment::parse_shard(o.shard);
    if (g_process.distributor != nullptr) {
        throw UsageError(
            "--shard runs one share in one process; under mpirun, leave --shard out (the ranks "
            "share the whole run)");
    }
    const auto lang = o.language();
    const std::string out =
        out_folder(o, s, fmt::format("{}-shard-{}-of-{}", name, id.index, id.count));
    const auto sc = load(s);
    ProgressBar bar(progress_mode(o), unit, lang);
    settings.progress = bar.callback();
    settings.cancel = &g_interrupted;
    spread(settings);
    write_results(out, shard(sc, settings, id));
    if (!o.quiet) {
        fmt::print("{}\n", followsim::output::say("cli.shard_done", lang, id.text(), sc.name, out,
                                                  id.count));
    }
    return kExitOk;
}

template <typename Settings, typename Command, typename Table>
int simulate(const ScenarioOptions& s, const OutputOptions& o, Settings settings,
             std::string_view name, std::string_view unit, Command command, Table table) {
    const auto lang = o.language();
    const std::string out = out_folder(o, s, name);
    const auto sc = load(s);
    followsim::output::check_replaceable(out);  // before the work, not after
    ProgressBar bar(progress_mode(o), unit, lang);
    settings.progress = bar.callback();
    settings.cancel = &g_interrupted;
    spread(settings);
    auto output = command(sc, settings);
    output.folder.report.lang = lang;
    const auto& r = output.results;
    write_results(out, output.folder.files());
    if (o.format == "json") {
        fmt::print("{}\n", output.folder.report.summary.dump(2));
    } else if (!o.quiet) {
        // The answer first, then the figures behind it.
        const std::string verdict =
            followsim::output::decision_text(output.folder.report.summary, lang);
        if (!verdict.empty()) fmt::print("{}\n", followsim::output::wrap_text(verdict));
        fmt::print("{}", table(sc, r, lang));
        namespace o_ = followsim::output;
        fmt::print("{}\n", o_::say("cli.done", lang,
                                   o_::format_fixed(static_cast<double>(r.events), 0, lang),
                                   o_::format_fixed(r.wall_seconds, 2, lang), r.threads, out));
    }
    return kExitOk;
}

int command_validate(const ScenarioOptions& s, const OutputOptions& o) {
    const auto sc = load(s);
    namespace out = followsim::output;
    const auto lang = o.language();
    fmt::print("{}\n", out::say("cli.valid", lang, s.file, sc.model.cohorts.size(),
                                sc.model.pathways.size(), sc.model.arms.size(),
                                sc.uncertainty.parameters.size()));
    // Valid, but worth knowing before a run: on stderr, exit 0.
    for (const auto& w : followsim::scenario::capacity_warnings(sc.model)) {
        fmt::print(stderr, "warning: {}: {}\n", w.path, w.message);
    }
    return kExitOk;
}

int command_run(const ScenarioOptions& s, const OutputOptions& o, app::RunSettings settings) {
    if (!o.shard.empty())
        return simulate_shard(s, o, settings, "run", "replications", app::run_shard);
    return simulate(
        s, o, settings, "run", "replications", app::run,
        [](const auto& sc, const auto& r, auto lang) {
            return followsim::output::arm_table(
                sc, followsim::output::say("cli.run_title", lang, sc.name, r.replications, r.seed),
                r.arms, r.metrics, lang, false);
        });
}

int command_psa(const ScenarioOptions& s, const OutputOptions& o, app::PsaSettings settings) {
    if (!o.shard.empty()) return simulate_shard(s, o, settings, "psa", "draws", app::psa_shard);
    return simulate(s, o, settings, "psa", "draws", app::psa,
                    [](const auto& sc, const auto& r, auto lang) {
                        return followsim::output::arm_table(
                            sc,
                            followsim::output::say("cli.psa_title", lang, sc.name, r.draws,
                                                   r.replications, r.seed),
                            r.arms, r.samples, lang, true);
                    });
}

int command_sweep(const ScenarioOptions& s, const OutputOptions& o, app::SweepSettings settings) {
    if (!o.shard.empty())
        return simulate_shard(s, o, settings, "sweep", "points", app::sweep_shard);
    return simulate(s, o, settings, "sweep", "points", app::sweep,
                    [](const auto& sc, const auto& r, auto lang) {
                        return followsim::output::sweep_table(sc, r, lang);
                    });
}

int command_optimise(const ScenarioOptions& s, const OutputOptions& o,
                     app::OptimiseSettings settings) {
    return simulate(s, o, settings, "optimise", "candidates", app::optimise,
                    [](const auto& sc, const auto& r, auto lang) {
                        return followsim::output::optimise_table(sc, r, lang);
                    });
}

int command_calibrate(const ScenarioOptions& s, const OutputOptions& o,
                      app::CalibrateSettings settings, const std::string& target,
                      const std::string& bracket, const std::string& write_path) {
    const auto sc = load(s);
    std::tie(settings.metric, settings.target) = app::parse_target(target);
    if (!bracket.empty()) settings.bracket = app::parse_bracket(bracket);
    settings.cancel = &g_interrupted;
    spread(settings);
    const auto lang = o.language();
    const std::string out = out_folder(o, s, "calibrate");
    const auto output = app::calibrate(sc, settings);
    const auto& r = output.result;
    write_results(out, output.files);
    if (!write_path.empty()) {
        if (g_process.root) app::write_file(write_path, r.calibrated.resolved_yaml + "\n");
    }
    namespace out_ = followsim::output;
    if (o.format == "json") {
        fmt::print("{}\n", output.calibration.dump(2));
    } else if (!o.quiet) {
        fmt::print("{} = {:.6g} [{:.6g}, {:.6g}]\n", settings.param, r.value, r.low, r.high);
        fmt::print("{}\n", out_::say("cli.calibrated", lang, settings.metric, r.achieved,
                                     r.achieved_low, r.achieved_high, settings.target,
                                     settings.replications, r.evaluations));
        fmt::print("{}\n", out_::say("cli.use_it", lang, r.assignment, out));
    }
    return kExitOk;
}

// The folders of every shard of a run, psa or sweep as the whole command's results folder
// (default: the whole command's, results/<scenario>-<command>).
int command_merge(const std::vector<std::string>& folders, const OutputOptions& o,
                  app::Running running) {
    const auto lang = o.language();
    running.cancel = &g_interrupted;
    if (running.threads == 0) running.threads = g_process.default_threads;
    auto output = app::merge({folders.begin(), folders.end()}, running);
    output.folder.report.lang = lang;
    const std::string out =
        o.out.empty() ? app::default_results_folder(output.scenario_file, output.command).string()
                      : o.out;
    write_results(out, output.folder.files());
    if (!o.quiet) {
        const std::string verdict =
            followsim::output::decision_text(output.folder.report.summary, lang);
        if (!verdict.empty()) fmt::print("{}\n", followsim::output::wrap_text(verdict));
        fmt::print("{}\n", followsim::output::say("cli.merge_done", lang, output.command,
                                                  folders.size(), out));
    }
    return kExitOk;
}

int command_report(const std::string& folder, const OutputOptions& o) {
    app::update_folder(folder, app::report(folder, o.language()), &g_interrupted);
    fmt::print("{}/report.html\n", folder);
    return kExitOk;
}

int command_compare(const std::vector<std::string>& folders, const OutputOptions& o,
                    std::optional<int> price_year) {
    const auto lang = o.language();
    const auto output = app::compare({folders.begin(), folders.end()}, price_year, lang);
    const std::string out =
        o.out.empty() ? app::default_results_folder(output.scenario_file, "compare").string()
                      : o.out;
    fmt::print("{}", output.table);
    write_results(out, output.files);
    fmt::print("{}\n", followsim::output::say("cli.compare_done", lang, out));
    return kExitOk;
}

// Until Ctrl-C (or SIGTERM): the end of a server's work, so exit 0.
int command_serve(followsim::serve::ServeSettings settings, const std::string& lang,
                  const std::string& scenarios) {
    namespace fs = std::filesystem;
    settings.lang = followsim::output::parse_lang(lang);
    settings.scenarios_dir = !scenarios.empty()              ? fs::path(scenarios)
                             : fs::is_directory("scenarios") ? fs::path("scenarios")
                                                             : fs::path(FOLLOWSIM_SCENARIOS_DIR);
    if (!settings.scenario.empty()) (void)load({settings.scenario, {}});  // its problems: exit 2
    std::signal(SIGTERM, on_interrupt);
    followsim::serve::serve(settings, g_interrupted, [&](int port) {
        fmt::print(
            "followsim serve: open http://127.0.0.1:{}/ in a browser; results go to {}/ "
            "(Ctrl-C stops)\n",
            port, settings.folder.string());
        std::fflush(stdout);
    });
    fmt::print(stderr, "followsim serve: stopped\n");
    return kExitOk;
}

void add_lang(CLI::App* cmd, OutputOptions& o) {
    cmd->add_option("--lang", o.lang, "Language of the report and the terminal: nb or en")
        ->check(CLI::IsMember({"nb", "en"}))
        ->capture_default_str();
}

// "followsim runn": the command that was probably meant, as CLI11 would only say that a
// subcommand is required. Returns a message, or "" when argv names a command or an option.
std::string unknown_command(const CLI::App& cli, int argc, char** argv) {
    if (argc < 2 || argv[1][0] == '-') return "";
    std::vector<std::string> names;
    for (const CLI::App* sub : cli.get_subcommands([](const CLI::App*) { return true; }))
        names.push_back(sub->get_name());
    const std::string word = argv[1];
    if (std::find(names.begin(), names.end(), word) != names.end()) return "";
    const std::string guess = followsim::scenario::closest_match(word, names);
    std::string all;
    for (const auto& n : names) all += (all.empty() ? "" : ", ") + n;
    return guess.empty() ? fmt::format("'{}' is not a command; the commands: {}", word, all)
                         : fmt::format("'{}' is not a command; did you mean '{}'?", word, guess);
}

void add_scenario(CLI::App* cmd, ScenarioOptions& s) {
    cmd->add_option("scenario", s.file, "Scenario file (YAML)")->required();
    cmd->add_option("--set", s.overrides,
                    "Override a scenario value: KEY.PATH=VALUE (repeatable), e.g. "
                    "pathways.in_house.caseworkers=5");
}

// The options of a command that simulates; the defaults shown are the application layer's.
void add_running(CLI::App* cmd, ScenarioOptions& s, OutputOptions& o, app::Running& running,
                 std::uint64_t& replications, const std::string& replications_help) {
    add_scenario(cmd, s);
    cmd->add_option("--out", o.out, "Folder for the results (default: results/SCENARIO-COMMAND)");
    add_lang(cmd, o);
    cmd->add_option("--replications", replications, replications_help)
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    cmd->add_option("--seed", running.seed, "Master seed")->capture_default_str();
    cmd->add_option("--threads", running.threads, "Worker threads (0: one per core)")
        ->capture_default_str();
    cmd->add_option_function<std::string>(
           "--max-memory",
           [&running](const std::string& size) {
               running.max_memory = app::parse_memory_size(size);
           },
           "Refuse to start if the estimated memory exceeds SIZE (8G, 512M; default: 3/4 of the "
           "machine's memory)")
        ->check([](const std::string& size) {
            try {
                (void)app::parse_memory_size(size);
                return std::string();
            } catch (const std::exception& e) {
                return std::string(e.what());
            }
        });
    cmd->add_flag("--quiet,-q", o.quiet, "No progress bar and no table");
    cmd->add_option("--format", o.format, "What to print: table, or json (summary.json)")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();
}

// Joins the MPI job this process was started in, if any: the first rank prints and writes;
// the others keep a handle on stderr for a failure of their own and write to /dev/null.
int join_job([[maybe_unused]] int& argc, [[maybe_unused]] char**& argv,
             [[maybe_unused]] std::unique_ptr<followsim::experiment::TaskDistributor>& job) {
#ifdef FOLLOWSIM_WITH_MPI
    auto mpi = followsim::experiment::MpiDistributor::from_launcher(argc, argv);
    if (!mpi) return kExitOk;
    g_process.rank = mpi->rank();
    g_process.root = mpi->rank() == 0;
    g_process.default_threads = mpi->default_threads();
    g_process.abort_all = [m = mpi.get()](int code) { m->abort(code); };
    g_process.distributor = mpi.get();
    job = std::move(mpi);
    if (!g_process.root) {
        g_process.errors = ::fdopen(::dup(STDERR_FILENO), "w");
        if (std::freopen("/dev/null", "w", stdout) == nullptr ||
            std::freopen("/dev/null", "w", stderr) == nullptr) {
            return kExitFailure;
        }
    }
    return kExitOk;
#else
    if (followsim::experiment::launched_by_mpi()) {
        fmt::print(stderr,
                   "followsim: started by an MPI launcher, but this followsim was built without "
                   "MPI; install libopenmpi-dev and build again, or run it without mpirun\n");
        return kExitUsage;
    }
    return kExitOk;
#endif
}

}  // namespace

int main(int argc, char** argv) {
    std::unique_ptr<followsim::experiment::TaskDistributor> job;
    if (const int status = join_job(argc, argv, job); status != kExitOk) return status;
    CLI::App cli{
        "followsim: in-house follow-up of job seekers versus purchased measures, "
        "simulated for NAV"};
    cli.set_version_flag("--version", std::string(FOLLOWSIM_VERSION));
    cli.require_subcommand(1);

    ScenarioOptions scenario;
    OutputOptions output;
    app::RunSettings run;
    auto* run_cmd = cli.add_subcommand("run", "Run a scenario's replications and write results");
    add_running(run_cmd, scenario, output, run, run.replications, "Replications per arm");

    auto* validate_cmd = cli.add_subcommand("validate", "Check a scenario and list every problem");
    add_scenario(validate_cmd, scenario);
    add_lang(validate_cmd, output);

    const auto add_shard = [&output](CLI::App* cmd) {
        cmd->add_option("--shard", output.shard,
                        "K/N: run only part K of N (e.g. one task of a Slurm job array) into a "
                        "partial folder; join the N folders with followsim merge");
    };
    add_shard(run_cmd);

    app::PsaSettings psa;
    auto* psa_cmd = cli.add_subcommand(
        "psa", "Probabilistic sensitivity analysis over the scenario's uncertainty section");
    add_running(psa_cmd, scenario, output, psa, psa.replications, "Replications per draw");
    psa_cmd->add_option("--draws", psa.draws, "Parameter draws")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();

    add_shard(psa_cmd);

    app::SweepSettings sweep;
    auto* sweep_cmd =
        cli.add_subcommand("sweep", "One-way sweeps (tornado) or a grid of parameters");
    add_running(sweep_cmd, scenario, output, sweep, sweep.replications, "Replications per point");
    sweep_cmd->add_option("--vary", sweep.vary, "KEY.PATH=FROM:TO:STEPS[:UNIT] (repeatable)")
        ->required();
    sweep_cmd->add_flag("--grid", sweep.grid,
                        "Every combination of the --vary values, not one at a time");
    sweep_cmd->add_option("--arm", sweep.arm,
                          "Tornado: this arm's NPV ... (default: the first arm)");
    sweep_cmd->add_option("--versus", sweep.versus,
                          "... minus this arm's (default: the baseline arm)");

    add_shard(sweep_cmd);

    app::CalibrateSettings calibrate;
    std::string target, bracket, write_path;
    auto* calibrate_cmd = cli.add_subcommand(
        "calibrate", "Find the parameter value at which an arm's metric hits a target");
    add_running(calibrate_cmd, scenario, output, calibrate, calibrate.replications,
                "Replications per evaluation");
    calibrate_cmd->add_option("--param", calibrate.param, "The parameter, KEY.PATH as for --set")
        ->required();
    calibrate_cmd->add_option("--target", target, "METRIC=VALUE, e.g. placement_rate=0.64")
        ->required();
    calibrate_cmd->add_option("--arm", calibrate.arm,
                              "Arm whose metric is matched (default: the first)");
    calibrate_cmd->add_option("--subgroup", calibrate.subgroup,
                              "Match a subgroup's metric: DIMENSION:CATEGORY, e.g. cohort:pilot "
                              "(persons, placed, placement_rate, employment_months)");
    calibrate_cmd->add_option("--bracket", bracket,
                              "LOW:HIGH to search (default: from the current value)");
    calibrate_cmd
        ->add_option("--unit", calibrate.unit, "For a duration: days, weeks, months or years")
        ->check(CLI::IsMember({"days", "weeks", "months", "years"}));
    calibrate_cmd->add_option("--write", write_path, "Write the calibrated scenario (YAML) here");

    app::OptimiseSettings optimise;
    auto* optimise_cmd = cli.add_subcommand(
        "optimise",
        "Split a yearly budget between caseworker FTEs and purchased places for the best "
        "objective");
    add_running(optimise_cmd, scenario, output, optimise, optimise.replications,
                "Replications per candidate (the same for every candidate)");
    optimise_cmd->add_option("--budget", optimise.budget, "NOK a year to split")
        ->required()
        ->check(CLI::PositiveNumber);
    optimise_cmd
        ->add_option("--objective", optimise.objective,
                     "npv (socio-economic NPV against the baseline arm), placements, or "
                     "net_fiscal")
        ->check(CLI::IsMember({"npv", "placements", "net_fiscal"}))
        ->capture_default_str();
    optimise_cmd->add_option(
        "--arm", optimise.arm,
        "Arm to optimise (default: the first that routes to in-house follow-up and to a "
        "measure; else the first with a team that buys places; else the first with a team; "
        "else the first that buys places)");

    std::string report_folder;
    auto* report_cmd =
        cli.add_subcommand("report", "Write report.html again from a results folder");
    report_cmd->add_option("folder", report_folder, "Results folder of run, psa, sweep or optimise")
        ->required();
    add_lang(report_cmd, output);

    std::vector<std::string> compare_folders;
    std::optional<int> compare_price_year;
    auto* compare_cmd = cli.add_subcommand(
        "compare",
        "Results folders side by side: their differences with intervals, and what differs "
        "between their scenarios");
    compare_cmd->add_option("folders", compare_folders, "Results folders of run or psa")
        ->required()
        ->expected(1, -1);
    compare_cmd->add_option("--out", output.out,
                            "Folder for the comparison report (default: results/SCENARIO-compare)");
    compare_cmd
        ->add_option("--price-year", compare_price_year,
                     "Bring every folder's NOK to this year's prices (KPI, SSB table 03014); "
                     "needed when the folders' price years differ")
        ->check(CLI::Range(1900, 2100));
    add_lang(compare_cmd, output);

    std::vector<std::string> merge_folders;
    app::Running merge_running;
    auto* merge_cmd = cli.add_subcommand(
        "merge",
        "Join the partial folders of run, psa or sweep --shard K/N into the whole results");
    merge_cmd->add_option("folders", merge_folders, "The folders of shards 1/N to N/N, any order")
        ->required()
        ->expected(1, -1);
    merge_cmd->add_option("--out", output.out,
                          "Folder for the results (default: the whole command's, "
                          "results/SCENARIO-COMMAND)");
    merge_cmd->add_option("--threads", merge_running.threads, "Worker threads (0: one per core)")
        ->capture_default_str();
    merge_cmd->add_flag("--quiet,-q", output.quiet, "No message");
    add_lang(merge_cmd, output);

    followsim::serve::ServeSettings serve;
    std::string serve_lang = "en", serve_scenarios, serve_folder = serve.folder.string();
    auto* serve_cmd = cli.add_subcommand(
        "serve", "The planner's workbench in the browser, on 127.0.0.1 (Ctrl-C stops it)");
    serve_cmd->add_option("scenario", serve.scenario,
                          "Scenario file to open first (default: the shipped heimdal.yaml)");
    serve_cmd->add_option("--port", serve.port, "Port on 127.0.0.1 (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    serve_cmd->add_option("--folder", serve_folder, "Every run's results go below this folder")
        ->capture_default_str();
    serve_cmd->add_option("--lang", serve_lang, "Language of the page: en or nb")
        ->check(CLI::IsMember({"en", "nb"}))
        ->capture_default_str();
    serve_cmd->add_option("--scenarios", serve_scenarios,
                          "Folder of scenarios to offer (default: scenarios/ here, else the "
                          "shipped ones)");
    serve_cmd->add_option("--replications", serve.replications, "The form's replications at first")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();
    serve_cmd->add_option("--threads", serve.threads, "Worker threads of a run (0: one per core)")
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-run-size", serve.max_run_size,
                     "Most persons a run may simulate (expected persons x arms x "
                     "replications)")
        ->check(CLI::PositiveNumber)
        ->capture_default_str();
    serve_cmd
        ->add_option("--max-runs", serve.max_concurrent_runs,
                     "Runs simulating at once; the others wait their turn")
        ->check(CLI::Range(1, 64))
        ->capture_default_str();

    auto* schema_cmd = cli.add_subcommand("schema", "Print the JSON Schema of the scenario format");

    if (const std::string unknown = unknown_command(cli, argc, argv); !unknown.empty()) {
        fmt::print(stderr, "followsim: {}\n", unknown);
        return kExitUsage;
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = cli.exit(e);
        return code == 0 ? kExitOk : kExitUsage;
    }

    std::signal(SIGINT, on_interrupt);
    try {
        if (*schema_cmd) {
            fmt::print("{}\n", followsim::scenario::scenario_schema().dump(2));
            return kExitOk;
        }
        if (*validate_cmd) return command_validate(scenario, output);
        if (*report_cmd) return command_report(report_folder, output);
        if (*compare_cmd) return command_compare(compare_folders, output, compare_price_year);
        if (*merge_cmd) return command_merge(merge_folders, output, merge_running);
        if (*run_cmd) return command_run(scenario, output, run);
        if (*psa_cmd) return command_psa(scenario, output, psa);
        if (*sweep_cmd) return command_sweep(scenario, output, sweep);
        if (*optimise_cmd) return command_optimise(scenario, output, optimise);
        if (*serve_cmd) {
            serve.folder = serve_folder;
            return command_serve(serve, serve_lang, serve_scenarios);
        }
        if (*calibrate_cmd) {
            return command_calibrate(scenario, output, calibrate, target, bracket, write_path);
        }
    } catch (const followsim::scenario::ScenarioError& e) {
        print_problems(e, !*validate_cmd);
        return kExitUsage;
    } catch (const UsageError& e) {
        fmt::print(stderr, "followsim: {}\n", e.what());
        return kExitUsage;
    } catch (const followsim::experiment::Interrupted&) {
        fmt::print(stderr, "\ninterrupted; nothing was written\n");
        return kExitInterrupted;
    } catch (const followsim::experiment::SharedFailure& e) {
        fmt::print(stderr, "followsim: {}\n", e.what());
        return kExitFailure;
    } catch (const std::exception& e) {
        if (!g_process.root) {
            // Only this rank failed: the others may wait for it, so the whole job ends.
            fmt::print(g_process.errors, "followsim: rank {}: {}\n", g_process.rank, e.what());
            std::fflush(g_process.errors);
            g_process.abort_all(kExitFailure);
        }
        fmt::print(stderr, "followsim: {}\n", e.what());
        return kExitFailure;
    }
    return kExitFailure;
}
