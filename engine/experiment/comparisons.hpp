// Comparisons of arms over replications (or PSA draws): paired differences of every metric
// (common random numbers make them tight), ICERs with dominance, the probability that an arm
// has the higher socio-economic value, the efficiency frontier and the acceptability curve.
#pragma once

#include <string>
#include <vector>

#include "engine/economics/cost_effectiveness.hpp"
#include "engine/economics/economics_config.hpp"
#include "engine/experiment/replication_runner.hpp"

namespace followsim::experiment {

struct Comparison {
    std::size_t arm = 0;
    std::size_t versus = 0;
    std::vector<MetricSummary> delta;      // per metric: arm - versus, paired by replication
    economics::Icer per_placement;         // programme cost per extra person placed
    economics::Icer per_employment_month;  // programme cost per extra employment-month
    double probability_better = 0.0;       // share of samples with higher socio-economic value
};

// Every arm against every later arm, from samples [sample][arm][metric]; over PSA draws
// (`over_draws`) each difference also has the percentiles of the draws (interval95).
std::vector<Comparison> compare_arms(const std::vector<std::vector<std::vector<double>>>& samples,
                                     bool over_draws = false);

struct CostEffectiveness {
    std::vector<economics::FrontierEntry> frontier_placements;
    std::vector<economics::FrontierEntry> frontier_employment_months;
    economics::Acceptability ceac;  // effect: placements
};

// Each sample's programme cost and placements per arm, [sample][arm], as the CEAC uses them.
struct CostsAndEffects {
    std::vector<std::vector<double>> costs;
    std::vector<std::vector<double>> effects;
};
CostsAndEffects costs_and_effects(const std::vector<std::vector<std::vector<double>>>& samples);
// The CEAC's willingness-to-pay grid, NOK per placement (economics.ceac).
std::vector<double> ceac_wtp(const economics::EconomicsConfig& config);

CostEffectiveness cost_effectiveness(const std::vector<std::vector<std::vector<double>>>& samples,
                                     const economics::EconomicsConfig& config);

}  // namespace followsim::experiment
