// The follow-up model's parameters as plain data, in the model's units (days, NOK, per day).
// The scenario layer fills these from YAML; the model never sees YAML.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "engine/economics/economics_config.hpp"
#include "engine/model/dose_response.hpp"
#include "engine/model/population.hpp"
#include "engine/model/time_to_event.hpp"

namespace followsim::model {

// Hazard ratios on the placement hazard by need group, age band and benefit kind.
struct SubgroupHazardRatios {
    std::array<double, kNeedGroups> groups{1.0, 1.0, 1.0, 1.0};
    std::array<double, kAgeBands> age_bands{1.0, 1.0};
    std::array<double, kBenefitKinds> benefits{1.0, 1.0, 1.0, 1.0};

    [[nodiscard]] double of(NeedGroup g, AgeBand a, BenefitKind b) const {
        return groups[static_cast<std::size_t>(g)] * age_bands[static_cast<std::size_t>(a)] *
               benefits[static_cast<std::size_t>(b)];
    }
};

// Pathway indices: baseline is always 0; in-house, if present, 1; then the measures.
using PathwayIndex = std::int32_t;
inline constexpr PathwayIndex kBaselinePathway = 0;
inline constexpr PathwayIndex kWait = -1;     // a rule's "wait" instead of a fallback pathway
inline constexpr PathwayIndex kReroute = -2;  // after max duration: route by the policy again

// A piece of an arrival stream whose rate (and mix) changes over the years: from the end of
// the piece before (or the stream's start) to until_days.
struct ArrivalPiece {
    double until_days = 0.0;
    double rate_per_day = 0.0;
    std::optional<std::array<double, kNeedGroups>> group_shares;  // else the cohort's
    std::optional<std::array<double, kAgeBands>> age_band_shares;
};

struct ArrivalConfig {
    bool poisson = false;
    std::int64_t count = 0;  // all at once, at at_days
    double at_days = 0.0;
    double rate_per_day = 0.0;  // a Poisson stream on [from_days, until_days)
    double from_days = 0.0;
    double until_days = 0.0;
    // A Poisson stream in pieces from from_days (then until_days is the last piece's end).
    std::vector<ArrivalPiece> pieces;

    // Persons expected to arrive before the horizon.
    [[nodiscard]] double expected(double horizon_days) const;
    // The piece at day t (nullptr: none, or no pieces).
    [[nodiscard]] const ArrivalPiece* piece_at(double t) const;
};

// An exit state: the share of dropouts who go there and the benefit they get from then on.
struct ExitStateConfig {
    double share = 0.0;
    double benefit_per_month_nok = 0.0;
    economics::Payer payer = economics::Payer::state;
    bool taxed = false;  // benefits taxed as income (disability benefit); social assistance is not
};

struct ExitsConfig {
    std::array<ExitStateConfig, kExitStates> states{};
};

struct CohortConfig {
    std::string name;
    ArrivalConfig arrivals;
    std::array<double, kNeedGroups> group_shares{0.0, 1.0, 0.0, 0.0};
    std::array<double, kAgeBands> age_band_shares{0.0, 1.0};
    BenefitKind benefit = BenefitKind::none;
    double benefit_per_month_nok = 0.0;
    // The most days the benefit is paid (AAP's maximum duration); after it, the benefit of
    // exit state `after_benefit_limit` (none: no benefit).
    double benefit_max_days = kNever;
    std::optional<ExitState> after_benefit_limit;
    double wage_per_month_nok = 0.0;
    TimeToEvent job_loss;  // after a placement; the person then re-enters as a job seeker
    // Persons of this cohort already in a pathway when the simulation starts.
    std::vector<std::pair<PathwayIndex, std::int64_t>> initial_caseload;
};

// ---- the pathway kinds: what each kind of pathway adds to the common terms ----

// Ordinary, light follow-up: no places to run out of, no cost of its own.
struct BaselineTerms {};

struct CaseworkerChange {
    double at_days = 0.0;
    std::int64_t caseworkers = 0;
};

// Caseworker FTEs over time: a level at the start and planned changes; an increase takes
// effect `hiring_lag_days` after it is planned (recruitment), a decrease at once.
struct StaffingPlan {
    std::int64_t caseworkers = 0;
    std::vector<CaseworkerChange> changes;
    double hiring_lag_days = 0.0;

    // The levels as they take effect, in time order: the start, then each change.
    [[nodiscard]] std::vector<CaseworkerChange> effective_levels() const;
};

// How caseworker time is costed: salaried staff are paid whether busy or idle; per hour used
// counts only the follow-up hours participants use (a cost per caseworker-hour).
enum class StaffCost : std::uint8_t { salaried, per_hour_used };

// A share of caseworkers with social-work competence whose follow-up has its own hazard ratio.
struct Competence {
    double share = 0.0;
    double hazard_ratio = 1.0;
};

// Caseworkers leave at `rate_per_day` each; the post stays empty for `vacancy_days`, then a
// new caseworker starts.
struct Turnover {
    double rate_per_day = 0.0;
    double vacancy_days = 0.0;
};

// A new caseworker starts at `starting_effectiveness` (a factor on the placement hazard of
// their follow-up) and reaches full effectiveness linearly over `months_to_full`; training
// (training_per_caseworker_nok) saves `training_months_saved` of it and takes
// `training_hours` of follow-up hours in the caseworker's first month. Caseworkers there at
// the start are experienced.
struct LearningCurve {
    double starting_effectiveness = 1.0;
    double months_to_full = 0.0;
    double training_months_saved = 0.0;
    double training_hours = 0.0;
};

// Close follow-up by the office's own caseworkers: a team of salaried FTEs whose follow-up
// hours are shared by the current caseload (the dose).
struct InHouseTerms {
    StaffingPlan staffing;
    std::int64_t caseload_per_caseworker = 0;  // the most a caseworker takes on
    // The follow-up hours a participant is planned to get a month: the most they can use
    // (default: the dose-response's reference, resolved when the model runs).
    std::optional<double> hours_per_participant_month;
    // Share of paid hours available for follow-up. Assumption: about 40 % of a veileder's
    // hours go to administration, meetings and other tasks (no NAV time-use figure found).
    double follow_up_share = 0.6;
    double cost_per_caseworker_year_nok = 0.0;  // 0: the economics section's staff cost
    double training_per_caseworker_nok = 0.0;   // once per caseworker who starts
    StaffCost staff_cost = StaffCost::salaried;
    std::optional<Competence> competence;
    std::optional<Turnover> turnover;
    LearningCurve learning;

