#include "engine/scenario/model_checks.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace followsim::scenario {

namespace {

template <std::size_t N>
void check_shares(const std::array<double, N>& shares, const std::string& path,
                  std::vector<ModelProblem>& out) {
    const double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
    if (std::abs(sum - 1.0) > 1e-6) {
        out.push_back({path, fmt::format("shares must sum to 1, they sum to {:.6g}", sum)});
    }
}

}  // namespace

std::vector<ModelProblem> check_model(const model::ModelConfig& m) {
    std::vector<ModelProblem> out;
    std::array<double, model::kExitStates> exit_shares{};
    for (std::size_t s = 0; s < model::kExitStates; ++s) exit_shares[s] = m.exits.states[s].share;
    check_shares(exit_shares, "population.exits", out);
    if (m.arms.size() > kMaxArms) {
        out.push_back({"arms", fmt::format("{} arms; at most {}: every arm is compared with every "
                                           "other on every metric, so time and memory grow with "
                                           "the square of the arms (sweep varies a value over "
                                           "many levels instead)",
                                           m.arms.size(), kMaxArms)});
    }
    if (m.cohorts.size() > kMaxCohorts) {
        out.push_back({"population.cohorts",
                       fmt::format("{} cohorts; at most {}: results are kept by cohort for every "
                                   "arm of every replication",
                                   m.cohorts.size(), kMaxCohorts)});
    }
    double persons = 0.0;  // of one arm, so far
    for (std::size_t i = 0; i < m.cohorts.size(); ++i) {
        const model::CohortConfig& c = m.cohorts[i];
        const std::string path = fmt::format("population.cohorts.{}", i);
        const model::ArrivalConfig& a = c.arrivals;
        if (a.poisson && !(a.until_days > a.from_days)) {
            out.push_back({path + ".arrivals.until", "must be later than 'from'"});
        }
        check_shares(c.group_shares, path + ".groups", out);
        check_shares(c.age_band_shares, path + ".age_bands", out);
        for (std::size_t k = 0; k < a.pieces.size(); ++k) {
            const std::string piece = path + ".arrivals.rates." + std::to_string(k);
            if (a.pieces[k].group_shares)
                check_shares(*a.pieces[k].group_shares, piece + ".groups", out);
            if (a.pieces[k].age_band_shares)
                check_shares(*a.pieces[k].age_band_shares, piece + ".age_bands", out);
        }
        // Where the persons of all cohorts so far pass the limit: arrivals, then the
        // initial caseload.
        const double before = persons;
        persons += a.expected(m.horizon_days);
        std::string where = ".arrivals";
        if (persons <= kMaxPersons) {
            for (const auto& initial : c.initial_caseload)
                persons += static_cast<double>(initial.second);
            where = ".initial_caseload";
        }
        if (persons > kMaxPersons && before <= kMaxPersons) {
            out.push_back({path + where,
                           fmt::format("about {:.3g} persons in an arm (arrivals and initial "
                                       "caseloads of the cohorts up to this one); the model takes "
                                       "at most {:.3g}",
                                       persons, kMaxPersons)});
        }
    }
    return out;
}

namespace {

// Persons of each pathway's first referral in arm `a`: each cohort's expected persons split by
// need group and age band, sent where the first matching rule sends them.
std::vector<double> expected_referrals(const model::ModelConfig& m, const model::ArmConfig& a) {
    std::vector<double> out(m.pathways.size(), 0.0);
    for (std::size_t c = 0; c < m.cohorts.size(); ++c) {
        const model::CohortConfig& cohort = m.cohorts[c];
        const model::ArrivalConfig& arr = cohort.arrivals;
        const double persons = arr.expected(m.horizon_days);
        for (std::size_t g = 0; g < model::kNeedGroups; ++g) {
            for (std::size_t b = 0; b < model::kAgeBands; ++b) {
                const double share = cohort.group_shares[g] * cohort.age_band_shares[b];
                if (share <= 0.0) continue;
                model::PathwayIndex to = model::kBaselinePathway;
                for (const model::RouteRule& rule : a.rules) {
                    if (rule.group && static_cast<std::size_t>(*rule.group) != g) continue;
                    if (rule.age_band && static_cast<std::size_t>(*rule.age_band) != b) continue;
                    if (rule.cohort && static_cast<std::size_t>(*rule.cohort) != c) continue;
                    to = rule.pathway;
                    break;
                }
                out[static_cast<std::size_t>(to)] += persons * share;
            }
        }
    }
    return out;
}

// Expected days a person stays in a pathway: exponential exits where the forms say, capped
// by the maximum duration and by half the horizon (persons arrive over the run).
double expected_stay_days(const model::ModelConfig& m, const model::PathwayConfig& p) {
    const double leave = p.placement.exponential_rate() + p.dropout.exponential_rate();
    double stay = leave > 0.0 && std::isfinite(leave) ? 1.0 / leave : m.horizon_days;
    return std::min({stay, p.max_duration_days, m.horizon_days / 2.0});
}

}  // namespace

std::vector<ModelProblem> capacity_warnings(const model::ModelConfig& m) {
    std::vector<ModelProblem> out;
    for (std::size_t a = 0; a < m.arms.size(); ++a) {
        const model::ArmConfig& arm = m.arms[a];
        const std::string path = "arms." + arm.name;
        const auto referrals = expected_referrals(m, arm);
        const auto staffing = m.staffing_of(a);
        double arm_purchases_nok = 0.0;
        for (std::size_t i = 0; i < m.pathways.size(); ++i) {
            const model::PathwayConfig& p = m.pathways[i];
            if (referrals[i] < 0.5 || p.is_baseline()) continue;
            double places = 0.0;
            if (const auto* h = p.in_house()) {
                std::int64_t most = 0;
                if (staffing) {
                    for (const auto& level : staffing->effective_levels())
                        most = std::max(most, level.caseworkers);
                }
                places = static_cast<double>(h->places_for(most));
            } else if (const auto* measure = p.measure()) {
                places = static_cast<double>(measure->slots);
                if (!(m.budget.purchases_per_year_nok > 0.0)) places = 0.0;
            }
            const bool falls_back = arm.when_full >= 0 && arm.when_full != static_cast<int>(i);
            if (places == 0.0) {
                out.push_back(
                    {path, fmt::format(
                               "sends about {:.0f} persons to {}, which has no "
                               "places{} in this arm: {}",
                               referrals[i], p.name, p.measure() ? " (or no budget)" : "",
                               falls_back ? "all of them fall back" : "they can never be served")});
                continue;
            }
            const double need = referrals[i] * expected_stay_days(m, p);
            const double room = places * m.horizon_days;
            if (need > 1.1 * room) {
                out.push_back({path, fmt::format("{} has room for about {:.0f} % of the place-days "
                                                 "the {:.0f} persons routed there need: expect "
                                                 "{}",
                                                 p.name, 100.0 * room / need, referrals[i],
                                                 falls_back ? "fallbacks" : "waiting")});
            }
            if (const auto* measure = p.measure()) {
                arm_purchases_nok +=
                    std::min(need, room) / model::kDaysPerMonth * measure->price_per_month_nok;
            }
        }
        const double budget =
            m.budget.purchases_per_year_nok * m.horizon_days / model::kDaysPerYear;
        if (std::isfinite(budget) && arm_purchases_nok > 1.1 * budget) {
            out.push_back({path, fmt::format("the purchase budget covers about {:.0f} % of what "
                                             "the measures it routes to would cost: expect the "
                                             "budget to run out",
                                             100.0 * budget / arm_purchases_nok)});
        }
    }
    return out;
}

}  // namespace followsim::scenario
