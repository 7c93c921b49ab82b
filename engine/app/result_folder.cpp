#include "engine/app/result_folder.hpp"

#include <fmt/core.h>

#include "engine/experiment/errors.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/optimise_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/scenario_loader.hpp"

namespace followsim::app {

FolderFiles ResultFolder::files() const {
    FolderFiles all = tables;
    all.push_back({"summary.json", report.summary.dump(2) + "\n"});
    all.push_back({"scenario.yaml", report.scenario_yaml + "\n"});
    all.push_back({"report.html", output::report_html(report)});
    return all;
}

ResultFolder run_folder(const scenario::Scenario& scenario, const experiment::RunResults& results) {
    return {output::run_report_data(scenario, results, output::summary_json(scenario, results)),
            {{"replications.csv", output::replications_csv(scenario, results)},
             {"timeseries.csv", output::timeseries_csv(results)}}};
}

ResultFolder psa_folder(const scenario::Scenario& scenario, const experiment::PsaResults& results) {
    return {output::report_data(scenario, output::psa_summary_json(scenario, results)),
            {{"psa.csv", output::psa_csv(scenario, results)}}};
}

ResultFolder sweep_folder(const scenario::Scenario& scenario,
                          const experiment::SweepResults& results) {
    return {
        output::sweep_report_data(scenario, results, output::sweep_summary_json(scenario, results)),
        {{"sweep.csv", output::sweep_csv(scenario, results)}}};
}

ResultFolder optimise_folder(const scenario::Scenario& scenario,
                             const experiment::OptimiseResults& results) {
    return {output::report_data(scenario::with_assignments(scenario, results.best_assignments),
                                output::optimise_summary_json(scenario, results)),
            {{"optimise.csv", output::optimise_csv(scenario, results)}}};
}

std::string calibrated_scenario_yaml(const scenario::Scenario& scenario,
                                     const CalibrateSettings& settings,
                                     const experiment::CalibrationResult& result) {
    return fmt::format("# {} calibrated by followsim: {} ({}={} for arm {})\n{}\n", scenario.name,
                       result.assignment, settings.metric, settings.target,
                       settings.arm.empty() ? scenario.model.arms.front().name : settings.arm,
                       result.calibrated.resolved_yaml);
}

namespace {

void write_staged(const std::filesystem::path& folder, const FolderFiles& files,
                  const std::atomic<bool>* cancel, output::OutputFolder::Others others) {
    output::OutputFolder staged(folder, others);
    for (const auto& file : files) staged.add(file.name, file.content);
    if (cancel != nullptr && cancel->load()) throw experiment::Interrupted();
    staged.commit();
}

}  // namespace

void write_folder(const std::filesystem::path& folder, const FolderFiles& files,
                  const std::atomic<bool>* cancel) {
    write_staged(folder, files, cancel, output::OutputFolder::Others::drop);
}

void update_folder(const std::filesystem::path& folder, const FolderFiles& files,
                   const std::atomic<bool>* cancel) {
    write_staged(folder, files, cancel, output::OutputFolder::Others::keep);
}

void write_file(const std::filesystem::path& path, const std::string& content) {
    output::write_file_atomically(path, content);
}

}  // namespace followsim::app
