// What one arm of one replication produced: the physical counts and the state over time.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/economics/cash_flows.hpp"
#include "engine/model/population.hpp"
#include "engine/model/state_fields.hpp"
#include "engine/model/subgroups.hpp"

namespace followsim::model {

inline constexpr double kNotAvailable = std::numeric_limits<double>::quiet_NaN();

struct ArmOutcome {
    std::int64_t persons = 0;
    std::int64_t placed = 0;  // persons with at least one job within the horizon
    std::int64_t employed_at_end = 0;
    std::int64_t exited = 0;
    std::int64_t active_at_end = 0;  // waiting, in follow-up, in a measure or in baseline
    double placement_rate = 0.0;
    double mean_days_to_job = kNotAvailable;  // over placed persons: arrival to first job
    double employment_months = 0.0;           // summed over persons, within the horizon
    // Over referrals to a pathway with limited places: days from referral to start, to
    // leaving the queue, or to the horizon for those still waiting (0 for those sent elsewhere).
    double mean_wait_days = 0.0;
    double rationed_share = kNotAvailable;  // referrals that waited or were sent elsewhere
    std::int64_t waiting_at_horizon = 0;
    double caseworker_utilisation = kNotAvailable;  // NaN without an in-house pathway
    double staff_utilisation = kNotAvailable;    // follow-up hours used / available; NaN: no team
    double cost_idle_staff_nok = kNotAvailable;  // present value of unused salaried hours
    double mean_dose_hours_per_month = kNotAvailable;  // caseload-weighted; NaN: no one
    SubgroupTallies subgroups;  // by cohort, need group, age band and benefit kind
    double budget_spent_nok = 0.0;
    std::optional<double> budget_exhausted_day;
    std::uint64_t events = 0;
    // The most person records held at once: memory follows it (persons who leave for good give
    // theirs back).
    std::uint64_t peak_persons = 0;
    economics::CashFlowTotals cash_flows;  // every cash flow of the arm, by kind and payer
    // The value after the horizon (economics.value_after_horizon), by kind and payer.
    economics::CashFlowTotals after_horizon;
    std::array<std::int64_t, kExitStates> exits_by_state{};  // dropouts by where they went

    // Invariants the tests check.
    std::int64_t peak_over_capacity = 0;  // max over starts of (in pathway - capacity)
    double peak_committed_nok = 0.0;
    std::vector<double> spent_by_year_nok;
    std::vector<MonthSnapshot> months;
};

}  // namespace followsim::model
