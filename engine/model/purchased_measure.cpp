#include "engine/model/purchased_measure.hpp"

namespace followsim::model {

using economics::Flow;
using economics::Payer;

PurchasedMeasure::PurchasedMeasure(const PathwayConfig& config, PathwayIndex index,
                                   ArmBookkeeping& books, PurchaseBudget& budget)
    : Pathway(config, index, config.measure()->slots),
      terms_(*config.measure()),
      books_(books),
      budget_(budget) {}

bool PurchasedMeasure::admit(Person& p, double now) {
    p.pathway = index();
    p.start_day = now;
    return budget_.commit(p, config(), now);
}

void PurchasedMeasure::begin(Person& p, double now) {
    Pathway::begin(p, now);
    budget_.change_spend_rate(now, terms_.price_per_month_nok / kDaysPerMonth);
    books_.book().lump(Flow::ordering_time, Payer::state, now,
                       terms_.ordering_hours * books_.staff_cost_per_hour());
}

void PurchasedMeasure::end(Person& p, double now, bool placed) {
    Pathway::end(p, now, placed);
    BudgetLedger& ledger = budget_.ledger();
    const double cost = book_purchases(p, now, ledger.current_year());
    double fee = 0.0;
    if (placed && terms_.result_fee_nok > 0.0) {
        fee = terms_.result_fee_nok;
        ledger.record_spending(ledger.current_year(), fee);
        books_.book().lump(Flow::result_fees, books_.economics().purchases_paid_by, now, fee);
        budget_.fee_paid(fee);
    }
    ledger.release(p.commitment_nok - cost - fee);
    p.commitment_nok = 0.0;
    budget_.change_spend_rate(now, -terms_.price_per_month_nok / kDaysPerMonth);
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
