// report.html: one self-contained page per results folder, with charts drawn by Vega-Lite
// (vega, vega-lite and vega-embed inlined from the binary: it opens offline, with no network).
// The page is built from the result files alone (summary.json, timeseries.csv, sweep.csv,
// scenario.yaml), so `followsim report DIR` rebuilds it exactly as run, psa and sweep wrote it.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace followsim::output {

struct ReportInputs {
    nlohmann::ordered_json summary;  // summary.json
    std::string timeseries_csv;      // run: persons by state by month
    std::string sweep_csv;           // sweep: metric means by point
    std::string scenario_yaml;       // the scenario as run (after --set)
};

// Reads the result files of a folder; throws std::runtime_error if summary.json is missing.
ReportInputs read_results_folder(const std::filesystem::path& folder);

// The Vega-Lite specs of the charts the results allow, by element id (in page order).
std::vector<std::pair<std::string, nlohmann::ordered_json>> report_charts(
    const ReportInputs& inputs);

std::string report_html(const ReportInputs& inputs);

// A page comparing several results folders (followsim compare): key figures side by side and
// charts of NPV and placement rate per arm and folder.
std::string compare_html(const std::vector<std::string>& labels,
                         const std::vector<nlohmann::ordered_json>& summaries);

}  // namespace followsim::output
