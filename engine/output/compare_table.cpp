#include "engine/output/compare_table.hpp"

#include <yaml-cpp/yaml.h>

#include <cmath>
#include <map>

#include "engine/economics/consumer_prices.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/metric_summary.hpp"
#include "engine/output/arm_table.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/report/csv_table.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

const std::vector<std::string>& compared_metrics() {
    static const std::vector<std::string> names{"npv_socioeconomic_nok", "placement_rate",
                                                "cost_programme_nok", "net_fiscal_nok",
                                                "budget_spent_nok"};
    return names;
}

namespace {

int price_year_of(const LabelledResults& r) {
    return r.data.summary.at("scenario").at("price_year").get<int>();
}

// Every number of a metric entry (mean, sd, ci95, interval95) times `factor`.
void scale_metric(ordered_json& m, double factor) {
    if (m.is_null()) return;
    for (auto& [key, value] : m.items()) {
        if (value.is_number()) value = value.get<double>() * factor;
        if (value.is_array()) {
            for (auto& x : value) {
                if (x.is_number()) x = x.get<double>() * factor;
            }
        }
    }
}

std::uint64_t samples_of(const ordered_json& summary) {
    const ordered_json& run = summary.at("run");
    if (run.contains("draws")) return run.at("draws").get<std::uint64_t>();
    return run.value("replications", std::uint64_t{1});
}

void flatten(const YAML::Node& node, const std::string& path,
             std::map<std::string, std::string>& out) {
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it)
            flatten(it->second, path.empty() ? it->first.Scalar() : path + "." + it->first.Scalar(),
                    out);
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i) {
            // List items by name where they have one (cohorts), as --set addresses them.
            const std::string key =
                node[i].IsMap() && node[i]["name"] ? node[i]["name"].Scalar() : std::to_string(i);
            flatten(node[i], path + "." + key, out);
        }
    } else if (node.IsScalar()) {
        out[path] = node.Scalar();
    }
}

// Per arm and metric, the samples of a folder's replications.csv or psa.csv, in order.
using Samples = std::map<std::pair<std::string, std::string>, std::vector<double>>;

Samples samples_of_csv(const std::string& text) {
    Samples out;
    if (text.empty()) return out;
    const CsvTable csv = parse_csv(text);
    const std::size_t arm = csv.column("arm");
    for (const std::string& name : compared_metrics()) {
        const auto column = csv.find_column(name);
        if (!column) continue;
        for (const auto& row : csv.rows) out[{row[arm], name}].push_back(csv_double(row[*column]));
    }
    return out;
}

// Paired only where both folders ran the same seed over the same number of samples: then
// sample k of one is sample k of the other, on the same random numbers.
bool can_pair(const LabelledResults& a, const LabelledResults& b) {
    return !a.samples_csv.empty() && !b.samples_csv.empty() &&
           a.data.summary.at("run").value("seed", 0) == b.data.summary.at("run").value("seed", 1) &&
           samples_of(a.data.summary) == samples_of(b.data.summary) &&
           a.data.summary.contains("psa") == b.data.summary.contains("psa");
}

}  // namespace

void common_price_year(std::vector<LabelledResults>& results, std::optional<int> price_year) {
    if (!price_year) {
        for (const auto& r : results) {
            if (price_year_of(r) == price_year_of(results.front())) continue;
            throw experiment::UsageError(
                "the folders' money is in NOK of different price years (" + results.front().label +
                ": " + std::to_string(price_year_of(results.front())) + ", " + r.label + ": " +
                std::to_string(price_year_of(r)) +
                "); give --price-year YEAR to convert them with the consumer price index");
        }
        return;
    }
    for (auto& r : results) {
        const int from = price_year_of(r);
        const auto factor = economics::price_factor(from, *price_year);
        if (!factor) {
            const auto [first, last] = economics::consumer_price_years();
            throw experiment::UsageError("--price-year: the consumer price index covers " +
                                         std::to_string(first) + "-" + std::to_string(last) +
                                         ", not " + std::to_string(from) + " and " +
                                         std::to_string(*price_year));
        }
        ordered_json& s = r.data.summary;
        for (auto& [arm, entry] : s.at("arms").items()) {
            for (auto& [name, m] : entry.at("metrics").items()) {
                if (name.ends_with("_nok")) scale_metric(m, *factor);
            }
        }
        s["scenario"]["price_year"] = *price_year;
        s["scenario"]["converted_from_price_year"] = from;
    }
}

std::vector<ScenarioChange> scenario_diff(const std::string& before, const std::string& after) {
    std::map<std::string, std::string> a, b;
    flatten(YAML::Load(before), "", a);
    flatten(YAML::Load(after), "", b);
    std::vector<ScenarioChange> changes;
    for (const auto& [path, value] : a) {
        const auto other = b.find(path);
        if (other == b.end())
            changes.push_back({path, value, ""});
        else if (other->second != value)
            changes.push_back({path, value, other->second});
    }
    for (const auto& [path, value] : b) {
        if (!a.count(path)) changes.push_back({path, "", value});
    }
    return changes;
}

