// The follow-up model's parameters as plain data, in the model's units (days, NOK, per day).
// The scenario layer fills these from YAML; the model never sees YAML.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/economics/economics_config.hpp"
#include "engine/model/time_to_event.hpp"

namespace followsim::model {

inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12.0;

// Innsatsgruppe: the need for assistance NAV assesses.
enum class NeedGroup : std::uint8_t {
    standard,
    situasjonsbestemt,
    spesielt_tilpasset,
    varig_tilpasset
};
inline constexpr std::size_t kNeedGroups = 4;
inline constexpr std::array<const char*, kNeedGroups> kNeedGroupNames{
    "standard", "situasjonsbestemt", "spesielt_tilpasset", "varig_tilpasset"};

// Young people under 30 are a priority group.
enum class AgeBand : std::uint8_t { under_30, from_30 };
inline constexpr std::size_t kAgeBands = 2;
inline constexpr std::array<const char*, kAgeBands> kAgeBandNames{"under_30", "30_and_over"};

enum class BenefitKind : std::uint8_t { none, aap, dagpenger, sosialhjelp };
inline constexpr std::array<const char*, 4> kBenefitKindNames{"none", "aap", "dagpenger",
                                                              "sosialhjelp"};

enum class PathwayKind : std::uint8_t { baseline, in_house, measure };

// Pathway indices: baseline is always 0; in-house, if present, 1; then the measures.
using PathwayIndex = std::int32_t;
inline constexpr PathwayIndex kBaselinePathway = 0;
inline constexpr PathwayIndex kWait = -1;     // a rule's "wait" instead of a fallback pathway
inline constexpr PathwayIndex kReroute = -2;  // after max duration: route by the policy again

struct ArrivalConfig {
    bool poisson = false;
    std::int64_t count = 0;  // all at once, at at_days
    double at_days = 0.0;
    double rate_per_day = 0.0;  // a Poisson stream on [from_days, until_days)
    double from_days = 0.0;
    double until_days = 0.0;
};

struct CohortConfig {
    std::string name;
    ArrivalConfig arrivals;
    std::array<double, kNeedGroups> group_shares{0.0, 1.0, 0.0, 0.0};
    std::array<double, kAgeBands> age_band_shares{0.0, 1.0};
    BenefitKind benefit = BenefitKind::none;
    double benefit_per_month_nok = 0.0;
    double wage_per_month_nok = 0.0;
    TimeToEvent job_loss;  // after a placement; the person then re-enters as a job seeker
    // Persons of this cohort already in a pathway when the simulation starts.
    std::vector<std::pair<PathwayIndex, std::int64_t>> initial_caseload;
};

struct CaseworkerChange {
    double at_days = 0.0;
    std::int64_t caseworkers = 0;
};

struct PathwayConfig {
    std::string name;
    PathwayKind kind = PathwayKind::baseline;
    TimeToEvent placement;
    TimeToEvent dropout;
    double max_duration_days = kNever;
    // Multiplies the placement hazard in this pathway (caseload pressure x competence).
    double placement_hazard_ratio = 1.0;

    // in_house
    std::int64_t caseworkers = 0;
    std::int64_t caseload_per_caseworker = 0;
    std::vector<CaseworkerChange> caseworker_changes;
    double hours_per_participant_month = 0.0;
    double cost_per_caseworker_year_nok = 0.0;
    double training_per_caseworker_nok = 0.0;  // once per caseworker who starts

    // measure
    std::int64_t slots = 0;
    double price_per_month_nok = 0.0;
    double result_fee_nok = 0.0;
    double ordering_hours = 0.0;

    [[nodiscard]] bool has_capacity_limit() const { return kind != PathwayKind::baseline; }
    [[nodiscard]] std::int64_t initial_capacity() const {
        return kind == PathwayKind::in_house ? caseworkers * caseload_per_caseworker : slots;
    }
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
    std::vector<CohortConfig> cohorts;
    std::vector<PathwayConfig> pathways;  // [0] baseline
    std::array<double, kNeedGroups> group_hazard_ratio{1.0, 1.0, 1.0, 1.0};
    std::array<double, kAgeBands> age_band_hazard_ratio{1.0, 1.0};
    BudgetConfig budget;
    std::vector<ArmConfig> arms;
    economics::EconomicsConfig economics;
};

}  // namespace followsim::model
