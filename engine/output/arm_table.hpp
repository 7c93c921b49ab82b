// The end-of-run table for the terminal: arms side by side, each metric's mean and its 95 %
// interval over replications.
#pragma once

#include <string>

#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

std::string arm_table(const scenario::Scenario& scenario, const experiment::RunResults& results);
// 1234567.8 -> "1,234,568"
std::string with_thousands(double value);

}  // namespace followsim::output
