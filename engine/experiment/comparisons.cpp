#include "engine/experiment/comparisons.hpp"

#include "engine/experiment/metrics.hpp"

namespace followsim::experiment {

namespace {

double mean_of(const std::vector<std::vector<std::vector<double>>>& samples, std::size_t arm,
               std::size_t metric) {
    double sum = 0.0;
    for (const auto& s : samples) sum += s[arm][metric];
    return samples.empty() ? 0.0 : sum / static_cast<double>(samples.size());
}

std::vector<double> means_by_arm(const std::vector<std::vector<std::vector<double>>>& samples,
                                 std::size_t metric) {
    std::vector<double> means;
    const std::size_t arms = samples.empty() ? 0 : samples.front().size();
    for (std::size_t a = 0; a < arms; ++a) means.push_back(mean_of(samples, a, metric));
    return means;
}

}  // namespace

std::vector<Comparison> compare_arms(const std::vector<std::vector<std::vector<double>>>& samples,
                                     bool over_draws) {
    std::vector<Comparison> out;
    if (samples.empty()) return out;
    const std::size_t arms = samples.front().size();
    const std::size_t metrics = arm_metrics().size();
    const std::size_t cost = metric_index("cost_programme_nok");
    const std::size_t placed = metric_index("placed");
    const std::size_t months = metric_index("employment_months");
    const std::size_t value = metric_index("socioeconomic_value_nok");
    for (std::size_t a = 0; a < arms; ++a) {
        for (std::size_t b = a + 1; b < arms; ++b) {
            Comparison c;
            c.arm = a;
            c.versus = b;
            for (std::size_t m = 0; m < metrics; ++m) {
                std::vector<double> deltas;
                deltas.reserve(samples.size());
                for (const auto& s : samples) deltas.push_back(s[a][m] - s[b][m]);
                c.delta.push_back(summarize_metric(deltas, over_draws));
            }
            const double d_cost = mean_of(samples, a, cost) - mean_of(samples, b, cost);
            c.per_placement = economics::incremental_ratio(
                d_cost, mean_of(samples, a, placed) - mean_of(samples, b, placed));
            c.per_employment_month = economics::incremental_ratio(
                d_cost, mean_of(samples, a, months) - mean_of(samples, b, months));
            double better = 0.0;
            for (const auto& s : samples) {
                if (s[a][value] > s[b][value]) better += 1.0;
                if (s[a][value] == s[b][value]) better += 0.5;  // ties count half
            }
            c.probability_better = better / static_cast<double>(samples.size());
            out.push_back(std::move(c));
        }
    }
    return out;
}

CostsAndEffects costs_and_effects(const std::vector<std::vector<std::vector<double>>>& samples) {
    const std::size_t cost = metric_index("cost_programme_nok");
    const std::size_t placed = metric_index("placed");
    CostsAndEffects out;
    for (const auto& s : samples) {
        std::vector<double> c, e;
        for (const auto& arm : s) {
            c.push_back(arm[cost]);
            e.push_back(arm[placed]);
        }
        out.costs.push_back(std::move(c));
        out.effects.push_back(std::move(e));
    }
    return out;
}

std::vector<double> ceac_wtp(const economics::EconomicsConfig& config) {
    return economics::wtp_grid(config.wtp_per_placement_from_nok, config.wtp_per_placement_to_nok,
                               config.wtp_steps);
}

CostEffectiveness cost_effectiveness(const std::vector<std::vector<std::vector<double>>>& samples,
                                     const economics::EconomicsConfig& config) {
    CostEffectiveness ce;
    const std::size_t cost = metric_index("cost_programme_nok");
    const auto costs = means_by_arm(samples, cost);
    ce.frontier_placements =
        economics::efficiency_frontier(costs, means_by_arm(samples, metric_index("placed")));
    ce.frontier_employment_months = economics::efficiency_frontier(
        costs, means_by_arm(samples, metric_index("employment_months")));
    const CostsAndEffects ce_samples = costs_and_effects(samples);
    ce.ceac = economics::acceptability(ce_samples.costs, ce_samples.effects, ceac_wtp(config));
    return ce;
}

}  // namespace followsim::experiment
