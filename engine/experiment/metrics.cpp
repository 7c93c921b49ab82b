#include "engine/experiment/metrics.hpp"

#include <stdexcept>
#include <string>

namespace followsim::experiment {

namespace {
constexpr double kNaN = model::kNotAvailable;
using economics::Flow;
}  // namespace

const std::vector<MetricDefinition>& arm_metrics() {
    using C = MetricContext;
    static const std::vector<MetricDefinition> metrics{
        // Physical
        {"placement_rate", [](const C& c) { return c.outcome.placement_rate; }},
        {"placed", [](const C& c) { return static_cast<double>(c.outcome.placed); }},
        {"persons", [](const C& c) { return static_cast<double>(c.outcome.persons); }},
        {"mean_days_to_job", [](const C& c) { return c.outcome.mean_days_to_job; }},
        {"employment_months", [](const C& c) { return c.outcome.employment_months; }},
        {"mean_wait_days", [](const C& c) { return c.outcome.mean_wait_days; }},
        {"caseworker_utilisation", [](const C& c) { return c.outcome.caseworker_utilisation; }},
        // Money (present values)
        {"cost_programme_nok", [](const C& c) { return c.accounts.programme_cost; }},
        {"cost_per_placement_nok",
         [](const C& c) {
             return c.outcome.placed > 0
                        ? c.accounts.programme_cost / static_cast<double>(c.outcome.placed)
                        : kNaN;
         }},
        {"benefits_paid_nok", [](const C& c) { return c.accounts.benefits_paid; }},
        {"production_gain_nok", [](const C& c) { return c.accounts.production_gain; }},
        {"npv_socioeconomic_nok",
         [](const C& c) { return c.relative ? c.relative->npv_socioeconomic : kNaN; }},
        {"benefit_cost_ratio",
         [](const C& c) { return c.relative ? c.relative->benefit_cost_ratio : kNaN; }},
        {"net_fiscal_nok", [](const C& c) { return c.relative ? c.relative->net_fiscal : kNaN; }},
        // The purchase budget (undiscounted: spending against a yearly budget)
        {"budget_spent_nok", [](const C& c) { return c.outcome.budget_spent_nok; }},
        {"budget_exhausted_day",
         [](const C& c) { return c.outcome.budget_exhausted_day.value_or(kNaN); }},
        // Beyond the contract: the accounts in more detail
        {"net_fiscal_state_nok",
         [](const C& c) { return c.relative ? c.relative->net_fiscal_state : kNaN; }, false},
        {"net_fiscal_municipality_nok",
         [](const C& c) { return c.relative ? c.relative->net_fiscal_municipality : kNaN; }, false},
        {"tax_financing_cost_nok",
         [](const C& c) { return c.relative ? c.relative->tax_financing_cost : kNaN; }, false},
        {"taxes_nok", [](const C& c) { return c.accounts.taxes; }, false},
        {"socioeconomic_value_nok", [](const C& c) { return c.accounts.socioeconomic_value; },
         false},
        {"cost_caseworker_time_nok",
         [](const C& c) { return c.outcome.cash_flows.pv(Flow::caseworker_time); }, false},
        {"cost_purchases_nok", [](const C& c) { return c.outcome.cash_flows.pv(Flow::purchases); },
         false},
        {"cost_result_fees_nok",
         [](const C& c) { return c.outcome.cash_flows.pv(Flow::result_fees); }, false},
        {"cost_ordering_time_nok",
         [](const C& c) { return c.outcome.cash_flows.pv(Flow::ordering_time); }, false},
        {"cost_training_nok", [](const C& c) { return c.outcome.cash_flows.pv(Flow::training); },
         false},
        // Capacity: salaried staff and rationed places
        {"staff_utilisation", [](const C& c) { return c.outcome.staff_utilisation; }, false},
        {"cost_idle_staff_nok", [](const C& c) { return c.outcome.cost_idle_staff_nok; }, false},
        {"mean_dose_hours_per_month",
         [](const C& c) { return c.outcome.mean_dose_hours_per_month; }, false},
        {"rationed_share", [](const C& c) { return c.outcome.rationed_share; }, false},
        {"waiting_at_horizon",
         [](const C& c) { return static_cast<double>(c.outcome.waiting_at_horizon); }, false},
        // The socio-economic picture after the horizon and where dropouts went
        {"npv_after_horizon_nok", [](const C& c) { return c.npv_after_horizon; }, false},
        {"exits_disability_benefit",
         [](const C& c) { return static_cast<double>(c.outcome.exits_by_state[0]); }, false},
        {"exits_social_assistance",
         [](const C& c) { return static_cast<double>(c.outcome.exits_by_state[1]); }, false},
        {"exits_education",
         [](const C& c) { return static_cast<double>(c.outcome.exits_by_state[2]); }, false},
        {"exits_unknown",
         [](const C& c) { return static_cast<double>(c.outcome.exits_by_state[3]); }, false},
    };
    return metrics;
}

std::size_t metric_index(std::string_view name) {
    const auto& metrics = arm_metrics();
    for (std::size_t i = 0; i < metrics.size(); ++i) {
        if (metrics[i].name == name) return i;
    }
    throw std::out_of_range("no metric named '" + std::string(name) + "'");
}

std::optional<RatioParts> ratio_parts(std::size_t metric,
                                      const std::vector<std::vector<double>>& sample,
                                      std::size_t arm, std::optional<std::size_t> baseline) {
    static const std::size_t per_placement = metric_index("cost_per_placement_nok");
    static const std::size_t bcr = metric_index("benefit_cost_ratio");
    static const std::size_t cost = metric_index("cost_programme_nok");
    static const std::size_t placed = metric_index("placed");
    static const std::size_t production = metric_index("production_gain_nok");
    static const std::size_t financing = metric_index("tax_financing_cost_nok");
    const auto& x = sample[arm];
    if (metric == per_placement) return RatioParts{x[cost], x[placed]};
    if (metric == bcr && baseline) {
        const auto& b = sample[*baseline];
        return RatioParts{x[production] - b[production], x[cost] - b[cost] + x[financing]};
    }
    return std::nullopt;
}

ReplicationAccounts replication_accounts(const model::ArmOutcome& arm,
                                         const economics::EconomicsConfig& config) {
    economics::CashFlowTotals all = arm.cash_flows;
    all += arm.after_horizon;
    return {economics::accounts_of(all, config), economics::accounts_of(arm.after_horizon, config)};
}

std::vector<double> arm_metric_values(const model::ArmOutcome& arm,
                                      const ReplicationAccounts& accounts,
                                      const ReplicationAccounts* baseline,
                                      const economics::EconomicsConfig& config) {
    std::optional<economics::RelativeAccounts> relative;
    if (baseline) relative = economics::relative_to(accounts.all, baseline->all, config);
    const double npv_after =
        baseline ? accounts.after.socioeconomic_value - baseline->after.socioeconomic_value : kNaN;
    const MetricContext context{arm, accounts.all, relative ? &*relative : nullptr, npv_after};
    const auto& metrics = arm_metrics();
    std::vector<double> values;
    values.reserve(metrics.size());
    for (const MetricDefinition& m : metrics) values.push_back(m.value(context));
    return values;
}

std::vector<std::vector<double>> replication_metrics(const std::vector<model::ArmOutcome>& arms,
                                                     std::optional<std::size_t> baseline_arm,
                                                     const economics::EconomicsConfig& config) {
    std::vector<ReplicationAccounts> accounts;
    accounts.reserve(arms.size());
    for (const model::ArmOutcome& o : arms) accounts.push_back(replication_accounts(o, config));
    std::vector<std::vector<double>> values(arms.size());
    for (std::size_t a = 0; a < arms.size(); ++a) {
        values[a] = arm_metric_values(arms[a], accounts[a],
                                      baseline_arm ? &accounts[*baseline_arm] : nullptr, config);
    }
    return values;
}

}  // namespace followsim::experiment
