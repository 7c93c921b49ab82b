// The end-of-run table for the terminal: arms side by side, each metric's mean and its 95 %
// interval over replications.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

// `title` heads the table; `arms` are the summaries to show; `samples` ([sample][arm][metric],
// replications or draws) give the pairwise comparisons below the table.
std::string arm_table(const scenario::Scenario& scenario, const std::string& title,
                      const std::vector<experiment::ArmSummary>& arms,
                      const std::vector<std::vector<std::vector<double>>>& samples);
// 1234567.8 -> "1,234,568"
std::string with_thousands(double value);
// A metric's value as the terminal tables show it: NOK with thousands, rates to 0.001.
std::string format_metric_value(std::string_view metric, double x);
// Rows as aligned columns, two spaces apart: the first left-aligned, the others right-aligned;
// with `rule`, a line of dashes under the first row.
std::string aligned_columns(const std::vector<std::vector<std::string>>& rows, bool rule);

}  // namespace followsim::output
