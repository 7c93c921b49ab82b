// What one arm of one replication produced: the physical counts and the state over time.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "engine/economics/cash_flows.hpp"
#include "engine/model/state_fields.hpp"

namespace followsim::model {

inline constexpr double kNotAvailable = std::numeric_limits<double>::quiet_NaN();

struct ArmOutcome {
    std::int64_t persons = 0;
    std::int64_t placed = 0;  // persons with at least one job within the horizon
    std::int64_t employed_at_end = 0;
    std::int64_t exited = 0;
    std::int64_t active_at_end = 0;  // waiting, in follow-up, in a measure or in baseline
    double placement_rate = 0.0;
    double mean_days_to_job = kNotAvailable;        // over placed persons: arrival to first job
    double employment_months = 0.0;                 // summed over persons, within the horizon
    double mean_wait_days = 0.0;                    // over starts of capacity-limited pathways
    double caseworker_utilisation = kNotAvailable;  // NaN without an in-house pathway
    double budget_spent_nok = 0.0;
    std::optional<double> budget_exhausted_day;
    std::uint64_t events = 0;
    economics::CashFlowTotals cash_flows;  // every cash flow of the arm, by kind and payer

    // Invariants the tests check.
    std::int64_t peak_over_capacity = 0;  // max over starts of (in pathway - capacity)
    double peak_committed_nok = 0.0;
    std::vector<double> spent_by_year_nok;
    std::vector<MonthSnapshot> months;
};

}  // namespace followsim::model
