#include "engine/output/report_html.hpp"

#include <fmt/core.h>

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>

#include "engine/model/state_fields.hpp"
#include "engine/output/arm_table.hpp"

// The chart libraries, embedded by report_assets.S (NUL-terminated).
extern "C" const char followsim_vega_js[];
extern "C" const char followsim_vega_lite_js[];
extern "C" const char followsim_vega_embed_js[];

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

// ---- reading the result files ---------------------------------------------------------------

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// A CSV table as the result files write it: a header, then rows; fields may be quoted.
struct CsvTable {
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;

    [[nodiscard]] std::size_t column(const std::string& name) const {
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (header[i] == name) return i;
        }
        throw std::runtime_error("CSV has no column " + name);
    }
};

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
                fields.back() += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                fields.back() += c;
            }
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.emplace_back();
        } else {
            fields.back() += c;
        }
    }
    return fields;
}

CsvTable parse_csv(const std::string& text) {
    CsvTable table;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        if (table.header.empty()) {
            table.header = split_csv_line(line);
        } else {
            table.rows.push_back(split_csv_line(line));
        }
    }
    return table;
}

ordered_json number_or_null(const std::string& field) {
    if (field.empty()) return nullptr;
    return std::stod(field);
}

// ---- helpers ------------------------------------------------------------------------------

std::string html_escape(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

// JSON placed inside <script>: "</" must not close the element early; "<\/" is the same
// JSON text.
std::string json_in_script(std::string text) {
    for (std::size_t at = text.find("</"); at != std::string::npos; at = text.find("</", at + 3)) {
        text.replace(at, 2, "<\\/");
    }
    return text;
}

// A library placed inside <script>: only "</script" would end the element. (The minified
// builds have none; should one appear, it can only be inside a string, where "<\/" reads the
// same.)
std::string library_in_script(std::string text) {
    for (std::size_t at = 0; (at = text.find("</", at)) != std::string::npos; at += 2) {
        std::string next = text.substr(at + 2, 6);
        for (char& c : next) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (next == "script") text.replace(at, 2, "<\\/");
    }
    return text;
}

const ordered_json* metric(const ordered_json& summary, const std::string& arm,
                           const std::string& name) {
    const auto& arms = summary.at("arms");
    if (!arms.contains(arm)) return nullptr;
    const auto& metrics = arms.at(arm).at("metrics");
    if (!metrics.contains(name) || metrics.at(name).is_null()) return nullptr;
    return &metrics.at(name);
}

double metric_mean(const ordered_json& summary, const std::string& arm, const std::string& name) {
    const ordered_json* m = metric(summary, arm, name);
    return m ? m->at("mean").get<double>() : 0.0;
}

std::vector<std::string> arm_names(const ordered_json& summary) {
    std::vector<std::string> names;
    for (const auto& [name, _] : summary.at("arms").items()) names.push_back(name);
    return names;
}

// Every chart colours an arm the same way: the domain is the scenario's arms, in order.
ordered_json arm_color(const ordered_json& summary) {
    return {{"field", "arm"}, {"type", "nominal"}, {"scale", {{"domain", arm_names(summary)}}}};
}

ordered_json base_spec(const std::string& title, const std::string& description) {
    return {{"$schema", "https://vega.github.io/schema/vega-lite/v6.json"},
            {"title", {{"text", title}, {"subtitle", description}, {"anchor", "start"}}},
            {"config", {{"view", {{"stroke", nullptr}}}, {"font", "system-ui, sans-serif"}}}};
}

// ---- the charts ---------------------------------------------------------------------------

ordered_json states_chart(const CsvTable& ts) {
    // The person states of the monitor's list: they stack to the persons who have arrived.
    std::vector<std::pair<std::string, std::string>> states;
    for (const auto& f : model::kStateFieldInfo) {
        if (f.person_state) states.emplace_back(f.name, f.label_en);
    }
    ordered_json values = ordered_json::array();
    const std::size_t arm = ts.column("arm"), month = ts.column("month");
    for (const auto& row : ts.rows) {
        for (const auto& [column, label] : states) {
            values.push_back({{"arm", row[arm]},
                              {"month", std::stod(row[month])},
                              {"state", label},
                              {"persons", number_or_null(row[ts.column(column)])}});
        }
    }
    ordered_json spec =
        base_spec("Persons by state over time", "mean over replications, one panel per arm");
    std::vector<std::string> order;
    for (const auto& s : states) order.push_back(s.second);
    spec["data"] = {{"values", values}};
    spec["facet"] = {{"row", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}}};
    spec["spec"] = {
        {"width", 640},
        {"height", 160},
        {"mark", {{"type", "area"}}},
        {"encoding",
         {{"x", {{"field", "month"}, {"type", "quantitative"}, {"title", "month"}}},
          {"y",
           {{"field", "persons"},
            {"type", "quantitative"},
            {"stack", "zero"},
            {"title", "persons"}}},
          {"color",
           {{"field", "state"},
            {"type", "nominal"},
            {"sort", order},
            {"scale", {{"domain", order}}}}},
          {"order", {{"field", "state_order"}, {"type", "quantitative"}}},
          {"tooltip", ordered_json::array({{{"field", "arm"}},
                                           {{"field", "month"}},
                                           {{"field", "state"}},
                                           {{"field", "persons"}, {"format", ".1f"}}})}}}};
    spec["transform"] = ordered_json::array(
        {{{"calculate", fmt::format("indexof({}, datum.state)", ordered_json(order).dump())},
          {"as", "state_order"}}});
    return spec;
}

