#include "engine/output/export_files.hpp"

#include <fmt/core.h>
#include <stdlib.h>
#include <xlsxwriter.h>

#include <cmath>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "engine/model/state_fields.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/result_files.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

const std::vector<std::string>& key_metrics() {
    static const std::vector<std::string> names{
        "npv_socioeconomic_nok", "placement_rate",         "placed",         "benefit_cost_ratio",
        "cost_programme_nok",    "cost_per_placement_nok", "net_fiscal_nok", "mean_wait_days",
        "budget_spent_nok",      "budget_exhausted_day"};
    return names;
}

namespace {

double at_or_nan(const ordered_json& j, const char* key, std::size_t i) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nan("");
    return j.at(key).at(i).get<double>();
}

// A metric entry as numbers: mean, sd, ci95 low/high, interval95 low/high (NaN: none).
std::vector<double> metric_numbers(const ordered_json* m) {
    if (!m) return std::vector<double>(6, std::nan(""));
    return {m->at("mean").get<double>(),    m->at("sd").get<double>(),
            at_or_nan(*m, "ci95", 0),       at_or_nan(*m, "ci95", 1),
            at_or_nan(*m, "interval95", 0), at_or_nan(*m, "interval95", 1)};
}

const std::vector<std::string> kMetricColumns{
    "mean", "sd", "ci95_low", "ci95_high", "interval95_low", "interval95_high"};

// A worksheet written row by row; NaN is an empty cell.
class Sheet {
  public:
    Sheet(lxw_workbook* book, const char* name, lxw_format* bold)
        : sheet_(workbook_add_worksheet(book, name)), bold_(bold) {}
    void header(const std::vector<std::string>& names) {
        for (const auto& n : names) text(n, bold_);
        next_row();
        worksheet_freeze_panes(sheet_, 1, 0);
    }
    void text(const std::string& s, lxw_format* format = nullptr) {
        worksheet_write_string(sheet_, row_, col_++, s.c_str(), format);
    }
    void number(double x) {
        if (!std::isnan(x)) worksheet_write_number(sheet_, row_, col_, x, nullptr);
        ++col_;
    }
    void json(const ordered_json& v) {
        if (v.is_number())
            number(v.get<double>());
        else if (v.is_string())
            text(v.get<std::string>());
        else if (v.is_boolean())
            text(v.get<bool>() ? "true" : "false");
        else
            ++col_;
    }
    void next_row() {
        ++row_;
        col_ = 0;
    }
    void widths(double first, double rest) {
        worksheet_set_column(sheet_, 0, 0, first, nullptr);
        worksheet_set_column(sheet_, 1, 40, rest, nullptr);
    }

  private:
    lxw_worksheet* sheet_;
    lxw_format* bold_;
    lxw_row_t row_ = 0;
    lxw_col_t col_ = 0;
};

// A folder only this process uses (mkdtemp makes it 0700), removed with what it holds.
struct PrivateFolder {
    std::filesystem::path path;
    PrivateFolder() {
        std::string name = (std::filesystem::temp_directory_path() / "followsim-XXXXXX").string();
        if (::mkdtemp(name.data()) == nullptr)
            throw std::runtime_error("results.xlsx: cannot create a temporary folder");
        path = name;
    }
    PrivateFolder(const PrivateFolder&) = delete;
    PrivateFolder& operator=(const PrivateFolder&) = delete;
    ~PrivateFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
};

// 2000-01-01T00:00:00Z, results.xlsx's creation time.
constexpr std::time_t kCreated = 946684800;

std::string read_bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

std::string key_figures_csv(const ReportData& data) {
    const ordered_json& s = data.summary;
    std::string out = "arm,metric,label_en,label_nb";
    for (const auto& c : kMetricColumns) out += "," + c;
    out += "\n";
    if (!s.contains("arms")) return out;
    for (const std::string& arm : arm_names(s)) {
        for (const std::string& name : key_metrics()) {
            out += fmt::format("{},{},{},{}", csv_field(arm), name,
                               csv_field(std::string(text(name, Lang::en))),
                               csv_field(std::string(text(name, Lang::nb))));
            for (double x : metric_numbers(metric(s, arm, name))) out += "," + csv_number(x);
            out += "\n";
        }
    }
    return out;
}

