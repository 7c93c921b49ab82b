#include "engine/output/report/report_html.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/decision_json.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/charts.hpp"
#include "engine/output/report/html_text.hpp"
#include "engine/output/report/report_page.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

// Whether any arm has a non-zero mean of any of `metrics`: a chart of them shows something.
bool any_value(const ordered_json& s, const std::vector<std::string>& metrics) {
    for (const std::string& arm : arm_names(s)) {
        for (const std::string& m : metrics) {
            if (metric_mean(s, arm, m) != 0.0) return true;
        }
    }
    return false;
}

// The charts the results allow; `left_out` gets a sentence for each chart with nothing to show.
std::vector<Chart> charts_and_notes(const ReportData& in, std::vector<std::string>* left_out) {
    const ordered_json& s = in.summary;
    const Lang lang = in.lang;
    std::vector<Chart> charts;
    auto leave_out = [&](const char* key) {
        if (left_out) left_out->push_back(std::string(text(key, lang)));
    };
    if (!in.months.empty()) {
        charts.emplace_back("chart-states", states_chart(in.months, lang));
        charts.emplace_back("chart-placement", placement_chart(in.months, s, lang));
    }
    if (s.contains("arms") && !s.contains("sweep")) {
        if (any_value(s, {"cost_caseworker_time_nok", "cost_purchases_nok", "cost_result_fees_nok",
                          "cost_ordering_time_nok", "cost_training_nok"}))
            charts.emplace_back("chart-costs", cost_chart(s, lang));
        else
            leave_out("report.no_costs");
        if (s.at("baseline_arm").is_null()) {
            leave_out("report.no_baseline");
        } else if (arm_names(s).size() < 2) {
            leave_out("report.one_arm");
        } else {
            charts.emplace_back("chart-accounts", accounts_chart(s, lang));
            charts.emplace_back("chart-npv", npv_chart(s, lang));
        }
    }
    if (s.contains("psa") && !s.at("psa").at("plane").empty())
        charts.emplace_back("chart-plane", plane_chart(s, lang));
    if (s.contains("cost_effectiveness")) {
        if (arm_names(s).size() > 1)
            charts.emplace_back("chart-ceac", ceac_chart(s, lang));
        else
            leave_out("report.no_ceac");
        if (s.at("cost_effectiveness").contains("evppi"))
            charts.emplace_back("chart-evppi", evppi_chart(s, lang));
    }
    if (s.contains("sweep")) {
        if (!s.at("sweep").at("tornado").at("bars").empty())
            charts.emplace_back("chart-tornado", tornado_chart(s, lang));
        if (in.sweep) charts.emplace_back("chart-sweep", sweep_chart(s, *in.sweep, lang));
    }
    if (s.contains("optimise")) {
        charts.emplace_back("chart-optimise", optimise_chart(s, lang));
        charts.emplace_back("chart-optimise-split", optimise_split_chart(s, lang));
    }
    return charts;
}

// The scenario, what was run, and the money's price year.
std::string header_html(const ordered_json& s, Lang lang) {
    const ordered_json& run = s.at("run");
    std::string what;
    if (s.contains("psa")) {
        what = say("report.what_psa", lang, run.at("draws").get<std::uint64_t>(),
                   run.at("replications_per_draw").get<std::uint64_t>());
    } else if (s.contains("sweep")) {
        what = say("report.what_sweep", lang, run.at("points").get<std::uint64_t>(),
                   run.at("replications_per_point").get<std::uint64_t>());
    } else if (s.contains("optimise")) {
        what = say("report.what_optimise", lang, run.at("candidates").get<std::uint64_t>(),
                   run.at("replications_per_candidate").get<std::uint64_t>());
    } else {
        what = say("report.what_run", lang, run.at("replications").get<std::uint64_t>());
    }
    std::string overrides;
    for (const auto& o : s.at("scenario").at("overrides"))
        overrides += " --set " + o.get<std::string>();
    std::string header = "<header><h1>" + html_escape(s.at("scenario").at("name")) + "</h1>";
    header += "<p>" +
              html_escape(say("report.run_line", lang, what, run.at("seed").get<std::uint64_t>(),
                              s.at("scenario").at("price_year").get<int>(),
                              s.at("followsim_version").get<std::string>())) +
              "</p>";
    header +=
        "<p>" +
        html_escape(say("report.file_line", lang, s.at("scenario").at("file").get<std::string>(),
                        s.at("scenario").at("sha256").get<std::string>().substr(0, 12))) +
        (overrides.empty() ? "" : html_escape(overrides)) + "</p></header>\n";
    return header;
}

