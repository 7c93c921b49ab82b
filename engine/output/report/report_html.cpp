#include "engine/output/report/report_html.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/report/charts.hpp"
#include "engine/output/report/html_text.hpp"
#include "engine/output/report/report_page.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

std::vector<Chart> report_charts(const ReportData& in) {
    const ordered_json& s = in.summary;
    std::vector<Chart> charts;
    if (!in.months.empty()) {
        charts.emplace_back("chart-states", states_chart(in.months));
        charts.emplace_back("chart-placement", placement_chart(in.months, s));
    }
    if (s.contains("arms") && !s.contains("sweep")) {
        charts.emplace_back("chart-costs", cost_chart(s));
        charts.emplace_back("chart-accounts", accounts_chart(s));
        if (!s.at("baseline_arm").is_null()) charts.emplace_back("chart-npv", npv_chart(s));
    }
    if (s.contains("psa") && !s.at("psa").at("plane").empty())
        charts.emplace_back("chart-plane", plane_chart(s));
    if (s.contains("cost_effectiveness")) {
        charts.emplace_back("chart-ceac", ceac_chart(s));
        if (s.at("cost_effectiveness").contains("evppi"))
            charts.emplace_back("chart-evppi", evppi_chart(s));
    }
    if (s.contains("sweep")) {
        if (!s.at("sweep").at("tornado").at("bars").empty())
            charts.emplace_back("chart-tornado", tornado_chart(s));
        if (in.sweep) charts.emplace_back("chart-sweep", sweep_chart(s, *in.sweep));
    }
    if (s.contains("optimise")) {
        charts.emplace_back("chart-optimise", optimise_chart(s));
        charts.emplace_back("chart-optimise-split", optimise_split_chart(s));
    }
    return charts;
}

namespace {

// The scenario, what was run, and the money's price year.
std::string header_html(const ordered_json& s) {
    const ordered_json& run = s.at("run");
    std::string what;
    if (s.contains("psa")) {
        what = fmt::format("PSA: {} draws x {} replications", run.at("draws").get<std::uint64_t>(),
                           run.at("replications_per_draw").get<std::uint64_t>());
    } else if (s.contains("sweep")) {
        what =
            fmt::format("sweep: {} points x {} replications", run.at("points").get<std::uint64_t>(),
                        run.at("replications_per_point").get<std::uint64_t>());
    } else if (s.contains("optimise")) {
        what = fmt::format("optimise: {} candidates x {} replications",
                           run.at("candidates").get<std::uint64_t>(),
                           run.at("replications_per_candidate").get<std::uint64_t>());
    } else {
        what = fmt::format("{} replications", run.at("replications").get<std::uint64_t>());
    }
    std::string overrides;
    for (const auto& o : s.at("scenario").at("overrides"))
        overrides += " --set " + o.get<std::string>();
    std::string header = "<header><h1>" + html_escape(s.at("scenario").at("name")) + "</h1>";
    header += fmt::format(
        "<p>{} · seed {} · {} events · followsim {}</p>", what, run.at("seed").get<std::uint64_t>(),
        run.at("events").get<std::uint64_t>(), html_escape(s.at("followsim_version")));
    header += "<p>Scenario file " + html_escape(s.at("scenario").at("file")) + " (SHA-256 " +
              html_escape(s.at("scenario").at("sha256")) + ")" +
              (overrides.empty() ? "" : ", with" + html_escape(overrides)) +
              fmt::format(". Money: NOK of {}, discounted to the start.</p></header>\n",
                          s.at("scenario").at("price_year").get<int>());
    return header;
}

// A sweep's best point per account.
std::string best_points_html(const ordered_json& sweep) {
    std::string html = "<section><h2>Best points</h2><ul>";
    for (const auto& b : sweep.at("best")) {
        std::string where;
        for (const auto& [path, value] : b.at("values").items()) {
            where += (where.empty() ? "" : ", ") + path + " = " +
                     (value.is_number() ? fmt::format("{}", value.get<double>())
                                        : value.get<std::string>());
        }
        const std::string metric_name = b.at("metric").get<std::string>();
        const double value = b.at("value").get<double>();
        html += fmt::format(
            "<li>{}: {} in arm <b>{}</b> at {}</li>", html_escape(metric_name),
            metric_name.ends_with("_nok") ? with_thousands(value) : fmt::format("{:.4g}", value),
            html_escape(b.at("arm")), html_escape(where));
    }
    return html + "</ul></section>\n";
}

// The best split of an optimisation, its objective with the interval, and how it was found.
std::string best_split_html(const ordered_json& o) {
    const ordered_json& best = o.at("best");
    const std::string objective = o.at("objective").get<std::string>();
    std::string places;
    for (const auto& [name, slots] : best.at("slots").items())
        places += fmt::format(", {} places of {}", slots.get<long long>(), html_escape(name));
    std::string value = "not available";
    if (!best.at("objective").is_null()) {
        const ordered_json& m = best.at("objective");
        value = fmt::format("{} [{}, {}]", with_thousands(m.at("mean").get<double>()),
                            with_thousands(m.at("ci95").at(0).get<double>()),
                            with_thousands(m.at("ci95").at(1).get<double>()));
    }
    return fmt::format(
        "<section><h2>Best split of NOK {} a year</h2><ul>"
        "<li>Arm <b>{}</b> ({}){}</li>"
        "<li>{} caseworkers (NOK {} a year){}; purchase budget NOK {}</li>"
        "<li>{}: {} (mean and 95 % interval over replications)</li>"
        "<li>{} candidates simulated, the same replications each: {}</li></ul></section>\n",
        with_thousands(o.at("budget_nok_per_year").get<double>()), html_escape(o.at("arm")),
        html_escape(o.at("arm_chosen")),
        o.at("versus").is_null() ? "" : ", NPVs against " + html_escape(o.at("versus")),
        best.at("caseworkers").get<long long>(),
        with_thousands(best.at("staff_cost_per_year_nok").get<double>()), places,
        with_thousands(best.at("purchases_per_year_nok").get<double>()), html_escape(objective),
        value, o.at("evaluations").get<std::uint64_t>(), html_escape(o.at("method")));
}

}  // namespace

