// The result files of a run (DESIGN.md, "Results contract"): summary.json, replications.csv,
// timeseries.csv. Each is built as text here; the caller writes them atomically.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

nlohmann::ordered_json summary_json(const scenario::Scenario& scenario,
                                    const experiment::RunResults& results);
// Every arm against every later arm, from samples [sample][arm][metric].
nlohmann::ordered_json comparisons_json(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples);
// Efficiency frontiers, CEAC and EVPI from samples [sample][arm][metric].
nlohmann::ordered_json cost_effectiveness_json(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples);
// One row per replication x arm, one column per metric.
std::string replications_csv(const scenario::Scenario& scenario,
                             const experiment::RunResults& results);
// One row per arm x month: mean persons by state over replications, spending so far.
std::string timeseries_csv(const experiment::RunResults& results);

}  // namespace followsim::output
