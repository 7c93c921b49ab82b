// The result files of a run (DESIGN.md, "Results contract"): summary.json, replications.csv,
// timeseries.csv. Each is built as text here; the caller writes them atomically.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

// A metric over samples as {mean, sd, ci95} (and interval95 over PSA draws); null where it is
// missing in every sample.
nlohmann::ordered_json metric_json(const experiment::MetricSummary& m);
// followsim_version and scenario: the head of every summary.json.
nlohmann::ordered_json summary_header(const scenario::Scenario& scenario);
// Per arm: target and every metric's mean, sd and ci95.
nlohmann::ordered_json arms_json(const scenario::Scenario& scenario,
                                 const std::vector<experiment::ArmSummary>& summaries);
// ",metric1,metric2,..." and ",value1,value2,...": metric columns of the CSV files.
std::string metrics_csv_header();
std::string metrics_csv_row(const std::vector<double>& values);
// Shortest text that reads back as the same double; empty for a missing value.
std::string csv_number(double x);
std::string csv_field(const std::string& text);

nlohmann::ordered_json summary_json(const scenario::Scenario& scenario,
                                    const experiment::RunResults& results);
// Every arm against every later arm, from samples [sample][arm][metric] (PSA draws:
// `over_draws`, each difference with its interval95 too).
nlohmann::ordered_json comparisons_json(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples,
    bool over_draws = false);
// Efficiency frontiers, CEAC and EVPI from samples [sample][arm][metric].
nlohmann::ordered_json cost_effectiveness_json(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples);
// Per arm, dimension and category: the subgroup metrics over replications.
nlohmann::ordered_json subgroups_json(const std::vector<experiment::ArmSummary>& arms);
// One row per replication x arm, one column per metric.
std::string replications_csv(const scenario::Scenario& scenario,
                             const experiment::RunResults& results);
// One row per arm x month: mean persons by state over replications, spending so far.
std::string timeseries_csv(const experiment::RunResults& results);

}  // namespace followsim::output