ordered_json placement_chart(const CsvTable& ts, const ordered_json& summary) {
    ordered_json curves = ordered_json::array();
    const std::size_t arm = ts.column("arm"), month = ts.column("month"),
                      rate = ts.column("placement_rate");
    for (const auto& row : ts.rows) {
        curves.push_back({{"arm", row[arm]},
                          {"month", std::stod(row[month])},
                          {"rate", number_or_null(row[rate])}});
    }
    ordered_json targets = ordered_json::array();
    for (const auto& [name, entry] : summary.at("arms").items()) {
        if (entry.contains("target")) {
            targets.push_back({{"arm", name}, {"target", entry["target"]["placement_rate"]}});
        }
    }
    ordered_json spec = base_spec("Cumulative placement",
                                  "share of persons placed so far; dashed: the scenario's target");
    spec["width"] = 640;
    spec["height"] = 280;
    ordered_json layers = ordered_json::array();
    layers.push_back({{"data", {{"values", curves}}},
                      {"mark", {{"type", "line"}, {"point", false}}},
                      {"encoding",
                       {{"x", {{"field", "month"}, {"type", "quantitative"}}},
                        {"y",
                         {{"field", "rate"},
                          {"type", "quantitative"},
                          {"axis", {{"format", "%"}}},
                          {"title", "placed"},
                          {"scale", {{"domain", {0, 1}}}}}},
                        {"color", arm_color(summary)}}}});
    if (!targets.empty()) {
        layers.push_back({{"data", {{"values", targets}}},
                          {"mark", {{"type", "rule"}, {"strokeDash", {6, 4}}, {"size", 2}}},
                          {"encoding",
                           {{"y", {{"field", "target"}, {"type", "quantitative"}}},
                            {"color", arm_color(summary)}}}});
        layers.push_back(
            {{"data", {{"values", targets}}},
             {"mark", {{"type", "text"}, {"align", "left"}, {"dx", 4}, {"dy", -6}, {"x", 0}}},
             {"encoding",
              {{"y", {{"field", "target"}, {"type", "quantitative"}}},
               {"text", {{"field", "target"}, {"format", ".0%"}}}}}});
    }
    spec["layer"] = layers;
    return spec;
}

