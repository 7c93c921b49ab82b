#include "engine/experiment/replication_runner.hpp"

#include <chrono>
#include <cmath>

#include "engine/experiment/metrics.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/model/arm_simulation.hpp"

namespace followsim::experiment {

std::optional<std::size_t> baseline_arm_of(const model::ModelConfig& config) {
    for (std::size_t a = 0; a < config.arms.size(); ++a) {
        if (config.arms[a].name == config.economics.baseline_arm) return a;
    }
    return std::nullopt;
}

std::vector<ArmSummary> summarize_samples(
    const model::ModelConfig& config, const std::vector<std::vector<std::vector<double>>>& samples,
    bool over_draws) {
    const auto baseline = baseline_arm_of(config);
    std::vector<ArmSummary> arms;
    const std::size_t metrics = arm_metrics().size();
    for (std::size_t a = 0; a < config.arms.size(); ++a) {
        ArmSummary arm;
        arm.name = config.arms[a].name;
        for (std::size_t m = 0; m < metrics; ++m) {
            std::vector<double> values, numerators, denominators;
            values.reserve(samples.size());
            for (const auto& s : samples) {
                values.push_back(s[a][m]);
                if (const auto parts = ratio_parts(m, s, a, baseline)) {
                    numerators.push_back(parts->numerator);
                    denominators.push_back(parts->denominator);
                }
            }
            arm.metrics.push_back(
                numerators.empty()
                    ? summarize_metric(values, over_draws)
                    : summarize_ratio_of_means(numerators, denominators, values, over_draws));
        }
        arms.push_back(std::move(arm));
    }
    return arms;
}

namespace {

std::vector<MonthMean> mean_months(const std::vector<std::vector<model::ArmOutcome>>& outcomes,
                                   std::size_t arm) {
    std::vector<MonthMean> means;
    if (outcomes.empty()) return means;
    const std::size_t months = outcomes.front()[arm].months.size();
    means.resize(months);
    // Sums first, one division at the end: the mean of identical values is that value.
    for (const auto& replication : outcomes) {
        const auto& snapshots = replication[arm].months;
        for (std::size_t m = 0; m < months && m < snapshots.size(); ++m) {
            const model::MonthSnapshot& s = snapshots[m];
            MonthMean& t = means[m];
            t.day = s.day;
            for (std::size_t f = 0; f < model::kStateFields; ++f)
                t.mean.values[f] += s.state.values[f];
        }
    }
    const double n = static_cast<double>(outcomes.size());
    for (MonthMean& t : means) {
        for (double& x : t.mean.values) x /= n;
    }
    return means;
}

}  // namespace

RunResults run_replications(const model::ModelConfig& config, const RunSettings& settings) {
    const auto started = std::chrono::steady_clock::now();
    RunResults results;
    results.replications = settings.replications;
    results.seed = settings.seed;
    results.threads = resolve_threads(settings.threads, settings.replications);
    results.outcomes.resize(settings.replications);
    parallel_for(
        settings.replications, results.threads, settings.cancel,
        [&](std::uint64_t i) {
            std::vector<model::ArmOutcome> arms;
            arms.reserve(config.arms.size());
            for (std::size_t a = 0; a < config.arms.size(); ++a) {
                arms.push_back(model::simulate_arm(config, a, settings.seed, i));
            }
            results.outcomes[i] = std::move(arms);
        },
        settings.progress);

    results.baseline_arm = baseline_arm_of(config);
    results.metrics.reserve(results.outcomes.size());
    for (const auto& replication : results.outcomes) {
        for (const model::ArmOutcome& o : replication) results.events += o.events;
        results.metrics.push_back(
            replication_metrics(replication, results.baseline_arm, config.economics));
    }
    results.arms = summarize_samples(config, results.metrics);
    for (std::size_t a = 0; a < results.arms.size(); ++a) {
        results.arms[a].months = mean_months(results.outcomes, a);
        results.arms[a].subgroups = summarize_subgroups(config, results.outcomes, a);
    }
    results.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return results;
}

}  // namespace followsim::experiment
