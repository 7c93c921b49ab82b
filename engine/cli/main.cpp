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

namespace {

namespace app = followsim::app;
using followsim::experiment::UsageError;

constexpr int kExitOk = 0;
constexpr int kExitFailure = 1;
constexpr int kExitUsage = 2;
constexpr int kExitInterrupted = 130;

std::atomic<bool> g_interrupted{false};

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
    if (o.quiet) return ProgressBar::Mode::off;
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
    auto output = command(sc, settings);
    output.folder.report.lang = lang;
    const auto& r = output.results;
    app::write_folder(out, output.folder.files(), &g_interrupted);
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
    return simulate(
        s, o, settings, "run", "replications", app::run,
        [](const auto& sc, const auto& r, auto lang) {
            return followsim::output::arm_table(
                sc, followsim::output::say("cli.run_title", lang, sc.name, r.replications, r.seed),
                r.arms, r.metrics, lang, false);
        });
}

int command_psa(const ScenarioOptions& s, const OutputOptions& o, app::PsaSettings settings) {
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
    const auto lang = o.language();
    const std::string out = out_folder(o, s, "calibrate");
    const auto output = app::calibrate(sc, settings);
    const auto& r = output.result;
    app::write_folder(out, output.files, &g_interrupted);
    if (!write_path.empty()) {
        app::write_file(write_path, r.calibrated.resolved_yaml + "\n");
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
    app::write_folder(out, output.files, &g_interrupted);
    fmt::print("{}\n", followsim::output::say("cli.compare_done", lang, out));
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

}  // namespace

int main(int argc, char** argv) {
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

    app::PsaSettings psa;
    auto* psa_cmd = cli.add_subcommand(
        "psa", "Probabilistic sensitivity analysis over the scenario's uncertainty section");
    add_running(psa_cmd, scenario, output, psa, psa.replications, "Replications per draw");
    psa_cmd->add_option("--draws", psa.draws, "Parameter draws")
        ->check(CLI::Range(1, 1000000))
        ->capture_default_str();

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
        if (*run_cmd) return command_run(scenario, output, run);
        if (*psa_cmd) return command_psa(scenario, output, psa);
        if (*sweep_cmd) return command_sweep(scenario, output, sweep);
        if (*optimise_cmd) return command_optimise(scenario, output, optimise);
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
    } catch (const std::exception& e) {
        fmt::print(stderr, "followsim: {}\n", e.what());
        return kExitFailure;
    }
    return kExitFailure;
}
