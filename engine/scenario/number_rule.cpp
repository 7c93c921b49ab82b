#include "engine/scenario/number_rule.hpp"

#include <fmt/core.h>

#include <cmath>

namespace followsim::scenario {

NumberRule number_rule(const nlohmann::json& s) {
    NumberRule rule;
    rule.integer = s.value("type", "") == "integer";
    if (s.contains("minimum")) rule.minimum = s["minimum"].get<double>();
    if (s.contains("maximum")) rule.maximum = s["maximum"].get<double>();
    if (s.contains("exclusiveMinimum"))
        rule.exclusive_minimum = s["exclusiveMinimum"].get<double>();
    if (s.contains("exclusiveMaximum"))
        rule.exclusive_maximum = s["exclusiveMaximum"].get<double>();
    return rule;
}

std::optional<std::string> check_bounds(const NumberRule& rule, double x, const std::string& text) {
    if (rule.minimum && x < *rule.minimum) {
        return fmt::format("must be at least {}, found {}", *rule.minimum, text);
    }
    if (rule.maximum && x > *rule.maximum) {
        return fmt::format("must be at most {}, found {}", *rule.maximum, text);
    }
    if (rule.exclusive_minimum && !(x > *rule.exclusive_minimum)) {
        return fmt::format("must be greater than {}, found {}", *rule.exclusive_minimum, text);
    }
    if (rule.exclusive_maximum && !(x < *rule.exclusive_maximum)) {
        return fmt::format("must be less than {}, found {}", *rule.exclusive_maximum, text);
    }
    return std::nullopt;
}

std::optional<std::string> check_number(const NumberRule& rule, double x) {
    const std::string text = fmt::format("{}", x);
    if (!std::isfinite(x)) return "must be a finite number";
    if (rule.integer && x != std::floor(x)) {
        return fmt::format("expected a whole number, found '{}'", text);
    }
    return check_bounds(rule, x, text);
}

}  // namespace followsim::scenario
