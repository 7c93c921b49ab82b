#include "engine/output/sweep_table.hpp"

#include <fmt/core.h>

#include "engine/output/arm_table.hpp"

namespace followsim::output {

std::string sweep_table(const scenario::Scenario& scenario,
                        const experiment::SweepResults& results) {
    const auto& arms = scenario.model.arms;
    std::string out =
        fmt::format("{} — sweep of {} point{} x {} replications, seed {}\n", scenario.name,
                    results.points.size(), results.points.size() == 1 ? "" : "s",
                    results.replications, results.seed);
    if (!results.tornado.empty()) {
        out += fmt::format("Socio-economic NPV of {} minus {} (NOK): {} at the scenario's values\n",
                           arms[results.tornado_arm].name, arms[results.tornado_versus].name,
                           with_thousands(results.tornado_base));
        for (const auto& bar : results.tornado) {
            const auto& v = results.variables[bar.variable];
            out +=
                fmt::format("  {:<50} {:>16} at {:<10} {:>16} at {}\n", v.path,
                            with_thousands(bar.at_from), v.from, with_thousands(bar.at_to), v.to);
        }
    }
    for (const auto& best : results.best) {
        std::string where;
        for (std::size_t v = 0; v < results.variables.size(); ++v) {
            const auto& x = results.points[best.point].values[v];
            where += fmt::format("{}{}={}", where.empty() ? "" : ", ", results.variables[v].path,
                                 x ? fmt::format("{}", *x) : std::string("(scenario)"));
        }
        const std::string value = best.metric.ends_with("_nok") ? with_thousands(best.value)
                                                                : fmt::format("{:.4g}", best.value);
        out += fmt::format("Best {}: {} in arm {} at {}\n", best.metric, value, arms[best.arm].name,
                           where);
    }
    return out;
}

}  // namespace followsim::output
