// The result files of optimise: summary.json (the optimise block: the budget, the objective,
// the arm, the best split with its interval and every candidate evaluated), optimise.csv (one
// row per candidate) and the terminal table.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/experiment/optimisation.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

nlohmann::ordered_json optimise_summary_json(const scenario::Scenario& scenario,
                                             const experiment::OptimiseResults& results);
// One row per candidate, in the order evaluated: the shares, what they buy, the objective
// with its interval, then every metric's mean for the arm.
std::string optimise_csv(const scenario::Scenario& scenario,
                         const experiment::OptimiseResults& results);
// The best split, its objective with the interval, and the evaluations needed.
std::string optimise_table(const scenario::Scenario& scenario,
                           const experiment::OptimiseResults& results, Lang lang = Lang::en);

}  // namespace followsim::output
