// What the converters of the scenario's sections share: the document, the problems found so
// far, the names of pathways and cohorts, the reading of values with units, and the binding
// of each number to its place in the model configuration.
#pragma once

#include <yaml-cpp/yaml.h>

#include <array>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "engine/model/model_config.hpp"
#include "engine/scenario/parameter_bindings.hpp"
#include "engine/scenario/problem_reporter.hpp"
#include "engine/scenario/scenario.hpp"
#include "engine/scenario/schema_validator.hpp"
#include "engine/scenario/yaml_document.hpp"

namespace followsim::scenario {

// Where a value lives in a model configuration (the configuration is copied for each PSA
// draw, so a binding finds its field again from the root).
template <typename T>
using FieldOf = std::function<T&(model::ModelConfig&)>;

class Conversion {
  public:
    Conversion(const YAML::Node& root, ProblemReporter& reporter, const NumberRules& rules,
               ParameterBindings& bindings)
        : root_(root), reporter_(reporter), rules_(rules), bindings_(bindings) {}

    [[nodiscard]] const YAML::Node& root() const { return root_; }
    ProblemReporter& report() { return reporter_; }
    int price_year = 0;

    // ---- values with units ----
    double duration(const YAML::Node& n, const std::string& path);
    double positive_duration(const YAML::Node& n, const std::string& path);
    double rate(const YAML::Node& n, const std::string& path);
    template <std::size_t N>
    std::array<double, N> shares(const YAML::Node& n, const std::array<const char*, N>& names) {
        std::array<double, N> out{};
        for (std::size_t i = 0; i < N; ++i) {
            if (const YAML::Node value = n[std::string(names[i])]) out[i] = value.as<double>();
        }
        return out;
    }
    model::TimeToEvent time_to_event(const YAML::Node& n, const std::string& path,
                                     FieldOf<model::TimeToEvent> field);

    // ---- bindings: each number of the scenario, settable without reading the YAML again ----
    void bind_number(const std::string& path, FieldOf<double> field);
    void bind_count(const std::string& path, FieldOf<std::int64_t> field);
    // A duration in days; `positive`: must be longer than zero.
    void bind_duration(const std::string& path, FieldOf<double> field, bool positive,
                       std::optional<double> max_days = std::nullopt);
    void bind(ParameterBinding binding);
    // The schema's rule for the number at `path` (found while validating the document).
    [[nodiscard]] NumberRule rule_at(const std::string& path) const;

    // ---- names ----
    void name_pathway(const std::string& name, model::PathwayIndex index) {
        pathway_index_[name] = index;
    }
    void name_cohort(const std::string& name, std::int32_t index) { cohort_index_[name] = index; }
    [[nodiscard]] bool has_cohort(const std::string& name) const {
        return cohort_index_.count(name) > 0;
    }
    std::optional<std::int32_t> cohort(const YAML::Node& n, const std::string& path);
    // A pathway by name; reports "no pathway named ..." with a suggestion.
    std::optional<model::PathwayIndex> pathway(const YAML::Node& n, const std::string& path);
    // A pathway name or the special word (wait / reroute), as a rule's target.
    model::PathwayIndex target(const YAML::Node& n, const std::string& path,
                               const std::string& word, model::PathwayIndex word_value);

  private:
    [[nodiscard]] std::vector<std::string> pathway_names() const;

    const YAML::Node& root_;
    ProblemReporter& reporter_;
    const NumberRules& rules_;
    ParameterBindings& bindings_;
    std::map<std::string, model::PathwayIndex> pathway_index_;
    std::map<std::string, std::int32_t> cohort_index_;
};

// A staffing plan (caseworkers, caseworker_changes) of section `n` at `path`, each number
// bound through `plan`.
model::StaffingPlan convert_staffing(Conversion& c, const YAML::Node& n, const std::string& path,
                                     FieldOf<model::StaffingPlan> plan);

// Hazard ratios by need group, age band and benefit kind at `path` (absent: all 1), each
// bound through `ratios`.
model::SubgroupHazardRatios convert_hazard_ratios(Conversion& c, const YAML::Node& n,
                                                  const std::string& path,
                                                  FieldOf<model::SubgroupHazardRatios> ratios);

// The converters of the sections, in the order the loader calls them.
void convert_pathways(Conversion& c, const YAML::Node& n, model::ModelConfig& m);
void convert_population(Conversion& c, const YAML::Node& n, model::ModelConfig& m);
void convert_budget_and_arms(Conversion& c, const YAML::Node& budget, const YAML::Node& arms,
                             model::ModelConfig& m);
void convert_economics(Conversion& c, const YAML::Node& n, model::ModelConfig& m);
void convert_uncertainty(Conversion& c, const YAML::Node& n, const Scenario& sc, Uncertainty& out);

}  // namespace followsim::scenario