ordered_json cost_chart(const ordered_json& summary) {
    const std::vector<std::pair<std::string, std::string>> parts{
        {"cost_caseworker_time_nok", "staff (caseworker time)"},
        {"cost_purchases_nok", "purchases"},
        {"cost_result_fees_nok", "result fees"},
        {"cost_ordering_time_nok", "ordering time"},
        {"cost_training_nok", "training"}};
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        for (const auto& [name, label] : parts) {
            values.push_back(
                {{"arm", arm}, {"component", label}, {"nok", metric_mean(summary, arm, name)}});
        }
    }
    ordered_json spec =
        base_spec("Programme costs per arm", "present value, NOK of the price year");
    spec["width"] = 420;
    spec["height"] = 260;
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {
        {"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}},
        {"y", {{"field", "nok"}, {"type", "quantitative"}, {"stack", "zero"}, {"title", "NOK"}}},
        {"color", {{"field", "component"}, {"type", "nominal"}}},
        {"tooltip", ordered_json::array({{{"field", "arm"}},
                                         {{"field", "component"}},
                                         {{"field", "nok"}, {"format", ",.0f"}}})}};
    return spec;
}

ordered_json accounts_chart(const ordered_json& summary) {
    const std::vector<std::pair<std::string, std::string>> accounts{
        {"npv_socioeconomic_nok", "socio-economic NPV vs baseline"},
        {"net_fiscal_nok", "fiscal: net gain vs baseline"},
        {"budget_spent_nok", "purchase budget spent"}};
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        for (const auto& [name, label] : accounts) {
            if (metric(summary, arm, name)) {
                values.push_back(
                    {{"arm", arm}, {"account", label}, {"nok", metric_mean(summary, arm, name)}});
            }
        }
    }
    ordered_json spec = base_spec(
        "The three accounts",
        "socio-economic and fiscal: present values against the baseline arm; budget: spent");
    spec["width"] = 420;
    spec["height"] = 260;
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "bar"}};
    spec["encoding"] = {{"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}},
                        {"xOffset", {{"field", "account"}}},
                        {"y", {{"field", "nok"}, {"type", "quantitative"}, {"title", "NOK"}}},
                        {"color", {{"field", "account"}, {"type", "nominal"}}},
                        {"tooltip", ordered_json::array({{{"field", "arm"}},
                                                         {{"field", "account"}},
                                                         {{"field", "nok"}, {"format", ",.0f"}}})}};
    return spec;
}

ordered_json npv_chart(const ordered_json& summary) {
    ordered_json values = ordered_json::array();
    for (const std::string& arm : arm_names(summary)) {
        const ordered_json* m = metric(summary, arm, "npv_socioeconomic_nok");
        if (!m) continue;
        values.push_back({{"arm", arm},
                          {"mean", m->at("mean")},
                          {"low", m->at("ci95")[0]},
                          {"high", m->at("ci95")[1]}});
    }
    ordered_json spec =
        base_spec("Socio-economic NPV per arm", "against the baseline arm, with its 95 % interval");
    spec["width"] = 420;
    spec["height"] = 200;
    spec["data"] = {{"values", values}};
    const ordered_json y = {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}};
    spec["layer"] = ordered_json::array(
        {{{"mark", {{"type", "rule"}, {"size", 2}}},
          {"encoding",
           {{"y", y},
            {"x", {{"field", "low"}, {"type", "quantitative"}, {"title", "NOK"}}},
            {"x2", {{"field", "high"}}}}}},
         {{"mark", {{"type", "point"}, {"filled", true}, {"size", 80}}},
          {"encoding",
           {{"y", y},
            {"x", {{"field", "mean"}, {"type", "quantitative"}}},
            {"tooltip", ordered_json::array({{{"field", "arm"}},
                                             {{"field", "mean"}, {"format", ",.0f"}},
                                             {{"field", "low"}, {"format", ",.0f"}},
                                             {{"field", "high"}, {"format", ",.0f"}}})}}}},
         {{"mark", {{"type", "rule"}, {"strokeDash", {4, 4}}, {"color", "gray"}}},
          {"data", {{"values", ordered_json::array({{{"zero", 0}}})}}},
          {"encoding", {{"x", {{"field", "zero"}, {"type", "quantitative"}}}}}}});
    return spec;
}

