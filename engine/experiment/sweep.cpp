#include "engine/experiment/sweep.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::experiment {

double SweepVariable::value(int step) const {
    if (steps < 2) return from;
    return from + (to - from) * static_cast<double>(step) / static_cast<double>(steps - 1);
}

scenario::Assignment SweepVariable::assignment_for(double x) const {
    if (unit.empty())
        return scenario::Assignment::set(path, x, scenario::short_number(x), "--vary");
    return scenario::Assignment::set(path, x * *scenario::days_per_unit(unit),
                                     scenario::short_number(x) + " " + unit, "--vary");
}

SweepVariable parse_vary(const std::string& spec) {
    const auto equals = spec.find('=');
    if (equals == std::string::npos || equals == 0) {
        throw UsageError("--vary " + spec + ": expected KEY.PATH=FROM:TO:STEPS");
    }
    SweepVariable v;
    v.path = spec.substr(0, equals);
    std::vector<std::string> parts;
    std::istringstream in(spec.substr(equals + 1));
    for (std::string part; std::getline(in, part, ':');) parts.push_back(part);
    if (parts.size() != 3 && parts.size() != 4) {
        throw UsageError("--vary " + spec + ": expected KEY.PATH=FROM:TO:STEPS[:UNIT]");
    }
    try {
        std::size_t used = 0;
        v.from = std::stod(parts[0], &used);
        if (used != parts[0].size()) throw UsageError("");
        v.to = std::stod(parts[1], &used);
        if (used != parts[1].size()) throw UsageError("");
        v.steps = std::stoi(parts[2], &used);
        if (used != parts[2].size()) throw UsageError("");
    } catch (const std::exception&) {
        throw UsageError("--vary " + spec + ": FROM and TO must be numbers, STEPS a whole number");
    }
    if (v.steps < 2 || v.steps > 1000) {
        throw UsageError("--vary " + spec + ": STEPS must be between 2 and 1000");
    }
    if (parts.size() == 4) {
        v.unit = parts[3];
        if (v.unit != "days" && v.unit != "weeks" && v.unit != "months" && v.unit != "years") {
            throw UsageError("--vary " + spec + ": UNIT must be days, weeks, months or years");
        }
    }
    return v;
}

namespace {

std::size_t arm_index(const model::ModelConfig& config, const std::string& name) {
    for (std::size_t a = 0; a < config.arms.size(); ++a) {
        if (config.arms[a].name == name) return a;
    }
    throw UsageError("no arm named '" + name + "'");
}

constexpr std::size_t kNoArm = std::numeric_limits<std::size_t>::max();

// The arm with the highest socio-economic value at the scenario's values, other than `except`.
std::size_t best_arm(const std::vector<std::vector<double>>& means, std::size_t except) {
    const std::size_t value = metric_index("socioeconomic_value_nok");
    std::size_t best = kNoArm;
    for (std::size_t a = 0; a < means.size(); ++a) {
        if (a == except) continue;
        if (best == kNoArm || means[a][value] > means[best][value]) best = a;
    }
    return best == kNoArm ? 0 : best;
}

}  // namespace

