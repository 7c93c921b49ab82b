#include "engine/output/report/report_page.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/report/html_text.hpp"

// The chart libraries, embedded by report_assets.S (NUL-terminated).
extern "C" const char followsim_vega_js[];
extern "C" const char followsim_vega_lite_js[];
extern "C" const char followsim_vega_embed_js[];

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

std::string format_metric_cell(const ordered_json* m, const std::string& name) {
    if (!m) return "–";
    const double mean = m->at("mean").get<double>();
    auto fmt_one = [&](double x) {
        if (name.ends_with("_nok")) return with_thousands(x);
        if (name.ends_with("_rate")) return fmt::format("{:.3f}", x);
        return fmt::format("{:.1f}", x);
    };
    const double lo = m->at("ci95").at(0).get<double>(), hi = m->at("ci95").at(1).get<double>();
    if (hi - lo <= 0.0) return fmt_one(mean);
    return fmt::format("{} <span class=ci>[{}, {}]</span>", fmt_one(mean), fmt_one(lo),
                       fmt_one(hi));
}

constexpr const char* kStyle = R"(
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; color: #222; padding: 0 1rem; }
header { border-bottom: 2px solid #3b6ea5; margin-bottom: 1rem; }
header p { margin: 0.2rem 0; color: #555; }
h1 { margin-bottom: 0.3rem; }
section { margin: 1.5rem 0; }
table.figures { border-collapse: collapse; font-variant-numeric: tabular-nums; }
table.figures th, table.figures td { border-bottom: 1px solid #ddd; padding: 0.3rem 0.7rem; text-align: right; }
table.figures td:first-child, table.figures th:first-child { text-align: left; }
.ci { color: #777; font-size: 0.85em; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
.chart { min-height: 60px; }
pre { background: #f6f6f6; padding: 1rem; overflow-x: auto; font-size: 0.85em; }
.comparison { margin: 0.3rem 0; }
)";

}  // namespace

std::string key_figures_table(const ordered_json& summary) {
    const std::vector<std::string> names{"placement_rate",        "placed",
                                         "mean_wait_days",        "employment_months",
                                         "cost_programme_nok",    "cost_per_placement_nok",
                                         "npv_socioeconomic_nok", "net_fiscal_nok",
                                         "budget_spent_nok"};
    const auto arms = arm_names(summary);
    std::string html = "<table class=figures><thead><tr><th>metric</th>";
    for (const auto& arm : arms) html += "<th>" + html_escape(arm) + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& name : names) {
        html += "<tr><td>" + name + "</td>";
        for (const auto& arm : arms)
            html += "<td>" + format_metric_cell(metric(summary, arm, name), name) + "</td>";
        html += "</tr>";
    }
    html += "</tbody></table>";
    for (const auto& c : summary.value("comparisons", ordered_json::array())) {
        const auto& d = c.at("delta").at("npv_socioeconomic_nok");
        const std::string icer =
            c.at("icer_nok_per_placement").is_null()
                ? c.at("icer_placement_status").get<std::string>()
                : with_thousands(c.at("icer_nok_per_placement").get<double>()) +
                      " NOK per extra placement";
        html += fmt::format(
            "<p class=comparison><b>{}</b> vs <b>{}</b>: NPV difference {}; ICER {}; probability "
            "better {:.2f}</p>",
            html_escape(c.at("arm")), html_escape(c.at("versus")),
            d.is_null() ? std::string("–") : format_metric_cell(&d, "npv_socioeconomic_nok"), icer,
            c.at("probability_better").get<double>());
    }
    return html;
}

std::string subgroups_table(const ordered_json& summary) {
    if (!summary.contains("subgroups")) return "";
    const ordered_json& subgroups = summary.at("subgroups");
    std::vector<std::string> arms;
    for (const auto& [arm, _] : subgroups.items()) arms.push_back(arm);
    if (arms.empty()) return "";
    std::string html = "<table class=figures><thead><tr><th>subgroup</th><th>persons</th>";
    for (const auto& arm : arms) html += "<th>" + html_escape(arm) + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& [dimension, categories] : subgroups.at(arms.front()).items()) {
        for (const auto& [category, metrics] : categories.items()) {
            const ordered_json& persons = metrics.at("persons");
            // Categories nobody is in (a benefit kind no cohort has) are left out.
            if (persons.is_null() || persons.at("mean").get<double>() <= 0.0) continue;
            html += "<tr><td>" + html_escape(dimension) + ": " + html_escape(category) + "</td><td>" +
                    format_metric_cell(&persons, "persons") + "</td>";
            for (const auto& arm : arms) {
                const ordered_json& rate =
                    subgroups.at(arm).at(dimension).at(category).at("placement_rate");
                html += "<td>" + format_metric_cell(rate.is_null() ? nullptr : &rate,
                                                    "placement_rate") +
                        "</td>";
            }
            html += "</tr>";
        }
    }
    return html + "</tbody></table>";
}

std::string compare_figures_table(const std::vector<LabelledResults>& results) {
    const std::vector<std::string> names{"placement_rate", "cost_programme_nok",
                                         "npv_socioeconomic_nok", "net_fiscal_nok",
                                         "budget_spent_nok"};
    std::string table = "<table class=figures><thead><tr><th>results</th><th>arm</th>";
    for (const auto& n : names) table += "<th>" + n + "</th>";
    table += "</tr></thead><tbody>";
    for (const auto& [label, data] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            table += "<tr><td>" + html_escape(label) + "</td><td>" + html_escape(arm) + "</td>";
            for (const auto& n : names)
                table += "<td>" + format_metric_cell(metric(data.summary, arm, n), n) + "</td>";
            table += "</tr>";
        }
    }
    table += "</tbody></table>";
    return table;
}

std::string report_page(const std::string& title, const std::string& header_html,
                        const std::string& body_html, const std::vector<Chart>& charts,
                        const std::string& tail_html) {
    ordered_json specs = ordered_json::object();
    std::string divs;
    for (const auto& [id, spec] : charts) {
        specs[id] = spec;
        divs += fmt::format("<div class=chart id=\"{}\"></div>\n", id);
    }
    std::string html;
    html.reserve(900'000);
    html += "<!doctype html>\n<html lang=en><head><meta charset=utf-8>\n<title>" +
            html_escape(title) + "</title>\n";
    html += "<style>" + std::string(kStyle) + "</style>\n";
    // The chart libraries, inlined: the page needs no network.
    html += "<script>" + library_in_script(followsim_vega_js) + "</script>\n";
    html += "<script>" + library_in_script(followsim_vega_lite_js) + "</script>\n";
    html += "<script>" + library_in_script(followsim_vega_embed_js) + "</script>\n";
    html += "</head><body>\n" + header_html + body_html;
    html += "<section><h2>Charts</h2><div class=charts>\n" + divs + "</div></section>\n";
    html += tail_html;
    html += "<script>\nconst specs = " + json_in_script(specs.dump()) + ";\n";
    html += R"(for (const [id, spec] of Object.entries(specs)) {
  vegaEmbed('#' + id, spec, {actions: false, renderer: 'svg'}).catch((error) => {
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
