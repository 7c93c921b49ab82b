#include "engine/scenario/problem_reporter.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <tuple>

#include "engine/scenario/yaml_document.hpp"
#include "engine/scenario/yaml_text.hpp"

namespace followsim::scenario {

std::string set_origin(const std::string& assignment) {
    constexpr std::size_t kShown = 80;
    if (assignment.size() <= kShown + 20) return "--set " + one_line(assignment);
    return fmt::format("--set {}... ({} characters)", one_line(assignment.substr(0, kShown)),
                       assignment.size());
}

void ProblemReporter::report(const YAML::Mark& mark, const std::string& path, std::string message) {
    // The last override that set this path or one of its parents made this node.
    for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
        if (path_has_prefix(path, it->first)) {
            problems_.push_back(Diagnostic{set_origin(it->second), 1,
                                           static_cast<int>(it->first.size()) + 2, path,
                                           std::move(message)});
            return;
        }
    }
    // An empty document has no position: point at its start.
    problems_.push_back(Diagnostic{file_, mark.is_null() ? 1 : mark.line + 1,
                                   mark.is_null() ? 1 : mark.column + 1, path, std::move(message)});
}

void ProblemReporter::raise() {
    std::stable_sort(problems_.begin(), problems_.end(),
                     [&](const Diagnostic& a, const Diagnostic& b) {
                         const bool a_file = a.file == file_, b_file = b.file == file_;
                         if (a_file != b_file) return a_file;
                         return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                     });
    throw ScenarioError(std::move(problems_));
}

}  // namespace followsim::scenario
