#include "engine/scenario/yaml_overrides.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <optional>

#include "engine/scenario/yaml_document.hpp"

namespace followsim::scenario {

void apply_override(YAML::Node& root, const std::string& assignment, ProblemReporter& reporter) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
        reporter.report_plain("--set " + assignment, "",
                              "expected KEY.PATH=VALUE, e.g. pathways.in_house.caseworkers=5");
        return;
    }
    const std::string path = assignment.substr(0, equals);
    const std::string value_text = assignment.substr(equals + 1);
    YAML::Node value;
    try {
        value = YAML::Load(value_text);
    } catch (const YAML::Exception& e) {
        reporter.report_plain("--set " + assignment, path, "the value is not valid YAML: " + e.msg);
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
            reporter.report_plain("--set " + assignment, path, "empty key in the path");
            return;
        }
        if (current.IsSequence()) {
            // By index, or by the item's name.
            std::optional<std::size_t> index;
            if (std::all_of(part.begin(), part.end(), ::isdigit)) {
                index = std::stoul(part);
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
                    "--set " + assignment, child_path(so_far, part),
                    fmt::format("no list item '{}' (the list has {} item{})", part, current.size(),
                                current.size() == 1 ? "" : "s"));
                return;
            }
            so_far = child_path(so_far, std::to_string(*index));
            if (last) {
                current[*index] = value;
            } else {
                YAML::Node next = current[*index];
                current.reset(next);
            }
            continue;
        }
        // A section the path goes through but the scenario does not have yet (arms.new.route)
        // is made; only a value (a scalar) cannot take keys.
        if (current.IsDefined() && !current.IsMap() && !current.IsNull()) {
            reporter.report_plain("--set " + assignment, so_far,
                                  fmt::format("'{}' is a value, not a section with keys", so_far));
            return;
        }
        so_far = child_path(so_far, part);
        if (last) {
            current[part] = value;
        } else {
            YAML::Node next = current[part];
            current.reset(next);
        }
    }
    reporter.add_override(so_far, assignment);
}

}  // namespace followsim::scenario
