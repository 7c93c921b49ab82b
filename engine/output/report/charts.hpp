// The report's charts, one family a file: a run's (run_charts.cpp), the cost-effectiveness
// charts of a PSA or a run (psa_charts.cpp), a sweep's (sweep_charts.cpp), an optimisation's
// (optimise_charts.cpp) and the comparison of results folders (compare_charts.cpp). Each reads the
// typed report input, never CSV text.
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "engine/output/compare_table.hpp"
#include "engine/output/number_format.hpp"
#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// run_charts.cpp
nlohmann::ordered_json states_chart(const std::vector<ArmMonths>& months, Lang lang);
nlohmann::ordered_json placement_chart(const std::vector<ArmMonths>& months,
                                       const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json cost_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json accounts_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json npv_chart(const nlohmann::ordered_json& summary, Lang lang);

// psa_charts.cpp
nlohmann::ordered_json plane_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json ceac_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json evppi_chart(const nlohmann::ordered_json& summary, Lang lang);

// sweep_charts.cpp
nlohmann::ordered_json tornado_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json sweep_chart(const nlohmann::ordered_json& summary, const SweepTable& sweep,
                                   Lang lang);

// optimise_charts.cpp: the objective over the split, and how the best split spends the budget.
nlohmann::ordered_json optimise_chart(const nlohmann::ordered_json& summary, Lang lang);
nlohmann::ordered_json optimise_split_chart(const nlohmann::ordered_json& summary, Lang lang);

// compare_charts.cpp: NPV and placement rate per arm and results folder, and the differences
// against the first folder with their intervals.
nlohmann::ordered_json compare_npv_chart(const std::vector<LabelledResults>& results, Lang lang);
nlohmann::ordered_json compare_placement_chart(const std::vector<LabelledResults>& results,
                                               Lang lang);
nlohmann::ordered_json compare_difference_chart(const std::vector<FolderComparison>& comparisons,
                                                Lang lang);

}  // namespace followsim::output
