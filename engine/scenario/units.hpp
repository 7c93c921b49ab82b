// Durations and rates as scenario files write them: "30 days", "12 weeks", "6 months",
// "2 years"; "9 per day", "0.01 per month". A month is 365.25 / 12 days.
#pragma once

#include <optional>
#include <string_view>

namespace followsim::scenario {

// Days in the named unit (day, week, month, year, singular or plural), if it is one.
std::optional<double> days_per_unit(std::string_view unit);
// "<number> <unit>" in days; nullopt if the text is not a duration.
std::optional<double> parse_duration_days(std::string_view text);
// "<number> per <unit>" per day; nullopt if the text is not a rate.
std::optional<double> parse_rate_per_day(std::string_view text);

}  // namespace followsim::scenario
