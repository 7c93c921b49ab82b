// The consumer price index (KPI) by year, to bring NOK of one price year to another:
// value in year B = value in year A x KPI(B) / KPI(A).
#pragma once

#include <optional>
#include <utility>

namespace followsim::economics {

// Annual average KPI, 2015 = 100; nullopt for a year the table does not have.
std::optional<double> consumer_price_index(int year);
// The years the table covers, first and last.
std::pair<int, int> consumer_price_years();
// The factor that takes NOK of `from` to NOK of `to`; nullopt if a year is not covered.
std::optional<double> price_factor(int from, int to);

}  // namespace followsim::economics
