// The charts of optimise: the objective over the split (every candidate evaluated, with its
// interval, the best marked) and how the best split spends the budget. Both read the
// summary's optimise block alone, so `followsim report DIR` draws them again.
#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/charts.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json optimise_chart(const ordered_json& summary, Lang lang) {
    const ordered_json& o = summary.at("optimise");
    const std::string objective = o.at("objective").get<std::string>();
    const auto best = o.at("best").at("index").get<std::size_t>();
    // One measure or none: every candidate lies on one line over the FTE count.
    const bool one_line = o.at("measures").size() <= 1;
    ordered_json values = ordered_json::array();
    for (const auto& c : o.at("candidates")) {
        const ordered_json& value = c.at("objective");
        if (value.is_null()) continue;
        std::string places;
        for (const auto& [name, slots] : c.at("slots").items())
            places +=
                fmt::format("{}{} {}", places.empty() ? "" : ", ", slots.get<long long>(), name);
        values.push_back({{"caseworkers", c.at("caseworkers")},
                          {"share", c.at("shares").at("caseworkers")},
                          {"places", places.empty() ? "none" : places},
                          {"phase", c.at("phase")},
                          {"best", c.at("index").get<std::size_t>() == best},
                          {"mean", value.at("mean")},
                          {"low", value.at("ci95").at(0)},
                          {"high", value.at("ci95").at(1)}});
    }
    const ordered_json x = {{"field", "caseworkers"},
                            {"type", "quantitative"},
                            {"axis", {{"tickMinStep", 1}, {"format", "d"}}},
                            {"title", text("chart.optimise_x", lang)}};
    const ordered_json y = {{"field", "mean"}, {"type", "quantitative"}, {"title", objective}};
    const ordered_json tooltip = ordered_json::array({{{"field", "caseworkers"}},
                                                      {{"field", "share"}, {"format", ".1%"}},
                                                      {{"field", "places"}},
                                                      {{"field", "phase"}},
                                                      {{"field", "mean"}, {"format", ",.0f"}},
                                                      {{"field", "low"}, {"format", ",.0f"}},
                                                      {{"field", "high"}, {"format", ",.0f"}}});
    ordered_json spec =
        base_spec(std::string(text("chart.optimise", lang)),
                  say("chart.optimise_sub", lang, objective, o.at("arm").get<std::string>(),
                      nok_text(o.at("budget_nok_per_year").get<double>(), lang)));
    spec["width"] = 560;
    spec["height"] = 300;
    spec["data"] = {{"values", std::move(values)}};
    spec["layer"] = ordered_json::array({{{"mark", {{"type", "rule"}, {"opacity", 0.5}}},
                                          {"encoding",
                                           {{"x", x},
                                            {"y", {{"field", "low"}, {"type", "quantitative"}}},
                                            {"y2", {{"field", "high"}}}}}}});
    if (one_line) {
        spec["layer"].push_back(
            {{"mark", {{"type", "line"}, {"color", "gray"}}}, {"encoding", {{"x", x}, {"y", y}}}});
    }
    spec["layer"].push_back({{"mark", {{"type", "point"}, {"filled", true}, {"size", 50}}},
                             {"encoding",
                              {{"x", x},
                               {"y", y},
                               {"color",
                                {{"field", "phase"},
                                 {"type", "nominal"},
                                 {"title", text("chart.candidate_from", lang)}}},
                               {"tooltip", tooltip}}}});
    spec["layer"].push_back(
        {{"transform", ordered_json::array({{{"filter", "datum.best"}}})},
         {"mark", {{"type", "point"}, {"shape", "diamond"}, {"size", 220}, {"color", "black"}}},
         {"encoding", {{"x", x}, {"y", y}, {"tooltip", tooltip}}}});
    return spec;
}

ordered_json optimise_split_chart(const ordered_json& summary, Lang lang) {
    const ordered_json& o = summary.at("optimise");
    const ordered_json& best = o.at("best");
    const double budget = o.at("budget_nok_per_year").get<double>();
    ordered_json values = ordered_json::array();
    double used = best.at("staff_cost_per_year_nok").get<double>();
    values.push_back(
        {{"part", say("chart.n_caseworkers", lang, best.at("caseworkers").get<long long>())},
         {"nok", used}});
    for (const auto& m : o.at("measures")) {
        const std::string name = m.at("name").get<std::string>();
        const auto slots = best.at("slots").at(name).get<long long>();
        const double cost =
            static_cast<double>(slots) * m.at("price_per_month_nok").get<double>() * 12.0;
        used += cost;
        values.push_back({{"part", say("chart.n_places", lang, slots, name)}, {"nok", cost}});
    }
    values.push_back(
        {{"part", text("chart.unbound", lang)}, {"nok", std::max(0.0, budget - used)}});
    for (auto& v : values) v["budget"] = text("chart.best_split", lang);
    ordered_json spec = base_spec(std::string(text("chart.split", lang)),
                                  std::string(text("chart.split_sub", lang)));
    spec["width"] = 560;
    spec["height"] = 60;
    spec["data"] = {{"values", std::move(values)}};
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {
        {"y", {{"field", "budget"}, {"type", "nominal"}, {"title", nullptr}}},
        {"x",
         {{"field", "nok"},
          {"type", "quantitative"},
          {"stack", "zero"},
          {"title", text("chart.nok_a_year", lang)}}},
        {"color", {{"field", "part"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
        {"tooltip",
         ordered_json::array({{{"field", "part"}}, {{"field", "nok"}, {"format", ",.0f"}}})}};
    return spec;
}

}  // namespace followsim::output
