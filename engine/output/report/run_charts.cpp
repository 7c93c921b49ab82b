// The charts of a run: persons by state over time, cumulative placement against the target,
// and, for a PSA too, the cost breakdown, the three accounts and the NPV per arm.
#include <fmt/core.h>

#include <algorithm>

#include "engine/model/state_fields.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json states_chart(const std::vector<ArmMonths>& months, Lang lang) {
    // The person states of the monitor's list: they stack to the persons who have arrived.
    std::vector<std::pair<model::StateField, std::string>> states;
    for (const auto& f : model::kStateFieldInfo) {
        if (f.person_state)
            states.emplace_back(f.field, lang == Lang::nb ? f.label_nb : f.label_en);
    }
    std::size_t last_month = 0;
    for (const ArmMonths& arm : months)
        last_month = std::max(last_month, arm.months.empty() ? 0 : arm.months.size() - 1);
    ordered_json values = ordered_json::array();
    for (const ArmMonths& arm : months) {
        for (std::size_t m = 0; m < arm.months.size(); ++m) {
            for (const auto& [field, label] : states) {
                values.push_back({{"arm", arm.arm},
                                  {"month", static_cast<double>(m)},
                                  {"state", label},
                                  {"persons", number_or_null(arm.months[m][field])}});
            }
        }
    }
    ordered_json spec = base_spec(std::string(text("chart.states", lang)),
                                  std::string(text("chart.states_sub", lang)));
    std::vector<std::string> order;
    for (const auto& s : states) order.push_back(s.second);
    spec["data"] = {{"values", values}};
    std::vector<std::string> arms;
    for (const ArmMonths& arm : months) arms.push_back(arm.arm);
    spec["facet"] = {
        {"row", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}, {"sort", arms}}}};
    spec["spec"] = {
        {"width", 560},
        {"height", 140},
        {"mark", {{"type", "area"}}},
        {"encoding",
         // The axis ends at the horizon's last month, not at a rounder number past it.
         {{"x",
           {{"field", "month"},
            {"type", "quantitative"},
            {"title", text("chart.month", lang)},
            {"scale", {{"domain", {0, last_month}}, {"nice", false}}}}},
          {"y",
           {{"field", "persons"},
            {"type", "quantitative"},
            {"stack", "zero"},
            {"title", text("persons", lang)}}},
          {"color",
           {{"field", "state"},
            {"type", "nominal"},
            {"sort", order},
            {"title", nullptr},
            {"scale", {{"domain", order}}}}},
          {"order", {{"field", "state_order"}, {"type", "quantitative"}}},
          {"tooltip", ordered_json::array({{{"field", "arm"}},
                                           {{"field", "month"}},
                                           {{"field", "state"}},
                                           {{"field", "persons"}, {"format", ".1f"}}})}}}};
    spec["transform"] = ordered_json::array(
        {{{"calculate", fmt::format("indexof({}, datum.state)", ordered_json(order).dump())},
          {"as", "state_order"}}});
    return spec;
}