ordered_json ceac_chart(const ordered_json& summary) {
    const auto& ce = summary.at("cost_effectiveness");
    const auto& wtp = ce.at("ceac").at("wtp_nok_per_placement");
    ordered_json values = ordered_json::array();
    for (const auto& [arm, probabilities] : ce.at("ceac").at("probability_best").items()) {
        for (std::size_t i = 0; i < wtp.size(); ++i) {
            values.push_back({{"wtp", wtp[i]}, {"arm", arm}, {"probability", probabilities[i]}});
        }
    }
    ordered_json spec = base_spec("Cost-effectiveness acceptability curve",
                                  "probability that each arm has the highest net benefit (wtp x "
                                  "placements - programme cost)");
    spec["width"] = 420;
    spec["height"] = 260;
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "line"}};
    spec["encoding"] = {
        {"x",
         {{"field", "wtp"},
          {"type", "quantitative"},
          {"title", "willingness to pay, NOK per placement"}}},
        {"y",
         {{"field", "probability"}, {"type", "quantitative"}, {"scale", {{"domain", {0, 1}}}}}},
        {"color", arm_color(summary)}};
    return spec;
}

ordered_json plane_chart(const ordered_json& summary) {
    ordered_json values = ordered_json::array();
    for (const auto& [arm, points] : summary.at("psa").at("plane").items()) {
        for (const auto& p : points) {
            values.push_back({{"arm", arm},
                              {"delta_placed", p.at("delta_placed")},
                              {"delta_cost", p.at("delta_cost_nok")}});
        }
    }
    const std::string versus = summary.at("psa").at("versus").is_null()
                                   ? "baseline"
                                   : summary.at("psa").at("versus").get<std::string>();
    ordered_json spec =
        base_spec("Cost-effectiveness plane",
                  "each PSA draw: extra placements and extra programme cost against " + versus);
    spec["width"] = 420;
    spec["height"] = 300;
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "point"}, {"opacity", 0.5}, {"size", 16}};
    spec["encoding"] = {
        {"x",
         {{"field", "delta_placed"}, {"type", "quantitative"}, {"title", "extra persons placed"}}},
        {"y",
         {{"field", "delta_cost"},
          {"type", "quantitative"},
          {"title", "extra programme cost, NOK"}}},
        {"color", arm_color(summary)}};
    return spec;
}

ordered_json tornado_chart(const ordered_json& summary) {
    const auto& tornado = summary.at("sweep").at("tornado");
    const double base = tornado.at("base_nok").get<double>();
    ordered_json values = ordered_json::array();
    for (const auto& bar : tornado.at("bars")) {
        const std::string label = bar.at("path").get<std::string>();
        values.push_back({{"parameter", label},
                          {"end", fmt::format("at {}", bar.at("from").get<double>())},
                          {"value", bar.at("npv_difference_at_from_nok")},
                          {"base", base}});
        values.push_back({{"parameter", label},
                          {"end", fmt::format("at {}", bar.at("to").get<double>())},
                          {"value", bar.at("npv_difference_at_to_nok")},
                          {"base", base}});
    }
    ordered_json spec = base_spec(
        "Tornado",
        fmt::format("socio-economic NPV of {} minus {}; each parameter at the ends of its range",
                    tornado.at("arm").get<std::string>(), tornado.at("versus").get<std::string>()));
    spec["width"] = 520;
    spec["height"] = {{"step", 28}};
    spec["data"] = {{"values", values}};
    spec["mark"] = {{"type", "bar"}, {"opacity", 0.8}};
    spec["encoding"] = {
        {"y", {{"field", "parameter"}, {"type", "nominal"}, {"sort", nullptr}, {"title", nullptr}}},
        {"x", {{"field", "value"}, {"type", "quantitative"}, {"title", "NPV difference, NOK"}}},
        {"x2", {{"field", "base"}}},
        {"color", {{"field", "end"}, {"type", "nominal"}, {"title", "value"}}},
        {"tooltip", ordered_json::array({{{"field", "parameter"}},
                                         {{"field", "end"}},
                                         {{"field", "value"}, {"format", ",.0f"}}})}};
    return spec;
}

