#include "engine/output/report/chart_spec.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/output/labels.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json base_spec(const std::string& title, const std::string& description) {
    return {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
            {"title", {{"text", title}, {"subtitle", description}, {"anchor", "start"}}},
            // Labels are never cut short with an ellipsis: the charts leave them room instead.
            {"config",
             {{"view", {{"stroke", nullptr}}},
              {"font", "system-ui, sans-serif"},
              {"axis", {{"labelLimit", 1000}}},
              {"legend", {{"labelLimit", 1000}, {"titleLimit", 1000}}},
              {"header", {{"labelLimit", 1000}}}}}};
}

std::vector<std::string> arm_names(const ordered_json& summary) {
    std::vector<std::string> names;
    for (const auto& [name, _] : summary.at("arms").items()) names.push_back(name);
    return names;
}

ordered_json arm_color(const ordered_json& summary) {
    return {{"field", "arm"},
            {"type", "nominal"},
            {"title", nullptr},
            {"scale", {{"domain", arm_names(summary)}}}};
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

ordered_json nok_axis(Lang lang) {
    const bool nb = lang == Lang::nb;
    return {{"labelOverlap", true},
            {"labelExpr",
             fmt::format("abs(datum.value) >= 1e9 ? format(datum.value / 1e9, ',.1~f') + '{}' : "
                         "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, ',.1~f') + '{}' : "
                         "abs(datum.value) >= 1e4 ? format(datum.value / 1e3, ',.0f') + ' k' : "
                         "format(datum.value, ',.0f')",
                         nb ? " mrd." : " bn", nb ? " mill." : " M")}};
}

ordered_json interval_layers(const ordered_json& y, int point_size,
                             const ordered_json& point_encoding, Lang lang) {
    ordered_json point = {{"y", y}, {"x", {{"field", "mean"}, {"type", "quantitative"}}}};
    for (const auto& [key, value] : point_encoding.items()) point[key] = value;
    return ordered_json::array(
        {{{"mark", {{"type", "rule"}, {"size", 3}}},
          {"encoding",
           {{"y", y},
            {"x",
             {{"field", "low"},
              {"type", "quantitative"},
              {"title", "NOK"},
              {"axis", nok_axis(lang)},
              {"scale", {{"zero", true}, {"nice", true}, {"padding", 20}}}}},
            {"x2", {{"field", "high"}}}}}},
         // The ends of the interval as ticks: visible however narrow it is.
         {{"mark", {{"type", "tick"}, {"thickness", 2}, {"size", 14}}},
          {"encoding", {{"y", y}, {"x", {{"field", "low"}, {"type", "quantitative"}}}}}},
         {{"mark", {{"type", "tick"}, {"thickness", 2}, {"size", 14}}},
          {"encoding", {{"y", y}, {"x", {{"field", "high"}, {"type", "quantitative"}}}}}},
         {{"mark", {{"type", "point"}, {"filled", true}, {"size", point_size}}},
          {"encoding", std::move(point)}}});
}

ordered_json nok_bars(ordered_json spec, const ordered_json& summary,
                      const std::vector<std::string>& metrics, const std::string& part,
                      bool stacked, Lang lang) {
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        for (const auto& name : metrics) {
            if (!stacked && !metric(summary, arm, name)) continue;
            values.push_back({{"arm", arm},
                              {part, std::string(text(name, lang))},
                              {"nok", metric_mean(summary, arm, name)}});
        }
    }
    spec["width"] = 420;
    spec["height"] = 260;
    spec["data"] = {{"values", std::move(values)}};
    spec["mark"] = {{"type", "bar"}};
    ordered_json encoding = {{"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}}};
    if (!stacked) encoding["xOffset"] = {{"field", part}};
    ordered_json y = {{"field", "nok"}, {"type", "quantitative"}};
    if (stacked) y["stack"] = "zero";
    y["title"] = "NOK";
    y["axis"] = nok_axis(lang);
    encoding["y"] = std::move(y);
    encoding["color"] = {{"field", part},
                         {"type", "nominal"},
                         {"title", nullptr},
                         {"sort", nullptr},
                         {"legend", {{"orient", "bottom"}, {"columns", 2}}}};
    encoding["tooltip"] = ordered_json::array(
        {{{"field", "arm"}}, {{"field", part}}, {{"field", "nok"}, {"format", ",.0f"}}});
    spec["encoding"] = std::move(encoding);
    return spec;
}

ordered_json number_or_null(double x) {
    return std::isnan(x) ? ordered_json(nullptr) : ordered_json(x);
}

}  // namespace followsim::output
