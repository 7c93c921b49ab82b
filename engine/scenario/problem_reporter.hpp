// Collects the problems of a scenario, each placed where it was written: at its node in the
// scenario file, or in the --set assignment that made the node.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <utility>
#include <vector>

#include "engine/scenario/diagnostics.hpp"

namespace followsim::scenario {

// Where a problem of a --set assignment is placed: "--set KEY.PATH=VALUE", cut short if long.
std::string set_origin(const std::string& assignment);

class ProblemReporter {
  public:
    explicit ProblemReporter(std::string file) : file_(std::move(file)) {}

    // Nodes at `path` and below were made by this --set assignment.
    void add_override(const std::string& path, const std::string& assignment) {
        overrides_.emplace_back(path, assignment);
    }
    void report(const YAML::Mark& mark, const std::string& path, std::string message);
    void report(const YAML::Node& node, const std::string& path, std::string message) {
        report(node.Mark(), path, std::move(message));
    }
    // A problem with no place in the file (a malformed --set).
    void report_plain(std::string origin, std::string path, std::string message) {
        problems_.push_back(
            Diagnostic{std::move(origin), 1, 1, std::move(path), std::move(message)});
    }

    [[nodiscard]] bool has_problems() const { return !problems_.empty(); }
    // Throws ScenarioError with every problem: the file's in file order, then the rest.
    [[noreturn]] void raise();

  private:
    std::string file_;
    std::vector<std::pair<std::string, std::string>> overrides_;  // path, assignment
    std::vector<Diagnostic> problems_;
};

}  // namespace followsim::scenario
