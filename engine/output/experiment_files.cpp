#include "engine/output/experiment_files.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/core/statistics.hpp"
#include "engine/experiment/decision.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/output/decision_json.hpp"
#include "engine/output/result_files.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

constexpr const char* kEvppiMethod =
    "Strong, Oakley & Brennan (2014) non-parametric regression: each arm's extra placements and "
    "extra programme cost against {} are regressed on the parameter(s) by a penalised "
    "regression spline (cubic P-splines, additive over a group's parameters, with their "
    "pairwise products when there are 20 draws per unpenalised term; smoothing by GCV); "
    "EVPPI = mean over draws of the best arm's fitted net benefit - the best arm's mean. "
    "Estimates below 0 are set to 0, above the EVPI capped at it (set_to_zero, "
    "capped_at_evpi: how many wtp points).";

ordered_json nullable(double x) {
    return std::isnan(x) ? ordered_json(nullptr) : ordered_json(x);
}

// cost_effectiveness.evppi of a PSA: per parameter and group, at the CEAC's grid.
ordered_json evppi_json(const scenario::Scenario& scenario, const experiment::PsaEvppi& e) {
    ordered_json parameters = ordered_json::object();
    ordered_json groups = ordered_json::object();
    ordered_json set_to_zero = ordered_json::object();
    ordered_json capped = ordered_json::object();
    auto add = [&](ordered_json& to, const std::string& name,
                   const economics::EvppiEstimate& estimate) {
        to[name] = estimate.value;
        // Where the bounds 0 <= EVPPI <= EVPI changed an estimate: how many wtp points.
        if (estimate.set_to_zero > 0) set_to_zero[name] = estimate.set_to_zero;
        if (estimate.capped_at_evpi > 0) capped[name] = estimate.capped_at_evpi;
    };
    for (std::size_t i = 0; i < e.parameters.size(); ++i)
        add(parameters, scenario.uncertainty.parameters[i].path, e.parameters[i]);
    for (std::size_t g = 0; g < e.groups.size(); ++g)
        add(groups, scenario.uncertainty.groups[g].name, e.groups[g]);
    const std::string reference =
        scenario.model.arms.empty() ? std::string() : scenario.model.arms.front().name;
    return {{"wtp_nok_per_placement", e.wtp},
            {"parameters", std::move(parameters)},
            {"groups", std::move(groups)},
            {"method", fmt::format(kEvppiMethod, reference)},
            {"evpi_nok", e.evpi},
            {"set_to_zero", std::move(set_to_zero)},
            {"capped_at_evpi", std::move(capped)}};
}

}  // namespace

ordered_json psa_summary_json(const scenario::Scenario& scenario, const experiment::PsaResults& r) {
    ordered_json j = summary_header(scenario);
    j["run"] = {{"draws", r.draws},   {"replications_per_draw", r.replications},
                {"seed", r.seed},     {"threads", r.threads},
                {"events", r.events}, {"wall_seconds", r.wall_seconds}};
    j["baseline_arm"] = r.baseline_arm ? ordered_json(scenario.model.arms[*r.baseline_arm].name)
                                       : ordered_json(nullptr);
    j["decision"] = decision_json(
        scenario, experiment::psa_decision(scenario.uncertainty, r.parameter_values, r.samples),
        r.arms, r.draws);
    // Over draws: each metric's mean of the draw means, their sd, the interval of the mean
    // (ci95) and the spread of the draws (interval95).
    j["arms"] = arms_json(scenario, r.arms);
    j["comparisons"] = comparisons_json(scenario.model, r.samples, true);
    j["cost_effectiveness"] = cost_effectiveness_json(scenario.model, r.samples);
    j["cost_effectiveness"]["evppi"] = evppi_json(scenario, r.evppi);

    ordered_json parameters = ordered_json::array();
    for (std::size_t i = 0; i < scenario.uncertainty.parameters.size(); ++i) {
        const auto& p = scenario.uncertainty.parameters[i];
        std::vector<double> values;
        for (const auto& draw : r.parameter_values) values.push_back(draw[i]);
        const core::Summary s = core::summarize(values);
        parameters.push_back({{"path", p.path},
                              {"distribution", scenario::family_name(p.prior)},
                              {"mean_of_draws", s.mean},
                              {"sd_of_draws", s.sd}});
    }
    // The cost-effectiveness plane: each draw's extra programme cost and extra placements of
    // every arm against the baseline arm.
    ordered_json plane = ordered_json::object();
    if (r.baseline_arm) {
        const std::size_t cost = experiment::metric_index("cost_programme_nok");
        const std::size_t placed = experiment::metric_index("placed");
        const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
        for (std::size_t a = 0; a < scenario.model.arms.size(); ++a) {
            if (a == *r.baseline_arm) continue;
            ordered_json points = ordered_json::array();
            for (const auto& draw : r.samples) {
                points.push_back({{"delta_cost_nok", draw[a][cost] - draw[*r.baseline_arm][cost]},
                                  {"delta_placed", draw[a][placed] - draw[*r.baseline_arm][placed]},
                                  {"npv_socioeconomic_nok", nullable(draw[a][npv])}});
            }
            plane[scenario.model.arms[a].name] = std::move(points);
        }
    }
    j["psa"] = {{"parameters", std::move(parameters)},
                {"versus", r.baseline_arm ? ordered_json(scenario.model.arms[*r.baseline_arm].name)
                                          : ordered_json(nullptr)},
                {"plane", std::move(plane)}};
    return j;
}

