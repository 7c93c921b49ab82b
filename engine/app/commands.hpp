// The commands as functions, shared by the command line and the Python module: a loaded
// scenario and the command's settings in; the typed results and the files of the results
// folder out. Callers print, hand on or write them (write_folder); nothing here prints.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/app/command_settings.hpp"
#include "engine/app/result_folder.hpp"
#include "engine/experiment/calibration.hpp"
#include "engine/experiment/optimisation.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::app {

template <typename Results>
struct CommandOutput {
    Results results;
    ResultFolder folder;
};
using RunOutput = CommandOutput<experiment::RunResults>;
using PsaOutput = CommandOutput<experiment::PsaResults>;
using SweepOutput = CommandOutput<experiment::SweepResults>;
using OptimiseOutput = CommandOutput<experiment::OptimiseResults>;

struct CalibrateOutput {
    experiment::CalibrationResult result;
    nlohmann::ordered_json calibration;  // calibration.json
    FolderFiles files;
};

// The result of comparing results folders: the terminal table, the comparison report and
// comparison.json, and the first folder's scenario file (for the default folder).
struct CompareOutput {
    std::string table;
    FolderFiles files;
    std::string scenario_file;
};

RunOutput run(const scenario::Scenario& scenario, const RunSettings& settings);
// Throws experiment::UsageError if the scenario has no uncertainty parameters.
PsaOutput psa(const scenario::Scenario& scenario, const PsaSettings& settings);
// Throws experiment::UsageError for a --vary that does not parse.
SweepOutput sweep(const scenario::Scenario& scenario, const SweepSettings& settings);
CalibrateOutput calibrate(const scenario::Scenario& scenario, const CalibrateSettings& settings);
// Throws experiment::UsageError for a request optimise cannot carry out (optimisation.hpp).
OptimiseOutput optimise(const scenario::Scenario& scenario, const OptimiseSettings& settings);
// report.html again from a results folder's files, in `lang`.
FolderFiles report(const std::filesystem::path& folder, output::Lang lang = output::Lang::en);
// Results folders of run or psa side by side, labelled by folder name, each against the
// first; NOK brought to `price_year` with the consumer price index if given. Throws
// experiment::UsageError for a sweep's folder, or for different price years without one.
CompareOutput compare(const std::vector<std::filesystem::path>& folders,
                      std::optional<int> price_year = std::nullopt,
                      output::Lang lang = output::Lang::en);

}  // namespace followsim::app
