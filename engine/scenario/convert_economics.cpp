// economics: discount rates, tax financing cost, taxes, staff time, who pays, the baseline arm
// and the willingness-to-pay grid (defaults: R-109/2021 and the assumptions they name).
#include <fmt/core.h>

#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

using economics::EconomicsConfig;
using model::ModelConfig;

void convert_economics(Conversion& c, const YAML::Node& e, ModelConfig& m) {
    EconomicsConfig& config = m.economics;
    if (!e) return;  // defaults; relative metrics are null if no arm is named baseline
    const std::pair<const char*, double EconomicsConfig::*> numbers[] = {
        {"discount_rate", &EconomicsConfig::discount_rate},
        {"discount_rate_after_40_years", &EconomicsConfig::discount_rate_after_40_years},
        {"discount_rate_after_75_years", &EconomicsConfig::discount_rate_after_75_years},
        {"tax_financing_cost", &EconomicsConfig::tax_financing_cost},
        {"employer_contribution", &EconomicsConfig::employer_contribution},
        {"income_tax_rate", &EconomicsConfig::income_tax_rate},
        {"displacement_share", &EconomicsConfig::displacement_share},
        {"hours_per_fte_year", &EconomicsConfig::hours_per_fte_year},
        {"staff_cost_per_year_nok", &EconomicsConfig::staff_cost_per_year_nok},
        {"benefit_tax_rate", &EconomicsConfig::benefit_tax_rate},
        {"valuation_years", &EconomicsConfig::valuation_years},
    };
    for (const auto& [key, member] : numbers) {
        if (!e[key]) continue;
        config.*member = e[key].as<double>();
        c.bind_number(child_path("economics", key),
                      [member](ModelConfig& x) -> double& { return x.economics.*member; });
    }
    auto payer = [](const YAML::Node& n) {
        return n.Scalar() == "municipality" ? economics::Payer::municipality
                                            : economics::Payer::state;
    };
    if (e["after_horizon"]) config.value_after_horizon = e["after_horizon"].Scalar() == "expected";
    if (e["in_house_paid_by"]) config.in_house_paid_by = payer(e["in_house_paid_by"]);
    if (e["purchases_paid_by"]) config.purchases_paid_by = payer(e["purchases_paid_by"]);
    if (const YAML::Node w = e["ceac"]) {
        config.wtp_per_placement_from_nok = w["wtp_per_placement_from_nok"].as<double>();
        config.wtp_per_placement_to_nok = w["wtp_per_placement_to_nok"].as<double>();
        if (w["steps"]) config.wtp_steps = w["steps"].as<int>();
        if (!(config.wtp_per_placement_to_nok > config.wtp_per_placement_from_nok)) {
            c.report().report(w["wtp_per_placement_to_nok"],
                              "economics.ceac.wtp_per_placement_to_nok",
                              "must be greater than wtp_per_placement_from_nok");
        }
    }
    if (const YAML::Node n = e["baseline_arm"]) {
        // The arm NPVs are measured against: economics.baseline_arm, or an arm named 'baseline'.
        config.baseline_arm = n.Scalar();
        std::vector<std::string> names;
        for (const auto& arm : m.arms) {
            if (arm.name == n.Scalar()) return;
            names.push_back(arm.name);
        }
        std::string message = fmt::format("no arm named '{}'", n.Scalar());
        const std::string guess = closest_match(n.Scalar(), names);
        if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
        c.report().report(n, "economics.baseline_arm", std::move(message));
    }
}

}  // namespace followsim::scenario
