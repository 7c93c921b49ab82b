#include "engine/experiment/subgroup_metrics.hpp"

namespace followsim::experiment {

using model::SubgroupDimension;

std::vector<std::string> subgroup_categories(const model::ModelConfig& config,
                                             SubgroupDimension dimension) {
    std::vector<std::string> names;
    switch (dimension) {
        case SubgroupDimension::cohort:
            for (const auto& c : config.cohorts) names.push_back(c.name);
            break;
        case SubgroupDimension::need_group:
            names.assign(model::kNeedGroupNames.begin(), model::kNeedGroupNames.end());
            break;
        case SubgroupDimension::age_band:
            names.assign(model::kAgeBandNames.begin(), model::kAgeBandNames.end());
            break;
        case SubgroupDimension::benefit:
            names.assign(model::kBenefitKindNames.begin(), model::kBenefitKindNames.end());
            break;
    }
    return names;
}

std::array<std::vector<std::vector<double>>, model::kSubgroupDimensions> subgroup_values(
    const model::ArmOutcome& outcome) {
    std::array<std::vector<std::vector<double>>, model::kSubgroupDimensions> values;
    for (std::size_t d = 0; d < model::kSubgroupDimensions; ++d) {
        for (const model::SubgroupTally& t : outcome.subgroups.by[d]) {
            const auto persons = static_cast<double>(t.persons);
            const auto placed = static_cast<double>(t.placed);
            values[d].push_back({persons, placed,
                                 t.persons > 0 ? placed / persons : model::kNotAvailable,
                                 t.employment_months});
        }
    }
    return values;
}

ArmSubgroups summarize_subgroups(const model::ModelConfig& config,
                                 const std::vector<std::vector<model::ArmOutcome>>& outcomes,
                                 std::size_t arm) {
    ArmSubgroups out;
    std::vector<std::array<std::vector<std::vector<double>>, model::kSubgroupDimensions>> values;
    values.reserve(outcomes.size());
    for (const auto& replication : outcomes) values.push_back(subgroup_values(replication[arm]));
    for (std::size_t d = 0; d < model::kSubgroupDimensions; ++d) {
        const auto names = subgroup_categories(config, static_cast<SubgroupDimension>(d));
        for (std::size_t c = 0; c < names.size(); ++c) {
            SubgroupSummary s;
            s.category = names[c];
            for (std::size_t m = 0; m < kSubgroupMetrics.size(); ++m) {
                std::vector<double> samples;
                samples.reserve(values.size());
                for (const auto& v : values) samples.push_back(v[d][c][m]);
                s.metrics.push_back(summarize_metric(samples));
            }
            out.by[d].push_back(std::move(s));
        }
    }
    return out;
}

std::optional<std::pair<SubgroupDimension, std::size_t>> find_subgroup(
    const model::ModelConfig& config, const std::string& spec) {
    const auto colon = spec.find(':');
    if (colon == std::string::npos) return std::nullopt;
    const std::string dimension = spec.substr(0, colon), category = spec.substr(colon + 1);
    for (std::size_t d = 0; d < model::kSubgroupDimensions; ++d) {
        if (model::kSubgroupDimensionNames[d] != dimension) continue;
        const auto names = subgroup_categories(config, static_cast<SubgroupDimension>(d));
        for (std::size_t c = 0; c < names.size(); ++c) {
            if (names[c] == category) return std::pair{static_cast<SubgroupDimension>(d), c};
        }
    }
    return std::nullopt;
}

}  // namespace followsim::experiment
