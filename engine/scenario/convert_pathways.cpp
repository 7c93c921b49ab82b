// pathways: baseline, in_house and the purchased measures, in that order of index.
#include <fmt/core.h>

#include <cmath>

#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

namespace {

using model::ModelConfig;
using model::PathwayConfig;

// Follow-up after a placement made by pathway `i`.
model::AfterPlacement convert_after_placement(Conversion& c, const YAML::Node& a,
                                              const std::string& path, std::size_t i) {
    const std::string here = child_path(path, "after_placement");
    auto care = [i](ModelConfig& m) -> model::AfterPlacement& {
        return *m.pathways[i].after_placement;
    };
    model::AfterPlacement ap;
    ap.days = c.positive_duration(a["duration"], child_path(here, "duration"));
    c.bind_duration(
        child_path(here, "duration"), [care](ModelConfig& m) -> double& { return care(m).days; },
        true);
    ap.job_loss_hazard_ratio = 0.8;  // assumption: supported-employment trials (docs/model.md)
    ap.hours_per_month = 1.0;        // assumption
    const std::pair<const char*, double model::AfterPlacement::*> numbers[] = {
        {"job_loss_hazard_ratio", &model::AfterPlacement::job_loss_hazard_ratio},
        {"hours_per_month", &model::AfterPlacement::hours_per_month},
        {"price_per_month_nok", &model::AfterPlacement::price_per_month_nok},
    };
    for (const auto& [key, member] : numbers) {
        if (!a[key]) continue;
        ap.*member = a[key].as<double>();
        c.bind_number(child_path(here, key),
                      [care, member](ModelConfig& m) -> double& { return care(m).*member; });
    }
    return ap;
}

// The common terms of a pathway at index `i`: placement, dropout, maximum duration.
void convert_common(Conversion& c, const YAML::Node& n, const std::string& path, std::size_t i,
                    PathwayConfig& p) {
    p.placement = c.time_to_event(
        n["placement"], child_path(path, "placement"),
        [i](ModelConfig& m) -> model::TimeToEvent& { return m.pathways[i].placement; });
    p.dropout = c.time_to_event(
        n["dropout"], child_path(path, "dropout"),
        [i](ModelConfig& m) -> model::TimeToEvent& { return m.pathways[i].dropout; });
    if (n["job_loss"]) {
        p.job_loss = c.time_to_event(
            n["job_loss"], child_path(path, "job_loss"),
            [i](ModelConfig& m) -> model::TimeToEvent& { return *m.pathways[i].job_loss; });
    }
    if (const YAML::Node a = n["after_placement"])
        p.after_placement = convert_after_placement(c, a, path, i);
    p.hazard_ratios =
        convert_hazard_ratios(c, n["hazard_ratios"], child_path(path, "hazard_ratios"),
                              [i](ModelConfig& m) -> model::SubgroupHazardRatios& {
                                  return m.pathways[i].hazard_ratios;
                              });
    if (n["max_duration"]) {
        const std::string here = child_path(path, "max_duration");
        p.max_duration_days = c.positive_duration(n["max_duration"], here);
        c.bind_duration(
            here, [i](ModelConfig& m) -> double& { return m.pathways[i].max_duration_days; }, true);
    }
}

}  // namespace

model::StaffingPlan convert_staffing(Conversion& c, const YAML::Node& n, const std::string& path,
                                     FieldOf<model::StaffingPlan> plan) {
    model::StaffingPlan s;
    s.caseworkers = n["caseworkers"].as<std::int64_t>();
    c.bind_count(child_path(path, "caseworkers"),
                 [plan](ModelConfig& m) -> std::int64_t& { return plan(m).caseworkers; });
    if (const YAML::Node changes = n["caseworker_changes"]) {
        for (std::size_t k = 0; k < changes.size(); ++k) {
            const std::string change =
                child_path(child_path(path, "caseworker_changes"), std::to_string(k));
            model::CaseworkerChange cw;
            cw.at_days = c.duration(changes[k]["at"], child_path(change, "at"));
            cw.caseworkers = changes[k]["caseworkers"].as<std::int64_t>();
            if (!s.changes.empty() && cw.at_days < s.changes.back().at_days) {
                c.report().report(changes[k]["at"], child_path(change, "at"),
                                  "changes must be in time order");
            }
            s.changes.push_back(cw);
            c.bind(ParameterBinding{
                child_path(change, "at"), true, NumberRule{},
                [plan, k](ModelConfig& m, double days) -> std::optional<std::string> {
                    auto& list = plan(m).changes;
                    const bool after_previous = k == 0 || days >= list[k - 1].at_days;
                    const bool before_next = k + 1 == list.size() || days <= list[k + 1].at_days;
                    if (!(days >= 0.0) || !after_previous || !before_next)
                        return "changes must be in time order";
                    list[k].at_days = days;
                    return std::nullopt;
                },
                [plan, k](const ModelConfig& m) {
                    return plan(const_cast<ModelConfig&>(m)).changes[k].at_days;
                }});
            c.bind_count(child_path(change, "caseworkers"),
                         [plan, k](ModelConfig& m) -> std::int64_t& {
                             return plan(m).changes[k].caseworkers;
                         });
        }
    }
    return s;
}