std::string psa_csv(const scenario::Scenario& scenario, const experiment::PsaResults& r) {
    std::string out = "draw,arm";
    for (const auto& p : scenario.uncertainty.parameters) out += "," + csv_field(p.path);
    out += metrics_csv_header() + "\n";
    for (std::size_t k = 0; k < r.samples.size(); ++k) {
        for (std::size_t a = 0; a < r.samples[k].size(); ++a) {
            out += fmt::format("{},{}", k, csv_field(scenario.model.arms[a].name));
            for (double x : r.parameter_values[k]) out += "," + csv_number(x);
            out += metrics_csv_row(r.samples[k][a]) + "\n";
        }
    }
    return out;
}

ordered_json sweep_summary_json(const scenario::Scenario& scenario,
                                const experiment::SweepResults& r) {
    ordered_json j = summary_header(scenario);
    j["run"] = {{"points", r.points.size()},
                {"replications_per_point", r.replications},
                {"seed", r.seed},
                {"threads", r.threads},
                {"events", r.events},
                {"wall_seconds", r.wall_seconds}};
    ordered_json variables = ordered_json::array();
    for (std::size_t i = 0; i < r.variables.size(); ++i) {
        const auto& v = r.variables[i];
        variables.push_back(
            {{"path", v.path},
             {"from", v.from},
             {"to", v.to},
             {"steps", v.steps},
             {"unit", v.unit.empty() ? ordered_json(nullptr) : ordered_json(v.unit)},
             {"scenario_value", nullable(r.scenario_values[i])}});
    }
    // Every value of a point, the scenario's where the point leaves a variable as it is.
    auto point_values = [&](std::size_t point) {
        ordered_json values = ordered_json::object();
        for (std::size_t v = 0; v < r.variables.size(); ++v) {
            const auto& x = r.points[point].values[v];
            values[r.variables[v].path] = nullable(x.value_or(r.scenario_values[v]));
        }
        return values;
    };
    ordered_json bars = ordered_json::array();
    for (const auto& bar : r.tornado) {
        const auto& v = r.variables[bar.variable];
        bars.push_back({{"path", v.path},
                        {"from", v.from},
                        {"to", v.to},
                        {"npv_difference_at_from_nok", bar.at_from},
                        {"npv_difference_at_to_nok", bar.at_to}});
    }
    ordered_json best = ordered_json::array();
    for (const auto& b : r.best) {
        best.push_back({{"metric", b.metric},
                        {"arm", scenario.model.arms[b.arm].name},
                        {"point", b.point},
                        {"values", point_values(b.point)},
                        {"value", b.value}});
    }
    j["decision"] = decision_json(scenario, experiment::sweep_decision(r),
                                  experiment::summarize_samples(scenario.model, {r.means.front()}),
                                  r.replications);
    const auto& arms = scenario.model.arms;
    j["sweep"] = {{"mode", r.grid ? "grid" : "one_way"},
                  {"variables", std::move(variables)},
                  {"tornado",
                   {{"arm", arms[r.tornado_arm].name},
                    {"versus", arms[r.tornado_versus].name},
                    {"metric", "npv_socioeconomic_nok difference"},
                    {"base_nok", r.tornado_base},
                    {"bars", std::move(bars)}}},
                  {"best", std::move(best)}};
    return j;
}

std::string sweep_csv(const scenario::Scenario& scenario, const experiment::SweepResults& r) {
    std::string out = "point";
    for (const auto& v : r.variables) out += "," + csv_field(v.path);
    out += ",arm" + metrics_csv_header() + "\n";
    for (std::size_t p = 0; p < r.points.size(); ++p) {
        for (std::size_t a = 0; a < r.means[p].size(); ++a) {
            out += std::to_string(p);
            for (const auto& x : r.points[p].values)
                out += "," + (x ? csv_number(*x) : std::string());
            out += "," + csv_field(scenario.model.arms[a].name) + metrics_csv_row(r.means[p][a]) +
                   "\n";
        }
    }
    return out;
}

ordered_json calibration_json(const scenario::Scenario& scenario,
                              const experiment::CalibrationSettings& settings,
                              const experiment::CalibrationResult& result) {
    ordered_json j = summary_header(scenario);
    j["calibration"] = {
        {"parameter", settings.path},
        {"unit", settings.unit.empty() ? ordered_json(nullptr) : ordered_json(settings.unit)},
        {"metric", settings.metric},
        {"arm", settings.arm.empty() ? scenario.model.arms.front().name : settings.arm},
        {"subgroup",
         settings.subgroup.empty() ? ordered_json(nullptr) : ordered_json(settings.subgroup)},
        {"target", settings.target},
        {"value", result.value},
        {"interval", {result.low, result.high}},
        {"achieved",
         {{"mean", result.achieved}, {"ci95", {result.achieved_low, result.achieved_high}}}},
        {"bracket", {result.bracket.first, result.bracket.second}},
        {"replications", settings.replications},
        {"seed", settings.seed},
        {"evaluations", result.evaluations},
        {"set", result.assignment}};
    return j;
}

}  // namespace followsim::output
