// Cost-effectiveness analysis as the health-economics packages do it (dampack's
// calculate_icers, hesim's cea/cea_pw): incremental cost-effectiveness ratios with strong and
// extended dominance, the efficiency frontier, the cost-effectiveness acceptability curve and
// the expected value of perfect information. Costs in NOK, effects in placements (or
// employment-months).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace followsim::economics {

enum class IcerStatus {
    ratio,          // extra cost for extra effect (or savings for less): the ratio means something
    dominant,       // no more cost and no less effect, one of them strictly
    dominated,      // no less cost and no more effect, one of them strictly
    no_difference,  // same cost and same effect
};
const char* to_string(IcerStatus status);

struct Icer {
    IcerStatus status = IcerStatus::no_difference;
    double nok_per_unit = 0.0;  // NaN unless status is ratio
};

// The ICER of an arm against a comparator from the differences of their mean cost and effect.
Icer incremental_ratio(double delta_cost, double delta_effect);

enum class FrontierStatus { non_dominated, dominated, extendedly_dominated };
const char* to_code(FrontierStatus status);  // "ND", "D", "ED" as in dampack

struct FrontierEntry {
    std::size_t arm = 0;
    double cost = 0.0;
    double effect = 0.0;
    FrontierStatus status = FrontierStatus::non_dominated;
    double icer = 0.0;  // against the previous arm on the frontier; NaN for the first and off it
};

// Arms sorted by cost, each marked ND, D or ED, with the ICERs along the frontier.
std::vector<FrontierEntry> efficiency_frontier(const std::vector<double>& costs,
                                               const std::vector<double>& effects);

struct Acceptability {
    std::vector<double> wtp;                       // NOK per unit of effect
    std::vector<std::vector<double>> probability;  // [arm][wtp]: share of samples where best
    std::vector<double> evpi;                      // [wtp]: NOK, >= 0
};

// From samples (replications or PSA draws) of cost and effect per arm ([sample][arm]): at
// each willingness to pay, the net monetary benefit wtp x effect - cost picks the best arm of
// each sample; EVPI = E[max NMB] - max E[NMB].
Acceptability acceptability(const std::vector<std::vector<double>>& costs,
                            const std::vector<std::vector<double>>& effects,
                            const std::vector<double>& wtp);

std::vector<double> wtp_grid(double from, double to, int steps);

}  // namespace followsim::economics
