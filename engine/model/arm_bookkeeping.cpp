#include "engine/model/arm_bookkeeping.hpp"

#include <algorithm>

namespace followsim::model {

using economics::Flow;
using economics::Payer;

ArmBookkeeping::ArmBookkeeping(const ModelConfig& config)
    : config_(config), book_(config.economics) {}

double ArmBookkeeping::staff_cost_per_hour() const noexcept {
    return config_.economics.staff_cost_per_year_nok / config_.economics.hours_per_fte_year;
}

void ArmBookkeeping::benefit_spell(double from, double until, double per_month_nok, Payer payer,
                                   bool taxed) {
    if (!(until > from) || per_month_nok == 0.0) return;
    const double per_day = per_month_nok / kDaysPerMonth;
    const economics::Period spell = book_.period(from, until);
    book_.spell(Flow::benefits, payer, spell, per_day);
    if (taxed) {
        book_.spell(Flow::benefit_tax, Payer::state, spell,
                    per_day * config_.economics.benefit_tax_rate);
    }
}

void ArmBookkeeping::benefits(Person& p, double until) {
    const CohortConfig& c = config_.cohorts[p.cohort];
    const double from = p.active_since;
    if (!(until > from)) return;
    // The cohort's benefit until its maximum duration is used up.
    const double left = std::max(0.0, c.benefit_max_days - p.benefit_days_used);
    const double split = std::min(until, from + left);
    p.benefit_days_used += split - from;
    if (c.benefit != BenefitKind::none) {
        // Sosialhjelp is the municipality's and untaxed; AAP and dagpenger are the state's
        // (folketrygden) and taxed as income.
        const bool sosialhjelp = c.benefit == BenefitKind::sosialhjelp;
        benefit_spell(from, split, c.benefit_per_month_nok,
                      sosialhjelp ? Payer::municipality : Payer::state, !sosialhjelp);
    }
    if (split < until && c.after_benefit_limit) exit_benefits(*c.after_benefit_limit, split, until);
}

void ArmBookkeeping::exit_benefits(ExitState state, double from, double until) {
    const ExitStateConfig& s = config_.exits.states[static_cast<std::size_t>(state)];
    benefit_spell(from, until, s.benefit_per_month_nok, s.payer, s.taxed);
}

void ArmBookkeeping::employment(const Person& p, double until) {
    const economics::EconomicsConfig& e = config_.economics;
    const double wage_per_day = config_.cohorts[p.cohort].wage_per_month_nok / kDaysPerMonth;
    if (wage_per_day == 0.0 || !(until > p.employed_since)) return;
    const economics::Period job = book_.period(p.employed_since, until);
    book_.spell(Flow::production, Payer::state, job,
                wage_per_day * (1.0 + e.employer_contribution) * (1.0 - e.displacement_share));
    book_.spell(Flow::income_tax, Payer::state, job, wage_per_day * e.income_tax_rate);
    book_.spell(Flow::employer_contribution, Payer::state, job,
                wage_per_day * e.employer_contribution);
}

}  // namespace followsim::model