ordered_json sweep_chart(const ordered_json& summary, const CsvTable& sweep) {
    const auto& variables = summary.at("sweep").at("variables");
    const std::string arm = summary.at("sweep").at("tornado").at("arm").get<std::string>();
    const std::size_t arm_col = sweep.column("arm"), npv = sweep.column("npv_socioeconomic_nok");
    const bool grid = summary.at("sweep").at("mode") == "grid" && variables.size() == 2;
    ordered_json values = ordered_json::array();
    for (const auto& row : sweep.rows) {
        if (row[arm_col] != arm || row[0] == "0") continue;  // point 0: the scenario as is
        if (grid) {
            const std::string x = variables[0].at("path"), y = variables[1].at("path");
            values.push_back({{"x", std::stod(row[sweep.column(x)])},
                              {"y", std::stod(row[sweep.column(y)])},
                              {"npv", number_or_null(row[npv])}});
        } else {
            for (const auto& v : variables) {
                const std::string path = v.at("path");
                const std::string& field = row[sweep.column(path)];
                if (!field.empty())
                    values.push_back({{"parameter", path},
                                      {"value", std::stod(field)},
                                      {"npv", number_or_null(row[npv])}});
            }
        }
    }
    if (grid) {
        ordered_json spec = base_spec(
            "Sweep surface", fmt::format("socio-economic NPV of {} against the baseline arm", arm));
        spec["width"] = 420;
        spec["height"] = 300;
        spec["data"] = {{"values", values}};
        spec["mark"] = {{"type", "rect"}};
        spec["encoding"] = {
            {"x", {{"field", "x"}, {"type", "ordinal"}, {"title", variables[0].at("path")}}},
            {"y",
             {{"field", "y"},
              {"type", "ordinal"},
              {"title", variables[1].at("path")},
              {"sort", "descending"}}},
            {"color", {{"field", "npv"}, {"type", "quantitative"}, {"title", "NPV, NOK"}}},
            {"tooltip",
             ordered_json::array(
                 {{{"field", "x"}}, {{"field", "y"}}, {{"field", "npv"}, {"format", ",.0f"}}})}};
        return spec;
    }
    ordered_json spec = base_spec(
        "One-way sweeps",
        fmt::format("socio-economic NPV of {} against the baseline arm, one parameter at a time",
                    arm));
    spec["data"] = {{"values", values}};
    spec["facet"] = {{"column", {{"field", "parameter"}, {"type", "nominal"}, {"title", nullptr}}}};
    spec["resolve"] = {{"scale", {{"x", "independent"}}}};
    spec["spec"] = {{"width", 260},
                    {"height", 200},
                    {"mark", {{"type", "line"}, {"point", true}}},
                    {"encoding",
                     {{"x", {{"field", "value"}, {"type", "quantitative"}}},
                      {"y", {{"field", "npv"}, {"type", "quantitative"}, {"title", "NPV, NOK"}}}}}};
    return spec;
}

// ---- the page -----------------------------------------------------------------------------

std::string format_metric_cell(const ordered_json* m, const std::string& name) {
    if (!m) return "–";
    const double mean = m->at("mean").get<double>();
    auto fmt_one = [&](double x) {
        if (name.ends_with("_nok")) return with_thousands(x);
        if (name.ends_with("_rate")) return fmt::format("{:.3f}", x);
        return fmt::format("{:.1f}", x);
    };
    const double lo = m->at("ci95")[0].get<double>(), hi = m->at("ci95")[1].get<double>();
    if (hi - lo <= 0.0) return fmt_one(mean);
    return fmt::format("{} <span class=ci>[{}, {}]</span>", fmt_one(mean), fmt_one(lo),
                       fmt_one(hi));
}

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

std::string page(const std::string& title, const std::string& header_html,
                 const std::string& body_html,
                 const std::vector<std::pair<std::string, ordered_json>>& charts) {
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

}  // namespace

ReportInputs read_results_folder(const std::filesystem::path& folder) {
    ReportInputs in;
    const std::string summary = read_file(folder / "summary.json");
    if (summary.empty()) throw std::runtime_error("no summary.json in " + folder.string());
    in.summary = ordered_json::parse(summary);
    in.timeseries_csv = read_file(folder / "timeseries.csv");
    in.sweep_csv = read_file(folder / "sweep.csv");
    in.scenario_yaml = read_file(folder / "scenario.yaml");
    return in;
}

