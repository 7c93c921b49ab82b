#include "engine/output/report/report_data.hpp"

namespace followsim::output {

double placed_share(const model::StateValues& state) {
    const double persons = state[model::StateField::persons];
    return persons > 0.0 ? state[model::StateField::placed] / persons : 0.0;
}

ReportData report_data(const scenario::Scenario& scenario, nlohmann::ordered_json summary) {
    ReportData data;
    data.summary = std::move(summary);
    data.scenario_yaml = scenario.resolved_yaml;
    return data;
}

ReportData run_report_data(const scenario::Scenario& scenario,
                           const experiment::RunResults& results, nlohmann::ordered_json summary) {
    ReportData data = report_data(scenario, std::move(summary));
    for (const experiment::ArmSummary& arm : results.arms) {
        ArmMonths& series = data.months.emplace_back();
        series.arm = arm.name;
        for (const experiment::MonthMean& month : arm.months)
            series.months.push_back({month.day, month.mean});
    }
    return data;
}

ReportData sweep_report_data(const scenario::Scenario& scenario,
                             const experiment::SweepResults& results,
                             nlohmann::ordered_json summary) {
    ReportData data = report_data(scenario, std::move(summary));
    SweepTable& table = data.sweep.emplace();
    for (const auto& v : results.variables) table.variables.push_back(v.path);
    for (const auto& arm : scenario.model.arms) table.arms.push_back(arm.name);
    for (std::size_t p = 0; p < results.points.size(); ++p)
        table.rows.push_back({p, results.points[p].values, results.means[p]});
    return data;
}

}  // namespace followsim::output
