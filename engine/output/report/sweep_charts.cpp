// The charts of a sweep: the tornado of the NPV difference between two arms, and the one-way
// curves or, for a two-parameter grid, the surface.
#include <fmt/core.h>

#include <algorithm>

#include "engine/experiment/metrics.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json tornado_chart(const ordered_json& summary) {
    const auto& tornado = summary.at("sweep").at("tornado");
    const double base = tornado.at("base_nok").get<double>();
    ordered_json values = ordered_json::array();
    for (const auto& bar : tornado.at("bars")) {
        const std::string label = bar.at("path").get<std::string>();
        values.push_back({{"parameter", label},
                          {"end", fmt::format("at {}", bar.at("from").get<double>())},
                          {"value", bar.at("npv_difference_at_from_nok")},
                          {"base", base}});
        values.push_back({{"parameter", label},
                          {"end", fmt::format("at {}", bar.at("to").get<double>())},
                          {"value", bar.at("npv_difference_at_to_nok")},
                          {"base", base}});
    }
    ordered_json spec = base_spec(
        "Tornado",
        fmt::format("socio-economic NPV of {} minus {}; each parameter at the ends of its range",
                    tornado.at("arm").get<std::string>(), tornado.at("versus").get<std::string>()));
    spec["width"] = 520;
    spec["height"] = {{"step", 28}};
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "bar"}, {"opacity", 0.8}};
    spec["encoding"] = {
        {"y", {{"field", "parameter"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
        {"x", {{"field", "value"}, {"type", "quantitative"}, {"title", "NPV difference, NOK"}}},
        {"x2", {{"field", "base"}}},
        {"color", {{"field", "end"}, {"type", "nominal"}, {"title", "value"}}},
        {"tooltip", ordered_json::array({{{"field", "parameter"}},
                                         {{"field", "end"}},
                                         {{"field", "value"}, {"format", ",.0f"}}})}};
    return spec;
}

ordered_json sweep_chart(const ordered_json& summary, const SweepTable& sweep) {
    const std::string arm = summary.at("sweep").at("tornado").at("arm").get<std::string>();
    const bool grid = summary.at("sweep").at("mode") == "grid" && sweep.variables.size() == 2;
    const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
    const auto arm_at = std::find(sweep.arms.begin(), sweep.arms.end(), arm);
    const auto a = static_cast<std::size_t>(arm_at - sweep.arms.begin());
    ordered_json values = ordered_json::array();
    for (const SweepRow& row : sweep.rows) {
        if (arm_at == sweep.arms.end() || row.point == 0) continue;  // 0: the scenario as is
        const ordered_json at_point = number_or_null(row.means[a][npv]);
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
        ordered_json spec = base_spec(
            "Sweep surface", fmt::format("socio-economic NPV of {} against the baseline arm", arm));
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
            {"color", {{"field", "npv"}, {"type", "quantitative"}, {"title", "NPV, NOK"}}},
            {"tooltip",
             ordered_json::array(
                 {{{"field", "x"}}, {{"field", "y"}}, {{"field", "npv"}, {"format", ",.0f"}}})}};
        return spec;
    }
    ordered_json spec = base_spec(
        "One-way sweeps",
        fmt::format("socio-economic NPV of {} against the baseline arm, one parameter at a time",
                    arm));
    spec["data"] = {{"values", values}};
    spec["facet"] = {{"column", {{"field", "parameter"}, {"type", "nominal"}, {"title", nullptr}}}};
    spec["resolve"] = {{"scale", {{"x", "independent"}}}};
    spec["spec"] = {{"width", 260},
                    {"height", 200},
                    {"mark", {{"type", "line"}, {"point", true}}},
                    {"encoding",
                     {{"x", {{"field", "value"}, {"type", "quantitative"}}},
                      {"y", {{"field", "npv"}, {"type", "quantitative"}, {"title", "NPV, NOK"}}}}}};
    return spec;
}

}  // namespace followsim::output
