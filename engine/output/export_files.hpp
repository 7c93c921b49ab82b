// Files for planners in every results folder: key_figures.csv (the key metrics per arm with
// both intervals, plain numbers) and results.xlsx (libxlsxwriter: the decision, key figures,
// every metric of every arm, the comparisons and, for a run, the time series), both from the
// same typed report input as report.html.
#pragma once

#include <string>

#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// The metrics key_figures.csv and the report's key figures list, in order.
const std::vector<std::string>& key_metrics();

std::string key_figures_csv(const ReportData& data);
// The workbook's bytes; throws std::runtime_error if libxlsxwriter fails.
std::string results_xlsx(const ReportData& data);

}  // namespace followsim::output
