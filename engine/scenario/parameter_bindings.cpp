#include "engine/scenario/parameter_bindings.hpp"

#include <fmt/core.h>

#include <algorithm>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/model_checks.hpp"
#include "engine/scenario/units.hpp"
#include "engine/scenario/yaml_document.hpp"

namespace followsim::scenario {

Assignment Assignment::set(const std::string& path, double value, const std::string& text,
                           const std::string& flag) {
    return Assignment{path, value, text, fmt::format("{} {}={}", flag, path, text),
                      static_cast<int>(path.size()) + 2};
}

void ParameterBindings::add(ParameterBinding binding) {
    by_path_[binding.path] = bindings_.size();
    bindings_.push_back(std::move(binding));
}

const ParameterBinding* ParameterBindings::find(const std::string& path,
                                                const model::ModelConfig& config) const {
    // Cohorts, the one list whose items have names, may be named instead of numbered.
    std::vector<std::string> parts = split_path(path);
    if (parts.size() > 2 && parts[0] == "population" && parts[1] == "cohorts") {
        for (std::size_t c = 0; c < config.cohorts.size(); ++c) {
            if (config.cohorts[c].name == parts[2]) parts[2] = std::to_string(c);
        }
    }
    std::string canonical;
    for (const std::string& part : parts) canonical = child_path(canonical, part);
    const auto it = by_path_.find(canonical);
    return it == by_path_.end() ? nullptr : &bindings_[it->second];
}

void ParameterBindings::apply(model::ModelConfig& config,
                              const std::vector<Assignment>& assignments) const {
    std::vector<Diagnostic> problems;
    auto refuse = [&](const Assignment& a, const std::string& path, std::string message) {
        problems.push_back(Diagnostic{a.origin, 1, a.column, path, std::move(message)});
    };
    for (const Assignment& a : assignments) {
        const ParameterBinding* binding = find(a.path, config);
        if (!binding) {
            refuse(a, a.path, "not a number of this scenario that can be varied");
            continue;
        }
        if (!binding->duration) {
            if (auto broken = check_number(binding->rule, a.value)) {
                refuse(a, binding->path, std::move(*broken));
                continue;
            }
        } else if (a.value > kMaxDurationDays) {
            refuse(a, binding->path, fmt::format("must be at most {}", kMaxDurationText));
            continue;
        }
        if (auto refused = binding->set(config, a.value)) refuse(a, binding->path, *refused);
    }
    if (problems.empty() && !assignments.empty()) {
        // A rule joining several values is placed at the value that touches it, if any.
        for (ModelProblem& p : check_model(config)) {
            const Assignment* culprit = &assignments.front();
            for (const Assignment& a : assignments) {
                const std::string path = find(a.path, config)->path;
                if (path_has_prefix(path, p.path) || path_has_prefix(p.path, path)) culprit = &a;
            }
            refuse(*culprit, p.path, std::move(p.message));
        }
    }
    if (!problems.empty()) throw ScenarioError(std::move(problems));
}

std::vector<std::string> ParameterBindings::paths() const {
    std::vector<std::string> out;
    for (const ParameterBinding& b : bindings_) out.push_back(b.path);
    return out;
}

}  // namespace followsim::scenario
