#include "engine/model/routing_policy.hpp"

namespace followsim::model {

namespace {
std::optional<PathwayIndex> instead_of(PathwayIndex fallback, PathwayIndex pw) {
    if (fallback >= 0 && fallback != pw) return fallback;
    return std::nullopt;
}
}  // namespace

PathwayIndex RoutingPolicy::route(const Person& p) const {
    for (const RouteRule& rule : arm_.rules) {
        if (rule.group && *rule.group != p.group) continue;
        if (rule.age_band && *rule.age_band != p.age_band) continue;
        if (rule.cohort && *rule.cohort != p.cohort) continue;
        return rule.pathway;
    }
    return kBaselinePathway;
}

std::optional<PathwayIndex> RoutingPolicy::when_full(PathwayIndex pw) const {
    return instead_of(arm_.when_full, pw);
}

std::optional<PathwayIndex> RoutingPolicy::when_budget_spent(PathwayIndex pw) const {
    return instead_of(arm_.when_budget_spent, pw);
}

std::optional<PathwayIndex> RoutingPolicy::after_max_duration() const {
    if (arm_.after_max_duration == kReroute) return std::nullopt;
    return arm_.after_max_duration;
}

bool RoutingPolicy::uses(PathwayIndex pw) const {
    if (arm_.when_full == pw || arm_.when_budget_spent == pw || arm_.after_max_duration == pw) {
        return true;
    }
    for (const RouteRule& rule : arm_.rules) {
        if (rule.pathway == pw) return true;
    }
    return false;
}

}  // namespace followsim::model