namespace {

// A placement that follows the dose must be an exponential (the dose changes its rate).
void require_exponential(Conversion& c, const YAML::Node& n, const std::string& path,
                         const model::TimeToEvent& placement) {
    if (std::isnan(placement.exponential_rate())) {
        c.report().report(n, path,
                          "with a dose-response the placement must be exponential: "
                          "{probability, within}, {mean} or {rate} (or set "
                          "pathways.dose_response: none)");
    }
}

void convert_in_house(Conversion& c, const YAML::Node& h, std::size_t i, PathwayConfig& p,
                      const model::DoseResponse& dose_response) {
    const std::string path = "pathways.in_house";
    const auto here = [&](const char* key) { return child_path(path, key); };
    auto terms = [i](ModelConfig& m) -> model::InHouseTerms& { return *m.pathways[i].in_house(); };
    model::InHouseTerms t;
    t.staffing = convert_staffing(
        c, h, path, [terms](ModelConfig& m) -> model::StaffingPlan& { return terms(m).staffing; });
    if (h["hiring_lag"]) {
        t.staffing.hiring_lag_days = c.duration(h["hiring_lag"], here("hiring_lag"));
        c.bind_duration(
            here("hiring_lag"),
            [terms](ModelConfig& m) -> double& { return terms(m).staffing.hiring_lag_days; },
            false);
    }
    t.caseload_per_caseworker = h["caseload_per_caseworker"].as<std::int64_t>();
    c.bind_count(here("caseload_per_caseworker"), [terms](ModelConfig& m) -> std::int64_t& {
        return terms(m).caseload_per_caseworker;
    });
    const std::pair<const char*, double model::InHouseTerms::*> numbers[] = {
        {"follow_up_share", &model::InHouseTerms::follow_up_share},
        {"cost_per_caseworker_year_nok", &model::InHouseTerms::cost_per_caseworker_year_nok},
        {"training_per_caseworker_nok", &model::InHouseTerms::training_per_caseworker_nok},
    };
    for (const auto& [key, member] : numbers) {
        if (!h[key]) continue;
        t.*member = h[key].as<double>();
        c.bind_number(here(key),
                      [terms, member](ModelConfig& m) -> double& { return terms(m).*member; });
    }
    // The planned dose; without it, the dose-response's reference (resolved at run time, so a
    // sweep of the reference moves it too).
    if (h["hours_per_participant_month"]) {
        t.hours_per_participant_month = h["hours_per_participant_month"].as<double>();
        c.bind_number(here("hours_per_participant_month"), [terms](ModelConfig& m) -> double& {
            return *terms(m).hours_per_participant_month;
        });
    }
    if (const YAML::Node turnover = h["turnover"]) {
        model::Turnover to;
        to.rate_per_day = c.rate(turnover["rate"], here("turnover.rate"));
        to.vacancy_days = c.duration(turnover["vacancy"], here("turnover.vacancy"));
        c.bind_duration(
            here("turnover.vacancy"),
            [terms](ModelConfig& m) -> double& { return terms(m).turnover->vacancy_days; }, false);
        t.turnover = to;
    }
    if (const YAML::Node learning = h["learning"]) {
        const std::pair<const char*, double model::LearningCurve::*> curve[] = {
            {"starting_effectiveness", &model::LearningCurve::starting_effectiveness},
            {"months_to_full", &model::LearningCurve::months_to_full},
            {"training_months_saved", &model::LearningCurve::training_months_saved},
            {"training_hours", &model::LearningCurve::training_hours},
        };
        for (const auto& [key, member] : curve) {
            if (!learning[key]) continue;
            t.learning.*member = learning[key].as<double>();
            c.bind_number(
                child_path(here("learning"), key),
                [terms, member](ModelConfig& m) -> double& { return terms(m).learning.*member; });
        }
    }
    if (h["staff_cost"] && h["staff_cost"].Scalar() == "per_hour_used") {
        t.staff_cost = model::StaffCost::per_hour_used;
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
    if (model::depends_on_dose(dose_response)) {
        require_exponential(c, h["placement"], here("placement"), p.placement);
    }
}

void convert_measure(Conversion& c, const YAML::Node& x, const std::string& path, std::size_t i,
                     PathwayConfig& p, const model::DoseResponse& dose_response,
                     bool has_in_house) {
    auto terms = [i](ModelConfig& m) -> model::MeasureTerms& { return *m.pathways[i].measure(); };
    model::MeasureTerms t;
    t.slots = x["slots"].as<std::int64_t>();
    c.bind_count(child_path(path, "slots"),
                 [terms](ModelConfig& m) -> std::int64_t& { return terms(m).slots; });
    const std::pair<const char*, double model::MeasureTerms::*> numbers[] = {
        {"price_per_month_nok", &model::MeasureTerms::price_per_month_nok},
        {"result_fee_nok", &model::MeasureTerms::result_fee_nok},
        {"ordering_hours", &model::MeasureTerms::ordering_hours},
        {"effectiveness", &model::MeasureTerms::effectiveness},
        {"nav_follow_up_weight", &model::MeasureTerms::nav_follow_up_weight},
    };
    for (const auto& [key, member] : numbers) {
        if (!x[key]) continue;
        t.*member = x[key].as<double>();
        c.bind_number(child_path(path, key),
                      [terms, member](ModelConfig& m) -> double& { return terms(m).*member; });
    }
    if (x["hours_per_participant_month"]) {
        t.hours_per_participant_month = x["hours_per_participant_month"].as<double>();
        c.bind_number(
            child_path(path, "hours_per_participant_month"),
            [terms](ModelConfig& m) -> double& { return *terms(m).hours_per_participant_month; });
    }
    if (!x["placement"]) {
        if (!has_in_house) {
            c.report().report(x, path,
                              "give placement: without in-house follow-up there is no close "
                              "follow-up placement to share");
        }
        t.placement_of_in_house = true;
    }
    p.terms = t;
    convert_common(c, x, path, i, p);
    if (x["placement"] && t.hours_per_participant_month && model::depends_on_dose(dose_response)) {
        require_exponential(c, x["placement"], child_path(path, "placement"), p.placement);
    }
}

model::DoseResponse convert_dose_response(Conversion& c, const YAML::Node& n) {
    const std::string path = "pathways.dose_response";
    if (!n) return model::PowerDoseResponse{};
    if (n.IsScalar()) return model::NoDoseEffect{};
    auto at = [](ModelConfig& m) -> model::DoseResponse& { return m.dose_response; };
    if (const YAML::Node power = n["power"]) {
        const std::string here = child_path(path, "power");
        c.bind_number(child_path(here, "elasticity"), [at](ModelConfig& m) -> double& {
            return std::get<model::PowerDoseResponse>(at(m)).elasticity;
        });
        c.bind_number(
            child_path(here, "reference_hours_per_month"), [at](ModelConfig& m) -> double& {
                return std::get<model::PowerDoseResponse>(at(m)).reference_hours_per_month;
            });
        return model::PowerDoseResponse{power["elasticity"].as<double>(),
                                        power["reference_hours_per_month"].as<double>()};
    }
    const YAML::Node saturating = n["saturating"];
    const std::string here = child_path(path, "saturating");
    c.bind_number(
        child_path(here, "half_saturation_hours_per_month"), [at](ModelConfig& m) -> double& {
            return std::get<model::SaturatingDoseResponse>(at(m)).half_saturation_hours_per_month;
        });
    c.bind_number(child_path(here, "reference_hours_per_month"), [at](ModelConfig& m) -> double& {
        return std::get<model::SaturatingDoseResponse>(at(m)).reference_hours_per_month;
    });
    return model::SaturatingDoseResponse{saturating["half_saturation_hours_per_month"].as<double>(),
                                         saturating["reference_hours_per_month"].as<double>()};
}

}  // namespace

void convert_pathways(Conversion& c, const YAML::Node& n, ModelConfig& m) {
    m.dose_response = convert_dose_response(c, n["dose_response"]);
    PathwayConfig baseline;
    baseline.name = "baseline";
    baseline.terms = model::BaselineTerms{};
    convert_common(c, n["baseline"], "pathways.baseline", 0, baseline);
    m.pathways.push_back(std::move(baseline));
    c.name_pathway("baseline", model::kBaselinePathway);

    if (const YAML::Node h = n["in_house"]) {
        PathwayConfig p;
        p.name = "in_house";
        convert_in_house(c, h, m.pathways.size(), p, m.dose_response);
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
            convert_measure(c, it->second, path, m.pathways.size(), p, m.dose_response,
                            static_cast<bool>(n["in_house"]));
            c.name_pathway(name, static_cast<model::PathwayIndex>(m.pathways.size()));
            m.pathways.push_back(std::move(p));
        }
    }
}

}  // namespace followsim::scenario
