#include "engine/output/optimise_files.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <numeric>

#include "engine/experiment/metrics.hpp"
#include "engine/output/arm_table.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/result_files.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

// The terminal table lists this many candidates, best first.
constexpr std::size_t kTableCandidates = 5;

std::string measure_name(const scenario::Scenario& scenario, std::size_t pathway) {
    return scenario.model.pathways.at(pathway).name;
}

// What a candidate is: its shares of the budget and what they buy.
ordered_json split_json(const scenario::Scenario& scenario, const experiment::OptimiseResults& r,
                        const experiment::Candidate& c) {
    ordered_json shares = {{"caseworkers", c.shares.at(0)}};
    ordered_json slots = ordered_json::object();
    for (std::size_t m = 0; m < r.measures.size(); ++m) {
        shares[measure_name(scenario, r.measures[m])] = c.shares.at(m + 1);
        slots[measure_name(scenario, r.measures[m])] = c.split.slots[m];
    }
    return {{"shares", std::move(shares)},
            {"caseworkers", c.split.caseworkers},
            {"slots", std::move(slots)},
            {"staff_cost_per_year_nok", c.split.staff_cost_per_year_nok},
            {"purchases_per_year_nok", c.split.purchases_per_year_nok},
            {"objective", metric_json(r.objective_of(c))}};
}

std::string interval_text(std::string_view metric, const experiment::MetricSummary& m,
                          Lang lang = Lang::en) {
    if (!m.available) return "n/a";
    return fmt::format("{} [{}, {}]", format_metric(metric, m.summary.mean, lang),
                       format_metric(metric, m.summary.ci95_low, lang),
                       format_metric(metric, m.summary.ci95_high, lang));
}

}  // namespace

ordered_json optimise_summary_json(const scenario::Scenario& scenario,
                                   const experiment::OptimiseResults& r) {
    ordered_json j = summary_header(scenario);
    j["run"] = {{"candidates", r.candidates.size()},
                {"replications_per_candidate", r.replications},
                {"seed", r.seed},
                {"threads", r.threads},
                {"events", r.events},
                {"wall_seconds", r.wall_seconds}};
    const auto& arms = scenario.model.arms;
    ordered_json measures = ordered_json::array();
    for (std::size_t p : r.measures) {
        measures.push_back(
            {{"name", measure_name(scenario, p)},
             {"price_per_month_nok", scenario.model.pathways[p].measure()->price_per_month_nok}});
    }
    const experiment::Candidate& best = r.best_candidate();
    ordered_json best_json = {{"index", r.best}};
    best_json.update(split_json(scenario, r, best));
    ordered_json metrics = ordered_json::object();
    for (std::size_t m = 0; m < experiment::arm_metrics().size(); ++m)
        metrics[std::string(experiment::arm_metrics()[m].name)] = metric_json(best.metrics[m]);
    best_json["metrics"] = std::move(metrics);
    ordered_json candidates = ordered_json::array();
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
        ordered_json c = {{"index", i}, {"phase", experiment::phase_name(r.candidates[i].phase)}};
        c.update(split_json(scenario, r, r.candidates[i]));
        candidates.push_back(std::move(c));
    }
    j["optimise"] = {
        {"budget_nok_per_year", r.budget_nok_per_year},
        {"objective", experiment::objective_metric(r.objective)},
        {"arm", arms[r.arm].name},
        {"arm_chosen", r.arm_reason},
        {"versus", r.versus ? ordered_json(arms[*r.versus].name) : ordered_json(nullptr)},
        {"staffing_path", r.staffing_path},
        {"cost_per_caseworker_year_nok", r.cost_per_caseworker_year_nok},
        {"measures", std::move(measures)},
        {"method", r.method},
        {"best", std::move(best_json)},
        {"evaluations", r.candidates.size()},
        {"optimiser_calls", r.optimiser_calls},
        {"candidates", std::move(candidates)}};
    return j;
}

