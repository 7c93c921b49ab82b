#include "engine/output/compare_table.hpp"

#include "engine/output/arm_table.hpp"

namespace followsim::output {

std::string compare_table(const std::vector<LabelledResults>& results) {
    const std::vector<std::string> metrics{
        "placement_rate",        "placed",         "mean_wait_days",  "cost_programme_nok",
        "npv_socioeconomic_nok", "net_fiscal_nok", "budget_spent_nok"};
    std::vector<std::vector<std::string>> rows{{"metric"}};
    for (const auto& [label, data] : results) {
        for (const auto& [arm, _] : data.summary.at("arms").items())
            rows[0].push_back(label + "/" + arm);
    }
    for (const std::string& m : metrics) {
        std::vector<std::string> row{m};
        for (const auto& compared : results) {
            for (const auto& [arm, entry] : compared.data.summary.at("arms").items()) {
                const auto& value = entry.at("metrics").value(m, nlohmann::ordered_json());
                row.push_back(
                    value.is_null() ? "-" : format_metric_value(m, value.at("mean").get<double>()));
            }
        }
        rows.push_back(std::move(row));
    }
    return aligned_columns(rows, false);
}

}  // namespace followsim::output
