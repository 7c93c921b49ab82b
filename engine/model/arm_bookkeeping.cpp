#include "engine/model/arm_bookkeeping.hpp"

namespace followsim::model {

using economics::Flow;
using economics::Payer;

ArmBookkeeping::ArmBookkeeping(const ModelConfig& config)
    : config_(config), book_(config.economics) {}

double ArmBookkeeping::staff_cost_per_hour() const noexcept {
    return config_.economics.staff_cost_per_year_nok / config_.economics.hours_per_fte_year;
}

void ArmBookkeeping::benefits(const Person& p, double until) {
    const CohortConfig& c = config_.cohorts[p.cohort];
    if (c.benefit == BenefitKind::none || c.benefit_per_month_nok == 0.0) return;
    // Sosialhjelp is the municipality's; AAP and dagpenger are the state's (folketrygden).
    const auto payer = c.benefit == BenefitKind::sosialhjelp ? Payer::municipality : Payer::state;
    book_.spell(Flow::benefits, payer, p.active_since, until,
                c.benefit_per_month_nok / kDaysPerMonth);
}

void ArmBookkeeping::employment(const Person& p, double until) {
    const economics::EconomicsConfig& e = config_.economics;
    const double wage_per_day = config_.cohorts[p.cohort].wage_per_month_nok / kDaysPerMonth;
    if (wage_per_day == 0.0) return;
    book_.spell(Flow::production, Payer::state, p.employed_since, until,
                wage_per_day * (1.0 + e.employer_contribution) * (1.0 - e.displacement_share));
    book_.spell(Flow::income_tax, Payer::state, p.employed_since, until,
                wage_per_day * e.income_tax_rate);
    book_.spell(Flow::employer_contribution, Payer::state, p.employed_since, until,
                wage_per_day * e.employer_contribution);
}

}  // namespace followsim::model
