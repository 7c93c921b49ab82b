#include "engine/app/command_settings.hpp"

#include <stdexcept>

#include "engine/experiment/errors.hpp"

namespace followsim::app {

namespace {

// The whole of `text` as a number; throws std::invalid_argument otherwise.
double whole_number(const std::string& text) {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(text);
    return value;
}

}  // namespace

std::filesystem::path default_results_folder(const std::string& scenario_file,
                                             std::string_view command) {
    const std::string stem = std::filesystem::path(scenario_file).stem().string();
    return std::filesystem::path("results") /
           ((stem.empty() ? std::string("results") : stem) + "-" + std::string(command));
}

std::pair<std::string, double> parse_target(const std::string& text) {
    const auto equals = text.find('=');
    try {
        if (equals == std::string::npos) throw std::invalid_argument(text);
        return {text.substr(0, equals), whole_number(text.substr(equals + 1))};
    } catch (const std::exception&) {
        throw experiment::UsageError("--target " + text +
                                     ": expected METRIC=VALUE, e.g. placement_rate=0.64");
    }
}

std::pair<double, double> parse_bracket(const std::string& text) {
    const auto colon = text.find(':');
    try {
        if (colon == std::string::npos) throw std::invalid_argument(text);
        return {std::stod(text.substr(0, colon)), std::stod(text.substr(colon + 1))};
    } catch (const std::exception&) {
        throw experiment::UsageError("--bracket " + text + ": expected LOW:HIGH");
    }
}

}  // namespace followsim::app