std::string optimise_csv(const scenario::Scenario& scenario, const experiment::OptimiseResults& r) {
    std::string out = "candidate,phase,share_caseworkers";
    for (std::size_t p : r.measures) out += ",share_" + csv_field(measure_name(scenario, p));
    out += ",caseworkers";
    for (std::size_t p : r.measures) out += ",slots_" + csv_field(measure_name(scenario, p));
    out +=
        ",staff_cost_per_year_nok,purchases_per_year_nok,objective_mean,objective_sd,"
        "objective_ci95_low,objective_ci95_high" +
        metrics_csv_header() + "\n";
    for (std::size_t i = 0; i < r.candidates.size(); ++i) {
        const experiment::Candidate& c = r.candidates[i];
        out += fmt::format("{},{}", i, experiment::phase_name(c.phase));
        for (double share : c.shares) out += "," + csv_number(share);
        out += fmt::format(",{}", c.split.caseworkers);
        for (std::int64_t slots : c.split.slots) out += fmt::format(",{}", slots);
        out += "," + csv_number(c.split.staff_cost_per_year_nok) + "," +
               csv_number(c.split.purchases_per_year_nok);
        const experiment::MetricSummary& objective = r.objective_of(c);
        const core::Summary& s = objective.summary;
        for (double x : {s.mean, s.sd, s.ci95_low, s.ci95_high})
            out += "," + (objective.available ? csv_number(x) : std::string());
        std::vector<double> means;
        for (const experiment::MetricSummary& m : c.metrics)
            means.push_back(m.available ? m.summary.mean : model::kNotAvailable);
        out += metrics_csv_row(means) + "\n";
    }
    return out;
}

std::string optimise_table(const scenario::Scenario& scenario, const experiment::OptimiseResults& r,
                           Lang lang) {
    const std::string_view metric = experiment::objective_metric(r.objective);
    const auto& arms = scenario.model.arms;
    std::string out =
        wrap_text(say("optimise.title", lang, scenario.name, nok_text(r.budget_nok_per_year, lang),
                      arms[r.arm].name, r.arm_reason, metric,
                      r.versus && r.objective != experiment::Objective::placements
                          ? say("optimise.against", lang, arms[*r.versus].name)
                          : std::string(),
                      r.replications, r.seed));
    auto bought = [&](const experiment::Candidate& c) {
        std::string places;
        for (std::size_t m = 0; m < r.measures.size(); ++m) {
            places += say("optimise.places", lang, c.split.slots[m],
                          measure_name(scenario, r.measures[m]));
        }
        return say("optimise.caseworkers", lang, c.split.caseworkers,
                   nok_text(c.split.staff_cost_per_year_nok, lang), places);
    };
    const experiment::Candidate& best = r.best_candidate();
    out += wrap_text(say("optimise.best", lang, bought(best),
                         nok_text(best.split.purchases_per_year_nok, lang)));
    out += wrap_text(
        say("optimise.objective", lang, metric, interval_text(metric, r.objective_of(best), lang)));
    out += wrap_text(
        say("optimise.candidates", lang, r.candidates.size(), r.optimiser_calls, r.method));
    std::vector<std::size_t> order(r.candidates.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    auto mean = [&](std::size_t i) {
        const auto& m = r.objective_of(r.candidates[i]);
        return m.available ? m.summary.mean : -std::numeric_limits<double>::infinity();
    };
    // Best first, ties as optimise_split breaks them: the fewer caseworkers.
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return mean(a) > mean(b) || (mean(a) == mean(b) && r.candidates[a].split.caseworkers <
                                                               r.candidates[b].split.caseworkers);
    });
    std::vector<std::vector<std::string>> rows{{std::string(text("optimise.header", lang))}};
    for (std::size_t p : r.measures) rows[0].push_back(measure_name(scenario, p));
    rows[0].push_back(std::string(metric));
    for (std::size_t k = 0; k < std::min(kTableCandidates, order.size()); ++k) {
        const experiment::Candidate& c = r.candidates[order[k]];
        std::vector<std::string> row{fmt::format("{}", c.split.caseworkers)};
        for (std::int64_t slots : c.split.slots) row.push_back(fmt::format("{}", slots));
        row.push_back(interval_text(metric, r.objective_of(c), lang));
        rows.push_back(std::move(row));
    }
    return out + aligned_columns(rows, true);
}

}  // namespace followsim::output