std::string report_html(const ReportData& in) {
    const ordered_json& s = in.summary;
    std::string body;
    if (s.contains("arms") && !s.contains("sweep")) {
        body += "<section><h2>Key figures</h2><p>Mean and 95 % interval over " +
                std::string(s.contains("psa") ? "PSA draws" : "replications") + ".</p>" +
                key_figures_table(s) + "</section>\n";
    }
    if (s.contains("subgroups")) {
        body += "<section><h2>Placement rate by subgroup</h2><p>Share of each subgroup placed "
                "within the horizon; mean and 95 % interval over replications.</p>" +
                subgroups_table(s) + "</section>\n";
    }
    if (s.contains("sweep")) body += best_points_html(s.at("sweep"));
    if (s.contains("optimise")) body += best_split_html(s.at("optimise"));
    std::string tail;
    if (!in.scenario_yaml.empty()) {
        tail = std::string("<section><h2>The scenario ") +
               (s.contains("optimise") ? "at the best split" : "as run") + "</h2><pre>" +
               html_escape(in.scenario_yaml) + "</pre></section>\n";
    }
    return report_page("followsim — " + s.at("scenario").at("name").get<std::string>(),
                       header_html(s), body, report_charts(in), tail);
}

std::string compare_html(const std::vector<LabelledResults>& results) {
    std::string header = "<header><h1>followsim — comparison</h1><p>";
    for (std::size_t i = 0; i < results.size(); ++i) {
        header += (i ? " · " : "") + html_escape(results[i].label) + ": " +
                  html_escape(results[i].data.summary.at("scenario").at("name"));
    }
    header += "</p></header>\n";
    return report_page(
        "followsim — comparison", header,
        "<section><h2>Key figures</h2>" + compare_figures_table(results) + "</section>\n",
        {{"chart-compare-npv", compare_npv_chart(results)},
         {"chart-compare-placement", compare_placement_chart(results)}});
}

}  // namespace followsim::output
