#include "engine/output/report/chart_spec.hpp"

#include <cmath>

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json base_spec(const std::string& title, const std::string& description) {
    return {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
            {"title", {{"text", title}, {"subtitle", description}, {"anchor", "start"}}},
            {"config", {{"view", {{"stroke", nullptr}}}, {"font", "system-ui, sans-serif"}}}};
}

std::vector<std::string> arm_names(const ordered_json& summary) {
    std::vector<std::string> names;
    for (const auto& [name, _] : summary.at("arms").items()) names.push_back(name);
    return names;
}

ordered_json arm_color(const ordered_json& summary) {
    return {{"field", "arm"}, {"type", "nominal"}, {"scale", {{"domain", arm_names(summary)}}}};
}

const ordered_json* metric(const ordered_json& summary, const std::string& arm,
                           const std::string& name) {
    const auto& arms = summary.at("arms");
    if (!arms.contains(arm)) return nullptr;
    const auto& metrics = arms.at(arm).at("metrics");
    if (!metrics.contains(name) || metrics.at(name).is_null()) return nullptr;
    return &metrics.at(name);
}

double metric_mean(const ordered_json& summary, const std::string& arm, const std::string& name) {
    const ordered_json* m = metric(summary, arm, name);
    return m ? m->at("mean").get<double>() : 0.0;
}

ordered_json number_or_null(double x) {
    return std::isnan(x) ? ordered_json(nullptr) : ordered_json(x);
}

}  // namespace followsim::output
