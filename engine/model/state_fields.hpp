// The one list of what the monitor records about an arm at the start of every month. The
// timeseries.csv columns, the report's state chart and the Python DataFrame columns are all
// derived from this list: a new state is added here and nowhere else.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace followsim::model {

enum class StateField : std::uint8_t {
    persons,       // arrived so far
    waiting,       // referred, waiting for a place
    in_follow_up,  // in in-house follow-up
    in_measure,    // in a purchased measure
    in_baseline,   // in ordinary follow-up
    employed,
    exited,
    placed,                // persons placed at least once so far
    spending_nok,          // purchases paid so far (undiscounted)
    caseworkers,           // in-house caseworker FTEs
    caseload,              // the team's caseload (measure participants at their NAV weight)
    dose_hours_per_month,  // follow-up hours a month of a participant in close follow-up
    staff_effectiveness,   // the caseworkers' mean effectiveness (the learning curve)
};
inline constexpr std::size_t kStateFields = 13;

struct StateFieldInfo {
    StateField field;
    std::string_view name;      // column name in timeseries.csv and Python
    std::string_view label_en;  // in charts
    std::string_view label_nb;
    // Each person is in exactly one of the person states at a time: they stack to `persons`.
    bool person_state;
};

inline constexpr std::array<StateFieldInfo, kStateFields> kStateFieldInfo{{
    {StateField::persons, "persons", "arrived", "ankommet", false},
    {StateField::waiting, "waiting", "waiting", "venter", true},
    {StateField::in_follow_up, "in_follow_up", "in follow-up", "i oppfølging", true},
    {StateField::in_measure, "in_measure", "in a measure", "i tiltak", true},
    {StateField::in_baseline, "in_baseline", "in baseline", "ordinær oppfølging", true},
    {StateField::employed, "employed", "employed", "i arbeid", true},
    {StateField::exited, "exited", "exited", "gått ut", true},
    {StateField::placed, "placed", "placed so far", "fått jobb hittil", false},
    {StateField::spending_nok, "spending_nok", "purchases so far, NOK", "kjøp hittil, kr", false},
    {StateField::caseworkers, "caseworkers", "caseworkers (FTE)", "veiledere (årsverk)", false},
    {StateField::caseload, "caseload", "caseload", "saksmengde", false},
    {StateField::dose_hours_per_month, "dose_hours_per_month", "follow-up hours a month",
     "oppfølgingstimer i måneden", false},
    {StateField::staff_effectiveness, "staff_effectiveness", "caseworkers' effectiveness",
     "veiledernes effektivitet", false},
}};

constexpr std::size_t index_of(StateField f) noexcept {
    return static_cast<std::size_t>(f);
}

constexpr bool state_fields_in_order() {
    for (std::size_t i = 0; i < kStateFields; ++i) {
        if (index_of(kStateFieldInfo[i].field) != i) return false;
    }
    return true;
}
static_assert(state_fields_in_order(), "kStateFieldInfo follows the order of StateField");

// The state of an arm at one moment: one value per state field.
struct StateValues {
    std::array<double, kStateFields> values{};

    constexpr double& operator[](StateField f) noexcept { return values[index_of(f)]; }
    constexpr double operator[](StateField f) const noexcept { return values[index_of(f)]; }
};

// The state at the start of a month (day 0, 30.4375, ...; the last may be the horizon).
struct MonthSnapshot {
    double day = 0.0;
    StateValues state;

    constexpr double operator[](StateField f) const noexcept { return state[f]; }
};

}  // namespace followsim::model
