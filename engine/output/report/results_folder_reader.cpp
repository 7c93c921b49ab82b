#include "engine/output/report/results_folder_reader.hpp"

#include <fmt/core.h>

#include <charconv>
#include <limits>
#include <optional>
#include <stdexcept>

#include "engine/experiment/metrics.hpp"
#include "engine/output/report/csv_table.hpp"
#include "engine/scenario/text_file.hpp"
#include "engine/scenario/yaml_text.hpp"

namespace followsim::output {

namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Results files are read whole; a PSA of a million draws writes about 100 MB.
constexpr std::size_t kMaxResultFileBytes = std::size_t{1} << 30;

// A results file's text; nullopt if the folder has no such file.
std::optional<std::string> read_file(const std::filesystem::path& path) {
    std::error_code ec;
    if (!std::filesystem::exists(std::filesystem::symlink_status(path, ec))) return std::nullopt;
    try {
        return scenario::read_text_file(path.string(), kMaxResultFileBytes, "a results file");
    } catch (const scenario::FileRefused& e) {
        throw std::runtime_error(path.string() + ": " + e.what());
    }
}

// Runs `read` on the text of file `name` of `folder`; what it throws names the file.
template <typename Read>
auto in_file(const std::filesystem::path& folder, const char* name, Read read) {
    try {
        return read();
    } catch (const std::exception& e) {
        throw std::runtime_error((folder / name).string() + ": " + e.what());
    }
}

std::size_t whole_number(const std::string& field) {
    std::size_t value = 0;
    const char* end = field.data() + field.size();
    const auto [stop, ec] = std::from_chars(field.data(), end, value);
    if (ec != std::errc() || stop != end || field.empty())
        throw std::runtime_error("'" + field.substr(0, 40) + "' is not a point number");
    return value;
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
        const std::size_t p = whole_number(row[point]);
        if (table.rows.empty() || table.rows.back().point != p) {
            SweepRow& next = table.rows.emplace_back();
            next.point = p;
            for (std::size_t v = point + 1; v < arm; ++v) {
                next.values.push_back(row[v].empty() ? std::nullopt
                                                     : std::optional(csv_double(row[v])));
            }
        }
        auto& arms_here = table.rows.back().means;
        if (table.rows.size() == 1) {
            table.arms.push_back(row[arm]);
        } else if (arms_here.size() >= table.arms.size() ||
                   table.arms[arms_here.size()] != row[arm]) {
            // Each point must list the arms of the first, in order: the charts index them so.
            throw std::runtime_error("point " + row[point] + " has arms other than point " +
                                     std::to_string(table.rows.front().point) + "'s");
        }
        auto& means = arms_here.emplace_back();
        for (const auto& column : metric_columns) means.push_back(value_in(row, column));
    }
    return table;
}

}  // namespace

ReportData parse_results(const ResultTexts& texts, const std::filesystem::path& folder) {
    ReportData data;
    data.summary = in_file(folder, "summary.json", [&] {
        auto summary = nlohmann::ordered_json::parse(texts.summary_json);
        if (!summary.is_object() || !summary.contains("run"))
            throw std::runtime_error("not a followsim summary (no \"run\")");
        return summary;
    });
    if (!texts.timeseries_csv.empty())
        data.months = in_file(folder, "timeseries.csv",
                              [&] { return read_timeseries(texts.timeseries_csv); });
    if (!texts.sweep_csv.empty())
        data.sweep = in_file(folder, "sweep.csv", [&] { return read_sweep(texts.sweep_csv); });
    // The page shows it as text: it must be text.
    if (const auto problem = scenario::find_encoding_problem(texts.scenario_yaml)) {
        throw std::runtime_error(fmt::format("{}: {} at line {}, column {}",
                                             (folder / "scenario.yaml").string(), problem->message,
                                             problem->mark.line + 1, problem->mark.column + 1));
    }
    // scenario.yaml ends in a newline the scenario as run does not have.
    data.scenario_yaml = texts.scenario_yaml;
    if (data.scenario_yaml.ends_with('\n')) data.scenario_yaml.pop_back();
    return data;
}

ReportData read_results_folder(const std::filesystem::path& folder) {
    const auto summary = read_file(folder / "summary.json");
    if (!summary) {
        throw std::runtime_error((folder / "summary.json").string() +
                                 ": no such file; not a results folder of followsim");
    }
    ResultTexts texts{*summary, read_file(folder / "timeseries.csv").value_or(""),
                      read_file(folder / "sweep.csv").value_or(""),
                      read_file(folder / "scenario.yaml").value_or("")};
    return parse_results(texts, folder);
}

std::string read_results_file(const std::filesystem::path& path) {
    return read_file(path).value_or("");
}

}  // namespace followsim::output
