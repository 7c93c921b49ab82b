#include "engine/output/sweep_table.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"
#include "engine/output/labels.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::output {

std::string sweep_table(const scenario::Scenario& scenario, const experiment::SweepResults& results,
                        Lang lang) {
    const auto& arms = scenario.model.arms;
    std::string out = wrap_text(say("sweep.title", lang, scenario.name, results.points.size(),
                                    results.replications, results.seed));
    if (!results.tornado.empty()) {
        out +=
            wrap_text(say("sweep.tornado", lang, arms[results.tornado_arm].name,
                          arms[results.tornado_versus].name, nok_text(results.tornado_base, lang)));
        std::vector<std::vector<std::string>> rows;
        for (const auto& bar : results.tornado) {
            const auto& v = results.variables[bar.variable];
            rows.push_back({"  " + v.path, scenario::short_number(v.from),
                            format_nok(bar.at_from, lang), scenario::short_number(v.to),
                            format_nok(bar.at_to, lang)});
        }
        out += aligned_columns(rows, false);
    }
    for (const auto& best : results.best) {
        std::string where;
        for (std::size_t v = 0; v < results.variables.size(); ++v) {
            const auto& x = results.points[best.point].values[v];
            where += fmt::format("{}{} = {}", where.empty() ? "" : ", ", results.variables[v].path,
                                 scenario::short_number(x.value_or(results.scenario_values[v])));
        }
        out += wrap_text(say("sweep.best", lang, metric_label(best.metric, lang),
                             format_metric(best.metric, best.value, lang), arms[best.arm].name,
                             where));
    }
    return out;
}

}  // namespace followsim::output
