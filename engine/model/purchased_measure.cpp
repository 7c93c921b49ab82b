#include "engine/model/purchased_measure.hpp"

#include <algorithm>

namespace followsim::model {

using economics::Flow;
using economics::Payer;

PurchasedMeasure::PurchasedMeasure(const PathwayConfig& config, PathwayIndex index,
                                   const ModelConfig& model, ArmBookkeeping& books,
                                   PurchaseBudget& budget, InHouseTeam* team)
    : Pathway(config, index, config.measure()->slots),
      model_(model),
      terms_(*config.measure()),
      books_(books),
      budget_(budget),
      placement_(terms_.placement_of_in_house && model.in_house_pathway()
                     ? model.pathways[static_cast<std::size_t>(*model.in_house_pathway())].placement
                     : config.placement),
      team_(terms_.nav_follow_up_weight > 0.0 ? team : nullptr) {
    if (team_) load_class_ = team_->add_load_class(terms_.nav_follow_up_weight);
    if (terms_.hours_per_participant_month && depends_on_dose(model.dose_response)) {
        const double rate = placement_.exponential_rate();
        follow_dose(rate);
        const double baseline = model.pathways[kBaselinePathway].placement.exponential_rate();
        if (baseline > 0.0 && rate > 0.0) floor_ = baseline / (rate * terms_.effectiveness);
    }
}

double PurchasedMeasure::dose_factor() const {
    // The NAV caseworker's hours, at the team's effectiveness.
    const double nav =
        team_ ? terms_.nav_follow_up_weight * team_->dose() * team_->effectiveness() : 0.0;
    // Effectiveness is the hazard ratio at the same dose (placement_hazard_ratio), not here.
    const double dose = terms_.hours_per_participant_month.value_or(0.0) + nav;
    return std::max(floor_, factor_of_dose_(model_.dose_response, dose));
}

bool PurchasedMeasure::admit(Person& p, double now) {
    p.pathway = index();
    p.start_day = now;
    return budget_.commit(p, config(), now);
}

void PurchasedMeasure::begin(Person& p, double now) {
    Pathway::begin(p, now);
    if (team_) team_->add_load(now, load_class_, 1);
    budget_.change_spend_rate(now, terms_.price_per_month_nok / kDaysPerMonth);
    books_.book().lump(Flow::ordering_time, Payer::state, now,
                       terms_.ordering_hours * books_.staff_cost_per_hour());
}

void PurchasedMeasure::end(Person& p, double now, bool placed) {
    Pathway::end(p, now, placed);
    if (team_) team_->add_load(now, load_class_, -1);
    BudgetLedger& ledger = budget_.ledger();
    const double cost = book_purchases(p, now, ledger.current_year());
    double fee = 0.0;
    if (placed && terms_.result_fee_nok > 0.0) {
        fee = terms_.result_fee_nok;
        ledger.record_spending(ledger.current_year(), fee);
        books_.book().lump(Flow::result_fees, books_.economics().purchases_paid_by, now, fee);
        budget_.fee_paid(fee);
    }
    // The follow-along after a placement was committed with the place: spent now.
    const double after_care = placed ? budget_.after_care_price(config()) : 0.0;
    if (after_care > 0.0) {
        ledger.record_spending(ledger.current_year(), after_care);
        budget_.fee_paid(after_care);
        fee += after_care;
    }
    ledger.release(p.commitment_nok - cost - fee);
    p.commitment_nok = 0.0;
    budget_.change_spend_rate(now, -terms_.price_per_month_nok / kDaysPerMonth);
}

bool PurchasedMeasure::begin_after_care(Person& /*p*/, double now) {
    const auto& after = config().after_placement;
    if (!after) return false;
    // The provider's follow-along, committed with the place and spent at the placement (end()).
    const double price = budget_.after_care_price(config());
    if (price > 0.0) {
        books_.book().lump(Flow::purchases, books_.economics().purchases_paid_by, now, price);
    }
    return true;
}

void PurchasedMeasure::close_at_horizon(Person& p, double horizon) {
    book_purchases(p, horizon, budget_.ledger().current_year());
}

double PurchasedMeasure::book_purchases(Person& p, double now, int year) {
    const double cost = terms_.price_per_month_nok * (now - p.paid_until_day) / kDaysPerMonth;
    budget_.ledger().record_spending(year, cost);
    books_.book().spell(Flow::purchases, books_.economics().purchases_paid_by, p.paid_until_day,
                        now, terms_.price_per_month_nok / kDaysPerMonth);
    p.paid_until_day = now;
    return cost;
}

}  // namespace followsim::model
