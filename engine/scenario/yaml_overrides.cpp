#include "engine/scenario/yaml_overrides.hpp"

#include <fmt/core.h>

#include <charconv>
#include <optional>

#include "engine/scenario/yaml_document.hpp"
#include "engine/scenario/yaml_text.hpp"

namespace followsim::scenario {

namespace {

// A list index written in a path: digits only, and small enough to be an index.
std::optional<std::size_t> index_in_path(const std::string& part) {
    std::size_t index = 0;
    const char* end = part.data() + part.size();
    const auto [stop, ec] = std::from_chars(part.data(), end, index);
    if (ec != std::errc() || stop != end) return std::nullopt;
    return index;
}

bool all_digits(const std::string& part) {
    return part.find_first_not_of("0123456789") == std::string::npos;
}

}  // namespace

void apply_override(YAML::Node& root, const std::string& assignment, ProblemReporter& reporter) {
    const std::string origin = set_origin(assignment);
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
        reporter.report_plain(origin, "",
                              "expected KEY.PATH=VALUE, e.g. pathways.in_house.caseworkers=5");
        return;
    }
    const std::string path = assignment.substr(0, equals);
    if (const auto problem = find_encoding_problem(assignment)) {
        reporter.report_plain(origin, "", problem->message);
        return;
    }
    ParsedYaml value = parse_scenario_yaml(assignment.substr(equals + 1));
    if (!value.problems.empty()) {
        reporter.report_plain(origin, path, "the value: " + value.problems.front().message);
        return;
    }
    const std::vector<std::string> parts = split_path(path);
    YAML::Node current;
    current.reset(root);
    std::string so_far;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        const bool last = i + 1 == parts.size();
        if (part.empty()) {
            reporter.report_plain(origin, path, "empty key in the path");
            return;
        }
        if (current.IsSequence()) {
            // By index, or by the item's name.
            std::optional<std::size_t> index;
            if (all_digits(part)) {
                index = index_in_path(part);  // nullopt beyond any index: no such item
            } else {
                for (std::size_t k = 0; k < current.size(); ++k) {
                    if (current[k].IsMap() && current[k]["name"] &&
                        current[k]["name"].Scalar() == part) {
                        index = k;
                    }
                }
            }
            if (!index || *index >= current.size()) {
                reporter.report_plain(
                    origin, child_path(so_far, part),
                    fmt::format("no list item '{}' (the list has {} item{})", part, current.size(),
                                current.size() == 1 ? "" : "s"));
                return;
            }
            so_far = child_path(so_far, std::to_string(*index));
            if (last) {
                current[*index] = value.root;
            } else {
                YAML::Node next = current[*index];
                current.reset(next);
            }
            continue;
        }
        // A section the path goes through but the scenario does not have yet (arms.new.route)
        // is made; only a value (a scalar) cannot take keys.
        if (current.IsDefined() && !current.IsMap() && !current.IsNull()) {
            reporter.report_plain(origin, so_far,
                                  fmt::format("'{}' is a value, not a section with keys", so_far));
            return;
        }
        so_far = child_path(so_far, part);
        if (last) {
            current[part] = value.root;
        } else {
            YAML::Node next = current[part];
            current.reset(next);
        }
    }
    reporter.add_override(so_far, assignment);
}

}  // namespace followsim::scenario
