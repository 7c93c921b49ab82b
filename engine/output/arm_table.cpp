#include "engine/output/arm_table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "engine/experiment/comparisons.hpp"
#include "engine/experiment/metrics.hpp"

namespace followsim::output {

std::string with_thousands(double value) {
    if (!std::isfinite(value)) return fmt::format("{}", value);
    // Rounded half away from zero, and printed from the double: std::llround is undefined
    // beyond the range of long long (1e25 came out as -9,223,372,036,854,775,808).
    const double rounded = std::round(value);
    const std::string digits = fmt::format("{:.0f}", std::abs(rounded));
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return (rounded < 0.0 ? "-" : "") + grouped;
}

std::string format_metric_value(std::string_view metric, double x) {
    if (metric.ends_with("_nok") || metric == "employment_months") {
        return with_thousands(x);
    }
    if (metric.ends_with("_rate") || metric.ends_with("_utilisation"))
        return fmt::format("{:.3f}", x);
    return fmt::format("{:.1f}", x);
}

std::string aligned_columns(const std::vector<std::vector<std::string>>& rows, bool rule) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], row[c].size());
    }
    std::size_t total = 0;
    for (std::size_t w : widths) total += w + 2;
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            out += c == 0 ? fmt::format("{:<{}}", rows[r][c], widths[c])
                          : fmt::format("  {:>{}}", rows[r][c], widths[c]);
        }
        out += '\n';
        if (r == 0 && rule) out += std::string(total - 2, '-') + '\n';
    }
    return out;
}

namespace {

std::string format_cell(std::string_view metric, const experiment::MetricSummary& m) {
    if (!m.available) return "-";
    const core::Summary& s = m.summary;
    if (s.ci95_high - s.ci95_low <= 0.0) return format_metric_value(metric, s.mean);
    return fmt::format("{} [{}, {}]", format_metric_value(metric, s.mean),
                       format_metric_value(metric, s.ci95_low),
                       format_metric_value(metric, s.ci95_high));
}

}  // namespace

std::string arm_table(const scenario::Scenario& scenario, const std::string& title,
                      const std::vector<experiment::ArmSummary>& arms,
                      const std::vector<std::vector<std::vector<double>>>& samples) {
    const auto& metrics = experiment::arm_metrics();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{"metric"};
    for (const auto& arm : arms) header.push_back(arm.name);
    rows.push_back(header);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        if (!metrics[m].in_contract) continue;  // the files have the rest
        std::vector<std::string> row{std::string(metrics[m].name)};
        for (const auto& arm : arms) row.push_back(format_cell(metrics[m].name, arm.metrics[m]));
        rows.push_back(row);
    }
    std::string out = title + '\n' + aligned_columns(rows, true);
    const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
    for (const experiment::Comparison& c : experiment::compare_arms(samples)) {
        const auto& names = scenario.model.arms;
        const auto& icer = c.per_placement;
        const std::string icer_text =
            icer.status == economics::IcerStatus::ratio
                ? fmt::format("ICER {} NOK per extra placement", with_thousands(icer.nok_per_unit))
                : fmt::format("ICER: {}", economics::to_string(icer.status));
        out += fmt::format(
            "{} vs {}: socio-economic NPV difference {}; {}; P(better) {:.2f}\n", names[c.arm].name,
            names[c.versus].name,
            c.delta[npv].available ? format_cell("npv_socioeconomic_nok", c.delta[npv]) : "-",
            icer_text, c.probability_better);
    }
    return out;
}

}  // namespace followsim::output
