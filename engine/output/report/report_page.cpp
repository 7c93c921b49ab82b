#include "engine/output/report/report_page.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/compare_table.hpp"
#include "engine/output/export_files.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/html_text.hpp"

// The chart libraries, embedded by report_assets.S (NUL-terminated).
extern "C" const char followsim_vega_js[];
extern "C" const char followsim_vega_lite_js[];
extern "C" const char followsim_vega_embed_js[];

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

// Mean, and below it the interval: of the draws in a PSA, of the mean over replications.
std::string format_metric_cell(const ordered_json* m, const std::string& name, Lang lang) {
    if (!m) return "–";
    const double mean = m->at("mean").get<double>();
    const char* key = m->contains("interval95") ? "interval95" : "ci95";
    const double lo = m->at(key).at(0).get<double>(), hi = m->at(key).at(1).get<double>();
    const std::string low = format_metric(name, lo, lang), high = format_metric(name, hi, lang);
    if (low == high) return format_metric(name, mean, lang);
    return fmt::format("{}<br><span class=ci>{} – {}</span>", format_metric(name, mean, lang), low,
                       high);
}

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 0.8rem auto; max-width: 1240px; color: #222; padding: 0 1rem; }
header { border-bottom: 2px solid #3b6ea5; margin-bottom: 0.5rem; }
header p { margin: 0.1rem 0; color: #555; font-size: 0.85em; }
h1 { margin: 0 0 0.2rem 0; font-size: 1.5em; }
h2 { margin: 0.2rem 0; font-size: 1.15em; }
section { margin: 0.7rem 0; }
.verdict { font-size: 1.05em; background: #eef4fb; border-left: 4px solid #3b6ea5; padding: 0.4rem 0.8rem; margin: 0.3rem 0; }
table.figures { border-collapse: collapse; font-variant-numeric: tabular-nums; font-size: 0.9em; }
table.figures th, table.figures td { border-bottom: 1px solid #ddd; padding: 0.15rem 0.6rem; text-align: right; vertical-align: top; }
table.figures td:first-child, table.figures th:first-child { text-align: left; }
.ci { color: #777; font-size: 0.8em; white-space: nowrap; }
.note { color: #555; font-size: 0.85em; margin: 0.2rem 0; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.chart { min-height: 60px; }
pre { background: #f6f6f6; padding: 1rem; overflow-x: auto; font-size: 0.85em; }
.comparison { margin: 0.2rem 0; font-size: 0.9em; }
)";

}  // namespace

std::string chart_library_scripts() {
    return "<script>" + library_in_script(followsim_vega_js) + "</script>\n<script>" +
           library_in_script(followsim_vega_lite_js) + "</script>\n<script>" +
           library_in_script(followsim_vega_embed_js) + "</script>\n";
}

std::string key_figures_table(const ordered_json& summary, Lang lang) {
    const auto arms = arm_names(summary);
    std::string html = "<table class=figures><thead><tr><th></th>";
    for (const auto& arm : arms) html += "<th>" + html_escape(arm) + "</th>";
    html += "</tr></thead><tbody>";
    // The day the budget ran out matters wherever money was spent: "not used up" says so.
    bool spent = false;
    for (const auto& arm : arms) spent = spent || metric_mean(summary, arm, "budget_spent_nok") > 0;
    // The benefit/cost ratio is undefined where an arm costs no more than the baseline arm:
    // the row says so rather than go missing.
    const ordered_json baseline = summary.value("baseline_arm", ordered_json(nullptr));
    for (const auto& name : key_metrics()) {
        const bool exhaustion = name == "budget_exhausted_day";
        const bool ratio = name == "benefit_cost_ratio" && !baseline.is_null() && arms.size() > 1;
        bool any = (exhaustion && spent) || ratio;
        for (const auto& arm : arms) any = any || metric(summary, arm, name) != nullptr;
        if (!any) continue;  // a metric no arm has (no baseline arm, no budget)
        html += "<tr><td>" + html_escape(std::string(metric_label(name, lang))) + "</td>";
        for (const auto& arm : arms) {
            const ordered_json* m = metric(summary, arm, name);
            const char* why = nullptr;
            if (!m && exhaustion && metric_mean(summary, arm, "budget_spent_nok") > 0)
                why = "report.not_used_up";
            if (!m && ratio && baseline != arm) why = "report.no_extra_cost";
            html += "<td>" +
                    (why ? "<span class=ci>" + html_escape(std::string(text(why, lang))) + "</span>"
                         : format_metric_cell(m, name, lang)) +
                    "</td>";
        }
        html += "</tr>";
    }
    html += "</tbody></table>";
    const bool draws = summary.contains("psa");
    html += "<p class=note>" +
            html_escape(say(draws ? "report.interval_draws" : "report.interval_replications", lang,
                            summary.at("run").value(draws ? "draws" : "replications", 0))) +
            "</p>";
    for (const auto& c : summary.value("comparisons", ordered_json::array())) {
        const auto& d = c.at("delta").at("npv_socioeconomic_nok");
        const std::string icer =
            c.at("icer_nok_per_placement").is_null()
                ? std::string(
                      text("icer." + c.at("icer_placement_status").get<std::string>(), lang))
                : say("table.icer_ratio", lang,
                      nok_text(c.at("icer_nok_per_placement").get<double>(), lang));
        std::string difference = "–";
        if (!d.is_null()) {
            const char* key = d.contains("interval95") ? "interval95" : "ci95";
            difference = fmt::format("{} ({} – {})", nok_text(d.at("mean").get<double>(), lang),
                                     format_nok(d.at(key).at(0).get<double>(), lang),
                                     format_nok(d.at(key).at(1).get<double>(), lang));
        }
        html += "<p class=comparison>" +
                html_escape(say("table.comparison", lang, c.at("arm").get<std::string>(),
                                c.at("versus").get<std::string>(), difference, icer,
                                format_share(c.at("probability_better").get<double>(), lang, 0))) +
                "</p>";
    }
    return html;
}

std::string subgroups_table(const ordered_json& summary, Lang lang) {
    if (!summary.contains("subgroups")) return "";
    const ordered_json& subgroups = summary.at("subgroups");
    std::vector<std::string> arms;
    for (const auto& [arm, _] : subgroups.items()) arms.push_back(arm);
    if (arms.empty()) return "";
    std::string html = "<table class=figures><thead><tr><th>" +
                       html_escape(std::string(text("report.subgroup", lang))) + "</th><th>" +
                       html_escape(std::string(text("persons", lang))) + "</th>";
    for (const auto& arm : arms) html += "<th>" + html_escape(arm) + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& [dimension, categories] : subgroups.at(arms.front()).items()) {
        for (const auto& [category, metrics] : categories.items()) {
            const ordered_json& persons = metrics.at("persons");
            // Categories nobody is in (a benefit kind no cohort has) are left out.
            if (persons.is_null() || persons.at("mean").get<double>() <= 0.0) continue;
            html += "<tr><td>" + html_escape(std::string(text(dimension, lang))) + ": " +
                    html_escape(category) + "</td><td>" +
                    format_metric_cell(&persons, "persons", lang) + "</td>";
            for (const auto& arm : arms) {
                const ordered_json& rate =
                    subgroups.at(arm).at(dimension).at(category).at("placement_rate");
                html +=
                    "<td>" +
                    format_metric_cell(rate.is_null() ? nullptr : &rate, "placement_rate", lang) +
                    "</td>";
            }
            html += "</tr>";
        }
    }
    return html + "</tbody></table>";
}

std::string cost_effectiveness_html(const ordered_json& summary, Lang lang) {
    if (!summary.contains("cost_effectiveness")) return "";
    const ordered_json& ce = summary.at("cost_effectiveness");
    std::string html = "<section><h2>" + html_escape(std::string(text("report.ce", lang))) +
                       "</h2><table class=figures><thead><tr>";
    for (const char* h :
         {"report.arm", "cost_programme_nok", "placed", "report.frontier_status", "report.icer"})
        html += "<th>" + html_escape(std::string(text(h, lang))) + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& e : ce.at("frontier")) {
        html +=
            "<tr><td>" + html_escape(e.at("arm").get<std::string>()) + "</td><td>" +
            format_nok(e.at("cost").get<double>(), lang) + "</td><td>" +
            format_metric("placed", e.at("effect").get<double>(), lang) + "</td><td>" +
            html_escape(std::string(text("frontier." + e.at("status").get<std::string>(), lang))) +
            "</td><td>" +
            (e.at("icer").is_null() ? "–" : format_nok(e.at("icer").get<double>(), lang)) +
            "</td></tr>";
    }
    html += "</tbody></table>";
    // The EVPI at the ends and the middle of the willingness-to-pay grid.
    const auto& wtp = ce.at("ceac").at("wtp_nok_per_placement");
    const auto& evpi = ce.at("evpi_nok");
    std::string points;
    for (std::size_t i : {std::size_t{0}, wtp.size() / 2, wtp.size() - 1}) {
        if (i >= wtp.size()) continue;
        points += (points.empty() ? "" : "; ") + say("report.evpi_at", lang,
                                                     nok_text(evpi.at(i).get<double>(), lang),
                                                     nok_text(wtp.at(i).get<double>(), lang));
    }
    html += "<p class=note>" + html_escape(say("report.evpi", lang, points)) + "</p>";
    html +=
        "<p class=note>" +
        html_escape(std::string(text(
            summary.contains("psa") ? "report.uncertainty_psa" : "report.uncertainty_run", lang))) +
        "</p></section>\n";
    return html;
}

std::string compare_figures_table(const std::vector<LabelledResults>& results, Lang lang) {
    const std::vector<std::string>& names = compared_metrics();
    std::string table = "<table class=figures><thead><tr><th>" +
                        html_escape(std::string(text("compare.folder_arm", lang))) + "</th>";
    for (const auto& n : names)
        table += "<th>" + html_escape(std::string(metric_label(n, lang))) + "</th>";
    table += "</tr></thead><tbody>";
    for (const auto& [label, data, samples_csv] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            table += "<tr><td>" + html_escape(label + "/" + arm) + "</td>";
            for (const auto& n : names)
                table +=
                    "<td>" + format_metric_cell(metric(data.summary, arm, n), n, lang) + "</td>";
            table += "</tr>";
        }
    }
    table += "</tbody></table>";
    return table;
}

std::string report_page(const std::string& title, Lang lang, const std::string& header_html,
                        const std::string& body_html, const std::vector<Chart>& charts,
                        const std::string& charts_note, const std::string& tail_html) {
    ordered_json specs = ordered_json::object();
    std::string divs;
    for (const auto& [id, spec] : charts) {
        specs[id] = spec;
        divs += fmt::format("<div class=chart id=\"{}\"></div>\n", id);
    }
    std::string html;
    html.reserve(900'000);
    html += "<!doctype html>\n<html lang=" + std::string(lang_code(lang)) +
            "><head><meta charset=utf-8>\n<title>" + html_escape(title) + "</title>\n";
    html += "<style>" + std::string(kStyle) + "</style>\n";
    html += chart_library_scripts();  // the page needs no network
    html += "</head><body>\n" + header_html + body_html;
    html += "<section><h2>" + html_escape(std::string(text("report.charts", lang))) + "</h2>" +
            charts_note + "<div class=charts>\n" + divs + "</div></section>\n";
    html += tail_html;
    // Numbers in the charts follow the page's language (d3-format's locale).
    const char* locale =
        lang == Lang::nb
            ? R"({"decimal": ",", "thousands": "\u00a0", "grouping": [3], "currency": ["", " kr"]})"
            : R"({"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["NOK ", ""]})";
    html += "<script>\nconst specs = " + json_in_script(specs.dump()) + ";\n";
    html += std::string("const locale = {number: ") + locale + "};\n";
    html += R"(for (const [id, spec] of Object.entries(specs)) {
  vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg', formatLocale: locale.number}).catch((error) => {
    console.error('chart ' + id + ' failed: ' + error);
    document.getElementById(id).textContent = 'This chart could not be drawn: ' + error;
  });
}
</script>
</body></html>
)";
    return html;
}

}  // namespace followsim::output