std::vector<FolderComparison> compare_folders(const std::vector<LabelledResults>& results) {
    std::vector<FolderComparison> out;
    const LabelledResults& first = results.front();
    for (std::size_t i = 1; i < results.size(); ++i) {
        const LabelledResults& r = results[i];
        FolderComparison c{r.label, first.label, can_pair(first, r), {}, {}};
        const double n_a = static_cast<double>(samples_of(first.data.summary));
        const double n_b = static_cast<double>(samples_of(r.data.summary));
        const Samples sa = c.paired ? samples_of_csv(first.samples_csv) : Samples{};
        const Samples sb = c.paired ? samples_of_csv(r.samples_csv) : Samples{};
        for (const std::string& arm : arm_names(r.data.summary)) {
            for (const std::string& name : compared_metrics()) {
                const ordered_json* a = metric(first.data.summary, arm, name);
                const ordered_json* b = metric(r.data.summary, arm, name);
                if (!a || !b) continue;
                const auto pa = sa.find({arm, name}), pb = sb.find({arm, name});
                if (c.paired && pa != sa.end() && pb != sb.end() &&
                    pa->second.size() == pb->second.size()) {
                    std::vector<double> d;
                    for (std::size_t k = 0; k < pa->second.size(); ++k)
                        d.push_back(pb->second[k] - pa->second[k]);
                    const auto m = experiment::summarize_metric(d);
                    if (!m.available) continue;
                    c.differences.push_back(
                        {arm, name, m.summary.mean, m.summary.ci95_low, m.summary.ci95_high});
                    continue;
                }
                const double mean = b->at("mean").get<double>() - a->at("mean").get<double>();
                const double da = a->at("sd").get<double>(), db = b->at("sd").get<double>();
                const double half = 1.96 * std::sqrt(da * da / n_a + db * db / n_b);
                c.differences.push_back({arm, name, mean, mean - half, mean + half});
            }
        }
        if (!first.data.scenario_yaml.empty() && !r.data.scenario_yaml.empty())
            c.scenario = scenario_diff(first.data.scenario_yaml, r.data.scenario_yaml);
        out.push_back(std::move(c));
    }
    return out;
}

std::string compare_table(const std::vector<LabelledResults>& results,
                          const std::vector<FolderComparison>& comparisons, Lang lang) {
    std::vector<std::vector<std::string>> rows{{std::string(text("compare.folder_arm", lang))}};
    for (const std::string& m : compared_metrics())
        rows[0].push_back(std::string(metric_label(m, lang)));
    for (const auto& [label, data, samples_csv] : results) {
        for (const std::string& arm : arm_names(data.summary)) {
            std::vector<std::string> row{label + "/" + arm};
            for (const std::string& m : compared_metrics()) {
                const ordered_json* value = metric(data.summary, arm, m);
                row.push_back(value ? format_metric(m, value->at("mean").get<double>(), lang)
                                    : "–");
            }
            rows.push_back(std::move(row));
        }
    }
    std::string out = say("compare.price_year", lang,
                          results.front().data.summary.at("scenario").at("price_year").get<int>()) +
                      "\n" + fitted_columns(rows);
    for (const FolderComparison& c : comparisons) {
        out += "\n" + say("compare.differences", lang, c.label, c.versus) + " (" +
               std::string(text(c.paired ? "compare.paired" : "compare.unpaired", lang)) + ")\n";
        std::vector<std::vector<std::string>> diff;
        for (const MetricDifference& d : c.differences) {
            diff.push_back({"  " + d.arm, std::string(metric_label(d.metric, lang)),
                            format_metric(d.metric, d.mean, lang),
                            "[" + format_metric(d.metric, d.low, lang) + ", " +
                                format_metric(d.metric, d.high, lang) + "]"});
        }
        out += aligned_columns(diff, false);
        out += say("compare.scenario_diff", lang, c.scenario.size()) + "\n";
        for (const ScenarioChange& s : c.scenario) {
            out += wrap_text("  " + s.path + ": " + (s.before.empty() ? "–" : s.before) + " → " +
                             (s.after.empty() ? "–" : s.after));
        }
    }
    return out;
}

ordered_json comparison_json(const std::vector<LabelledResults>& results,
                             const std::vector<FolderComparison>& comparisons) {
    ordered_json folders = ordered_json::array();
    for (const auto& r : results) {
        folders.push_back({{"label", r.label},
                           {"scenario", r.data.summary.at("scenario").at("name")},
                           {"price_year", r.data.summary.at("scenario").at("price_year")}});
    }
    ordered_json list = ordered_json::array();
    for (const FolderComparison& c : comparisons) {
        ordered_json differences = ordered_json::array();
        for (const MetricDifference& d : c.differences) {
            differences.push_back({{"arm", d.arm},
                                   {"metric", d.metric},
                                   {"mean", d.mean},
                                   {"ci95", {d.low, d.high}}});
        }
        ordered_json scenario = ordered_json::array();
        for (const ScenarioChange& s : c.scenario) {
            scenario.push_back(
                {{"path", s.path},
                 {"before", s.before.empty() ? ordered_json(nullptr) : ordered_json(s.before)},
                 {"after", s.after.empty() ? ordered_json(nullptr) : ordered_json(s.after)}});
        }
        list.push_back({{"folder", c.label},
                        {"versus", c.versus},
                        {"paired", c.paired},
                        {"differences", std::move(differences)},
                        {"scenario_diff", std::move(scenario)}});
    }
    return {{"folders", std::move(folders)}, {"comparisons", std::move(list)}};
}

}  // namespace followsim::output