    [[nodiscard]] std::int64_t places_for(std::int64_t staff) const {
        return staff * caseload_per_caseworker;
    }
    [[nodiscard]] double planned_hours(const DoseResponse& response) const {
        return hours_per_participant_month.value_or(reference_hours(response));
    }
    // Multiplies the placement hazard whatever the dose: competence.
    [[nodiscard]] double static_hazard_ratio() const;
};

// A labour-market measure bought from a provider.
struct MeasureTerms {
    std::int64_t slots = 0;
    double price_per_month_nok = 0.0;
    double result_fee_nok = 0.0;
    double ordering_hours = 0.0;  // NAV's own hours to order and follow one purchase
    // The follow-up hours a participant gets from the provider a month (the contract). With
    // it, the placement hazard follows the dose-response; without it, it is constant.
    std::optional<double> hours_per_participant_month;
    // The hazard ratio of the provider's follow-up against NAV's at the same dose.
    double effectiveness = 1.0;
    // A participant keeps a NAV caseworker, taking this share of the time an in-house
    // participant takes (it counts in the team's caseload and adds to the dose).
    double nav_follow_up_weight = 0.0;
    // No placement of its own: the placement hazard of close follow-up (in_house's).
    bool placement_of_in_house = false;
};

using PathwayTerms = std::variant<BaselineTerms, InHouseTerms, MeasureTerms>;

// Follow-up after a placement by the pathway that placed the person (supported-employment
// style follow-along): for `days`, the job-loss hazard is multiplied by job_loss_hazard_ratio.
// In-house, it takes the team's hours (hours_per_month against a participant's planned dose);
// a measure's provider charges price_per_month_nok.
struct AfterPlacement {
    double days = 0.0;
    double job_loss_hazard_ratio = 1.0;
    double hours_per_month = 0.0;
    double price_per_month_nok = 0.0;
};

struct PathwayConfig {
    std::string name;
    TimeToEvent placement;
    TimeToEvent dropout;
    double max_duration_days = kNever;
    // This pathway's own effect by subgroup (close follow-up of young people can work
    // differently from a purchased measure), on top of the population's.
    SubgroupHazardRatios hazard_ratios;
    // Jobs found from this pathway last as this says (default: the cohort's job_loss).
    std::optional<TimeToEvent> job_loss;
    std::optional<AfterPlacement> after_placement;
    PathwayTerms terms;

    [[nodiscard]] bool is_baseline() const { return std::holds_alternative<BaselineTerms>(terms); }
    [[nodiscard]] const InHouseTerms* in_house() const { return std::get_if<InHouseTerms>(&terms); }
    [[nodiscard]] InHouseTerms* in_house() { return std::get_if<InHouseTerms>(&terms); }
    [[nodiscard]] const MeasureTerms* measure() const { return std::get_if<MeasureTerms>(&terms); }
    [[nodiscard]] MeasureTerms* measure() { return std::get_if<MeasureTerms>(&terms); }
};

// A routing rule: the first rule whose conditions all hold sends the person to `pathway`.
struct RouteRule {
    std::optional<NeedGroup> group;
    std::optional<AgeBand> age_band;
    std::optional<std::int32_t> cohort;
    PathwayIndex pathway = kBaselinePathway;
};

struct ArmConfig {
    std::string name;
    // The in-house team in this arm; default: the pathway's plan if the arm can send anyone
    // to in-house follow-up, else no team.
    std::optional<StaffingPlan> staffing;
    std::vector<RouteRule> rules;  // the last rule matches everyone
    PathwayIndex when_full = kWait;
    PathwayIndex when_budget_spent = kWait;
    PathwayIndex after_max_duration = kReroute;
    std::optional<double> target_placement_rate;
};

struct BudgetConfig {
    double purchases_per_year_nok = kNever;  // no limit unless the scenario sets one
};

struct ModelConfig {
    double horizon_days = 0.0;
    // How close follow-up's placement hazard depends on the hours a participant gets.
    DoseResponse dose_response = PowerDoseResponse{};
    std::vector<CohortConfig> cohorts;
    std::vector<PathwayConfig> pathways;  // [0] baseline
    SubgroupHazardRatios hazard_ratios;   // in every pathway
    BudgetConfig budget;
    std::vector<ArmConfig> arms;
    ExitsConfig exits;
    economics::EconomicsConfig economics;

    // The in-house pathway, if the scenario has one.
    [[nodiscard]] std::optional<PathwayIndex> in_house_pathway() const;
    // The staffing of the in-house team in arm `arm` (none: no team).
    [[nodiscard]] std::optional<StaffingPlan> staffing_of(std::size_t arm) const;
};

}  // namespace followsim::model
