// Typed parameter bindings: a key path (the syntax of --set) resolved once to a setter on the
// parsed model configuration, checked against the schema's rule for that value (whole number,
// bounds) and the model's own (a duration longer than zero). PSA draws, sweep points and
// calibration steps set values through them: the YAML is read and validated once per command.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "engine/model/model_config.hpp"
#include "engine/scenario/number_rule.hpp"

namespace followsim::scenario {

struct ParameterBinding {
    std::string path;       // canonical: list items by index
    bool duration = false;  // a duration: the value is in days
    NumberRule rule;        // numbers: the schema's rule (whole, bounds)
    // Sets the value; returns why it is refused instead (then nothing is changed).
    std::function<std::optional<std::string>(model::ModelConfig&, double)> set;
    std::function<double(const model::ModelConfig&)> get;
};

// A value for a parameter and where it came from, for messages: `origin` is shown as the
// place of a problem (e.g. "--set pathways.in_house.caseworkers=5"), `column` where the value
// starts in it.
struct Assignment {
    std::string path;
    double value = 0.0;  // in days for a duration
    std::string text;    // the value as a scenario file would write it ("0.5", "6 months")
    std::string origin;
    int column = 1;

    // "path=text" as --set would take it (text: the value as written, with its unit); `flag`
    // names the option it came from in messages (--set, --vary).
    static Assignment set(const std::string& path, double value, const std::string& text,
                          const std::string& flag = "--set");
};

class ParameterBindings {
  public:
    void add(ParameterBinding binding);
    // The binding of a key path (list items by index or by name); nullptr if the path names
    // no number of the scenario that can be set.
    [[nodiscard]] const ParameterBinding* find(const std::string& path,
                                               const model::ModelConfig& config) const;
    // Sets every value, then checks the rules that join several values (shares summing to
    // 1, ...). Throws ScenarioError listing every refused value, placed at its origin.
    void apply(model::ModelConfig& config, const std::vector<Assignment>& assignments) const;
    [[nodiscard]] std::vector<std::string> paths() const;

  private:
    std::vector<ParameterBinding> bindings_;
    std::unordered_map<std::string, std::size_t> by_path_;
};

}  // namespace followsim::scenario
