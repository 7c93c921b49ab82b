// What the schema allows of a number: whole or not, and its bounds. The same rule checks a
// number written in a scenario file and a number set through a parameter binding (a PSA draw,
// a sweep point), so both are refused with the same message.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace followsim::scenario {

struct NumberRule {
    bool integer = false;
    std::optional<double> minimum;
    std::optional<double> maximum;
    std::optional<double> exclusive_minimum;
    std::optional<double> exclusive_maximum;
};

// The rule of a (resolved) schema node of type number or integer.
NumberRule number_rule(const nlohmann::json& schema);

// Why `value` (written as `text`) breaks the rule: the first bound it breaks; nullopt if none.
std::optional<std::string> check_bounds(const NumberRule& rule, double value,
                                        const std::string& text);
// The same for a value that is not yet known to be whole, as a binding receives it.
std::optional<std::string> check_number(const NumberRule& rule, double value);

}  // namespace followsim::scenario
