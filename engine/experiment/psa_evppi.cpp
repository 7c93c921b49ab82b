#include "engine/experiment/psa_evppi.hpp"

#include "engine/experiment/comparisons.hpp"
#include "engine/experiment/parallel.hpp"

namespace followsim::experiment {

PsaEvppi psa_evppi(const scenario::Uncertainty& uncertainty,
                   const economics::EconomicsConfig& config,
                   const std::vector<std::vector<double>>& parameter_values,
                   const std::vector<std::vector<std::vector<double>>>& samples, unsigned threads,
                   const std::atomic<bool>* cancel) {
    PsaEvppi out;
    out.wtp = ceac_wtp(config);
    const CostsAndEffects ce = costs_and_effects(samples);
    out.evpi = economics::acceptability(ce.costs, ce.effects, out.wtp).evpi;
    // The draws of each parameter, [parameter][draw].
    std::vector<std::vector<double>> columns(uncertainty.parameters.size());
    for (const auto& draw : parameter_values) {
        for (std::size_t i = 0; i < columns.size(); ++i) columns[i].push_back(draw[i]);
    }
    const std::size_t singles = columns.size();
    out.parameters.resize(singles);
    out.groups.resize(uncertainty.groups.size());
    parallel_for(singles + uncertainty.groups.size(), threads, cancel, [&](std::uint64_t task) {
        std::vector<std::vector<double>> inputs;
        if (task < singles) {
            inputs.push_back(columns[task]);
        } else {
            for (std::size_t i : uncertainty.groups[task - singles].members)
                inputs.push_back(columns[i]);
        }
        auto estimate = economics::evppi(ce.costs, ce.effects, inputs, out.wtp, out.evpi);
        (task < singles ? out.parameters[task] : out.groups[task - singles]) = std::move(estimate);
    });
    return out;
}

}  // namespace followsim::experiment
