// Reads a results folder back into the report's typed input (followsim report DIR, compare):
// summary.json, and where the command wrote them timeseries.csv, sweep.csv and scenario.yaml.
// The columns are known from the same lists that wrote them: the monitor's state fields and
// the arm metrics.
#pragma once

#include <filesystem>
#include <string>

#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// The texts of a results folder's files; empty where there is no such file.
struct ResultTexts {
    std::string summary_json;
    std::string timeseries_csv;
    std::string sweep_csv;
    std::string scenario_yaml;
};

// Throws std::runtime_error, naming the file (in `folder`), if one does not read.
ReportData parse_results(const ResultTexts& texts, const std::filesystem::path& folder = {});
// Throws std::runtime_error, naming the file, if the folder has no summary.json or a file is
// not a regular file of at most 1 GiB or does not read.
ReportData read_results_folder(const std::filesystem::path& folder);
// The text of one file of a results folder (replications.csv, psa.csv); empty if there is no
// such file. Throws std::runtime_error, naming the file, as read_results_folder does.
std::string read_results_file(const std::filesystem::path& path);

}  // namespace followsim::output
