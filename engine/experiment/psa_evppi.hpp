// The EVPPI of a PSA: for each uncertain parameter and each of the scenario's
// `uncertainty.groups`, at every willingness to pay of the CEAC grid, from the draws' parameter
// values and the arms' programme cost and placements (economics/evppi.hpp). Each parameter and
// group is one task on the thread pool and writes only its own slot, so the numbers do not
// depend on the number of threads.
#pragma once

#include <atomic>
#include <vector>

#include "engine/economics/economics_config.hpp"
#include "engine/economics/evppi.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

struct PsaEvppi {
    std::vector<double> wtp;                           // NOK per placement
    std::vector<double> evpi;                          // [wtp]: NOK
    std::vector<economics::EvppiEstimate> parameters;  // as uncertainty.parameters
    std::vector<economics::EvppiEstimate> groups;      // as uncertainty.groups
};

// parameter_values [draw][parameter]; samples [draw][arm][metric].
PsaEvppi psa_evppi(const scenario::Uncertainty& uncertainty,
                   const economics::EconomicsConfig& config,
                   const std::vector<std::vector<double>>& parameter_values,
                   const std::vector<std::vector<std::vector<double>>>& samples, unsigned threads,
                   const std::atomic<bool>* cancel = nullptr);

}  // namespace followsim::experiment
