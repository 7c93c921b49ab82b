#include "engine/economics/cost_effectiveness.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>

namespace followsim::economics {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

const char* to_string(IcerStatus status) {
    // In the order of IcerStatus.
    static constexpr const char* names[] = {"ratio", "dominant", "dominated", "no_difference"};
    return names[static_cast<std::size_t>(status)];
}

const char* to_code(FrontierStatus status) {
    // dampack's codes, in the order of FrontierStatus.
    static constexpr const char* codes[] = {"ND", "D", "ED"};
    return codes[static_cast<std::size_t>(status)];
}

Icer incremental_ratio(double delta_cost, double delta_effect) {
    if (delta_cost == 0.0 && delta_effect == 0.0) return {IcerStatus::no_difference, kNaN};
    if (delta_cost <= 0.0 && delta_effect >= 0.0) return {IcerStatus::dominant, kNaN};
    if (delta_cost >= 0.0 && delta_effect <= 0.0) return {IcerStatus::dominated, kNaN};
    return {IcerStatus::ratio, delta_cost / delta_effect};
}

std::vector<FrontierEntry> efficiency_frontier(const std::vector<double>& costs,
                                               const std::vector<double>& effects) {
    if (costs.size() != effects.size())
        throw std::invalid_argument("costs and effects differ in size");
    const std::size_t n = costs.size();
    std::vector<FrontierEntry> entries(n);
    for (std::size_t i = 0; i < n; ++i)
        entries[i] = FrontierEntry{i, costs[i], effects[i], FrontierStatus::non_dominated, kNaN};
    // By cost, then by effect (more effect first), then by arm: a stable, documented order.
    std::sort(entries.begin(), entries.end(), [](const FrontierEntry& a, const FrontierEntry& b) {
        if (a.cost != b.cost) return a.cost < b.cost;
        if (a.effect != b.effect) return a.effect > b.effect;
        return a.arm < b.arm;
    });
    // Strong dominance: another arm costs no more and achieves no less, one strictly.
    for (FrontierEntry& e : entries) {
        for (const FrontierEntry& other : entries) {
            if (&other == &e) continue;
            const bool no_worse = other.cost <= e.cost && other.effect >= e.effect;
            const bool better = other.cost < e.cost || other.effect > e.effect;
            // Identical arms: the first in the sorted order stays.
            const bool tie_first =
                other.cost == e.cost && other.effect == e.effect && other.arm < e.arm;
            if ((no_worse && better) || tie_first) {
                e.status = FrontierStatus::dominated;
                break;
            }
        }
    }
    // Extended dominance: on the frontier, ICERs must increase; an arm whose ICER exceeds the
    // next one's is beaten by a mix of its neighbours. Remove such arms until none remain.
    for (bool changed = true; changed;) {
        changed = false;
        std::vector<FrontierEntry*> frontier;
        for (FrontierEntry& e : entries) {
            if (e.status == FrontierStatus::non_dominated) frontier.push_back(&e);
        }
        for (std::size_t k = 1; k + 1 < frontier.size(); ++k) {
            const double icer_here = (frontier[k]->cost - frontier[k - 1]->cost) /
                                     (frontier[k]->effect - frontier[k - 1]->effect);
            const double icer_next = (frontier[k + 1]->cost - frontier[k]->cost) /
                                     (frontier[k + 1]->effect - frontier[k]->effect);
            if (icer_here > icer_next) {
                frontier[k]->status = FrontierStatus::extendedly_dominated;
                changed = true;
                break;
            }
        }
    }
    const FrontierEntry* previous = nullptr;
    for (FrontierEntry& e : entries) {
        if (e.status != FrontierStatus::non_dominated) continue;
        if (previous != nullptr) e.icer = (e.cost - previous->cost) / (e.effect - previous->effect);
        previous = &e;
    }
    return entries;
}

Acceptability acceptability(const std::vector<std::vector<double>>& costs,
                            const std::vector<std::vector<double>>& effects,
                            const std::vector<double>& wtp) {
    Acceptability out;
    out.wtp = wtp;
    const std::size_t samples = costs.size();
    const std::size_t arms = samples > 0 ? costs.front().size() : 0;
    out.probability.assign(arms, std::vector<double>(wtp.size(), 0.0));
    out.evpi.assign(wtp.size(), 0.0);
    if (samples == 0 || arms == 0) return out;
    for (std::size_t w = 0; w < wtp.size(); ++w) {
        std::vector<double> mean_nmb(arms, 0.0);
        double mean_of_max = 0.0;
        for (std::size_t s = 0; s < samples; ++s) {
            std::size_t best = 0;
            double best_nmb = -std::numeric_limits<double>::infinity();
            for (std::size_t a = 0; a < arms; ++a) {
                const double nmb = wtp[w] * effects[s][a] - costs[s][a];
                mean_nmb[a] += nmb;
                if (nmb > best_nmb) {  // ties go to the first arm
                    best_nmb = nmb;
                    best = a;
                }
            }
            out.probability[best][w] += 1.0;
            mean_of_max += best_nmb;
        }
        for (std::size_t a = 0; a < arms; ++a)
            out.probability[a][w] /= static_cast<double>(samples);
        const double max_of_mean = *std::max_element(mean_nmb.begin(), mean_nmb.end());
        out.evpi[w] = (mean_of_max - max_of_mean) / static_cast<double>(samples);
    }
    return out;
}

std::vector<double> wtp_grid(double from, double to, int steps) {
    std::vector<double> grid;
    if (steps < 2) return {from};
    for (int i = 0; i < steps; ++i) grid.push_back(from + (to - from) * i / (steps - 1));
    return grid;
}

}  // namespace followsim::economics
