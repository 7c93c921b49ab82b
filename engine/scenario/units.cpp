#include "engine/scenario/units.hpp"

#include <fmt/core.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

// Splits "<number><spaces><rest>" and parses the number; nullopt if it is not one.
std::optional<std::pair<double, std::string_view>> leading_number(std::string_view text) {
    text = trim(text);
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end == text.data()) return std::nullopt;
    return std::pair{value, trim(text.substr(static_cast<std::size_t>(end - text.data())))};
}

}  // namespace

std::optional<double> days_per_unit(std::string_view unit) {
    unit = trim(unit);
    if (unit == "day" || unit == "days") return 1.0;
    if (unit == "week" || unit == "weeks") return 7.0;
    if (unit == "month" || unit == "months") return model::kDaysPerMonth;
    if (unit == "year" || unit == "years") return model::kDaysPerYear;
    return std::nullopt;
}

std::optional<double> parse_duration_days(std::string_view text) {
    const auto parsed = leading_number(text);
    if (!parsed || parsed->first < 0.0) return std::nullopt;
    const auto unit = days_per_unit(parsed->second);
    if (!unit) return std::nullopt;
    return parsed->first * *unit;
}

std::optional<double> parse_rate_per_day(std::string_view text) {
    const auto parsed = leading_number(text);
    if (!parsed || parsed->first < 0.0) return std::nullopt;
    std::string_view rest = parsed->second;
    if (rest.substr(0, 3) != "per") return std::nullopt;
    rest.remove_prefix(3);
    if (rest.empty() || !std::isspace(static_cast<unsigned char>(rest.front())))
        return std::nullopt;
    const auto unit = days_per_unit(rest);
    if (!unit) return std::nullopt;
    return parsed->first / *unit;
}

std::string short_number(double x) {
    if (!std::isfinite(x)) return fmt::format("{}", x);
    return fmt::format("{}", std::strtod(fmt::format("{:.12g}", x).c_str(), nullptr));
}

}  // namespace followsim::scenario
