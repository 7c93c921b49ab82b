// The end-of-run table for the terminal, at most 100 columns wide: the verdict's arms, each
// key metric's mean and its 95 % interval (of the mean over replications; of the draws in a
// PSA), arms side by side when they fit, else one block per arm; then the pairs of arms.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/experiment/replication_runner.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

inline constexpr std::size_t kTerminalColumns = 100;

// `title` heads the table; `arms` are the summaries to show; `samples` ([sample][arm][metric],
// replications or PSA draws: `over_draws`) give the pairwise comparisons below the table.
std::string arm_table(const scenario::Scenario& scenario, const std::string& title,
                      const std::vector<experiment::ArmSummary>& arms,
                      const std::vector<std::vector<std::vector<double>>>& samples, Lang lang,
                      bool over_draws);
// A metric's value as the terminal tables show it (English).
std::string format_metric_value(std::string_view metric, double x);
// Rows as aligned columns, two spaces apart: the first left-aligned, the others right-aligned;
// with `rule`, a line of dashes under the first row. Widths count characters, not bytes.
std::string aligned_columns(const std::vector<std::vector<std::string>>& rows, bool rule);
// As aligned_columns with a rule, split into several tables of the first column and as many
// of the others as fit in 100 columns.
std::string fitted_columns(const std::vector<std::vector<std::string>>& rows);
// Text folded at spaces into lines of at most `width` columns.
std::string wrap_text(const std::string& text, std::size_t width = kTerminalColumns);

}  // namespace followsim::output
