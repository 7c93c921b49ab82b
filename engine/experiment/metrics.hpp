// The per-arm metrics of the results contract (DESIGN.md, "Results contract"), their names in
// the order they are written, and how each is read off one replication of one arm. Money is
// NOK of the price year discounted to the start; the accounts include the value after the
// horizon (reported apart as npv_after_horizon_nok); the NPVs, the fiscal account and the
// benefit-cost ratio are relative to the scenario's baseline arm (NaN without one).
// A metric that does not exist in a replication (no one placed: no days to job) is NaN and is
// left out of that metric's summary; a metric missing in every replication is written null.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/economics/accounts.hpp"
#include "engine/model/arm_outcome.hpp"

namespace followsim::experiment {

struct MetricContext {
    const model::ArmOutcome& outcome;
    const economics::ArmAccounts& accounts;
    const economics::RelativeAccounts* relative;  // nullptr without a baseline arm
    // The socio-economic value after the horizon against the baseline arm's (NaN without one).
    double npv_after_horizon;
};

struct MetricDefinition {
    std::string_view name;
    double (*value)(const MetricContext&);
    bool in_contract = true;  // named in DESIGN.md; the others add detail
};

const std::vector<MetricDefinition>& arm_metrics();
// Position of a metric in arm_metrics(); throws std::out_of_range for an unknown name.
std::size_t metric_index(std::string_view name);

// An arm's accounts in one replication: with the value after the horizon taken in, and that
// value on its own.
struct ReplicationAccounts {
    economics::ArmAccounts all;
    economics::ArmAccounts after;
};
ReplicationAccounts replication_accounts(const model::ArmOutcome& arm,
                                         const economics::EconomicsConfig& config);

// The metrics of one arm of one replication, given its accounts and the baseline arm's in the
// same replication (nullptr without a baseline arm).
std::vector<double> arm_metric_values(const model::ArmOutcome& arm,
                                      const ReplicationAccounts& accounts,
                                      const ReplicationAccounts* baseline,
                                      const economics::EconomicsConfig& config);

// Over replications and PSA draws, two metrics are summarised as the ratio of the means of
// their parts, not the mean of the ratios (a sample with a tiny extra cost would otherwise
// dominate): cost_per_placement_nok = cost_programme_nok / placed, and
// benefit_cost_ratio = extra production_gain_nok / (extra cost_programme_nok +
// tax_financing_cost_nok), against the baseline arm.
struct RatioParts {
    double numerator = 0.0;
    double denominator = 0.0;
};
// The parts of `metric` for `arm` from one sample's metrics [arm][metric]; nullopt for a
// metric that is not such a ratio, or the benefit-cost ratio without a baseline arm.
std::optional<RatioParts> ratio_parts(std::size_t metric,
                                      const std::vector<std::vector<double>>& sample,
                                      std::size_t arm, std::optional<std::size_t> baseline);

// The metrics of every arm of one replication, [arm][metric].
std::vector<std::vector<double>> replication_metrics(const std::vector<model::ArmOutcome>& arms,
                                                     std::optional<std::size_t> baseline_arm,
                                                     const economics::EconomicsConfig& config);

}  // namespace followsim::experiment