std::string results_xlsx(const ReportData& data) {
    // libxlsxwriter writes to a named file: one in a folder of our own (mkdtemp, 0700), so no
    // name in the shared temporary folder can be guessed and planted as a link beforehand.
    const PrivateFolder work;
    const std::filesystem::path path = work.path / "results.xlsx";
    lxw_workbook* book = workbook_new(path.c_str());
    if (!book) throw std::runtime_error("results.xlsx: libxlsxwriter could not start a workbook");
    // A fixed creation time: the same results give the same bytes (Excel shows it as the
    // file's creation date; the run's own time is not part of the results).
    lxw_doc_properties properties{};
    properties.created = kCreated;
    workbook_set_properties(book, &properties);
    lxw_format* bold = workbook_add_format(book);
    format_set_bold(bold);
    const ordered_json& s = data.summary;
    const Lang lang = data.lang;

    Sheet decision(book, "decision", bold);
    decision.widths(24, 60);
    if (s.contains("decision")) {
        for (const auto& [key, value] : s.at("decision").items()) {
            if (key == "text") continue;
            if (value.is_object()) {  // the gap and the threshold: one row per field
                for (const auto& [field, x] : value.items()) {
                    decision.text(key + "." + field);
                    if (x.is_array()) {
                        for (const auto& v : x) decision.json(v);
                    } else {
                        decision.json(x);
                    }
                    decision.next_row();
                }
                continue;
            }
            decision.text(key);
            decision.json(value);
            decision.next_row();
        }
        for (const char* l : {"en", "nb"}) {
            decision.text(std::string("text.") + l);
            decision.json(s.at("decision").at("text").at(l));
            decision.next_row();
        }
    }

    const bool has_arms = s.contains("arms");
    Sheet key(book, "key figures", bold);
    key.widths(16, 18);
    Sheet arms(book, "arms", bold);
    arms.widths(16, 18);
    if (has_arms) {
        std::vector<std::string> head{"arm", "metric", "label"};
        head.insert(head.end(), kMetricColumns.begin(), kMetricColumns.end());
        key.header(head);
        arms.header(head);
        for (const std::string& arm : arm_names(s)) {
            for (const std::string& name : key_metrics()) {
                key.text(arm);
                key.text(name);
                key.text(std::string(text(name, lang)));
                for (double x : metric_numbers(metric(s, arm, name))) key.number(x);
                key.next_row();
            }
            for (const auto& [name, m] : s.at("arms").at(arm).at("metrics").items()) {
                arms.text(arm);
                arms.text(name);
                arms.text(std::string(text(name, lang)));
                for (double x : metric_numbers(m.is_null() ? nullptr : &m)) arms.number(x);
                arms.next_row();
            }
        }
    }

    Sheet comparisons(book, "comparisons", bold);
    comparisons.widths(16, 18);
    std::vector<std::string> head{"arm", "versus", "metric"};
    head.insert(head.end(), kMetricColumns.begin(), kMetricColumns.end());
    head.insert(head.end(),
                {"icer_nok_per_placement", "icer_placement_status", "probability_better"});
    comparisons.header(head);
    for (const auto& c : s.value("comparisons", ordered_json::array())) {
        for (const auto& [name, d] : c.at("delta").items()) {
            comparisons.text(c.at("arm").get<std::string>());
            comparisons.text(c.at("versus").get<std::string>());
            comparisons.text(name);
            for (double x : metric_numbers(d.is_null() ? nullptr : &d)) comparisons.number(x);
            comparisons.json(c.at("icer_nok_per_placement"));
            comparisons.json(c.at("icer_placement_status"));
            comparisons.json(c.at("probability_better"));
            comparisons.next_row();
        }
    }

    if (!data.months.empty()) {
        Sheet months(book, "time series", bold);
        months.widths(16, 14);
        std::vector<std::string> names{"arm", "month", "day"};
        for (const auto& f : model::kStateFieldInfo) names.emplace_back(f.name);
        months.header(names);
        for (const ArmMonths& arm : data.months) {
            for (std::size_t m = 0; m < arm.months.size(); ++m) {
                months.text(arm.arm);
                months.number(static_cast<double>(m));
                months.number(arm.months[m].day);
                for (double x : arm.months[m].state.values) months.number(x);
                months.next_row();
            }
        }
    }

    const lxw_error closed = workbook_close(book);
    std::string bytes = read_bytes(path);
    if (closed != LXW_NO_ERROR || bytes.empty())
        throw std::runtime_error(std::string("results.xlsx: ") + lxw_strerror(closed));
    return bytes;
}

}  // namespace followsim::output
