#include "engine/experiment/psa.hpp"

#include <fmt/core.h>

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <boost/math/distributions/normal.hpp>
#include <chrono>
#include <cmath>
#include <stdexcept>

#include "engine/core/random_stream.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::experiment {

namespace {
constexpr std::uint32_t kPsaStreamFamily = 7000;
}  // namespace

std::vector<std::vector<double>> draw_parameters(const scenario::Uncertainty& uncertainty,
                                                 std::uint64_t draws, std::uint64_t seed) {
    const auto n = static_cast<Eigen::Index>(uncertainty.parameters.size());
    Eigen::MatrixXd correlation = Eigen::MatrixXd::Identity(n, n);
    for (const auto& c : uncertainty.correlations) {
        correlation(static_cast<Eigen::Index>(c.first), static_cast<Eigen::Index>(c.second)) =
            c.rho;
        correlation(static_cast<Eigen::Index>(c.second), static_cast<Eigen::Index>(c.first)) =
            c.rho;
    }
    const Eigen::LLT<Eigen::MatrixXd> cholesky(correlation);
    if (cholesky.info() != Eigen::Success) {
        throw UsageError(
            "uncertainty.correlations: the correlations do not form a positive definite matrix");
    }
    const Eigen::MatrixXd lower = cholesky.matrixL();
    const boost::math::normal_distribution<> standard;
    std::vector<std::vector<double>> values(draws);
    for (std::uint64_t k = 0; k < draws; ++k) {
        core::RandomStream rng(seed, k, core::stream_id(kPsaStreamFamily, 0));
        Eigen::VectorXd e(n);
        for (Eigen::Index i = 0; i < n; ++i) e(i) = rng.standard_normal();
        const Eigen::VectorXd z = lower * e;
        for (Eigen::Index i = 0; i < n; ++i) {
            const double u = std::clamp(boost::math::cdf(standard, z(i)), 1e-12, 1.0 - 1e-12);
            const auto& p = uncertainty.parameters[static_cast<std::size_t>(i)];
            double x = scenario::quantile(p.prior, u);
            if (p.integer) x = std::round(x);
            values[k].push_back(x);
        }
    }
    return values;
}

scenario::Assignment parameter_assignment(const scenario::UncertainParameter& parameter,
                                          double value) {
    if (!parameter.unit.empty()) {
        return scenario::Assignment::set(parameter.path,
                                         value * *scenario::days_per_unit(parameter.unit),
                                         fmt::format("{} {}", value, parameter.unit));
    }
    return scenario::Assignment::set(parameter.path, value, fmt::format("{}", value));
}

std::vector<std::vector<double>> mean_metrics(const model::ModelConfig& config,
                                              std::uint64_t replications, std::uint64_t seed,
                                              std::uint64_t& events) {
    const auto baseline = baseline_arm_of(config);
    const std::size_t metrics = arm_metrics().size();
    std::vector<std::vector<double>> sums(config.arms.size(), std::vector<double>(metrics, 0.0));
    std::vector<std::vector<double>> counts = sums;
    std::vector<model::ArmOutcome> outcomes(config.arms.size());
    for (std::uint64_t r = 0; r < replications; ++r) {
        for (std::size_t a = 0; a < config.arms.size(); ++a) {
            outcomes[a] = model::simulate_arm(config, a, seed, r);
            events += outcomes[a].events;
        }
        const auto values = replication_metrics(outcomes, baseline, config.economics);
        for (std::size_t a = 0; a < values.size(); ++a) {
            for (std::size_t m = 0; m < metrics; ++m) {
                if (std::isnan(values[a][m])) continue;
                sums[a][m] += values[a][m];
                counts[a][m] += 1.0;
            }
        }
    }
    for (std::size_t a = 0; a < sums.size(); ++a) {
        for (std::size_t m = 0; m < metrics; ++m) {
            sums[a][m] = counts[a][m] > 0.0 ? sums[a][m] / counts[a][m] : model::kNotAvailable;
        }
    }
    // The ratio metrics of these means are the ratios of their parts' means, as a run's summary
    // has them (not the mean of each replication's ratio).
    const auto means = sums;
    for (std::size_t a = 0; a < sums.size(); ++a) {
        for (std::size_t m = 0; m < metrics; ++m) {
            if (const auto parts = ratio_parts(m, means, a, baseline)) {
                sums[a][m] = parts->denominator > 0.0 ? parts->numerator / parts->denominator
                                                      : model::kNotAvailable;
            }
        }
    }
    return sums;
}

PsaResults run_psa(const scenario::Scenario& scenario, const PsaSettings& settings) {
    const auto started = std::chrono::steady_clock::now();
    PsaResults results;
    results.draws = settings.draws;
    results.replications = settings.replications;
    results.seed = settings.seed;
    results.threads = resolve_threads(settings.threads, settings.draws);
    results.baseline_arm = baseline_arm_of(scenario.model);
    results.parameter_values = draw_parameters(scenario.uncertainty, settings.draws, settings.seed);
    results.samples.resize(settings.draws);
    std::vector<std::uint64_t> events(settings.draws, 0);
    parallel_for(
        settings.draws, results.threads, settings.cancel,
        [&](std::uint64_t k) {
            std::vector<scenario::Assignment> assignments;
            for (std::size_t i = 0; i < scenario.uncertainty.parameters.size(); ++i) {
                assignments.push_back(parameter_assignment(scenario.uncertainty.parameters[i],
                                                           results.parameter_values[k][i]));
            }
            model::ModelConfig config = scenario.model;
            scenario.parameters.apply(config, assignments);
            results.samples[k] =
                mean_metrics(config, settings.replications, settings.seed, events[k]);
        },
        settings.progress);
    for (std::uint64_t e : events) results.events += e;
    results.arms = summarize_samples(scenario.model, results.samples, true);
    results.evppi =
        psa_evppi(scenario.uncertainty, scenario.model.economics, results.parameter_values,
                  results.samples, results.threads, settings.cancel);
    results.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return results;
}

}  // namespace followsim::experiment
