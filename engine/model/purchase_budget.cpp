#include "engine/model/purchase_budget.hpp"

#include <algorithm>

namespace followsim::model {

double PurchaseBudget::commitment_for(const Person& p, const PathwayConfig& measure,
                                      double now) const {
    const MeasureTerms& terms = *measure.measure();
    const double year_end = (ledger_.current_year() + 1) * kDaysPerYear;
    const double place_end = p.start_day + measure.max_duration_days;
    const double until = std::min(place_end, year_end);
    const double months = std::max(0.0, until - now) / kDaysPerMonth;
    return terms.price_per_month_nok * months + terms.result_fee_nok + after_care_price(measure);
}

double PurchaseBudget::after_care_price(const PathwayConfig& measure) {
    const auto& after = measure.after_placement;
    return after ? after->price_per_month_nok * after->days / kDaysPerMonth : 0.0;
}

bool PurchaseBudget::commit(Person& p, const PathwayConfig& measure, double now) {
    const double amount = commitment_for(p, measure, now);
    if (!ledger_.try_commit(now, amount)) return false;
    p.commitment_nok = amount;
    return true;
}

}  // namespace followsim::model
