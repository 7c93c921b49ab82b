// The files each command writes (DESIGN.md, "Results contract"), built from its results, and
// writing them all or nothing:
//   run        replications.csv, timeseries.csv, then the files of every results folder:
//              summary.json, scenario.yaml, key_figures.csv, results.xlsx, report.html
//   psa        psa.csv and those
//   sweep      sweep.csv and those
//   optimise   optimise.csv and those (scenario.yaml at the best split)
//   calibrate  calibration.json (and, with --write, the calibrated scenario)
//   report     report.html, again from the folder's files
//   compare    comparison.json, report.html
// Each command's default folder is its own: results/<scenario>-<command>.
#pragma once

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/app/command_settings.hpp"
#include "engine/experiment/calibration.hpp"
#include "engine/experiment/optimisation.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/output/report/report_data.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::app {

struct FolderFile {
    std::string name;
    std::string content;
};
using FolderFiles = std::vector<FolderFile>;

// The results folder of a run, psa or sweep.
struct ResultFolder {
    output::ReportData report;  // summary.json as JSON, the report's tables, the scenario as run
    FolderFiles tables;         // the command's CSV files

    // Every file, in the order written: the tables, summary.json, scenario.yaml,
    // key_figures.csv, results.xlsx, report.html.
    [[nodiscard]] FolderFiles files() const;
};

ResultFolder run_folder(const scenario::Scenario& scenario, const experiment::RunResults& results);
ResultFolder psa_folder(const scenario::Scenario& scenario, const experiment::PsaResults& results);
ResultFolder sweep_folder(const scenario::Scenario& scenario,
                          const experiment::SweepResults& results);
// scenario.yaml is the scenario at the best split, as --set would write it.
ResultFolder optimise_folder(const scenario::Scenario& scenario,
                             const experiment::OptimiseResults& results);

// Replaces the folder by one holding the files, all or nothing (output::OutputFolder: staged
// beside it, swapped in whole). If `cancel` is set once they are staged, nothing is put in
// place and experiment::Interrupted is thrown. Throws experiment::UsageError if the folder
// may not be replaced (output::check_replaceable).
void write_folder(const std::filesystem::path& folder, const FolderFiles& files,
                  const std::atomic<bool>* cancel = nullptr);
// The same, keeping the folder's other files (report writes report.html again beside them).
void update_folder(const std::filesystem::path& folder, const FolderFiles& files,
                   const std::atomic<bool>* cancel = nullptr);
// One file (calibrate --write), replaced all or nothing.
void write_file(const std::filesystem::path& path, const std::string& content);

}  // namespace followsim::app
