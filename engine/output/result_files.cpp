#include "engine/output/result_files.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/experiment/metrics.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

ordered_json metric_json(const experiment::MetricSummary& m) {
    if (!m.available) return nullptr;
    const core::Summary& s = m.summary;
    return ordered_json{{"mean", s.mean}, {"sd", s.sd}, {"ci95", {s.ci95_low, s.ci95_high}}};
}

// Shortest text that reads back as the same double; empty for a missing value.
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

}  // namespace

ordered_json summary_json(const scenario::Scenario& scenario,
                          const experiment::RunResults& results) {
    ordered_json j;
    j["followsim_version"] = FOLLOWSIM_VERSION;
    j["scenario"] = {{"name", scenario.name},
                     {"file", scenario.file},
                     {"sha256", scenario.sha256},
                     {"price_year", scenario.price_year},
                     {"overrides", scenario.overrides}};
    j["run"] = {{"replications", results.replications},
                {"seed", results.seed},
                {"threads", results.threads},
                {"events", results.events},
                {"wall_seconds", results.wall_seconds}};
    const auto& metrics = experiment::arm_metrics();
    ordered_json arms = ordered_json::object();
    for (std::size_t a = 0; a < results.arms.size(); ++a) {
        const experiment::ArmSummary& arm = results.arms[a];
        ordered_json metric_values = ordered_json::object();
        for (std::size_t m = 0; m < metrics.size(); ++m) {
            metric_values[std::string(metrics[m].name)] = metric_json(arm.metrics[m]);
        }
        ordered_json entry;
        const auto& target = scenario.model.arms[a].target_placement_rate;
        if (target) entry["target"] = {{"placement_rate", *target}};
        entry["metrics"] = std::move(metric_values);
        arms[arm.name] = std::move(entry);
    }
    j["arms"] = std::move(arms);
    j["comparisons"] = ordered_json::array();
    return j;
}

std::string replications_csv(const scenario::Scenario& scenario,
                             const experiment::RunResults& results) {
    const auto& metrics = experiment::arm_metrics();
    std::string out = "replication,arm";
    for (const auto& m : metrics) out += fmt::format(",{}", m.name);
    out += ",events\n";
    for (std::size_t r = 0; r < results.outcomes.size(); ++r) {
        for (std::size_t a = 0; a < results.outcomes[r].size(); ++a) {
            const model::ArmOutcome& o = results.outcomes[r][a];
            out += fmt::format("{},{}", r, csv_field(scenario.model.arms[a].name));
            for (const auto& m : metrics) {
                out += ',';
                out += csv_number(m.value(o));
            }
            out += fmt::format(",{}\n", o.events);
        }
    }
    return out;
}

std::string timeseries_csv(const experiment::RunResults& results) {
    std::string out =
        "arm,month,day,persons,waiting,in_follow_up,in_measure,in_baseline,employed,exited,"
        "placed,placement_rate,spending_nok\n";
    for (const experiment::ArmSummary& arm : results.arms) {
        for (std::size_t m = 0; m < arm.months.size(); ++m) {
            const experiment::MonthMean& s = arm.months[m];
            const double rate = s.persons > 0.0 ? s.placed / s.persons : 0.0;
            out +=
                fmt::format("{},{},{},{},{},{},{},{},{},{},{},{},{}\n", csv_field(arm.name), m,
                            csv_number(s.day), csv_number(s.persons), csv_number(s.waiting),
                            csv_number(s.in_follow_up), csv_number(s.in_measure),
                            csv_number(s.in_baseline), csv_number(s.employed), csv_number(s.exited),
                            csv_number(s.placed), csv_number(rate), csv_number(s.spending_nok));
        }
    }
    return out;
}

}  // namespace followsim::output