ordered_json placement_chart(const std::vector<ArmMonths>& months, const ordered_json& summary,
                             Lang lang) {
    std::size_t last_month = 0;
    for (const ArmMonths& arm : months)
        last_month = std::max(last_month, arm.months.empty() ? 0 : arm.months.size() - 1);
    ordered_json curves = ordered_json::array();
    for (const ArmMonths& arm : months) {
        for (std::size_t m = 0; m < arm.months.size(); ++m) {
            curves.push_back({{"arm", arm.arm},
                              {"month", static_cast<double>(m)},
                              {"rate", number_or_null(placed_share(arm.months[m].state))}});
        }
    }
    ordered_json targets = ordered_json::array();
    for (const auto& [name, entry] : summary.at("arms").items()) {
        if (entry.contains("target")) {
            targets.push_back({{"arm", name}, {"target", entry.at("target").at("placement_rate")}});
        }
    }
    ordered_json spec = base_spec(std::string(text("chart.placement", lang)),
                                  std::string(text("chart.placement_sub", lang)));
    spec["width"] = 560;
    spec["height"] = 260;
    ordered_json layers = ordered_json::array();
    layers.push_back({{"data", {{"values", curves}}},
                      {"mark", {{"type", "line"}, {"point", false}}},
                      {"encoding",
                       {{"x",
                         {{"field", "month"},
                          {"type", "quantitative"},
                          {"title", text("chart.month", lang)},
                          {"scale", {{"domain", {0, last_month}}, {"nice", false}}}}},
                        {"y",
                         {{"field", "rate"},
                          {"type", "quantitative"},
                          {"axis", {{"format", "%"}}},
                          {"title", text("placement_rate", lang)},
                          {"scale", {{"domain", {0, 1}}}}}},
                        {"color", arm_color(summary)}}}});
    if (!targets.empty()) {
        layers.push_back({{"data", {{"values", targets}}},
                          {"mark", {{"type", "rule"}, {"strokeDash", {6, 4}}, {"size", 2}}},
                          {"encoding",
                           {{"y", {{"field", "target"}, {"type", "quantitative"}}},
                            {"color", arm_color(summary)}}}});
        layers.push_back(
            {{"data", {{"values", targets}}},
             {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"dy", -6}, {"x", 0}}},
             {"encoding",
              {{"y", {{"field", "target"}, {"type", "quantitative"}}},
               {"text", {{"field", "target"}, {"format", ".0%"}}}}}});
    }
    spec["layer"] = layers;
    return spec;
}

ordered_json cost_chart(const ordered_json& summary, Lang lang) {
    return nok_bars(base_spec(std::string(text("chart.costs", lang)),
                              std::string(text("chart.costs_sub", lang))),
                    summary,
                    {"cost_caseworker_time_nok", "cost_purchases_nok", "cost_result_fees_nok",
                     "cost_ordering_time_nok", "cost_training_nok"},
                    "component", true, lang);
}

ordered_json accounts_chart(const ordered_json& summary, Lang lang) {
    return nok_bars(base_spec(std::string(text("chart.accounts", lang)),
                              std::string(text("chart.accounts_sub", lang))),
                    summary, {"npv_socioeconomic_nok", "net_fiscal_nok", "budget_spent_nok"},
                    "account", false, lang);
}

ordered_json npv_chart(const ordered_json& summary, Lang lang) {
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        const ordered_json* m = metric(summary, arm, "npv_socioeconomic_nok");
        if (!m) continue;
        // A PSA shows the spread of its draws; a run the interval of its mean.
        const char* interval = m->contains("interval95") ? "interval95" : "ci95";
        values.push_back({{"arm", arm},
                          {"mean", m->at("mean")},
                          {"low", m->at(interval).at(0)},
                          {"high", m->at(interval).at(1)}});
    }
    ordered_json spec =
        base_spec(std::string(text("chart.npv", lang)),
                  std::string(text(
                      summary.contains("psa") ? "chart.npv_sub_draws" : "chart.npv_sub_ci", lang)));
    spec["width"] = 420;
    spec["height"] = {{"step", 40}};
    spec["data"] = {{"values", values}};
    spec["layer"] = interval_layers(
        {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}, 80,
        {{"tooltip", ordered_json::array({{{"field", "arm"}},
                                          {{"field", "mean"}, {"format", ",.0f"}},
                                          {{"field", "low"}, {"format", ",.0f"}},
                                          {{"field", "high"}, {"format", ",.0f"}}})}},
        lang);
    // Zero: no better than the baseline arm.
    const ordered_json zero = {{"x", {{"field", "zero"}, {"type", "quantitative"}}}};
    spec["layer"].push_back(
        {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "gray"}}},
         {"data", {{"values", ordered_json::array({{{"zero", 0}}})}}},
         {"encoding", zero}});
    return spec;
}

}  // namespace followsim::output
