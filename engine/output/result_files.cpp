#include "engine/output/result_files.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/experiment/comparisons.hpp"
#include "engine/experiment/decision.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/output/decision_json.hpp"
#include "engine/output/report/report_data.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

ordered_json metric_json(const experiment::MetricSummary& m) {
    if (!m.available) return nullptr;
    const core::Summary& s = m.summary;
    ordered_json j{{"mean", s.mean}, {"sd", s.sd}, {"ci95", {s.ci95_low, s.ci95_high}}};
    if (m.interval95) j["interval95"] = {m.interval95->first, m.interval95->second};
    return j;
}

std::string csv_number(double x) {
    return std::isnan(x) ? std::string() : fmt::format("{}", x);
}

std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

namespace {

ordered_json number_or_null(double x) {
    return std::isnan(x) ? ordered_json(nullptr) : ordered_json(x);
}

ordered_json frontier_json(const std::vector<economics::FrontierEntry>& entries,
                           const model::ModelConfig& config) {
    ordered_json list = ordered_json::array();
    for (const auto& e : entries) {
        list.push_back({{"arm", config.arms[e.arm].name},
                        {"cost", e.cost},
                        {"effect", e.effect},
                        {"status", economics::to_code(e.status)},
                        {"icer", number_or_null(e.icer)}});
    }
    return list;
}

}  // namespace

ordered_json comparisons_json(const model::ModelConfig& config,
                              const std::vector<std::vector<std::vector<double>>>& samples,
                              bool over_draws) {
    const auto& metrics = experiment::arm_metrics();
    ordered_json list = ordered_json::array();
    for (const experiment::Comparison& c : experiment::compare_arms(samples, over_draws)) {
        ordered_json delta = ordered_json::object();
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            delta[std::string(metrics[m].name)] = metric_json(c.delta[m]);
        }
        list.push_back(
            {{"arm", config.arms[c.arm].name},
             {"versus", config.arms[c.versus].name},
             {"delta", std::move(delta)},
             {"icer_nok_per_placement", number_or_null(c.per_placement.nok_per_unit)},
             {"icer_placement_status", economics::to_string(c.per_placement.status)},
             {"icer_nok_per_employment_month", number_or_null(c.per_employment_month.nok_per_unit)},
             {"icer_employment_month_status", economics::to_string(c.per_employment_month.status)},
             {"probability_better", c.probability_better}});
    }
    return list;
}

ordered_json cost_effectiveness_json(const model::ModelConfig& config,
                                     const std::vector<std::vector<std::vector<double>>>& samples) {
    const experiment::CostEffectiveness ce =
        experiment::cost_effectiveness(samples, config.economics);
    ordered_json probability = ordered_json::object();
    for (std::size_t a = 0; a < config.arms.size(); ++a) {
        probability[config.arms[a].name] = ce.ceac.probability[a];
    }
    return {
        {"cost_metric", "cost_programme_nok"},
        {"effect_metric", "placed"},
        {"frontier", frontier_json(ce.frontier_placements, config)},
        {"frontier_employment_months", frontier_json(ce.frontier_employment_months, config)},
        {"ceac",
         {{"wtp_nok_per_placement", ce.ceac.wtp}, {"probability_best", std::move(probability)}}},
        {"evpi_nok", ce.ceac.evpi}};
}

ordered_json summary_header(const scenario::Scenario& scenario) {
    ordered_json j;
    j["followsim_version"] = FOLLOWSIM_VERSION;
    j["scenario"] = {{"name", scenario.name},
                     {"file", scenario.file},
                     {"sha256", scenario.sha256},
                     {"price_year", scenario.price_year},
                     {"overrides", scenario.overrides}};
    return j;
}

ordered_json arms_json(const scenario::Scenario& scenario,
                       const std::vector<experiment::ArmSummary>& summaries) {
    const auto& metrics = experiment::arm_metrics();
    ordered_json arms = ordered_json::object();
    for (std::size_t a = 0; a < summaries.size(); ++a) {
        ordered_json metric_values = ordered_json::object();
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            metric_values[std::string(metrics[m].name)] = metric_json(summaries[a].metrics[m]);
        }
        ordered_json entry;
        const auto& target = scenario.model.arms[a].target_placement_rate;
        if (target) entry["target"] = {{"placement_rate", *target}};
        entry["metrics"] = std::move(metric_values);
        arms[summaries[a].name] = std::move(entry);
    }
    return arms;
}

