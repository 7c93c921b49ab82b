#include "engine/scenario/conversion.hpp"

#include <fmt/core.h>

#include <cmath>

#include "engine/scenario/units.hpp"

namespace followsim::scenario {

using model::TimeToEvent;

// ---- values with units ----------------------------------------------------------------------

double Conversion::duration(const YAML::Node& n, const std::string& path) {
    const auto days = parse_duration_days(n.Scalar());
    if (!days) {
        reporter_.report(
            n, path, fmt::format("expected a duration such as '6 months', found '{}'", n.Scalar()));
        return 0.0;
    }
    return *days;
}

double Conversion::positive_duration(const YAML::Node& n, const std::string& path) {
    const double days = duration(n, path);
    if (!(days > 0.0)) reporter_.report(n, path, "must be longer than zero");
    return days;
}

double Conversion::rate(const YAML::Node& n, const std::string& path) {
    const auto per_day = parse_rate_per_day(n.Scalar());
    if (!per_day) {
        reporter_.report(
            n, path,
            fmt::format("expected a rate such as '0.05 per month', found '{}'", n.Scalar()));
        return 0.0;
    }
    return *per_day;
}

// ---- bindings -----------------------------------------------------------------------------

NumberRule Conversion::rule_at(const std::string& path) const {
    const auto it = rules_.find(path);
    return it == rules_.end() ? NumberRule{} : it->second;
}

void Conversion::bind(ParameterBinding binding) {
    bindings_.add(std::move(binding));
}

void Conversion::bind_number(const std::string& path, FieldOf<double> field) {
    bind({path, false, rule_at(path),
          [field](model::ModelConfig& m, double x) -> std::optional<std::string> {
              field(m) = x;
              return std::nullopt;
          },
          [field](const model::ModelConfig& m) {
              return field(const_cast<model::ModelConfig&>(m));
          }});
}

void Conversion::bind_count(const std::string& path, FieldOf<std::int64_t> field) {
    NumberRule rule = rule_at(path);
    rule.integer = true;
    bind({path, false, rule,
          [field](model::ModelConfig& m, double x) -> std::optional<std::string> {
              field(m) = static_cast<std::int64_t>(x);
              return std::nullopt;
          },
          [field](const model::ModelConfig& m) {
              return static_cast<double>(field(const_cast<model::ModelConfig&>(m)));
          }});
}

void Conversion::bind_duration(const std::string& path, FieldOf<double> field, bool positive,
                               std::optional<double> max_days) {
    bind({path, true, NumberRule{},
          [field, positive, max_days](model::ModelConfig& m,
                                      double days) -> std::optional<std::string> {
              if (!std::isfinite(days) || days < 0.0) return "must be a duration of zero or more";
              if (positive && !(days > 0.0)) return "must be longer than zero";
              if (max_days && days > *max_days) {
                  return fmt::format("must be at most {} years", *max_days / model::kDaysPerYear);
              }
              field(m) = days;
              return std::nullopt;
          },
          [field](const model::ModelConfig& m) {
              return field(const_cast<model::ModelConfig&>(m));
          }});
}

// ---- names --------------------------------------------------------------------------------

std::vector<std::string> Conversion::pathway_names() const {
    std::vector<std::string> names;
    for (const auto& [name, _] : pathway_index_) names.push_back(name);
    return names;
}

std::optional<std::int32_t> Conversion::cohort(const YAML::Node& n, const std::string& path) {
    const auto it = cohort_index_.find(n.Scalar());
    if (it != cohort_index_.end()) return it->second;
    reporter_.report(n, path, fmt::format("no cohort named '{}'", n.Scalar()));
    return std::nullopt;
}

std::optional<model::PathwayIndex> Conversion::pathway(const YAML::Node& n,
                                                       const std::string& path) {
    const std::string name = n.Scalar();
    const auto it = pathway_index_.find(name);
    if (it != pathway_index_.end()) return it->second;
    std::string message = fmt::format("no pathway named '{}'", name);
    const std::string guess = closest_match(name, pathway_names());
    if (!guess.empty()) {
        message += fmt::format(" (did you mean '{}'?)", guess);
    } else {
        std::string list;
        for (const std::string& p : pathway_names()) list += (list.empty() ? "" : ", ") + p;
        message += "; the pathways are " + list;
    }
    reporter_.report(n, path, std::move(message));
    return std::nullopt;
}

model::PathwayIndex Conversion::target(const YAML::Node& n, const std::string& path,
                                       const std::string& word, model::PathwayIndex word_value) {
    if (n.Scalar() == word) return word_value;
    if (!pathway_index_.count(n.Scalar())) {
        std::vector<std::string> options = pathway_names();
        options.push_back(word);
        std::string message = fmt::format("'{}' is neither '{}' nor a pathway", n.Scalar(), word);
        const std::string guess = closest_match(n.Scalar(), options);
        if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
        reporter_.report(n, path, std::move(message));
        return word_value;
    }
    return pathway_index_.at(n.Scalar());
}

namespace {
template <std::size_t N>
void convert_ratio_table(Conversion& c, const YAML::Node& n, const std::string& path,
                         const std::array<const char*, N>& names, std::array<double, N>& out,
                         std::function<std::array<double, N>&(model::ModelConfig&)> table) {
    if (!n) return;
    for (std::size_t k = 0; k < N; ++k) {
        if (!n[names[k]]) continue;
        out[k] = n[names[k]].template as<double>();
        c.bind_number(child_path(path, names[k]),
                      [table, k](model::ModelConfig& m) -> double& { return table(m)[k]; });
    }
}
}  // namespace

model::SubgroupHazardRatios convert_hazard_ratios(Conversion& c, const YAML::Node& n,
                                                  const std::string& path,
                                                  FieldOf<model::SubgroupHazardRatios> ratios) {
    model::SubgroupHazardRatios out;
    if (!n) return out;
    convert_ratio_table<model::kNeedGroups>(
        c, n["groups"], child_path(path, "groups"), model::kNeedGroupNames,
        out.groups, [ratios](model::ModelConfig & m) -> auto& { return ratios(m).groups; });
    convert_ratio_table<model::kAgeBands>(
        c, n["age_bands"], child_path(path, "age_bands"), model::kAgeBandNames,
        out.age_bands, [ratios](model::ModelConfig & m) -> auto& { return ratios(m).age_bands; });
    convert_ratio_table<model::kBenefitKinds>(
        c, n["benefits"], child_path(path, "benefits"), model::kBenefitKindNames,
        out.benefits, [ratios](model::ModelConfig & m) -> auto& { return ratios(m).benefits; });
    return out;
}

}  // namespace followsim::scenario
