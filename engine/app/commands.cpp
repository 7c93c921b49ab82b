#include "engine/app/commands.hpp"

#include <fmt/core.h>

#include <optional>

#include "engine/app/resource_limits.hpp"
#include "engine/app/shard_folder.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/compare_table.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/results_folder_reader.hpp"

namespace followsim::app {

using nlohmann::ordered_json;

namespace {

// The experiment layer's settings for a command: replications, seed, threads, cancellation
// and, where the experiment reports it, progress.
template <typename ExperimentSettings>
ExperimentSettings experiment_settings(const Running& running, std::uint64_t replications) {
    ExperimentSettings settings;
    settings.replications = replications;
    settings.seed = running.seed;
    settings.threads = running.threads;
    settings.cancel = running.cancel;
    settings.distributor = running.distributor;
    if constexpr (requires { settings.progress; }) settings.progress = running.progress;
    return settings;
}

experiment::RunResults run_results(const scenario::Scenario& scenario,
                                   const RunSettings& settings) {
    check_memory(estimate_memory(scenario.model, settings.threads, settings.replications, true),
                 settings, "replications");
    return experiment::run_replications(
        scenario, experiment_settings<experiment::RunSettings>(settings, settings.replications));
}

experiment::PsaResults psa_results(const scenario::Scenario& scenario,
                                   const PsaSettings& settings) {
    if (scenario.uncertainty.parameters.empty()) {
        throw experiment::UsageError(scenario.file +
                                     ": the scenario has no uncertainty.parameters to draw");
    }
    check_memory(estimate_memory(scenario.model, settings.threads, settings.draws, false), settings,
                 "draws");
    auto psa = experiment_settings<experiment::PsaSettings>(settings, settings.replications);
    psa.draws = settings.draws;
    return experiment::run_psa(scenario, psa);
}

experiment::SweepResults sweep_results(const scenario::Scenario& scenario,
                                       const SweepSettings& settings) {
    auto sweep = experiment_settings<experiment::SweepSettings>(settings, settings.replications);
    for (const std::string& v : settings.vary) sweep.variables.push_back(experiment::parse_vary(v));
    check_memory(estimate_memory(scenario.model, settings.threads,
                                 sweep_points(sweep.variables, settings.grid), false),
                 settings, "points");
    sweep.grid = settings.grid;
    sweep.arm = settings.arm;
    sweep.versus = settings.versus;
    return experiment::run_sweep(scenario, sweep);
}

// What a shard records of each command's settings: all that, with the scenario, decides its
// tasks and their summaries (not threads: they change neither).
ordered_json settings_json(const RunSettings& s) {
    return {{"replications", s.replications}, {"seed", s.seed}};
}
ordered_json settings_json(const PsaSettings& s) {
    return {{"draws", s.draws}, {"replications", s.replications}, {"seed", s.seed}};
}
ordered_json settings_json(const SweepSettings& s) {
    return {{"vary", s.vary}, {"grid", s.grid}, {"replications", s.replications},
            {"seed", s.seed}, {"arm", s.arm},   {"versus", s.versus}};
}
void read_settings(const ordered_json& j, RunSettings& s) {
    j.at("replications").get_to(s.replications);
    j.at("seed").get_to(s.seed);
}
void read_settings(const ordered_json& j, PsaSettings& s) {
    j.at("draws").get_to(s.draws);
    j.at("replications").get_to(s.replications);
    j.at("seed").get_to(s.seed);
}
void read_settings(const ordered_json& j, SweepSettings& s) {
    j.at("vary").get_to(s.vary);
    j.at("grid").get_to(s.grid);
    j.at("replications").get_to(s.replications);
    j.at("seed").get_to(s.seed);
    j.at("arm").get_to(s.arm);
    j.at("versus").get_to(s.versus);
}

// Runs shard `shard` of a command (`results`: the command's experiment) into its partial folder.
template <typename Settings, typename Results>
FolderFiles shard_of(const char* command, const scenario::Scenario& scenario, Settings settings,
                     experiment::ShardId shard, Results results) {
    experiment::ShardDistributor distributor(shard);
    settings.distributor = &distributor;
    results(scenario, settings);  // stops after the shard's tasks: nothing to summarise
    return shard_files(command, settings_json(settings), scenario, distributor);
}

// The whole command from its shards: its settings as they were, the shards' results played back.
template <typename Settings, typename Command>
ResultFolder merged(const Shards& shards, const Running& running, Command command) {
    Settings settings;
    static_cast<Running&>(settings) = running;
    read_settings(shards.settings, settings);
    settings.distributor = shards.replay.get();
    return command(shards.scenario, settings).folder;
}

}  // namespace

RunOutput run(const scenario::Scenario& scenario, const RunSettings& settings) {
    auto results = run_results(scenario, settings);
    ResultFolder folder = run_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

PsaOutput psa(const scenario::Scenario& scenario, const PsaSettings& settings) {
    auto results = psa_results(scenario, settings);
    ResultFolder folder = psa_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

SweepOutput sweep(const scenario::Scenario& scenario, const SweepSettings& settings) {
    auto results = sweep_results(scenario, settings);
    ResultFolder folder = sweep_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

FolderFiles run_shard(const scenario::Scenario& scenario, const RunSettings& settings,
                      experiment::ShardId shard) {
    return shard_of("run", scenario, settings, shard, run_results);
}

FolderFiles psa_shard(const scenario::Scenario& scenario, const PsaSettings& settings,
                      experiment::ShardId shard) {
    return shard_of("psa", scenario, settings, shard, psa_results);
}

FolderFiles sweep_shard(const scenario::Scenario& scenario, const SweepSettings& settings,
                        experiment::ShardId shard) {
    return shard_of("sweep", scenario, settings, shard, sweep_results);
}

MergeOutput merge(const std::vector<std::filesystem::path>& folders, const Running& running) {
    const Shards shards = read_shards(folders);
    MergeOutput out;
    out.command = shards.command;
    try {
        if (shards.command == "run") {
            out.folder = merged<RunSettings>(shards, running, run);
        } else if (shards.command == "psa") {
            out.folder = merged<PsaSettings>(shards, running, psa);
        } else if (shards.command == "sweep") {
            out.folder = merged<SweepSettings>(shards, running, sweep);
        } else {
            throw experiment::UsageError("merge: the shards are of '" + shards.command +
                                         "', which has no shards");
        }
    } catch (const ordered_json::exception& e) {
        throw experiment::UsageError(std::string("merge: the shards' settings are incomplete (") +
                                     e.what() + ")");
    }
    out.what = fmt::format("{} from {} shards", shards.command, folders.size());
    out.scenario_file = shards.scenario.file;
    return out;
}

CalibrateOutput calibrate(const scenario::Scenario& scenario, const CalibrateSettings& settings) {
    auto calibration =
        experiment_settings<experiment::CalibrationSettings>(settings, settings.replications);
    calibration.path = settings.param;
    calibration.metric = settings.metric;
    calibration.target = settings.target;
    calibration.arm = settings.arm;
    calibration.subgroup = settings.subgroup;
    calibration.bracket = settings.bracket;
    calibration.unit = settings.unit;
    check_memory(estimate_memory(scenario.model, settings.threads, settings.replications, true),
                 settings, "replications");
    CalibrateOutput out;
    out.result = experiment::calibrate(scenario, calibration);
    out.calibration = output::calibration_json(scenario, calibration, out.result);
    out.files = {{"calibration.json", out.calibration.dump(2) + "\n"}};
    return out;
}

OptimiseOutput optimise(const scenario::Scenario& scenario, const OptimiseSettings& settings) {
    check_memory(estimate_memory(scenario.model, settings.threads, settings.replications, false),
                 settings, "replications");
    auto optimise =
        experiment_settings<experiment::OptimiseSettings>(settings, settings.replications);
    optimise.budget_nok_per_year = settings.budget;
    optimise.objective = experiment::parse_objective(settings.objective);
    optimise.arm = settings.arm;
    auto results = experiment::optimise_split(scenario, optimise);
    ResultFolder folder = optimise_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

namespace {

// Runs `make` on what was read from `folder`; a file that lacks what it needs (a key, a number
// where text was written) is named in the error. The files were checked as they were read;
// this checks what the command makes of them.
template <typename Make>
auto in_file(const std::filesystem::path& file, Make make) {
    try {
        return make();
    } catch (const experiment::UsageError&) {
        throw;  // what was asked cannot be done with sound folders either (--price-year)
    } catch (const std::exception& e) {
        throw std::runtime_error(file.string() + ": not as followsim writes it: " + e.what());
    }
}

}  // namespace

FolderFiles report(const std::filesystem::path& folder, output::Lang lang) {
    auto data = output::read_results_folder(folder);
    data.lang = lang;
    return {{"report.html",
             in_file(folder / "summary.json", [&] { return output::report_html(data); })}};
}

CompareOutput compare(const std::vector<std::filesystem::path>& folders,
                      std::optional<int> price_year, output::Lang lang) {
    std::vector<output::LabelledResults> compared;
    for (const auto& folder : folders) {
        auto data = output::read_results_folder(folder);
        if (data.summary.contains("sweep"))
            throw experiment::UsageError(folder.string() + " holds a sweep; compare runs or PSAs");
        data.lang = lang;
        const std::string name = folder.filename().string();
        // The samples that pair two folders: replications.csv of a run, psa.csv of a PSA.
        std::string samples_file = "replications.csv";
        std::string samples = output::read_results_file(folder / samples_file);
        if (samples.empty()) {
            samples_file = "psa.csv";
            samples = output::read_results_file(folder / samples_file);
        }
        output::LabelledResults one{name.empty() ? folder.string() : name, std::move(data),
                                    std::move(samples)};
        // Each folder against itself first, so a broken one is named: its summary, its
        // samples (paired with themselves) and its scenario, one at a time.
        const auto alone = [&](bool with_samples, bool with_scenario) {
            output::LabelledResults copy = one;
            if (!with_samples) copy.samples_csv.clear();
            if (!with_scenario) copy.data.scenario_yaml.clear();
            std::vector<output::LabelledResults> both{copy, copy};
            output::common_price_year(both, price_year);
            const auto comparisons = output::compare_folders(both);
            return output::compare_table(both, comparisons, lang) +
                   output::compare_html(both, comparisons, lang) +
                   output::comparison_json(both, comparisons).dump() +
                   both.front().data.summary.at("scenario").at("file").get<std::string>();
        };
        (void)in_file(folder / "summary.json", [&] { return alone(false, false); });
        if (!one.samples_csv.empty())
            (void)in_file(folder / samples_file, [&] { return alone(true, false); });
        if (!one.data.scenario_yaml.empty())
            (void)in_file(folder / "scenario.yaml", [&] { return alone(false, true); });
        compared.push_back(std::move(one));
    }
    output::common_price_year(compared, price_year);
    const auto comparisons = output::compare_folders(compared);
    return {output::compare_table(compared, comparisons, lang),
            {{"comparison.json", output::comparison_json(compared, comparisons).dump(2) + "\n"},
             {"report.html", output::compare_html(compared, comparisons, lang)}},
            compared.front().data.summary.at("scenario").at("file").get<std::string>()};
}

}  // namespace followsim::app
