// The kinds of event in the simulation of an arm, and their order at equal times.
#pragma once

#include "engine/core/future_event_list.hpp"

namespace followsim::model {

enum ArmEvent : core::EventKind {
    kPoissonArrival,    // entity: cohort
    kBatchArrival,      // entity: cohort
    kPlacement,         // entity: person
    kDropout,           // entity: person
    kEpisodeEnd,        // entity: person (the measure's maximum duration)
    kJobLoss,           // entity: person
    kMonthTick,         // entity: month number
    kBudgetYear,        // entity: budget year
    kStaffChange,       // entity: index of the team's staff level
    kPlacementDue,      // entity: a dose-dependent pathway (its clock's next placement)
    kAfterCareEnd,      // entity: person (follow-up after a placement ends)
    kCaseworkerLeaves,  // entity: the team's post (turnover)
    kPostFilled,        // entity: the team's post (a new caseworker after a vacancy)
    kTeamRefresh,       // entity: the team's post (a new caseworker's training month ends)
};

// At equal times: a budget year opens and caseworkers start before anything else happens that
// day; the monthly snapshot is taken after everything else.
inline constexpr core::Priority kFirst = 0;
inline constexpr core::Priority kSecond = 1;
inline constexpr core::Priority kLast = 255;

}  // namespace followsim::model