std::vector<std::pair<std::string, ordered_json>> report_charts(const ReportInputs& in) {
    const ordered_json& s = in.summary;
    std::vector<std::pair<std::string, ordered_json>> charts;
    if (!in.timeseries_csv.empty()) {
        const CsvTable ts = parse_csv(in.timeseries_csv);
        charts.emplace_back("chart-states", states_chart(ts));
        charts.emplace_back("chart-placement", placement_chart(ts, s));
    }
    if (s.contains("arms") && !s.contains("sweep")) {
        charts.emplace_back("chart-costs", cost_chart(s));
        charts.emplace_back("chart-accounts", accounts_chart(s));
        if (!s.at("baseline_arm").is_null()) charts.emplace_back("chart-npv", npv_chart(s));
    }
    if (s.contains("psa") && !s.at("psa").at("plane").empty())
        charts.emplace_back("chart-plane", plane_chart(s));
    if (s.contains("cost_effectiveness")) charts.emplace_back("chart-ceac", ceac_chart(s));
    if (s.contains("sweep")) {
        if (!s.at("sweep").at("tornado").at("bars").empty())
            charts.emplace_back("chart-tornado", tornado_chart(s));
        if (!in.sweep_csv.empty())
            charts.emplace_back("chart-sweep", sweep_chart(s, parse_csv(in.sweep_csv)));
    }
    return charts;
}

std::string report_html(const ReportInputs& in) {
    const ordered_json& s = in.summary;
    const std::string name = s.at("scenario").at("name").get<std::string>();
    const ordered_json& run = s.at("run");
    std::string what;
    if (s.contains("psa")) {
        what = fmt::format("PSA: {} draws x {} replications", run.at("draws").get<std::uint64_t>(),
                           run.at("replications_per_draw").get<std::uint64_t>());
    } else if (s.contains("sweep")) {
        what =
            fmt::format("sweep: {} points x {} replications", run.at("points").get<std::uint64_t>(),
                        run.at("replications_per_point").get<std::uint64_t>());
    } else {
        what = fmt::format("{} replications", run.at("replications").get<std::uint64_t>());
    }
    std::string overrides;
    for (const auto& o : s.at("scenario").at("overrides"))
        overrides += " --set " + o.get<std::string>();
    std::string header = "<header><h1>" + html_escape(name) + "</h1>";
    header += fmt::format(
        "<p>{} · seed {} · {} events · followsim {}</p>", what, run.at("seed").get<std::uint64_t>(),
        run.at("events").get<std::uint64_t>(), html_escape(s.at("followsim_version")));
    header += "<p>Scenario file " + html_escape(s.at("scenario").at("file")) + " (SHA-256 " +
              html_escape(s.at("scenario").at("sha256")) + ")" +
              (overrides.empty() ? "" : ", with" + html_escape(overrides)) +
              fmt::format(". Money: NOK of {}, discounted to the start.</p></header>\n",
                          s.at("scenario").at("price_year").get<int>());
    std::string body;
    if (s.contains("arms") && !s.contains("sweep")) {
        body += "<section><h2>Key figures</h2><p>Mean and 95 % interval over " +
                std::string(s.contains("psa") ? "PSA draws" : "replications") + ".</p>" +
                key_figures_table(s) + "</section>\n";
    }
    if (s.contains("sweep")) {
        body += "<section><h2>Best points</h2><ul>";
        for (const auto& b : s.at("sweep").at("best")) {
            std::string where;
            for (const auto& [path, value] : b.at("values").items()) {
                where += (where.empty() ? "" : ", ") + path + " = " +
                         (value.is_number() ? fmt::format("{}", value.get<double>())
                                            : value.get<std::string>());
            }
            const std::string metric_name = b.at("metric").get<std::string>();
            const double value = b.at("value").get<double>();
            body += fmt::format("<li>{}: {} in arm <b>{}</b> at {}</li>", html_escape(metric_name),
                                metric_name.ends_with("_nok") ? with_thousands(value)
                                                              : fmt::format("{:.4g}", value),
                                html_escape(b.at("arm")), html_escape(where));
        }
        body += "</ul></section>\n";
    }
    const auto charts = report_charts(in);
    std::string tail;
    if (!in.scenario_yaml.empty()) {
        tail = "<section><h2>The scenario as run</h2><pre>" + html_escape(in.scenario_yaml) +
               "</pre></section>\n";
    }
    std::string html = page("followsim — " + name, header, body, charts);
    const auto at = html.rfind("<script>\nconst specs");
    html.insert(at, tail);
    return html;
}

