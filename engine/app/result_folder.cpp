#include "engine/app/result_folder.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/output/atomic_output.hpp"
#include "engine/output/experiment_files.hpp"
#include "engine/output/export_files.hpp"
#include "engine/output/optimise_files.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/scenario_loader.hpp"

namespace followsim::app {

FolderFiles ResultFolder::files() const {
    FolderFiles all = tables;
    all.push_back({"summary.json", report.summary.dump(2) + "\n"});
    all.push_back({"scenario.yaml", report.scenario_yaml + "\n"});
    all.push_back({"key_figures.csv", output::key_figures_csv(report)});
    all.push_back({"results.xlsx", output::results_xlsx(report)});
    all.push_back({"report.html", output::report_html(report)});
    return all;
}

namespace {

[[noreturn]] void overflowed(std::string_view value, const std::string& arm,
                             const std::string& where) {
    throw std::runtime_error(fmt::format(
        "{} of arm {} is not a finite number ({}): a computation overflowed, and nothing was "
        "written; lower the scenario's amounts (money, persons, durations)",
        value, arm, where));
}

// The schema's bounds are meant to keep every result finite; should a computation still
// overflow, the command fails naming the metric rather than write inf (NaN is a value that
// does not exist, such as the cost per placement without placements, written as null).
void require_finite(const std::vector<std::vector<std::vector<double>>>& samples,
                    const model::ModelConfig& config, const char* sample) {
    const auto& metrics = experiment::arm_metrics();
    for (std::size_t i = 0; i < samples.size(); ++i) {
        for (std::size_t a = 0; a < samples[i].size(); ++a) {
            for (std::size_t m = 0; m < samples[i][a].size(); ++m) {
                if (std::isinf(samples[i][a][m]))
                    overflowed(metrics[m].name, config.arms[a].name,
                               fmt::format("{} {}", sample, i));
            }
        }
    }
}

void require_finite(const std::vector<experiment::ArmSummary>& arms) {
    for (const auto& arm : arms) {
        for (std::size_t k = 0; k < arm.months.size(); ++k) {
            for (std::size_t f = 0; f < model::kStateFields; ++f) {
                if (std::isinf(arm.months[k].mean.values[f]))
                    overflowed(model::kStateFieldInfo[f].name, arm.name,
                               fmt::format("month {}", k));
            }
        }
    }
}

}  // namespace

ResultFolder run_folder(const scenario::Scenario& scenario, const experiment::RunResults& results) {
    require_finite(results.metrics, scenario.model, "replication");
    require_finite(results.arms);
    return {output::run_report_data(scenario, results, output::summary_json(scenario, results)),
            {{"replications.csv", output::replications_csv(scenario, results)},
             {"timeseries.csv", output::timeseries_csv(results)}}};
}

ResultFolder psa_folder(const scenario::Scenario& scenario, const experiment::PsaResults& results) {
    require_finite(results.samples, scenario.model, "draw");
    return {output::report_data(scenario, output::psa_summary_json(scenario, results)),
            {{"psa.csv", output::psa_csv(scenario, results)}}};
}

ResultFolder sweep_folder(const scenario::Scenario& scenario,
                          const experiment::SweepResults& results) {
    require_finite(results.means, scenario.model, "point");
    return {
        output::sweep_report_data(scenario, results, output::sweep_summary_json(scenario, results)),
        {{"sweep.csv", output::sweep_csv(scenario, results)}}};
}

ResultFolder optimise_folder(const scenario::Scenario& scenario,
                             const experiment::OptimiseResults& results) {
    const auto& metrics = experiment::arm_metrics();
    for (std::size_t c = 0; c < results.candidates.size(); ++c) {
        for (std::size_t m = 0; m < results.candidates[c].metrics.size(); ++m) {
            const core::Summary& s = results.candidates[c].metrics[m].summary;
            if (std::isinf(s.mean) || std::isinf(s.sd) || std::isinf(s.ci95_low) ||
                std::isinf(s.ci95_high))
                overflowed(metrics[m].name, scenario.model.arms[results.arm].name,
                           fmt::format("candidate {}", c));
        }
    }
    return {output::report_data(
                scenario::with_assignments(scenario, results.best_assignments, "optimised"),
                output::optimise_summary_json(scenario, results)),
            {{"optimise.csv", output::optimise_csv(scenario, results)}}};
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
