#include "engine/model/budget_ledger.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

namespace followsim::model {

BudgetLedger::BudgetLedger(double per_year_nok) : per_year_nok_(per_year_nok) {
    if (!(per_year_nok >= 0.0)) throw std::invalid_argument("budget must be >= 0");
}

bool BudgetLedger::limited() const noexcept {
    return std::isfinite(per_year_nok_);
}

double BudgetLedger::available_nok() const noexcept {
    return std::max(0.0, per_year_nok_ - committed_);
}

void BudgetLedger::open_year(int year) {
    year_ = year;
    committed_ = 0.0;
}

bool BudgetLedger::try_commit(double now, double amount_nok) {
    // A relative tolerance of 1e-12 keeps a commitment that fills the budget exactly (up to
    // rounding of the sums) from being refused.
    if (committed_ + amount_nok > per_year_nok_ * (1.0 + 1e-12)) {
        if (!exhausted_day_) exhausted_day_ = now;
        return false;
    }
    committed_ += amount_nok;
    peak_committed_ = std::max(peak_committed_, committed_);
    return true;
}

void BudgetLedger::release(double amount_nok) {
    committed_ = std::max(0.0, committed_ - amount_nok);
}

void BudgetLedger::record_spending(int year, double amount_nok) {
    if (year < 0) throw std::logic_error("spending before the first budget year");
    if (static_cast<std::size_t>(year) >= spent_by_year_.size()) {
        spent_by_year_.resize(static_cast<std::size_t>(year) + 1, 0.0);
    }
    spent_by_year_[static_cast<std::size_t>(year)] += amount_nok;
}

double BudgetLedger::spent_total_nok() const noexcept {
    return std::accumulate(spent_by_year_.begin(), spent_by_year_.end(), 0.0);
}

}  // namespace followsim::model
