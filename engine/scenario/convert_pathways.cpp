// pathways: baseline, in_house and the purchased measures, in that order of index.
#include <fmt/core.h>

#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

namespace {

using model::ModelConfig;
using model::PathwayConfig;

// The common terms of a pathway at index `i`: placement, dropout, maximum duration.
void convert_common(Conversion& c, const YAML::Node& n, const std::string& path, std::size_t i,
                    PathwayConfig& p) {
    p.placement = c.time_to_event(
        n["placement"], child_path(path, "placement"),
        [i](ModelConfig& m) -> model::TimeToEvent& { return m.pathways[i].placement; });
    p.dropout = c.time_to_event(
        n["dropout"], child_path(path, "dropout"),
        [i](ModelConfig& m) -> model::TimeToEvent& { return m.pathways[i].dropout; });
    if (n["max_duration"]) {
        const std::string here = child_path(path, "max_duration");
        p.max_duration_days = c.positive_duration(n["max_duration"], here);
        c.bind_duration(
            here, [i](ModelConfig& m) -> double& { return m.pathways[i].max_duration_days; }, true);
    }
}

void convert_in_house(Conversion& c, const YAML::Node& h, std::size_t i, PathwayConfig& p) {
    const std::string path = "pathways.in_house";
    const auto here = [&](const char* key) { return child_path(path, key); };
    auto terms = [i](ModelConfig& m) -> model::InHouseTerms& { return *m.pathways[i].in_house(); };
    model::InHouseTerms t;
    t.caseworkers = h["caseworkers"].as<std::int64_t>();
    c.bind_count(here("caseworkers"),
                 [terms](ModelConfig& m) -> std::int64_t& { return terms(m).caseworkers; });
    t.caseload_per_caseworker = h["caseload_per_caseworker"].as<std::int64_t>();
    c.bind_count(here("caseload_per_caseworker"), [terms](ModelConfig& m) -> std::int64_t& {
        return terms(m).caseload_per_caseworker;
    });
    if (const YAML::Node changes = h["caseworker_changes"]) {
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const std::string change = child_path(here("caseworker_changes"), std::to_string(k));
            model::CaseworkerChange cw;
            cw.at_days = c.duration(changes[k]["at"], child_path(change, "at"));
            cw.caseworkers = changes[k]["caseworkers"].as<std::int64_t>();
            if (!t.caseworker_changes.empty() && cw.at_days < t.caseworker_changes.back().at_days) {
                c.report().report(changes[k]["at"], child_path(change, "at"),
                                  "changes must be in time order");
            }
            t.caseworker_changes.push_back(cw);
            c.bind(ParameterBinding{
                child_path(change, "at"), true, NumberRule{},
                [terms, k](ModelConfig& m, double days) -> std::optional<std::string> {
                    auto& list = terms(m).caseworker_changes;
                    const bool after_previous = k == 0 || days >= list[k - 1].at_days;
                    const bool before_next = k + 1 == list.size() || days <= list[k + 1].at_days;
                    if (!(days >= 0.0) || !after_previous || !before_next)
                        return "changes must be in time order";
                    list[k].at_days = days;
                    return std::nullopt;
                },
                [terms, k](const ModelConfig& m) {
                    return terms(const_cast<ModelConfig&>(m)).caseworker_changes[k].at_days;
                }});
            c.bind_count(child_path(change, "caseworkers"),
                         [terms, k](ModelConfig& m) -> std::int64_t& {
                             return terms(m).caseworker_changes[k].caseworkers;
                         });
        }
    }
    const std::pair<const char*, double model::InHouseTerms::*> numbers[] = {
        {"hours_per_participant_month", &model::InHouseTerms::hours_per_participant_month},
        {"cost_per_caseworker_year_nok", &model::InHouseTerms::cost_per_caseworker_year_nok},
        {"training_per_caseworker_nok", &model::InHouseTerms::training_per_caseworker_nok},
    };
    for (const auto& [key, member] : numbers) {
        if (!h[key]) continue;
        t.*member = h[key].as<double>();
        c.bind_number(here(key),
                      [terms, member](ModelConfig& m) -> double& { return terms(m).*member; });
    }
    if (const YAML::Node pressure = h["caseload_pressure"]) {
        t.caseload_pressure = model::CaseloadPressure{pressure["reference_caseload"].as<double>(),
                                                      pressure["elasticity"].as<double>()};
        c.bind_number(here("caseload_pressure.reference_caseload"),
                      [terms](ModelConfig& m) -> double& {
                          return terms(m).caseload_pressure->reference_caseload;
                      });
        c.bind_number(here("caseload_pressure.elasticity"), [terms](ModelConfig& m) -> double& {
            return terms(m).caseload_pressure->elasticity;
        });
    }
    if (const YAML::Node comp = h["competence"]) {
        t.competence =
            model::Competence{comp["share"].as<double>(), comp["hazard_ratio"].as<double>()};
        c.bind_number(here("competence.share"),
                      [terms](ModelConfig& m) -> double& { return terms(m).competence->share; });
        c.bind_number(here("competence.hazard_ratio"), [terms](ModelConfig& m) -> double& {
            return terms(m).competence->hazard_ratio;
        });
    }
    p.terms = std::move(t);
    convert_common(c, h, path, i, p);
}

