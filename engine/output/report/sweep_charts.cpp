// The charts of a sweep: the tornado of the NPV difference between two arms, and the one-way
// curves or, for a two-parameter grid, the surface.
#include <fmt/core.h>

#include <algorithm>

#include "engine/experiment/metrics.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json tornado_chart(const ordered_json& summary, Lang lang) {
    const auto& tornado = summary.at("sweep").at("tornado");
    const double base = tornado.at("base_nok").get<double>();
    ordered_json values = ordered_json::array();
    for (const auto& bar : tornado.at("bars")) {
        const std::string label = bar.at("path").get<std::string>();
        values.push_back({{"parameter", label},
                          {"end", say("chart.at_from", lang)},
                          {"at", scenario::short_number(bar.at("from").get<double>())},
                          {"value", bar.at("npv_difference_at_from_nok")},
                          {"base", base}});
        values.push_back({{"parameter", label},
                          {"end", say("chart.at_to", lang)},
                          {"at", scenario::short_number(bar.at("to").get<double>())},
                          {"value", bar.at("npv_difference_at_to_nok")},
                          {"base", base}});
    }
    ordered_json spec =
        base_spec(std::string(text("chart.tornado", lang)),
                  say("chart.tornado_sub", lang, tornado.at("arm").get<std::string>(),
                      tornado.at("versus").get<std::string>()));
    spec["width"] = 440;
    spec["height"] = {{"step", 28}};
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "bar"}, {"opacity", 0.8}};
    spec["encoding"] = {
        {"y", {{"field", "parameter"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
        {"x",
         {{"field", "value"},
          {"type", "quantitative"},
          {"title", text("chart.npv_difference", lang)},
          {"axis", nok_axis(lang)}}},
        {"x2", {{"field", "base"}}},
        {"color",
         {{"field", "end"},
          {"type", "nominal"},
          {"title", nullptr},
          {"legend", {{"orient", "bottom"}}}}},
        {"tooltip", ordered_json::array({{{"field", "parameter"}},
                                         {{"field", "end"}},
                                         {{"field", "at"}},
                                         {{"field", "value"}, {"format", ",.0f"}}})}};
    return spec;
}

ordered_json sweep_chart(const ordered_json& summary, const SweepTable& sweep, Lang lang) {
    // The same difference as the tornado: the arm's socio-economic value minus the other's.
    const auto& tornado = summary.at("sweep").at("tornado");
    const std::string arm = tornado.at("arm").get<std::string>();
    const std::string versus = tornado.at("versus").get<std::string>();
    const bool grid = summary.at("sweep").at("mode") == "grid" && sweep.variables.size() == 2;
    const std::size_t value = experiment::metric_index("socioeconomic_value_nok");
    const auto arm_at = std::find(sweep.arms.begin(), sweep.arms.end(), arm);
    const auto versus_at = std::find(sweep.arms.begin(), sweep.arms.end(), versus);
    const auto a = static_cast<std::size_t>(arm_at - sweep.arms.begin());
    const auto b = static_cast<std::size_t>(versus_at - sweep.arms.begin());
    ordered_json values = ordered_json::array();
    for (const SweepRow& row : sweep.rows) {
        // Point 0 is the scenario as is.
        if (arm_at == sweep.arms.end() || versus_at == sweep.arms.end() || row.point == 0) continue;
        const ordered_json at_point = number_or_null(row.means[a][value] - row.means[b][value]);
        if (grid) {
            values.push_back(
                {{"x", row.values[0].value()}, {"y", row.values[1].value()}, {"npv", at_point}});
            continue;
        }
        for (std::size_t v = 0; v < sweep.variables.size(); ++v) {
            if (row.values[v]) {
                values.push_back({{"parameter", sweep.variables[v]},
                                  {"value", *row.values[v]},
                                  {"npv", at_point}});
            }
        }
    }
    if (grid) {
        ordered_json spec = base_spec(std::string(text("chart.surface", lang)),
                                      say("chart.tornado_sub", lang, arm, versus));
        spec["width"] = 420;
        spec["height"] = 300;
        spec["data"] = {{"values", values}};
        spec["mark"] = {{"type", "rect"}};
        spec["encoding"] = {
            {"x", {{"field", "x"}, {"type", "ordinal"}, {"title", sweep.variables[0]}}},
            {"y",
             {{"field", "y"},
              {"type", "ordinal"},
              {"title", sweep.variables[1]},
              {"sort", "descending"}}},
            {"color",
             {{"field", "npv"},
              {"type", "quantitative"},
              {"title", text("chart.npv_difference", lang)},
              {"legend", nok_axis(lang)}}},
            {"tooltip",
             ordered_json::array(
                 {{{"field", "x"}}, {{"field", "y"}}, {{"field", "npv"}, {"format", ",.0f"}}})}};
        return spec;
    }
    ordered_json spec = base_spec(std::string(text("chart.one_way", lang)),
                                  say("chart.tornado_sub", lang, arm, versus));
    spec["data"] = {{"values", values}};
    spec["facet"] = {{"field", "parameter"}, {"type", "nominal"}, {"title", nullptr}};
    spec["columns"] = 2;
    spec["resolve"] = {{"scale", {{"x", "independent"}}}};
    spec["spec"] = {
        {"width", 300},
        {"height", 180},
        {"layer", ordered_json::array(
                      {{{"mark", {{"type", "line"}, {"point", true}}},
                        {"encoding",
                         {{"x", {{"field", "value"}, {"type", "quantitative"}, {"title", nullptr}}},
                          {"y",
                           {{"field", "npv"},
                            {"type", "quantitative"},
                            {"title", text("chart.npv_difference", lang)},
                            {"axis", nok_axis(lang)}}}}}},
                       // Zero: where the two arms change places.
                       {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "gray"}}},
                        {"encoding", {{"y", {{"datum", 0}, {"type", "quantitative"}}}}}}})}};
    return spec;
}

}  // namespace followsim::output
