#include "engine/experiment/calibration.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <boost/math/tools/toms748_solve.hpp>
#include <cmath>
#include <ctime>
#include <stdexcept>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::experiment {

namespace {

// The parameter's binding; the unit must match what the value is (duration or number).
const scenario::ParameterBinding& binding_of(const scenario::Scenario& sc,
                                             const CalibrationSettings& s) {
    const scenario::ParameterBinding* binding = sc.parameters.find(s.path, sc.model);
    if (!binding) {
        throw UsageError(
            fmt::format("--param {}: not a number of this scenario that can be varied", s.path));
    }
    if (binding->duration && s.unit.empty())
        throw UsageError(fmt::format("--param {}: a duration; give --unit", s.path));
    if (!binding->duration && !s.unit.empty())
        throw UsageError(
            fmt::format("--param {}: a number, not a duration; leave out --unit", s.path));
    return *binding;
}

scenario::Assignment assignment_for(const CalibrationSettings& s, double value) {
    if (s.unit.empty()) return scenario::Assignment::set(s.path, value, fmt::format("{}", value));
    return scenario::Assignment::set(s.path, value * *scenario::days_per_unit(s.unit),
                                     fmt::format("{} {}", value, s.unit));
}

double current_value(const scenario::Scenario& sc, const CalibrationSettings& s) {
    const double value = binding_of(sc, s).get(sc.model);
    return s.unit.empty() ? value : value / *scenario::days_per_unit(s.unit);
}

}  // namespace

CalibrationResult calibrate(const scenario::Scenario& scenario,
                            const CalibrationSettings& settings) {
    // The metric: an arm's, or a subgroup's ("cohort:pilot") of the few told per person.
    std::size_t metric = 0;
    std::optional<std::pair<model::SubgroupDimension, std::size_t>> subgroup;
    if (!settings.subgroup.empty()) {
        subgroup = find_subgroup(scenario.model, settings.subgroup);
        if (!subgroup) {
            throw UsageError("--subgroup " + settings.subgroup +
                             ": no such subgroup (DIMENSION:CATEGORY, e.g. cohort:pilot)");
        }
        const auto it =
            std::find(kSubgroupMetrics.begin(), kSubgroupMetrics.end(), settings.metric);
        if (it == kSubgroupMetrics.end()) {
            throw UsageError(
                "--target: a subgroup has persons, placed, placement_rate and "
                "employment_months, not " +
                settings.metric);
        }
        metric = static_cast<std::size_t>(it - kSubgroupMetrics.begin());
    } else {
        try {
            metric = metric_index(settings.metric);
        } catch (const std::out_of_range& e) {
            throw UsageError(std::string("--target: ") + e.what());
        }
    }
    std::size_t arm = 0;
    if (!settings.arm.empty()) {
        bool found = false;
        for (std::size_t a = 0; a < scenario.model.arms.size(); ++a) {
            if (scenario.model.arms[a].name == settings.arm) {
                arm = a;
                found = true;
            }
        }
        if (!found) throw UsageError("--arm: no arm named '" + settings.arm + "'");
    }
    binding_of(scenario, settings);
    CalibrationResult result;
    if (settings.bracket) {
        result.bracket = *settings.bracket;
    } else {
        // A probability or share: its whole open range; otherwise a factor of four either way.
        const double v = current_value(scenario, settings);
        if (v > 0.0 && v < 1.0) {
            result.bracket = {0.001, 0.999};
        } else if (v > 0.0) {
            result.bracket = {v / 4.0, v * 4.0};
        } else {
            throw UsageError("--param " + settings.path + ": give --bracket LOW:HIGH");
        }
    }

    RunSettings run;
    run.replications = settings.replications;
    run.seed = settings.seed;
    run.threads = settings.threads;
    run.cancel = settings.cancel;
    struct Evaluation {
        double mean;
        double half_width;
    };
    auto evaluate = [&](double x) {
        ++result.evaluations;
        model::ModelConfig config = scenario.model;
        scenario.parameters.apply(config, {assignment_for(settings, x)});
        const RunResults r = run_replications(config, run);
        const MetricSummary& m =
            subgroup
                ? r.arms[arm]
                      .subgroups.by[static_cast<std::size_t>(subgroup->first)][subgroup->second]
                      .metrics[metric]
                : r.arms[arm].metrics[metric];
        if (!m.available) {
            throw std::runtime_error(fmt::format("{} is not available for arm {} at {}={}",
                                                 settings.metric, r.arms[arm].name, settings.path,
                                                 x));
        }
        return Evaluation{m.summary.mean, (m.summary.ci95_high - m.summary.ci95_low) / 2.0};
    };

    const auto [low, high] = result.bracket;
    const Evaluation at_low = evaluate(low);
    const Evaluation at_high = evaluate(high);
    auto solve = [&](double target, double f_low, double f_high) -> std::optional<double> {
        if ((f_low - target) * (f_high - target) > 0.0) return std::nullopt;
        if (f_low == target) return low;
        if (f_high == target) return high;
        boost::uintmax_t iterations = static_cast<boost::uintmax_t>(settings.max_iterations);
        const auto close_enough = [&](double a, double b) {
            return std::abs(b - a) <= settings.tolerance * std::max(1.0, std::abs(a));
        };
        const auto root = boost::math::tools::toms748_solve(
            [&](double x) { return evaluate(x).mean - target; }, low, high, f_low - target,
            f_high - target, close_enough, iterations);
        return (root.first + root.second) / 2.0;
    };
    const auto value = solve(settings.target, at_low.mean, at_high.mean);
    if (!value) {
        throw UsageError(
            fmt::format("the target {}={} is not bracketed: it is {:.6g} at {}={} and {:.6g} at "
                        "{}={}; give a wider "
                        "--bracket",
                        settings.metric, settings.target, at_low.mean, settings.path, low,
                        at_high.mean, settings.path, high));
    }
    result.value = *value;
    const Evaluation at_value = evaluate(result.value);
    result.achieved = at_value.mean;
    result.achieved_low = at_value.mean - at_value.half_width;
    result.achieved_high = at_value.mean + at_value.half_width;
    // Parameter values whose metric is within the interval around the target.
    const auto a = solve(settings.target - at_value.half_width, at_low.mean, at_high.mean);
    const auto b = solve(settings.target + at_value.half_width, at_low.mean, at_high.mean);
    const double end_a =
        a ? *a
          : (std::abs(at_low.mean - settings.target) < std::abs(at_high.mean - settings.target)
                 ? low
                 : high);
    const double end_b = b ? *b : (end_a == low ? high : low);
    result.low = std::min({end_a, end_b, result.value});
    result.high = std::max({end_a, end_b, result.value});
    const scenario::Assignment assignment = assignment_for(settings, result.value);
    result.assignment = assignment.path + "=" + assignment.text;
    // The calibrated scenario marks the value it changed with what and when.
    const std::time_t now = std::time(nullptr);
    char today[16];
    std::strftime(today, sizeof today, "%Y-%m-%d", std::localtime(&now));
    result.calibrated = scenario::with_assignments(
        scenario, {assignment},
        fmt::format("calibrated {} to {}={}", today, settings.metric, settings.target));
    return result;
}

}  // namespace followsim::experiment
