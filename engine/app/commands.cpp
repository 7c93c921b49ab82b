#include "engine/app/commands.hpp"

#include "engine/app/resource_limits.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/compare_table.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/results_folder_reader.hpp"

namespace followsim::app {

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
    if constexpr (requires { settings.progress; }) settings.progress = running.progress;
    return settings;
}

}  // namespace

RunOutput run(const scenario::Scenario& scenario, const RunSettings& settings) {
    check_memory(estimate_memory(scenario.model, settings.threads, settings.replications, true),
                 settings, "replications");
    auto results = experiment::run_replications(
        scenario, experiment_settings<experiment::RunSettings>(settings, settings.replications));
    ResultFolder folder = run_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

PsaOutput psa(const scenario::Scenario& scenario, const PsaSettings& settings) {
    if (scenario.uncertainty.parameters.empty()) {
        throw experiment::UsageError(scenario.file +
                                     ": the scenario has no uncertainty.parameters to draw");
    }
    check_memory(estimate_memory(scenario.model, settings.threads, settings.draws, false), settings,
                 "draws");
    auto psa = experiment_settings<experiment::PsaSettings>(settings, settings.replications);
    psa.draws = settings.draws;
    auto results = experiment::run_psa(scenario, psa);
    ResultFolder folder = psa_folder(scenario, results);
    return {std::move(results), std::move(folder)};
}

SweepOutput sweep(const scenario::Scenario& scenario, const SweepSettings& settings) {
    auto sweep = experiment_settings<experiment::SweepSettings>(settings, settings.replications);
    for (const std::string& v : settings.vary) sweep.variables.push_back(experiment::parse_vary(v));
    check_memory(estimate_memory(scenario.model, settings.threads,
                                 sweep_points(sweep.variables, settings.grid), false),
                 settings, "points");
    sweep.grid = settings.grid;
    sweep.arm = settings.arm;
    sweep.versus = settings.versus;
    auto results = experiment::run_sweep(scenario, sweep);
    ResultFolder folder = sweep_folder(scenario, results);
    return {std::move(results), std::move(folder)};
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

// Runs `make` on what was read from `folder`; a summary.json that lacks what it needs (a key,
// a number where text was written) is named in the error. The other files were checked as
// they were read.
template <typename Make>
auto from_summary(const std::filesystem::path& folder, Make make) {
    try {
        return make();
    } catch (const std::exception& e) {
        throw std::runtime_error((folder / "summary.json").string() +
                                 ": not as followsim writes it: " + e.what());
    }
}

}  // namespace

FolderFiles report(const std::filesystem::path& folder) {
    const auto data = output::read_results_folder(folder);
    return {{"report.html", from_summary(folder, [&] { return output::report_html(data); })}};
}

CompareOutput compare(const std::vector<std::filesystem::path>& folders) {
    std::vector<output::LabelledResults> compared;
    for (const auto& folder : folders) {
        auto data = output::read_results_folder(folder);
        if (data.summary.contains("sweep"))
            throw experiment::UsageError(folder.string() + " holds a sweep; compare runs or PSAs");
        const std::string name = folder.filename().string();
        output::LabelledResults one{name.empty() ? folder.string() : name, std::move(data)};
        // Each folder on its own first, so a broken one is named.
        from_summary(folder,
                     [&] { return output::compare_table({one}) + output::compare_html({one}); });
        compared.push_back(std::move(one));
    }
    return {output::compare_table(compared), {{"report.html", output::compare_html(compared)}}};
}

}  // namespace followsim::app
