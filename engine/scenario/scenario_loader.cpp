#include "engine/scenario/scenario_loader.hpp"

#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include "engine/scenario/conversion.hpp"
#include "engine/scenario/model_checks.hpp"
#include "engine/scenario/problem_reporter.hpp"
#include "engine/scenario/scenario_text.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/schema_validator.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "engine/scenario/yaml_overrides.hpp"
#include "engine/scenario/yaml_text.hpp"

namespace followsim::scenario {

namespace {

// Beyond this the model's assumptions (and R-109's discount steps) say little, and a
// mistyped unit should not start a run that never ends.
constexpr double kMaxHorizonYears = 200.0;

void convert(Conversion& c, Scenario& sc) {
    const YAML::Node& root = c.root();
    sc.name = root["name"].as<std::string>();
    if (root["description"]) sc.description = root["description"].as<std::string>();
    sc.price_year = root["price_year"].as<int>();
    c.price_year = sc.price_year;
    model::ModelConfig& m = sc.model;
    m.horizon_days = c.positive_duration(root["horizon"], "horizon");
    const double max_days = kMaxHorizonYears * model::kDaysPerYear;
    if (m.horizon_days > max_days) {
        c.report().report(root["horizon"], "horizon",
                          fmt::format("must be at most {} years", kMaxHorizonYears));
    }
    c.bind_duration(
        "horizon", [](model::ModelConfig& x) -> double& { return x.horizon_days; }, true, max_days);
    convert_pathways(c, root["pathways"], m);
    convert_population(c, root["population"], m);
    convert_budget_and_arms(c, root["budget"], root["arms"], m);
    convert_economics(c, root["economics"], m);
    for (const ModelProblem& p : check_model(m)) {
        c.report().report(find_path(root, p.path), p.path, p.message);
    }
    convert_uncertainty(c, root["uncertainty"], sc, sc.uncertainty);
}

// An override "path=value" as a change of the text, marked as coming from `origin`.
TextChange text_change(const std::string& assignment, const std::string& origin) {
    const auto equals = assignment.find('=');
    return {assignment.substr(0, equals), assignment.substr(equals + 1), origin};
}

}  // namespace

Scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides) {
    ProblemReporter reporter(file_label);
    ParsedYaml parsed = parse_scenario_yaml(text);
    for (TextProblem& p : parsed.problems) reporter.report(p.mark, "", std::move(p.message));
    if (reporter.has_problems()) reporter.raise();
    YAML::Node root = parsed.root;
    if (!root.IsMap()) {
        reporter.report(root.Mark(), "",
                        "a scenario is a mapping of sections (name, horizon, population, ...)");
        reporter.raise();
    }
    for (const std::string& assignment : overrides) apply_override(root, assignment, reporter);
    NumberRules rules;
    for (SchemaProblem& p : validate_against_schema(root, scenario_schema(), &rules)) {
        reporter.report(p.mark, p.path, std::move(p.message));
    }
    if (reporter.has_problems()) reporter.raise();

    Scenario sc;
    sc.file = file_label;
    sc.sha256 = sha256_hex(text);
    sc.text = text;
    sc.overrides = overrides;
    Conversion conversion(root, reporter, rules, sc.parameters);
    convert(conversion, sc);
    if (reporter.has_problems()) reporter.raise();
    std::vector<TextChange> changes;
    for (const std::string& assignment : overrides)
        changes.push_back(text_change(assignment, "--set"));
    sc.resolved_yaml = edited_scenario_text(text, changes, root);
    // The file's last newline is the results folder's to add.
    while (sc.resolved_yaml.ends_with('\n')) sc.resolved_yaml.pop_back();
    return sc;
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
    return load_scenario_text(read_scenario_text(path), path, overrides);
}

Scenario with_assignments(const Scenario& base, const std::vector<Assignment>& assignments,
                          const std::string& origin) {
    Scenario sc = base;
    sc.parameters.apply(sc.model, assignments);
    // The text as run, edited to match (values only: the structure is the base's).
    YAML::Node root = YAML::Load(base.resolved_yaml);
    ProblemReporter unused(base.file);
    std::vector<TextChange> changes;
    for (const Assignment& a : assignments) {
        const std::string canonical = base.parameters.find(a.path, base.model)->path;
        apply_override(root, canonical + "=" + a.text, unused);
        sc.overrides.push_back(canonical + "=" + a.text);
        changes.push_back(text_change(canonical + "=" + a.text, origin));
    }
    sc.resolved_yaml = edited_scenario_text(base.resolved_yaml, changes, root);
    return sc;
}

}  // namespace followsim::scenario