void convert_measure(Conversion& c, const YAML::Node& x, const std::string& path, std::size_t i,
                     PathwayConfig& p) {
    auto terms = [i](ModelConfig& m) -> model::MeasureTerms& { return *m.pathways[i].measure(); };
    model::MeasureTerms t;
    t.slots = x["slots"].as<std::int64_t>();
    c.bind_count(child_path(path, "slots"),
                 [terms](ModelConfig& m) -> std::int64_t& { return terms(m).slots; });
    const std::pair<const char*, double model::MeasureTerms::*> numbers[] = {
        {"price_per_month_nok", &model::MeasureTerms::price_per_month_nok},
        {"result_fee_nok", &model::MeasureTerms::result_fee_nok},
        {"ordering_hours", &model::MeasureTerms::ordering_hours},
    };
    for (const auto& [key, member] : numbers) {
        if (!x[key]) continue;
        t.*member = x[key].as<double>();
        c.bind_number(child_path(path, key),
                      [terms, member](ModelConfig& m) -> double& { return terms(m).*member; });
    }
    p.terms = t;
    convert_common(c, x, path, i, p);
}

}  // namespace

void convert_pathways(Conversion& c, const YAML::Node& n, ModelConfig& m) {
    PathwayConfig baseline;
    baseline.name = "baseline";
    baseline.terms = model::BaselineTerms{};
    convert_common(c, n["baseline"], "pathways.baseline", 0, baseline);
    m.pathways.push_back(std::move(baseline));
    c.name_pathway("baseline", model::kBaselinePathway);

    if (const YAML::Node h = n["in_house"]) {
        PathwayConfig p;
        p.name = "in_house";
        convert_in_house(c, h, m.pathways.size(), p);
        c.name_pathway("in_house", static_cast<model::PathwayIndex>(m.pathways.size()));
        m.pathways.push_back(std::move(p));
    }

    if (const YAML::Node measures = n["measures"]) {
        for (auto it = measures.begin(); it != measures.end(); ++it) {
            const std::string name = it->first.Scalar();
            const std::string path = child_path("pathways.measures", name);
            if (name == "baseline" || name == "in_house" || name == "wait" || name == "reroute") {
                c.report().report(
                    it->first, path,
                    fmt::format("'{}' is reserved; give the measure another name", name));
                continue;
            }
            PathwayConfig p;
            p.name = name;
            convert_measure(c, it->second, path, m.pathways.size(), p);
            c.name_pathway(name, static_cast<model::PathwayIndex>(m.pathways.size()));
            m.pathways.push_back(std::move(p));
        }
    }
}

}  // namespace followsim::scenario