// A sweep's best point per account, with the values that make it.
std::string best_points_html(const ordered_json& sweep, Lang lang) {
    std::string html = "<section id=key-figures><h2>" +
                       html_escape(std::string(text("report.best_points", lang))) + "</h2><ul>";
    for (const auto& b : sweep.at("best")) {
        std::string where;
        for (const auto& [path, value] : b.at("values").items()) {
            where += (where.empty() ? "" : ", ") + path + " = " +
                     (value.is_number() ? scenario::short_number(value.get<double>()) : "–");
        }
        const std::string name = b.at("metric").get<std::string>();
        html += "<li>" +
                html_escape(say("sweep.best", lang, metric_label(name, lang),
                                format_metric(name, b.at("value").get<double>(), lang),
                                b.at("arm").get<std::string>(), where)) +
                "</li>";
    }
    return html + "</ul></section>\n";
}

// The best split of an optimisation, its objective with the interval, and how it was found.
std::string best_split_html(const ordered_json& o, Lang lang) {
    const ordered_json& best = o.at("best");
    const std::string objective = o.at("objective").get<std::string>();
    std::string places;
    for (const auto& [name, slots] : best.at("slots").items())
        places += say("optimise.places", lang, slots.get<long long>(), name);
    std::string value = "–";
    if (!best.at("objective").is_null()) {
        const ordered_json& m = best.at("objective");
        value =
            fmt::format("{} [{}, {}]", format_metric(objective, m.at("mean").get<double>(), lang),
                        format_metric(objective, m.at("ci95").at(0).get<double>(), lang),
                        format_metric(objective, m.at("ci95").at(1).get<double>(), lang));
    }
    const std::string bought =
        say("optimise.caseworkers", lang, best.at("caseworkers").get<long long>(),
            nok_text(best.at("staff_cost_per_year_nok").get<double>(), lang), places);
    auto item = [](const std::string& text) { return "<li>" + html_escape(text) + "</li>"; };
    return "<section id=best-split><h2>" +
           html_escape(say("optimise.split_title", lang,
                           nok_text(o.at("budget_nok_per_year").get<double>(), lang))) +
           "</h2><ul>" +
           item(say("optimise.split_arm", lang, o.at("arm").get<std::string>(),
                    o.at("arm_chosen").get<std::string>(),
                    o.at("versus").is_null()
                        ? std::string()
                        : say("optimise.against", lang, o.at("versus").get<std::string>()))) +
           item(say("optimise.split_budget", lang, bought,
                    nok_text(best.at("purchases_per_year_nok").get<double>(), lang))) +
           item(say("optimise.objective", lang, objective, value)) +
           item(say("optimise.candidates", lang, o.at("evaluations").get<std::uint64_t>(),
                    o.at("optimiser_calls").get<std::uint64_t>(),
                    o.at("method").get<std::string>())) +
           "</ul></section>\n";
}

std::string notes_html(const std::vector<std::string>& notes) {
    std::string html;
    for (const std::string& n : notes) html += "<p class=note>" + html_escape(n) + "</p>";
    return html;
}

}  // namespace

std::vector<Chart> report_charts(const ReportData& in) {
    return charts_and_notes(in, nullptr);
}

