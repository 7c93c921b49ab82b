// The page around the charts: one self-contained HTML file with vega, vega-lite and
// vega-embed inlined from the binary (it opens offline), and the tables of key figures.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/output/number_format.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/report_data.hpp"

namespace followsim::output {

// The page: the header, the body's sections, the charts' section (`charts_note`: why a chart
// is left out), then `tail_html` (the scenario as run) before the script that draws them.
std::string report_page(const std::string& title, Lang lang, const std::string& header_html,
                        const std::string& body_html, const std::vector<Chart>& charts,
                        const std::string& charts_note = "", const std::string& tail_html = "");

// Key metrics per arm, each mean with its 95 % interval (of the mean over replications; of
// the draws in a PSA), and the pairwise comparisons.
std::string key_figures_table(const nlohmann::ordered_json& summary, Lang lang);
// The placement rate by subgroup (cohort, need group, age band, benefit kind) per arm, with
// the persons in each; empty without subgroups.
std::string subgroups_table(const nlohmann::ordered_json& summary, Lang lang);
// The efficiency frontier and the EVPI, with what the probabilities rest on.
std::string cost_effectiveness_html(const nlohmann::ordered_json& summary, Lang lang);
// Key metrics of several results folders: a row per folder and arm.
std::string compare_figures_table(const std::vector<LabelledResults>& results, Lang lang);

}  // namespace followsim::output
