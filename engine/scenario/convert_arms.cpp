// budget and arms: the yearly purchase budget, and each arm's routing rules and fallbacks.
#include <fmt/core.h>

#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

namespace {

using model::ModelConfig;

model::RouteRule convert_rule(Conversion& c, const YAML::Node& r, const std::string& here) {
    model::RouteRule rule;
    auto enum_index = [](const YAML::Node& n, const auto& names) {
        for (std::size_t i = 0; i < names.size(); ++i) {
            if (n.Scalar() == names[i]) return i;
        }
        return std::size_t{0};  // unreachable: the schema checked the name
    };
    if (r["group"])
        rule.group = static_cast<model::NeedGroup>(enum_index(r["group"], model::kNeedGroupNames));
    if (r["age_band"])
        rule.age_band =
            static_cast<model::AgeBand>(enum_index(r["age_band"], model::kAgeBandNames));
    if (r["cohort"]) rule.cohort = c.cohort(r["cohort"], child_path(here, "cohort"));
    if (const auto pw = c.pathway(r["to"], child_path(here, "to"))) rule.pathway = *pw;
    return rule;
}

}  // namespace

void convert_budget_and_arms(Conversion& c, const YAML::Node& budget, const YAML::Node& arms,
                             ModelConfig& m) {
    model::PathwayIndex default_when_spent = model::kWait;
    if (budget) {
        m.budget.purchases_per_year_nok = budget["purchases_per_year_nok"].as<double>();
        c.bind_number("budget.purchases_per_year_nok",
                      [](ModelConfig& x) -> double& { return x.budget.purchases_per_year_nok; });
        if (budget["when_spent"]) {
            default_when_spent =
                c.target(budget["when_spent"], "budget.when_spent", "wait", model::kWait);
        }
    }
    for (auto it = arms.begin(); it != arms.end(); ++it) {
        const std::string name = it->first.Scalar();
        const std::string path = child_path("arms", name);
        const auto here = [&](const char* key) { return child_path(path, key); };
        const YAML::Node a = it->second;
        model::ArmConfig arm;
        arm.name = name;
        const YAML::Node route = a["route"];
        if (route.IsScalar()) {
            model::RouteRule rule;
            if (const auto pw = c.pathway(route, here("route"))) rule.pathway = *pw;
            arm.rules.push_back(rule);
        } else {
            for (std::size_t i = 0; i < route.size(); ++i) {
                arm.rules.push_back(
                    convert_rule(c, route[i], child_path(here("route"), std::to_string(i))));
            }
        }
        if (a["when_full"])
            arm.when_full = c.target(a["when_full"], here("when_full"), "wait", model::kWait);
        arm.when_budget_spent = default_when_spent;
        if (a["when_budget_spent"]) {
            arm.when_budget_spent =
                c.target(a["when_budget_spent"], here("when_budget_spent"), "wait", model::kWait);
        }
        if (a["after_max_duration"]) {
            arm.after_max_duration = c.target(a["after_max_duration"], here("after_max_duration"),
                                              "reroute", model::kReroute);
        }
        if (a["caseworkers"]) {
            const std::size_t k = m.arms.size();
            arm.staffing = convert_staffing(
                c, a, path,
                [k](ModelConfig& x) -> model::StaffingPlan& { return *x.arms[k].staffing; });
            if (!m.in_house_pathway()) {
                c.report().report(a["caseworkers"], here("caseworkers"),
                                  "there is no in-house team: give pathways.in_house first");
            }
        } else if (a["caseworker_changes"]) {
            c.report().report(a["caseworker_changes"], here("caseworker_changes"),
                              "give the arm's caseworkers too");
        }
        if (a["target_placement_rate"]) {
            arm.target_placement_rate = a["target_placement_rate"].as<double>();
            const std::size_t k = m.arms.size();
            c.bind_number(here("target_placement_rate"), [k](ModelConfig& x) -> double& {
                return *x.arms[k].target_placement_rate;
            });
        }
        m.arms.push_back(std::move(arm));
    }
}

}  // namespace followsim::scenario
