// report.html: one self-contained page per results folder, with charts drawn by Vega-Lite. The
// page is built from the typed report input (report_data.hpp), whether the results are in
// memory (run, psa, sweep) or read back from a folder (followsim report DIR): the same page.
#pragma once

#include <string>
#include <vector>

#include "engine/output/compare_table.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// The Vega-Lite specs of the charts the results allow, by element id (in page order), in the
// report's language.
std::vector<Chart> report_charts(const ReportData& data);

std::string report_html(const ReportData& data);

// A page comparing several results folders (followsim compare): key figures side by side, the
// differences against the first folder with intervals, what differs between the scenarios, and
// charts of NPV, placement rate and the differences.
std::string compare_html(const std::vector<LabelledResults>& results,
                         const std::vector<FolderComparison>& comparisons, Lang lang);

}  // namespace followsim::output