std::string compare_html(const std::vector<std::string>& labels,
                         const std::vector<ordered_json>& summaries) {
    const std::vector<std::string> names{"placement_rate", "cost_programme_nok",
                                         "npv_socioeconomic_nok", "net_fiscal_nok",
                                         "budget_spent_nok"};
    std::string table = "<table class=figures><thead><tr><th>results</th><th>arm</th>";
    for (const auto& n : names) table += "<th>" + n + "</th>";
    table += "</tr></thead><tbody>";
    ordered_json npv = ordered_json::array(), placement = ordered_json::array();
    for (std::size_t i = 0; i < summaries.size(); ++i) {
        for (const std::string& arm : arm_names(summaries[i])) {
            table += "<tr><td>" + html_escape(labels[i]) + "</td><td>" + html_escape(arm) + "</td>";
            for (const auto& n : names)
                table += "<td>" + format_metric_cell(metric(summaries[i], arm, n), n) + "</td>";
            table += "</tr>";
            if (const ordered_json* m = metric(summaries[i], arm, "npv_socioeconomic_nok")) {
                npv.push_back({{"results", labels[i]},
                               {"arm", arm},
                               {"mean", m->at("mean")},
                               {"low", m->at("ci95")[0]},
                               {"high", m->at("ci95")[1]}});
            }
            if (const ordered_json* m = metric(summaries[i], arm, "placement_rate")) {
                placement.push_back(
                    {{"results", labels[i]}, {"arm", arm}, {"rate", m->at("mean")}});
            }
        }
    }
    table += "</tbody></table>";
    ordered_json npv_spec =
        base_spec("Socio-economic NPV per arm and results folder", "with its 95 % interval");
    npv_spec["data"] = {{"values", npv}};
    npv_spec["width"] = 480;
    npv_spec["height"] = {{"step", 22}};
    const ordered_json y = {{"field", "row"}, {"type", "nominal"}, {"title", nullptr}};
    npv_spec["transform"] =
        ordered_json::array({{{"calculate", "datum.results + ' / ' + datum.arm"}, {"as", "row"}}});
    npv_spec["layer"] = ordered_json::array(
        {{{"mark", {{"type", "rule"}, {"size", 2}}},
          {"encoding",
           {{"y", y},
            {"x", {{"field", "low"}, {"type", "quantitative"}, {"title", "NOK"}}},
            {"x2", {{"field", "high"}}}}}},
         {{"mark", {{"type", "point"}, {"filled", true}, {"size", 70}}},
          {"encoding",
           {{"y", y},
            {"x", {{"field", "mean"}, {"type", "quantitative"}}},
            {"color", {{"field", "results"}, {"type", "nominal"}}}}}}});
    ordered_json rate_spec =
        base_spec("Placement rate per arm and results folder", "mean over replications");
    rate_spec["data"] = {{"values", placement}};
    rate_spec["width"] = 480;
    rate_spec["height"] = 240;
    rate_spec["mark"] = {{"type", "bar"}};
    rate_spec["encoding"] = {
        {"x", {{"field", "arm"}, {"type", "nominal"}, {"title", nullptr}}},
        {"xOffset", {{"field", "results"}}},
        {"y", {{"field", "rate"}, {"type", "quantitative"}, {"axis", {{"format", "%"}}}}},
        {"color", {{"field", "results"}, {"type", "nominal"}}}};
    std::string header = "<header><h1>followsim — comparison</h1><p>";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        header += (i ? " · " : "") + html_escape(labels[i]) + ": " +
                  html_escape(summaries[i].at("scenario").at("name"));
    }
    header += "</p></header>\n";
    return page("followsim — comparison", header,
                "<section><h2>Key figures</h2>" + table + "</section>\n",
                {{"chart-compare-npv", npv_spec}, {"chart-compare-placement", rate_spec}});
}

}  // namespace followsim::output
