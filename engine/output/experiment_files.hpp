// The result files of psa, sweep and calibrate: summary.json (the run's shape plus a section
// of the experiment's own) and psa.csv / sweep.csv / calibration.json.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/experiment/calibration.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

nlohmann::ordered_json psa_summary_json(const scenario::Scenario& scenario,
                                        const experiment::PsaResults& results);
// One row per draw x arm: the parameter values, then the mean of every metric.
std::string psa_csv(const scenario::Scenario& scenario, const experiment::PsaResults& results);

nlohmann::ordered_json sweep_summary_json(const scenario::Scenario& scenario,
                                          const experiment::SweepResults& results);
// One row per point x arm: the swept values (empty: the scenario's), then the metric means.
std::string sweep_csv(const scenario::Scenario& scenario, const experiment::SweepResults& results);

nlohmann::ordered_json calibration_json(const scenario::Scenario& scenario,
                                        const experiment::CalibrationSettings& settings,
                                        const experiment::CalibrationResult& result);

}  // namespace followsim::output
