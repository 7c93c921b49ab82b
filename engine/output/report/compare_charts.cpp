// The charts of `followsim compare`: socio-economic NPV with its interval and placement rate,
// per arm and results folder.
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json compare_npv_chart(const std::vector<LabelledResults>& results, Lang lang) {
    ordered_json npv = ordered_json::array();
    for (const auto& [label, data, samples_csv] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            if (const ordered_json* m = metric(data.summary, arm, "npv_socioeconomic_nok")) {
                npv.push_back({{"results", label},
                               {"arm", arm},
                               {"mean", m->at("mean")},
                               {"low", m->at("ci95").at(0)},
                               {"high", m->at("ci95").at(1)}});
            }
        }
    }
    ordered_json spec = base_spec(std::string(text("chart.compare_npv", lang)),
                                  std::string(text("chart.compare_npv_sub", lang)));
    spec["data"] = {{"values", npv}};
    spec["width"] = 480;
    spec["height"] = {{"step", 22}};
    spec["transform"] =
        ordered_json::array({{{"calculate", "datum.results + ' / ' + datum.arm"}, {"as", "row"}}});
    spec["layer"] = interval_layers({{"field", "row"}, {"type", "nominal"}, {"title", nullptr}}, 70,
                                    {{"color",
                                      {{"field", "results"},
                                       {"type", "nominal"},
                                       {"title", nullptr},
                                       {"legend", {{"orient", "bottom"}}}}}},
                                    lang);
    return spec;
}

ordered_json compare_placement_chart(const std::vector<LabelledResults>& results, Lang lang) {
    ordered_json placement = ordered_json::array();
    for (const auto& [label, data, samples_csv] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            if (const ordered_json* m = metric(data.summary, arm, "placement_rate")) {
                placement.push_back({{"results", label}, {"arm", arm}, {"rate", m->at("mean")}});
            }
        }
    }
    ordered_json spec = base_spec(std::string(text("chart.compare_placement", lang)),
                                  std::string(text("chart.compare_placement_sub", lang)));
    spec["data"] = {{"values", placement}};
    spec["width"] = 480;
    spec["height"] = 240;
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {{"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}},
                        {"xOffset", {{"field", "results"}}},
                        {"y",
                         {{"field", "rate"},
                          {"type", "quantitative"},
                          {"title", text("placement_rate", lang)},
                          {"axis", {{"format", "%"}}}}},
                        {"color",
                         {{"field", "results"},
                          {"type", "nominal"},
                          {"title", nullptr},
                          {"legend", {{"orient", "bottom"}}}}}};
    return spec;
}

ordered_json compare_difference_chart(const std::vector<FolderComparison>& comparisons, Lang lang) {
    ordered_json values = ordered_json::array();
    for (const FolderComparison& c : comparisons) {
        for (const MetricDifference& d : c.differences) {
            if (d.metric != "npv_socioeconomic_nok") continue;
            values.push_back({{"row", c.label + " − " + c.versus + ": " + d.arm},
                              {"mean", d.mean},
                              {"low", d.low},
                              {"high", d.high}});
        }
    }
    ordered_json spec = base_spec(std::string(text("chart.compare_difference", lang)),
                                  std::string(text("chart.compare_difference_sub", lang)));
    spec["data"] = {{"values", values}};
    spec["width"] = 480;
    spec["height"] = {{"step", 26}};
    spec["layer"] = interval_layers({{"field", "row"}, {"type", "nominal"}, {"title", nullptr}}, 70,
                                    ordered_json::object(), lang);
    spec["layer"].push_back(
        {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "gray"}}},
         {"encoding", {{"x", {{"datum", 0}, {"type", "quantitative"}}}}}});
    return spec;
}

}  // namespace followsim::output
