// The charts of a run: persons by state over time, cumulative placement against the target,
// and, for a PSA too, the cost breakdown, the three accounts and the NPV per arm.
#include <fmt/core.h>

#include "engine/model/state_fields.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json states_chart(const std::vector<ArmMonths>& months) {
    // The person states of the monitor's list: they stack to the persons who have arrived.
    std::vector<std::pair<model::StateField, std::string>> states;
    for (const auto& f : model::kStateFieldInfo) {
        if (f.person_state) states.emplace_back(f.field, f.label_en);
    }
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
    ordered_json spec =
        base_spec("Persons by state over time", "mean over replications, one panel per arm");
    std::vector<std::string> order;
    for (const auto& s : states) order.push_back(s.second);
    spec["data"] = {{"values", values}};
    spec["facet"] = {{"row", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}}};
    spec["spec"] = {
        {"width", 640},
        {"height", 160},
        {"mark", {{"type", "area"}}},
        {"encoding",
         {{"x", {{"field", "month"}, {"type", "quantitative"}, {"title", "month"}}},
          {"y",
           {{"field", "persons"},
            {"type", "quantitative"},
            {"stack", "zero"},
            {"title", "persons"}}},
          {"color",
           {{"field", "state"},
            {"type", "nominal"},
            {"sort", order},
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

ordered_json placement_chart(const std::vector<ArmMonths>& months, const ordered_json& summary) {
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
    ordered_json spec = base_spec("Cumulative placement",
                                  "share of persons placed so far; dashed: the scenario's target");
    spec["width"] = 640;
    spec["height"] = 280;
    ordered_json layers = ordered_json::array();
    layers.push_back({{"data", {{"values", curves}}},
                      {"mark", {{"type", "line"}, {"point", false}}},
                      {"encoding",
                       {{"x", {{"field", "month"}, {"type", "quantitative"}}},
                        {"y",
                         {{"field", "rate"},
                          {"type", "quantitative"},
                          {"axis", {{"format", "%"}}},
                          {"title", "placed"},
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

ordered_json cost_chart(const ordered_json& summary) {
    return nok_bars(base_spec("Programme costs per arm", "present value, NOK of the price year"),
                    summary,
                    {{"cost_caseworker_time_nok", "staff (caseworker time)"},
                     {"cost_purchases_nok", "purchases"},
                     {"cost_result_fees_nok", "result fees"},
                     {"cost_ordering_time_nok", "ordering time"},
                     {"cost_training_nok", "training"}},
                    "component", true);
}

ordered_json accounts_chart(const ordered_json& summary) {
    return nok_bars(
        base_spec(
            "The three accounts",
            "socio-economic and fiscal: present values against the baseline arm; budget: spent"),
        summary,
        {{"npv_socioeconomic_nok", "socio-economic NPV vs baseline"},
         {"net_fiscal_nok", "fiscal: net gain vs baseline"},
         {"budget_spent_nok", "purchase budget spent"}},
        "account", false);
}

ordered_json npv_chart(const ordered_json& summary) {
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        const ordered_json* m = metric(summary, arm, "npv_socioeconomic_nok");
        if (!m) continue;
        values.push_back({{"arm", arm},
                          {"mean", m->at("mean")},
                          {"low", m->at("ci95").at(0)},
                          {"high", m->at("ci95").at(1)}});
    }
    ordered_json spec =
        base_spec("Socio-economic NPV per arm", "against the baseline arm, with its 95 % interval");
    spec["width"] = 420;
    spec["height"] = 200;
    spec["data"] = {{"values", values}};
    spec["layer"] = interval_layers(
        {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}, 80,
        {{"tooltip", ordered_json::array({{{"field", "arm"}},
                                          {{"field", "mean"}, {"format", ",.0f"}},
                                          {{"field", "low"}, {"format", ",.0f"}},
                                          {{"field", "high"}, {"format", ",.0f"}}})}});
    // Zero: no better than the baseline arm.
    const ordered_json zero = {{"x", {{"field", "zero"}, {"type", "quantitative"}}}};
    spec["layer"].push_back(
        {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "gray"}}},
         {"data", {{"values", ordered_json::array({{{"zero", 0}}})}}},
         {"encoding", zero}});
    return spec;
}

}  // namespace followsim::output
