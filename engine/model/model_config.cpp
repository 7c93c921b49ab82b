#include "engine/model/model_config.hpp"

#include <algorithm>
#include <cmath>

namespace followsim::model {

double ArrivalConfig::expected(double horizon) const {
    if (!poisson) return static_cast<double>(count);
    if (pieces.empty()) {
        return rate_per_day * std::max(0.0, std::min(until_days, horizon) - from_days);
    }
    double total = 0.0, start = from_days;
    for (const ArrivalPiece& p : pieces) {
        total += p.rate_per_day * std::max(0.0, std::min(p.until_days, horizon) - start);
        start = p.until_days;
    }
    return total;
}

const ArrivalPiece* ArrivalConfig::piece_at(double t) const {
    for (const ArrivalPiece& p : pieces) {
        if (t < p.until_days) return &p;
    }
    return nullptr;
}

double InHouseTerms::static_hazard_ratio() const {
    if (!competence) return 1.0;
    return 1.0 - competence->share + competence->share * competence->hazard_ratio;
}

std::vector<CaseworkerChange> StaffingPlan::effective_levels() const {
    // In plan order: a change cancels what is still pending from earlier changes; it waits
    // for recruitment if it raises the level in effect when it is made.
    std::vector<CaseworkerChange> levels{{0.0, caseworkers}};
    for (const CaseworkerChange& c : changes) {
        while (levels.size() > 1 && levels.back().at_days > c.at_days) levels.pop_back();
        const std::int64_t in_effect = levels.back().caseworkers;
        const double at = c.caseworkers > in_effect ? c.at_days + hiring_lag_days : c.at_days;
        levels.push_back({at, c.caseworkers});
    }
    return levels;
}

std::optional<StaffingPlan> ModelConfig::staffing_of(std::size_t arm) const {
    const ArmConfig& a = arms.at(arm);
    const auto in_house = in_house_pathway();
    if (!in_house) return std::nullopt;
    const StaffingPlan& plan = pathways[static_cast<std::size_t>(*in_house)].in_house()->staffing;
    if (a.staffing) {
        StaffingPlan own = *a.staffing;
        own.hiring_lag_days = plan.hiring_lag_days;  // recruiting takes as long in every arm
        return own;
    }
    // Used when the arm can send anyone there, or someone starts there (initial caseload).
    const bool used =
        a.when_full == *in_house || a.when_budget_spent == *in_house ||
        a.after_max_duration == *in_house ||
        std::any_of(a.rules.begin(), a.rules.end(),
                    [&](const RouteRule& r) { return r.pathway == *in_house; }) ||
        std::any_of(cohorts.begin(), cohorts.end(), [&](const CohortConfig& c) {
            return std::any_of(c.initial_caseload.begin(), c.initial_caseload.end(),
                               [&](const auto& entry) { return entry.first == *in_house; });
        });
    if (!used) return std::nullopt;
    return plan;
}

std::optional<PathwayIndex> ModelConfig::in_house_pathway() const {
    for (std::size_t i = 0; i < pathways.size(); ++i) {
        if (pathways[i].in_house()) return static_cast<PathwayIndex>(i);
    }
    return std::nullopt;
}

}  // namespace followsim::model
