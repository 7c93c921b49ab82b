#include "engine/experiment/decision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/core/statistics.hpp"
#include "engine/experiment/metrics.hpp"

namespace followsim::experiment {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::size_t value_metric() {
    static const std::size_t m = metric_index("socioeconomic_value_nok");
    return m;
}

// Arms by mean value over the samples, best first (ties: the scenario's order).
std::vector<std::size_t> ranked(const std::vector<std::vector<std::vector<double>>>& samples) {
    const std::size_t arms = samples.front().size();
    std::vector<double> mean(arms, 0.0);
    for (const auto& s : samples) {
        for (std::size_t a = 0; a < arms; ++a) mean[a] += s[a][value_metric()];
    }
    std::vector<std::size_t> order(arms);
    for (std::size_t a = 0; a < arms; ++a) order[a] = a;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return mean[x] > mean[y]; });
    return order;
}

// The gap between the recommended arm and the runner-up in each sample.
std::vector<double> gaps(const Decision& d,
                         const std::vector<std::vector<std::vector<double>>>& samples) {
    std::vector<double> out;
    for (const auto& s : samples)
        out.push_back(s[d.recommended][value_metric()] - s[*d.runner_up][value_metric()]);
    return out;
}

}  // namespace

Decision decide(const std::vector<std::vector<std::vector<double>>>& samples, bool over_draws) {
    Decision d;
    d.basis = over_draws ? "draws" : "replications";
    d.probability_best = kNaN;
    if (samples.empty() || samples.front().empty()) return d;
    const auto order = ranked(samples);
    d.recommended = order[0];
    if (order.size() > 1) d.runner_up = order[1];
    // Ties for the best share the sample.
    double wins = 0.0;
    for (const auto& s : samples) {
        double best = -std::numeric_limits<double>::infinity();
        for (const auto& arm : s) best = std::max(best, arm[value_metric()]);
        double tied = 0.0;
        for (const auto& arm : s) tied += arm[value_metric()] == best ? 1.0 : 0.0;
        if (s[d.recommended][value_metric()] == best) wins += 1.0 / tied;
    }
    d.probability_best = wins / static_cast<double>(samples.size());
    if (d.runner_up) d.gap = summarize_metric(gaps(d, samples), over_draws);
    return d;
}

Decision psa_decision(const scenario::Uncertainty& uncertainty,
                      const std::vector<std::vector<double>>& parameter_values,
                      const std::vector<std::vector<std::vector<double>>>& draws) {
    Decision d = decide(draws, true);
    if (!d.runner_up || draws.size() < 3) return d;
    const std::vector<double> y = gaps(d, draws);
    double best_r2 = 0.0;
    for (std::size_t i = 0; i < uncertainty.parameters.size(); ++i) {
        std::vector<double> x;
        for (const auto& draw : parameter_values) x.push_back(draw[i]);
        const double n = static_cast<double>(x.size());
        double mx = 0, my = 0;
        for (std::size_t k = 0; k < x.size(); ++k) {
            mx += x[k] / n;
            my += y[k] / n;
        }
        double sxx = 0, sxy = 0, syy = 0;
        for (std::size_t k = 0; k < x.size(); ++k) {
            sxx += (x[k] - mx) * (x[k] - mx);
            sxy += (x[k] - mx) * (y[k] - my);
            syy += (y[k] - my) * (y[k] - my);
        }
        if (!(sxx > 0.0) || !(syy > 0.0) || sxy == 0.0) continue;
        const double slope = sxy / sxx;
        const double crossing = mx - my / slope;
        std::sort(x.begin(), x.end());
        if (crossing < quantile_of_sorted(x, 0.025) || crossing > quantile_of_sorted(x, 0.975))
            continue;
        const double r2 = sxy * sxy / (sxx * syy);
        if (r2 <= best_r2) continue;
        best_r2 = r2;
        const auto& p = uncertainty.parameters[i];
        // The gap falls as the parameter rises: the runner-up is better above the crossing.
        d.threshold = DecidingThreshold{p.path, crossing, p.unit, slope < 0.0, "psa"};
    }
    return d;
}

Decision sweep_decision(const SweepResults& r) {
    Decision d = decide({r.means.front()}, false);
    d.basis = "scenario";
    d.probability_best = kNaN;
    if (!d.runner_up || r.grid) return d;
    auto gap_at = [&](std::size_t point) {
        return r.means[point][d.recommended][value_metric()] -
               r.means[point][*d.runner_up][value_metric()];
    };
    // The one-way sweeps lie after point 0, variable by variable, in --vary order.
    std::vector<std::size_t> first(r.variables.size());
    std::size_t point = 1;
    for (std::size_t v = 0; v < r.variables.size(); ++v) {
        first[v] = point;
        point += static_cast<std::size_t>(r.variables[v].steps);
    }
    for (const TornadoBar& bar : r.tornado) {  // largest swing first
        const SweepVariable& v = r.variables[bar.variable];
        for (int s = 0; s + 1 < v.steps; ++s) {
            const double g0 = gap_at(first[bar.variable] + static_cast<std::size_t>(s));
            const double g1 = gap_at(first[bar.variable] + static_cast<std::size_t>(s) + 1);
            if (std::isnan(g0) || std::isnan(g1) || (g0 > 0.0) == (g1 > 0.0)) continue;
            const double x0 = v.value(s), x1 = v.value(s + 1);
            const double crossing = x0 + (x1 - x0) * g0 / (g0 - g1);
            // Going from x0 to x1 the gap changes sign: which side favours the runner-up.
            const bool runner_up_above = (g1 <= 0.0) == (x1 > x0);
            d.threshold = DecidingThreshold{v.path, crossing, v.unit, runner_up_above, "sweep"};
            return d;
        }
    }
    return d;
}

}  // namespace followsim::experiment
