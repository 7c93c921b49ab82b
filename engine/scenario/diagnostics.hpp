// Problems found in a scenario, each placed as FILE:LINE:COL: key.path: message, or, when a
// command-line option made the value, as --set KEY=VALUE: key.path: message.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace followsim::scenario {

struct Diagnostic {
    std::string file;
    int line = 0;      // 1-based; 0 when unknown
    int column = 0;    // 1-based
    std::string path;  // key path, e.g. pathways.in_house.caseworkers
    std::string message;

    [[nodiscard]] std::string format() const;
};

// Thrown when a scenario has problems; carries every one of them, in file order.
class ScenarioError : public std::runtime_error {
  public:
    explicit ScenarioError(std::vector<Diagnostic> problems);
    [[nodiscard]] const std::vector<Diagnostic>& problems() const noexcept { return problems_; }

  private:
    std::vector<Diagnostic> problems_;
};

// Levenshtein distance, for "did you mean" suggestions.
std::size_t edit_distance(const std::string& a, const std::string& b);
// The candidate closest to `word`, if close enough to be a likely typo; else "".
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace followsim::scenario
