#include "engine/output/report/results_folder_reader.hpp"

#include <fstream>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "engine/experiment/metrics.hpp"
#include "engine/output/report/csv_table.hpp"

namespace followsim::output {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

std::string read_file(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// Columns by name; a column the file lacks (written by another version) reads as missing.
template <typename Names>
std::vector<std::optional<std::size_t>> columns_of(const CsvTable& csv, const Names& names) {
    std::vector<std::optional<std::size_t>> columns;
    for (const auto& entry : names) columns.push_back(csv.find_column(std::string(entry.name)));
    return columns;
}

double value_in(const std::vector<std::string>& row, std::optional<std::size_t> column) {
    return column ? csv_double(row[*column]) : kMissing;
}

// timeseries.csv: one row per arm x month, an arm's months together and in order.
std::vector<ArmMonths> read_timeseries(const std::string& text) {
    const CsvTable csv = parse_csv(text);
    const std::size_t arm = csv.column("arm"), day = csv.column("day");
    const auto state_columns = columns_of(csv, model::kStateFieldInfo);
    std::vector<ArmMonths> series;
    for (const auto& row : csv.rows) {
        if (series.empty() || series.back().arm != row[arm]) series.push_back({row[arm], {}});
        model::MonthSnapshot& month = series.back().months.emplace_back();
        month.day = csv_double(row[day]);
        for (std::size_t f = 0; f < model::kStateFields; ++f)
            month.state.values[f] = value_in(row, state_columns[f]);
    }
    return series;
}

// sweep.csv: point, the swept values (one column per variable), arm, the metric means; one
// row per point x arm, a point's arms together.
SweepTable read_sweep(const std::string& text) {
    const CsvTable csv = parse_csv(text);
    const std::size_t point = csv.column("point"), arm = csv.column("arm");
    if (arm <= point) throw std::runtime_error("sweep.csv: the arm column comes before point");
    SweepTable table;
    for (std::size_t v = point + 1; v < arm; ++v) table.variables.push_back(csv.header[v]);
    const auto metric_columns = columns_of(csv, experiment::arm_metrics());
    for (const auto& row : csv.rows) {
        const std::size_t p = std::stoul(row[point]);
        if (table.rows.empty() || table.rows.back().point != p) {
            SweepRow& next = table.rows.emplace_back();
            next.point = p;
            for (std::size_t v = point + 1; v < arm; ++v) {
                next.values.push_back(row[v].empty() ? std::nullopt
                                                     : std::optional(csv_double(row[v])));
            }
        }
        if (table.rows.size() == 1) table.arms.push_back(row[arm]);
        auto& means = table.rows.back().means.emplace_back();
        for (const auto& column : metric_columns) means.push_back(value_in(row, column));
    }
    return table;
}

}  // namespace

ReportData parse_results(const ResultTexts& texts) {
    ReportData data;
    data.summary = nlohmann::ordered_json::parse(texts.summary_json);
    if (!texts.timeseries_csv.empty()) data.months = read_timeseries(texts.timeseries_csv);
    if (!texts.sweep_csv.empty()) data.sweep = read_sweep(texts.sweep_csv);
    // scenario.yaml ends in a newline the scenario as run does not have.
    data.scenario_yaml = texts.scenario_yaml;
    if (data.scenario_yaml.ends_with('\n')) data.scenario_yaml.pop_back();
    return data;
}

ReportData read_results_folder(const std::filesystem::path& folder) {
    ResultTexts texts{read_file(folder / "summary.json"), read_file(folder / "timeseries.csv"),
                      read_file(folder / "sweep.csv"), read_file(folder / "scenario.yaml")};
    if (texts.summary_json.empty())
        throw std::runtime_error("no summary.json in " + folder.string());
    return parse_results(texts);
}

}  // namespace followsim::output
