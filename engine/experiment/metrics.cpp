#include "engine/experiment/metrics.hpp"

namespace followsim::experiment {

const std::vector<MetricDefinition>& arm_metrics() {
    using model::ArmOutcome;
    static const std::vector<MetricDefinition> metrics{
        {"placement_rate", [](const ArmOutcome& o) { return o.placement_rate; }},
        {"placed", [](const ArmOutcome& o) { return static_cast<double>(o.placed); }},
        {"persons", [](const ArmOutcome& o) { return static_cast<double>(o.persons); }},
        {"mean_days_to_job", [](const ArmOutcome& o) { return o.mean_days_to_job; }},
        {"employment_months", [](const ArmOutcome& o) { return o.employment_months; }},
        {"mean_wait_days", [](const ArmOutcome& o) { return o.mean_wait_days; }},
        {"caseworker_utilisation", [](const ArmOutcome& o) { return o.caseworker_utilisation; }},
        {"budget_spent_nok", [](const ArmOutcome& o) { return o.budget_spent_nok; }},
        {"budget_exhausted_day",
         [](const ArmOutcome& o) { return o.budget_exhausted_day.value_or(model::kNotAvailable); }},
    };
    return metrics;
}

}  // namespace followsim::experiment