std::string report_html(const ReportData& in) {
    const ordered_json& s = in.summary;
    const Lang lang = in.lang;
    std::string body;
    // The answer first.
    if (const std::string verdict = decision_text(s, lang); !verdict.empty()) {
        body += "<section id=verdict><h2>" + html_escape(std::string(text("report.answer", lang))) +
                "</h2><p class=verdict>" + html_escape(verdict) + "</p></section>\n";
    }
    if (s.contains("arms") && !s.contains("sweep")) {
        body += "<section id=key-figures><h2>" +
                html_escape(std::string(text("report.key_figures", lang))) + "</h2>" +
                key_figures_table(s, lang) + "</section>\n";
    }
    if (s.contains("sweep")) body += best_points_html(s.at("sweep"), lang);
    if (s.contains("optimise")) body += best_split_html(s.at("optimise"), lang);
    if (!s.contains("sweep")) body += cost_effectiveness_html(s, lang);
    if (s.contains("subgroups")) {
        body += "<section><h2>" + html_escape(std::string(text("report.subgroups", lang))) +
                "</h2><p class=note>" +
                html_escape(std::string(text("report.subgroups_note", lang))) + "</p>" +
                subgroups_table(s, lang) + "</section>\n";
    }
    std::string tail;
    if (!in.scenario_yaml.empty()) {
        tail = "<section><h2>" +
               html_escape(std::string(
                   text(s.contains("optimise") ? "report.scenario_best" : "report.scenario_as_run",
                        lang))) +
               "</h2><pre>" + html_escape(in.scenario_yaml) + "</pre></section>\n";
    }
    std::vector<std::string> left_out;
    auto charts = charts_and_notes(in, &left_out);
    return report_page("followsim — " + s.at("scenario").at("name").get<std::string>(), lang,
                       header_html(s, lang), body, charts, notes_html(left_out), tail);
}

std::string compare_html(const std::vector<LabelledResults>& results,
                         const std::vector<FolderComparison>& comparisons, Lang lang) {
    std::string header =
        "<header><h1>" + html_escape(std::string(text("compare.title", lang))) + "</h1><p>";
    for (std::size_t i = 0; i < results.size(); ++i) {
        header += (i ? " · " : "") + html_escape(results[i].label) + ": " +
                  html_escape(results[i].data.summary.at("scenario").at("name"));
    }
    header +=
        "</p><p>" +
        html_escape(say("compare.price_year", lang,
                        results.front().data.summary.at("scenario").at("price_year").get<int>())) +
        "</p></header>\n";
    // Each folder's own answer first.
    std::string body = "<section id=verdict><h2>" +
                       html_escape(std::string(text("report.answer", lang))) + "</h2>";
    for (const auto& r : results) {
        const std::string verdict = decision_text(r.data.summary, lang);
        if (!verdict.empty())
            body += "<p class=verdict><b>" + html_escape(r.label) +
                    "</b>: " + html_escape(verdict) + "</p>";
    }
    body += "</section>\n<section id=key-figures><h2>" +
            html_escape(std::string(text("report.key_figures", lang))) + "</h2>" +
            compare_figures_table(results, lang) + "</section>\n";
    for (const FolderComparison& c : comparisons) {
        body += "<section><h2>" + html_escape(say("compare.differences", lang, c.label, c.versus)) +
                "</h2><table class=figures><tbody>";
        for (const MetricDifference& d : c.differences) {
            body += "<tr><td>" + html_escape(d.arm) + "</td><td>" +
                    html_escape(std::string(metric_label(d.metric, lang))) + "</td><td>" +
                    format_metric(d.metric, d.mean, lang) + "<br><span class=ci>" +
                    format_metric(d.metric, d.low, lang) + " – " +
                    format_metric(d.metric, d.high, lang) + "</span></td></tr>";
        }
        body += "</tbody></table><p class=note>" +
                html_escape(std::string(text("compare.interval_note", lang))) + "</p>";
        body += "<h2>" + html_escape(say("compare.scenario_diff", lang, c.scenario.size())) +
                "</h2><table class=figures><tbody>";
        for (const ScenarioChange& sc : c.scenario) {
            body += "<tr><td>" + html_escape(sc.path) + "</td><td>" +
                    html_escape(sc.before.empty() ? "–" : sc.before) + "</td><td>" +
                    html_escape(sc.after.empty() ? "–" : sc.after) + "</td></tr>";
        }
        body += "</tbody></table></section>\n";
    }
    std::vector<Chart> charts{{"chart-compare-npv", compare_npv_chart(results, lang)},
                              {"chart-compare-placement", compare_placement_chart(results, lang)}};
    if (!comparisons.empty())
        charts.emplace_back("chart-compare-differences",
                            compare_difference_chart(comparisons, lang));
    return report_page(std::string(text("compare.title", lang)), lang, header, body, charts);
}

}  // namespace followsim::output
