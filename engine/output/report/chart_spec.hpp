// What the report's Vega-Lite charts share: the spec's frame, one colour per arm across every
// chart, and reading a metric of an arm off the summary.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "engine/output/number_format.hpp"

namespace followsim::output {

// A chart of the page: its element id and its Vega-Lite spec.
using Chart = std::pair<std::string, nlohmann::ordered_json>;

// $schema, title with subtitle, and the common config.
nlohmann::ordered_json base_spec(const std::string& title, const std::string& description);
// The arms of a summary, in the scenario's order.
std::vector<std::string> arm_names(const nlohmann::ordered_json& summary);
// Every chart colours an arm the same way: the domain is the scenario's arms, in order.
nlohmann::ordered_json arm_color(const nlohmann::ordered_json& summary);
// A metric's {mean, sd, ci95} of an arm; nullptr where the arm or the value is missing.
const nlohmann::ordered_json* metric(const nlohmann::ordered_json& summary, const std::string& arm,
                                     const std::string& name);
// A metric's mean, 0 where it is missing.
double metric_mean(const nlohmann::ordered_json& summary, const std::string& arm,
                   const std::string& name);
// An axis of NOK labelled as people read it: 120 M, 1.5 bn (nb: 120 mill., 1,5 mrd.).
nlohmann::ordered_json nok_axis(Lang lang);
// A mean with its interval, a row per `y`: a rule from low to high with ticks at its ends and
// a point at the mean; `point_encoding` adds to the point's encoding (a tooltip, a colour).
nlohmann::ordered_json interval_layers(const nlohmann::ordered_json& y, int point_size,
                                       const nlohmann::ordered_json& point_encoding, Lang lang);
// Bars of NOK per arm: the mean of each metric of `metrics`, labelled by the metric's name in
// `lang` in the field `part`. Stacked, a missing metric adds nothing; side by side, it has no
// bar.
nlohmann::ordered_json nok_bars(nlohmann::ordered_json spec, const nlohmann::ordered_json& summary,
                                const std::vector<std::string>& metrics, const std::string& part,
                                bool stacked, Lang lang);
// NaN (a missing value) as null.
nlohmann::ordered_json number_or_null(double x);

}  // namespace followsim::output
