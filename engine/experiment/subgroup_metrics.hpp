// Metrics by subgroup (cohort, need group, age band, benefit kind) over replications: a few
// metrics that can be told per person, so each dimension adds up to the arm's figure.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/experiment/metric_summary.hpp"
#include "engine/model/arm_outcome.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::experiment {

inline constexpr std::array<std::string_view, 4> kSubgroupMetrics{
    "persons", "placed", "placement_rate", "employment_months"};

struct SubgroupSummary {
    std::string category;                // e.g. "pilot", "situasjonsbestemt", "under_30"
    std::vector<MetricSummary> metrics;  // in the order of kSubgroupMetrics
};

// [dimension][category] of one arm.
struct ArmSubgroups {
    std::array<std::vector<SubgroupSummary>, model::kSubgroupDimensions> by;
};

// The names of the categories of a dimension in a scenario.
std::vector<std::string> subgroup_categories(const model::ModelConfig& config,
                                             model::SubgroupDimension dimension);

// The subgroup metric values of one arm in one replication, [dimension][category][metric].
std::array<std::vector<std::vector<double>>, model::kSubgroupDimensions> subgroup_values(
    const model::ArmOutcome& outcome);

// Summaries of arm `arm` over replications [replication][arm].
ArmSubgroups summarize_subgroups(const model::ModelConfig& config,
                                 const std::vector<std::vector<model::ArmOutcome>>& outcomes,
                                 std::size_t arm);

// "cohort:pilot" -> the dimension and category index; nullopt if there is no such subgroup.
std::optional<std::pair<model::SubgroupDimension, std::size_t>> find_subgroup(
    const model::ModelConfig& config, const std::string& spec);

}  // namespace followsim::experiment
