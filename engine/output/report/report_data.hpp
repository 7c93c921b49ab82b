// The typed input of report.html: the summary and the tables the charts read, as numbers. It
// is built from results in memory (run, psa, sweep) or read back from a results folder
// (followsim report DIR, results_folder_reader.hpp): both give the same page.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/model/state_fields.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

// One arm's state at the start of every month, means over replications.
struct ArmMonths {
    std::string arm;
    std::vector<model::MonthSnapshot> months;  // [month]
};

// One point of a sweep: the swept values and every arm's metric means there.
struct SweepRow {
    std::size_t point = 0;                      // 0: the scenario as it is
    std::vector<std::optional<double>> values;  // per variable; nullopt: the scenario's value
    std::vector<std::vector<double>> means;     // [arm][metric], metrics as arm_metrics()
};

struct SweepTable {
    std::vector<std::string> variables;  // key paths, in --vary order
    std::vector<std::string> arms;
    std::vector<SweepRow> rows;  // by point
};

struct ReportData {
    nlohmann::ordered_json summary;   // summary.json, the contract: the key figures read it
    std::vector<ArmMonths> months;    // run: persons by state over time; empty otherwise
    std::optional<SweepTable> sweep;  // sweep: metric means by point
    std::string scenario_yaml;        // the scenario as run (after --set)
    Lang lang = Lang::en;             // of the report's words (summary.json keys stay English)
};

// A results folder in `followsim compare`: its label and what it holds.
struct LabelledResults {
    std::string label;
    ReportData data;
    std::string samples_csv;  // replications.csv or psa.csv: pairs the samples of two folders
};

// Share of the persons arrived so far who have been placed (0 before anyone arrives): the
// placement curve, and timeseries.csv's placement_rate column.
double placed_share(const model::StateValues& state);

// The report of a psa, or of any results without tables: the summary and the scenario.
ReportData report_data(const scenario::Scenario& scenario, nlohmann::ordered_json summary);
ReportData run_report_data(const scenario::Scenario& scenario,
                           const experiment::RunResults& results, nlohmann::ordered_json summary);
ReportData sweep_report_data(const scenario::Scenario& scenario,
                             const experiment::SweepResults& results,
                             nlohmann::ordered_json summary);

}  // namespace followsim::output