std::string metrics_csv_header() {
    std::string out;
    for (const auto& m : experiment::arm_metrics()) out += fmt::format(",{}", m.name);
    return out;
}

std::string metrics_csv_row(const std::vector<double>& values) {
    std::string out;
    for (double value : values) {
        out += ',';
        out += csv_number(value);
    }
    return out;
}

ordered_json summary_json(const scenario::Scenario& scenario,
                          const experiment::RunResults& results) {
    ordered_json j = summary_header(scenario);
    j["run"] = {{"replications", results.replications},
                {"seed", results.seed},
                {"threads", results.threads},
                {"events", results.events},
                {"wall_seconds", results.wall_seconds}};
    j["decision"] = decision_json(scenario, experiment::decide(results.metrics, false),
                                  results.arms, results.replications);
    ordered_json arms = arms_json(scenario, results.arms);
    for (std::size_t a = 0; a < results.arms.size(); ++a) {
        ordered_json& entry = arms[results.arms[a].name];
        // The purchase budget account: mean spending per budget year.
        std::vector<double> by_year;
        for (const auto& replication : results.outcomes) {
            const auto& spent = replication[a].spent_by_year_nok;
            if (by_year.size() < spent.size()) by_year.resize(spent.size(), 0.0);
            for (std::size_t y = 0; y < spent.size(); ++y) by_year[y] += spent[y];
        }
        for (double& y : by_year) y /= static_cast<double>(results.outcomes.size());
        entry["budget_spent_by_year_nok"] = by_year;
    }
    j["baseline_arm"] = results.baseline_arm
                            ? ordered_json(scenario.model.arms[*results.baseline_arm].name)
                            : ordered_json(nullptr);
    j["arms"] = std::move(arms);
    j["comparisons"] = comparisons_json(scenario.model, results.metrics);
    j["cost_effectiveness"] = cost_effectiveness_json(scenario.model, results.metrics);
    j["subgroups"] = subgroups_json(results.arms);
    return j;
}

ordered_json subgroups_json(const std::vector<experiment::ArmSummary>& arms) {
    ordered_json out = ordered_json::object();
    for (const experiment::ArmSummary& arm : arms) {
        ordered_json dimensions = ordered_json::object();
        for (std::size_t d = 0; d < model::kSubgroupDimensions; ++d) {
            ordered_json categories = ordered_json::object();
            for (const experiment::SubgroupSummary& s : arm.subgroups.by[d]) {
                ordered_json metrics = ordered_json::object();
                for (std::size_t m = 0; m < experiment::kSubgroupMetrics.size(); ++m) {
                    metrics[std::string(experiment::kSubgroupMetrics[m])] =
                        metric_json(s.metrics[m]);
                }
                categories[s.category] = std::move(metrics);
            }
            dimensions[std::string(model::kSubgroupDimensionNames[d])] = std::move(categories);
        }
        out[arm.name] = std::move(dimensions);
    }
    return out;
}

std::string replications_csv(const scenario::Scenario& scenario,
                             const experiment::RunResults& results) {
    const auto& metrics = experiment::arm_metrics();
    std::string out = "replication,arm";
    for (const auto& m : metrics) out += fmt::format(",{}", m.name);
    out += ",events\n";
    for (std::size_t r = 0; r < results.outcomes.size(); ++r) {
        for (std::size_t a = 0; a < results.outcomes[r].size(); ++a) {
            out += fmt::format("{},{}", r, csv_field(scenario.model.arms[a].name));
            for (double value : results.metrics[r][a]) {
                out += ',';
                out += csv_number(value);
            }
            out += fmt::format(",{}\n", results.outcomes[r][a].events);
        }
    }
    return out;
}

std::string timeseries_csv(const experiment::RunResults& results) {
    // The columns are the monitor's state fields, then the share placed so far.
    std::string out = "arm,month,day";
    for (const auto& f : model::kStateFieldInfo) out += fmt::format(",{}", f.name);
    out += ",placement_rate\n";
    for (const experiment::ArmSummary& arm : results.arms) {
        for (std::size_t m = 0; m < arm.months.size(); ++m) {
            const experiment::MonthMean& s = arm.months[m];
            out += fmt::format("{},{},{}", csv_field(arm.name), m, csv_number(s.day));
            for (double x : s.mean.values) out += "," + csv_number(x);
            out += "," + csv_number(placed_share(s.mean)) + "\n";
        }
    }
    return out;
}

}  // namespace followsim::output
