#include "engine/output/arm_table.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "engine/experiment/comparisons.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/output/labels.hpp"

namespace followsim::output {

std::string format_metric_value(std::string_view metric, double x) {
    return format_metric(metric, x, Lang::en);
}

namespace {

// The widest cell of each column, in characters.
std::vector<std::size_t> column_widths(const std::vector<std::vector<std::string>>& rows) {
    std::vector<std::size_t> widths;
    for (const auto& row : rows) {
        if (widths.size() < row.size()) widths.resize(row.size(), 0);
        for (std::size_t c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    }
    return widths;
}

}  // namespace

std::string aligned_columns(const std::vector<std::vector<std::string>>& rows, bool rule) {
    const std::vector<std::size_t> widths = column_widths(rows);
    std::size_t total = 0;
    for (std::size_t w : widths) total += w + 2;
    std::string out;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string pad(widths[c] - display_width(rows[r][c]), ' ');
            out += c == 0 ? rows[r][c] + pad : "  " + pad + rows[r][c];
        }
        out += '\n';
        if (r == 0 && rule) out += std::string(total - 2, '-') + '\n';
    }
    return out;
}

std::string wrap_text(const std::string& text, std::size_t width) {
    std::string out, line;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && display_width(line) + 1 + display_width(word) > width) {
            out += line + '\n';
            line.clear();
        }
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    return out + line + '\n';
}

namespace {

// Mean [low, high]: the interval of the draws over PSA draws, of the mean over replications.
std::string format_cell(std::string_view metric, const experiment::MetricSummary& m, Lang lang,
                        bool over_draws) {
    if (!m.available) return "–";
    const core::Summary& s = m.summary;
    const auto [low, high] =
        over_draws && m.interval95 ? *m.interval95 : std::pair{s.ci95_low, s.ci95_high};
    const std::string mean = format_metric(metric, s.mean, lang);
    const std::string lo = format_metric(metric, low, lang), hi = format_metric(metric, high, lang);
    if (lo == hi) return mean;
    return fmt::format("{} [{}, {}]", mean, lo, hi);
}

std::size_t table_width(const std::vector<std::vector<std::string>>& rows) {
    std::size_t total = 0;
    const std::vector<std::size_t> widths = column_widths(rows);
    for (std::size_t w : widths) total += w + 2;
    return total == 0 ? 0 : total - 2;
}

std::string comparison_line(const scenario::Scenario& scenario, const experiment::Comparison& c,
                            Lang lang, bool over_draws) {
    const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
    const auto& names = scenario.model.arms;
    const auto& icer = c.per_placement;
    const std::string icer_text =
        icer.status == economics::IcerStatus::ratio
            ? say("table.icer_ratio", lang, nok_text(icer.nok_per_unit, lang))
            : std::string(text(std::string("icer.") + economics::to_string(icer.status), lang));
    return say("table.comparison", lang, names[c.arm].name, names[c.versus].name,
               c.delta[npv].available
                   ? format_cell("npv_socioeconomic_nok", c.delta[npv], lang, over_draws)
                   : "–",
               icer_text, format_share(c.probability_better, lang, 0));
}

}  // namespace

std::string fitted_columns(const std::vector<std::vector<std::string>>& rows) {
    if (rows.empty() || table_width(rows) <= kTerminalColumns) return aligned_columns(rows, true);
    auto column = [&](std::size_t c) {
        std::vector<std::vector<std::string>> part;
        for (const auto& row : rows) part.push_back({c < row.size() ? row[c] : ""});
        return part;
    };
    std::string out;
    std::vector<std::vector<std::string>> chunk = column(0);
    for (std::size_t c = 1; c < rows.front().size(); ++c) {
        auto wider = chunk;
        const auto next = column(c);
        for (std::size_t r = 0; r < wider.size(); ++r) wider[r].push_back(next[r][0]);
        if (chunk.front().size() > 1 && table_width(wider) > kTerminalColumns) {
            out += aligned_columns(chunk, true);
            chunk = column(0);
            for (std::size_t r = 0; r < chunk.size(); ++r) chunk[r].push_back(next[r][0]);
        } else {
            chunk = std::move(wider);
        }
    }
    return out + aligned_columns(chunk, true);
}

std::string arm_table(const scenario::Scenario& scenario, const std::string& title,
                      const std::vector<experiment::ArmSummary>& arms,
                      const std::vector<std::vector<std::vector<double>>>& samples, Lang lang,
                      bool over_draws) {
    const auto& metrics = experiment::arm_metrics();
    std::vector<std::vector<std::string>> rows;
    std::vector<std::string> header{std::string(text("table.metric", lang))};
    for (const auto& arm : arms) header.push_back(arm.name);
    rows.push_back(header);
    for (std::size_t m = 0; m < metrics.size(); ++m) {
        if (!metrics[m].in_contract) continue;  // the files have the rest
        std::vector<std::string> row{std::string(metric_label(metrics[m].name, lang))};
        for (const auto& arm : arms)
            row.push_back(format_cell(metrics[m].name, arm.metrics[m], lang, over_draws));
        rows.push_back(row);
    }
    std::string out = wrap_text(title);
    if (table_width(rows) <= kTerminalColumns) {
        out += aligned_columns(rows, true);
    } else {
        // Too wide side by side: one block per arm, the metrics down the page.
        for (std::size_t a = 0; a < arms.size(); ++a) {
            std::vector<std::vector<std::string>> block;
            for (std::size_t r = 1; r < rows.size(); ++r)
                block.push_back({"  " + rows[r][0], rows[r][a + 1]});
            out += arms[a].name + '\n' + aligned_columns(block, false);
        }
    }
    for (const experiment::Comparison& c : experiment::compare_arms(samples, over_draws))
        out += wrap_text(comparison_line(scenario, c, lang, over_draws));
    return out;
}

}  // namespace followsim::output
