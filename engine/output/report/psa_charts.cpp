// The cost-effectiveness charts: the plane of a PSA's draws against the baseline arm, the
// acceptability curve (CEAC) of a PSA or a run, and a PSA's EVPPI.
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

// A line per arm or parameter over the CEAC's willingness-to-pay grid (field "wtp").
ordered_json wtp_lines(const std::string& title, const std::string& description,
                       ordered_json values, ordered_json y, ordered_json color, Lang lang) {
    ordered_json spec = base_spec(title, description);
    spec["width"] = 420;
    spec["height"] = 260;
    spec["data"] = {{"values", std::move(values)}};
    spec["mark"] = {{"type", "line"}};
    spec["encoding"] = {{"x",
                         {{"field", "wtp"},
                          {"type", "quantitative"},
                          {"title", text("chart.wtp", lang)},
                          {"axis", nok_axis(lang)}}},
                        {"y", std::move(y)},
                        {"color", std::move(color)}};
    return spec;
}

}  // namespace

ordered_json ceac_chart(const ordered_json& summary, Lang lang) {
    const auto& ce = summary.at("cost_effectiveness");
    const auto& wtp = ce.at("ceac").at("wtp_nok_per_placement");
    ordered_json values = ordered_json::array();
    for (const auto& [arm, probabilities] : ce.at("ceac").at("probability_best").items()) {
        for (std::size_t i = 0; i < wtp.size(); ++i) {
            values.push_back(
                {{"wtp", wtp.at(i)}, {"arm", arm}, {"probability", probabilities.at(i)}});
        }
    }
    // Over a run's replications the probabilities count simulation noise only; over a PSA's
    // draws, the uncertain parameters: the subtitle says which.
    return wtp_lines(
        std::string(text("chart.ceac", lang)),
        std::string(
            text(summary.contains("psa") ? "chart.ceac_sub_psa" : "chart.ceac_sub_run", lang)),
        std::move(values),
        {{"field", "probability"},
         {"type", "quantitative"},
         {"title", text("chart.probability_best", lang)},
         {"axis", {{"format", "%"}}},
         {"scale", {{"domain", {0, 1}}}}},
        arm_color(summary), lang);
}

ordered_json evppi_chart(const ordered_json& summary, Lang lang) {
    const auto& evppi = summary.at("cost_effectiveness").at("evppi");
    const auto& wtp = evppi.at("wtp_nok_per_placement");
    ordered_json values = ordered_json::array();
    auto add = [&](const std::string& kind, const std::string& name, const ordered_json& nok) {
        for (std::size_t i = 0; i < wtp.size(); ++i) {
            values.push_back(
                {{"wtp", wtp.at(i)}, {"kind", kind}, {"of", name}, {"nok", nok.at(i)}});
        }
    };
    // The EVPI first: every curve lies under it.
    const std::string all(text("chart.evppi_all", lang)), group(text("chart.evppi_group", lang)),
        parameter(text("chart.evppi_parameter", lang));
    add(all, "EVPI", evppi.at("evpi_nok"));
    for (const auto& [name, nok] : evppi.at("groups").items()) add(group, name, nok);
    for (const auto& [path, nok] : evppi.at("parameters").items()) add(parameter, path, nok);
    ordered_json spec = wtp_lines(
        std::string(text("chart.evppi", lang)), std::string(text("chart.evppi_sub", lang)),
        std::move(values),
        {{"field", "nok"}, {"type", "quantitative"}, {"title", "NOK"}, {"axis", nok_axis(lang)}},
        {{"field", "of"},
         {"type", "nominal"},
         {"sort", nullptr},
         {"title", nullptr},
         {"legend", {{"orient", "bottom"}, {"columns", 1}}}},
        lang);
    spec["encoding"]["strokeDash"] = {{"field", "kind"}, {"type", "nominal"}, {"title", nullptr}};
    spec["encoding"]["tooltip"] = ordered_json::array({{{"field", "of"}},
                                                       {{"field", "wtp"}, {"format", ",.0f"}},
                                                       {{"field", "nok"}, {"format", ",.0f"}}});
    return spec;
}

ordered_json plane_chart(const ordered_json& summary, Lang lang) {
    ordered_json values = ordered_json::array();
    for (const auto& [arm, points] : summary.at("psa").at("plane").items()) {
        for (const auto& p : points) {
            values.push_back({{"arm", arm},
                              {"delta_placed", p.at("delta_placed")},
                              {"delta_cost", p.at("delta_cost_nok")}});
        }
    }
    const std::string versus = summary.at("psa").at("versus").is_null()
                                   ? "baseline"
                                   : summary.at("psa").at("versus").get<std::string>();
    ordered_json spec =
        base_spec(std::string(text("chart.plane", lang)), say("chart.plane_sub", lang, versus));
    spec["width"] = 420;
    spec["height"] = 300;
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "point"}, {"opacity", 0.5}, {"size", 16}};
    spec["encoding"] = {{"x",
                         {{"field", "delta_placed"},
                          {"type", "quantitative"},
                          {"title", text("chart.extra_placed", lang)}}},
                        {"y",
                         {{"field", "delta_cost"},
                          {"type", "quantitative"},
                          {"title", text("chart.extra_cost", lang)},
                          {"axis", nok_axis(lang)}}},
                        {"color", arm_color(summary)}};
    return spec;
}

}  // namespace followsim::output
