// Durations and rates as scenario files write them: "30 days", "12 weeks", "6 months",
// "2 years"; "9 per day", "0.01 per month". A month is 365.25 / 12 days.
//
// The grammar is the schema's (scenario.schema.json, $defs duration and rate): a number of
// digits with an optional fraction and exponent (no sign, no "inf" or "nan"), then the unit.
// These parsers, not a regular expression, check it: they take time linear in the text and
// constant stack, however long the text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace followsim::scenario {

// The longest duration and the highest rate a scenario may write: far beyond any use (the
// horizon is at most 200 years), and small enough that no product with other bounded values
// overflows.
inline constexpr double kMaxDurationDays = 10000 * 365.25;
inline constexpr const char* kMaxDurationText = "10000 years";
inline constexpr double kMaxRatePerDay = 1e6;
inline constexpr const char* kMaxRateText = "1000000 per day";

// Days in the named unit (day, week, month, year, singular or plural), if it is one.
std::optional<double> days_per_unit(std::string_view unit);
// "<number> <unit>" in days; nullopt if the text is not a duration or its number is out of
// the range of a double.
std::optional<double> parse_duration_days(std::string_view text);
// "<number> per <unit>" (a singular unit) per day; nullopt if the text is not a rate.
std::optional<double> parse_rate_per_day(std::string_view text);
// A number as a person would write it: the shortest text of the value rounded to 12
// significant digits, so a step of 0.1 + 0.7 reads "0.8", not "0.7999999999999999".
std::string short_number(double x);

}  // namespace followsim::scenario
