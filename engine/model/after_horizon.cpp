#include "engine/model/after_horizon.hpp"

#include <cmath>

#include "engine/economics/discounting.hpp"

namespace followsim::model {

using economics::Flow;
using economics::Payer;

double rate_per_day(const TimeToEvent& t) {
    const double rate = t.exponential_rate();
    if (!std::isnan(rate)) return rate;
    const double h = t.cumulative_hazard(kDaysPerYear);
    if (std::isfinite(h)) return h / kDaysPerYear;
    const double to_one = t.time_at_cumulative_hazard(1.0);
    return to_one > 0.0 && std::isfinite(to_one) ? 1.0 / to_one : 0.0;
}

AfterHorizonValuation::AfterHorizonValuation(const ModelConfig& config)
    : config_(config),
      on_(config.economics.value_after_horizon),
      days_(config.economics.valuation_years * kDaysPerYear),
      delta_(std::log1p(config.economics.discount_rate) / kDaysPerYear),
      factor_at_horizon_(economics::Discounting(config.economics).factor(config.horizon_days)),
      baseline_rate_(rate_per_day(config.pathways[kBaselinePathway].placement)) {
    if (!on_) return;
    days_by_person_.reserve(config.cohorts.size() * kNeedGroups * kAgeBands * 2);
    for (const CohortConfig& c : config.cohorts) {
        const double lose_rate = rate_per_day(c.job_loss);
        for (std::size_t g = 0; g < kNeedGroups; ++g) {
            for (std::size_t a = 0; a < kAgeBands; ++a) {
                const double find_rate =
                    baseline_rate_ * config.hazard_ratios.of(static_cast<NeedGroup>(g),
                                                             static_cast<AgeBand>(a), c.benefit);
                days_by_person_.push_back(discounted_days(false, find_rate, lose_rate));
                days_by_person_.push_back(discounted_days(true, find_rate, lose_rate));
            }
        }
    }
}

const AfterHorizonValuation::Days& AfterHorizonValuation::days_of(const Person& p,
                                                                  bool from_work) const {
    const std::size_t kind =
        ((p.cohort * kNeedGroups + static_cast<std::size_t>(p.group)) * kAgeBands +
         static_cast<std::size_t>(p.age_band)) *
            2 +
        (from_work ? 1 : 0);
    return days_by_person_[kind];
}

AfterHorizonValuation::Days AfterHorizonValuation::discounted_days(bool from_work, double a,
                                                                   double l) const {
    const double d = delta_;
    const auto integral = [this](double rate) {  // of e^(-rate t) over [0, T]
        return rate > 0.0 ? -std::expm1(-rate * days_) / rate : days_;
    };
    const double s = a + l;
    const double i0 = integral(d);
    if (!(s > 0.0)) return from_work ? Days{i0, 0.0} : Days{0.0, i0};
    const double i1 = integral(d + s);
    if (from_work) return {(a * i0 + l * i1) / s, l * (i0 - i1) / s};
    return {a * (i0 - i1) / s, (l * i0 + a * i1) / s};
}

void AfterHorizonValuation::add(Flow flow, Payer payer, double pv_at_horizon) {
    const auto f = static_cast<std::size_t>(flow);
    const auto p = static_cast<std::size_t>(payer);
    totals_.present_value[f][p] += pv_at_horizon * factor_at_horizon_;
    totals_.nominal[f][p] += pv_at_horizon;
}

double AfterHorizonValuation::benefit_per_day(const Person& p, bool& taxed, Payer& payer) const {
    const CohortConfig& c = config_.cohorts[p.cohort];
    if (p.benefit_days_used < c.benefit_max_days) {
        if (c.benefit == BenefitKind::none) return 0.0;
        const bool sosialhjelp = c.benefit == BenefitKind::sosialhjelp;
        taxed = !sosialhjelp;
        payer = sosialhjelp ? Payer::municipality : Payer::state;
        return c.benefit_per_month_nok / kDaysPerMonth;
    }
    if (!c.after_benefit_limit) return 0.0;
    const ExitStateConfig& s =
        config_.exits.states[static_cast<std::size_t>(*c.after_benefit_limit)];
    taxed = s.taxed;
    payer = s.payer;
    return s.benefit_per_month_nok / kDaysPerMonth;
}

void AfterHorizonValuation::value(const Person& p, bool from_work) {
    const Days& days = days_of(p, from_work);
    const economics::EconomicsConfig& e = config_.economics;
    const double wage = config_.cohorts[p.cohort].wage_per_month_nok / kDaysPerMonth;
    add(Flow::production, Payer::state,
        days.working * wage * (1.0 + e.employer_contribution) * (1.0 - e.displacement_share));
    add(Flow::income_tax, Payer::state, days.working * wage * e.income_tax_rate);
    add(Flow::employer_contribution, Payer::state, days.working * wage * e.employer_contribution);
    bool taxed = false;
    Payer payer = Payer::state;
    const double benefit = benefit_per_day(p, taxed, payer);
    add(Flow::benefits, payer, days.seeking * benefit);
    if (taxed) add(Flow::benefit_tax, Payer::state, days.seeking * benefit * e.benefit_tax_rate);
}

void AfterHorizonValuation::employed(const Person& p) {
    if (on_) value(p, true);
}

void AfterHorizonValuation::seeking(const Person& p) {
    if (on_) value(p, false);
}

void AfterHorizonValuation::exited(ExitState state, std::int64_t persons) {
    if (!on_ || persons == 0) return;
    const ExitStateConfig& s = config_.exits.states[static_cast<std::size_t>(state)];
    const double pv = static_cast<double>(persons) * s.benefit_per_month_nok / kDaysPerMonth *
                      discounted_days(false, 0.0, 0.0).seeking;
    add(Flow::benefits, s.payer, pv);
    if (s.taxed) add(Flow::benefit_tax, Payer::state, pv * config_.economics.benefit_tax_rate);
}

}  // namespace followsim::model
