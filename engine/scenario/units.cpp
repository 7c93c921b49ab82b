#include "engine/scenario/units.hpp"

#include <fmt/core.h>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <utility>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

namespace {

// The characters of ECMAScript's \s in the ASCII range, as the schema's pattern has them.
bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// Scans [0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)? at the start of `text`; its length, or 0.
std::size_t number_length(std::string_view text) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t start = i;
        while (i < text.size() && is_digit(text[i])) ++i;
        return i > start;
    };
    if (!digits()) return 0;
    if (i < text.size() && text[i] == '.') {
        ++i;
        if (!digits()) return 0;
    }
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        const std::size_t mantissa_end = i;
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        // "2e" is the number 2 followed by text that is not a unit.
        if (!digits()) return mantissa_end;
    }
    return i;
}

// Splits "<number><spaces><rest>" and parses the number; nullopt if it is not one.
std::optional<std::pair<double, std::string_view>> leading_number(std::string_view text) {
    text = trim(text);
    const std::size_t length = number_length(text);
    if (length == 0) return std::nullopt;
    double value = 0.0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + length, value);
    if (ec != std::errc() || end != text.data() + length || !std::isfinite(value))
        return std::nullopt;
    return std::pair{value, trim(text.substr(length))};
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
    if (!parsed) return std::nullopt;
    const auto unit = days_per_unit(parsed->second);
    if (!unit) return std::nullopt;
    const double days = parsed->first * *unit;
    if (!std::isfinite(days)) return std::nullopt;
    return days;
}

std::optional<double> parse_rate_per_day(std::string_view text) {
    const auto parsed = leading_number(text);
    if (!parsed) return std::nullopt;
    std::string_view rest = parsed->second;
    if (rest.substr(0, 3) != "per") return std::nullopt;
    rest.remove_prefix(3);
    if (rest.empty() || !is_space(rest.front())) return std::nullopt;
    rest = trim(rest);
    if (rest.ends_with('s')) return std::nullopt;  // "per day", not "per days"
    const auto unit = days_per_unit(rest);
    if (!unit) return std::nullopt;
    return parsed->first / *unit;
}

std::string short_number(double x) {
    if (!std::isfinite(x)) return fmt::format("{}", x);
    return fmt::format("{}", std::strtod(fmt::format("{:.12g}", x).c_str(), nullptr));
}

}  // namespace followsim::scenario
