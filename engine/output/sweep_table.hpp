// The terminal summary of a sweep: the tornado of the NPV difference between two arms, and
// the best point of each account with the values that make it.
#pragma once

#include <string>

#include "engine/experiment/sweep.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

std::string sweep_table(const scenario::Scenario& scenario, const experiment::SweepResults& results,
                        Lang lang = Lang::en);

}  // namespace followsim::output
