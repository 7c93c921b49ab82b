// The charts of `followsim compare`: socio-economic NPV with its interval and placement rate,
// per arm and results folder.
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json compare_npv_chart(const std::vector<LabelledResults>& results) {
    ordered_json npv = ordered_json::array();
    for (const auto& [label, data] : results) {
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
    ordered_json spec =
        base_spec("Socio-economic NPV per arm and results folder", "with its 95 % interval");
    spec["data"] = {{"values", npv}};
    spec["width"] = 480;
    spec["height"] = {{"step", 22}};
    spec["transform"] =
        ordered_json::array({{{"calculate", "datum.results + ' / ' + datum.arm"}, {"as", "row"}}});
    spec["layer"] = interval_layers({{"field", "row"}, {"type", "nominal"}, {"title", nullptr}}, 70,
                                    {{"color", {{"field", "results"}, {"type", "nominal"}}}});
    return spec;
}

ordered_json compare_placement_chart(const std::vector<LabelledResults>& results) {
    ordered_json placement = ordered_json::array();
    for (const auto& [label, data] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            if (const ordered_json* m = metric(data.summary, arm, "placement_rate")) {
                placement.push_back({{"results", label}, {"arm", arm}, {"rate", m->at("mean")}});
            }
        }
    }
    ordered_json spec =
        base_spec("Placement rate per arm and results folder", "mean over replications");
    spec["data"] = {{"values", placement}};
    spec["width"] = 480;
    spec["height"] = 240;
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {
        {"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}},
        {"xOffset", {{"field", "results"}}},
        {"y", {{"field", "rate"}, {"type", "quantitative"}, {"axis", {{"format", "%"}}}}},
        {"color", {{"field", "results"}, {"type", "nominal"}}}};
    return spec;
}

}  // namespace followsim::output
