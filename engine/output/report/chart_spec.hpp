// What the report's Vega-Lite charts share: the spec's frame, one colour per arm across every
// chart, and reading a metric of an arm off the summary.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

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
// NaN (a missing value) as null.
nlohmann::ordered_json number_or_null(double x);

}  // namespace followsim::output
