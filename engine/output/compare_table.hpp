// followsim compare: several results folders side by side. Each later folder against the
// first: the difference of the key metrics per arm with a 95 % interval, and what differs
// between their scenarios (values by key path). Money of different price years is refused
// unless converted to one year with the consumer price index.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/output/number_format.hpp"
#include "engine/output/report/report_data.hpp"

namespace followsim::output {

struct MetricDifference {
    std::string arm;
    std::string metric;
    double mean = 0.0;  // this folder's mean minus the first folder's
    double low = 0.0;   // 95 % interval: of the paired differences where the folders share
    double high = 0.0;  // seed and samples (common random numbers), else Welch's (normal)
};

struct ScenarioChange {
    std::string path;
    std::string before;  // the first folder's value ("" where it has none)
    std::string after;
};

struct FolderComparison {
    std::string label;
    std::string versus;   // the first folder's label
    bool paired = false;  // sample by sample: the same seed and number of samples
    std::vector<MetricDifference> differences;
    std::vector<ScenarioChange> scenario;
};

// The metrics compare shows, in order.
const std::vector<std::string>& compared_metrics();

// Brings every folder's NOK to `price_year` (KPI), or checks that they share one; throws
// experiment::UsageError when they differ without a year to convert to, or a year is not in
// the KPI table.
void common_price_year(std::vector<LabelledResults>& results, std::optional<int> price_year);

// Each folder after the first against the first.
std::vector<FolderComparison> compare_folders(const std::vector<LabelledResults>& results);

// The values of two scenario texts that differ, by key path.
std::vector<ScenarioChange> scenario_diff(const std::string& before, const std::string& after);

// The terminal text: the folders' key figures (a row per folder and arm), the differences
// and the scenario diff, at most 100 columns wide.
std::string compare_table(const std::vector<LabelledResults>& results,
                          const std::vector<FolderComparison>& comparisons, Lang lang);

// comparison.json: the folders, their price year and every difference.
nlohmann::ordered_json comparison_json(const std::vector<LabelledResults>& results,
                                       const std::vector<FolderComparison>& comparisons);

}  // namespace followsim::output