SweepResults run_sweep(const scenario::Scenario& scenario, const SweepSettings& settings) {
    const auto started = std::chrono::steady_clock::now();
    if (settings.variables.empty()) throw UsageError("give at least one --vary");
    // Arms named on the command line are checked before anything runs.
    const model::ModelConfig& config = scenario.model;
    const std::size_t arm = settings.arm.empty() ? kNoArm : arm_index(config, settings.arm);
    const std::size_t versus =
        settings.versus.empty() ? kNoArm : arm_index(config, settings.versus);
    SweepResults r;
    r.variables = settings.variables;
    r.grid = settings.grid;
    r.replications = settings.replications;
    r.seed = settings.seed;
    const std::size_t nv = settings.variables.size();

    r.points.push_back(SweepPoint{std::vector<std::optional<double>>(nv)});  // the scenario as is
    if (settings.grid) {
        std::vector<int> step(nv, 0);
        for (;;) {
            SweepPoint p;
            for (std::size_t v = 0; v < nv; ++v)
                p.values.push_back(settings.variables[v].value(step[v]));
            r.points.push_back(std::move(p));
            std::size_t v = 0;
            while (v < nv && ++step[v] == settings.variables[v].steps) step[v++] = 0;
            if (v == nv) break;
        }
    } else {
        for (std::size_t v = 0; v < nv; ++v) {
            for (int s = 0; s < settings.variables[v].steps; ++s) {
                SweepPoint p{std::vector<std::optional<double>>(nv)};
                p.values[v] = settings.variables[v].value(s);
                r.points.push_back(std::move(p));
            }
        }
    }

    // Set every point's values before running any (a bad value fails fast, nothing run).
    std::vector<model::ModelConfig> variants;
    variants.reserve(r.points.size());
    for (const SweepPoint& p : r.points) {
        std::vector<scenario::Assignment> assignments;
        for (std::size_t v = 0; v < nv; ++v) {
            if (p.values[v])
                assignments.push_back(settings.variables[v].assignment_for(*p.values[v]));
        }
        variants.push_back(scenario.model);
        scenario.parameters.apply(variants.back(), assignments);
    }

    r.threads = resolve_threads(settings.threads, r.points.size());
    r.means.resize(r.points.size());
    std::vector<std::uint64_t> events(r.points.size(), 0);
    parallel_for(
        r.points.size(), r.threads, settings.cancel,
        [&](std::uint64_t i) {
            r.means[i] = mean_metrics(variants[i], settings.replications, settings.seed, events[i]);
        },
        settings.progress);
    for (std::uint64_t e : events) r.events += e;

    // Tornado of the socio-economic NPV difference between the two arms that matter: by
    // default the best arm at the scenario's values against the best of the others.
    r.tornado_arm = arm != kNoArm ? arm : best_arm(r.means.front(), kNoArm);
    r.tornado_versus = versus != kNoArm         ? versus
                       : config.arms.size() > 1 ? best_arm(r.means.front(), r.tornado_arm)
                                                : r.tornado_arm;
    for (const SweepVariable& v : settings.variables) {
        const scenario::ParameterBinding* binding = scenario.parameters.find(v.path, config);
        const double value = binding ? binding->get(config) : std::nan("");
        r.scenario_values.push_back(v.unit.empty() ? value
                                                   : value / *scenario::days_per_unit(v.unit));
    }
    const std::size_t value = metric_index("socioeconomic_value_nok");
    auto difference = [&](std::size_t point) {
        return r.means[point][r.tornado_arm][value] - r.means[point][r.tornado_versus][value];
    };
    r.tornado_base = difference(0);
    if (!settings.grid) {
        std::size_t point = 1;
        for (std::size_t v = 0; v < nv; ++v) {
            const auto steps = static_cast<std::size_t>(settings.variables[v].steps);
            r.tornado.push_back(TornadoBar{v, difference(point), difference(point + steps - 1)});
            point += steps;
        }
        std::stable_sort(r.tornado.begin(), r.tornado.end(),
                         [](const TornadoBar& a, const TornadoBar& b) {
                             return std::abs(a.at_to - a.at_from) > std::abs(b.at_to - b.at_from);
                         });
    }

    // The best point per account: highest NPV for society, highest net gain for public
    // budgets, highest share placed.
    for (const char* name : {"npv_socioeconomic_nok", "net_fiscal_nok", "placement_rate"}) {
        const std::size_t m = metric_index(name);
        BestPoint best{name, 0, 0, -std::numeric_limits<double>::infinity()};
        for (std::size_t p = 0; p < r.means.size(); ++p) {
            for (std::size_t a = 0; a < r.means[p].size(); ++a) {
                const double x = r.means[p][a][m];
                if (!std::isnan(x) && x > best.value) best = BestPoint{name, p, a, x};
            }
        }
        if (std::isfinite(best.value)) r.best.push_back(best);
    }
    r.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return r;
}

}  // namespace followsim::experiment
