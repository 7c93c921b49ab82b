#include <catch2/catch.hpp>

#include "engine/model/budget_ledger.hpp"

using followsim::model::BudgetLedger;

TEST_CASE("the ledger refuses commitments past the budget and remembers when", "[budget]") {
    BudgetLedger ledger(100.0);
    CHECK(ledger.limited());
    CHECK(ledger.try_commit(1.0, 60.0));
    CHECK(ledger.try_commit(2.0, 40.0));  // exactly full is allowed
    CHECK_FALSE(ledger.try_commit(3.0, 0.01));
    CHECK(ledger.exhausted_day() == 3.0);
    ledger.release(25.0);  // a place ended early
    CHECK(ledger.available_nok() == Approx(25.0));
    CHECK(ledger.try_commit(4.0, 25.0));
    CHECK_FALSE(ledger.try_commit(5.0, 1.0));
    CHECK(ledger.exhausted_day() == 3.0);  // the first day is kept
    CHECK(ledger.peak_committed_nok() == Approx(100.0));
    ledger.open_year(1);
    CHECK(ledger.committed_nok() == 0.0);
    CHECK(ledger.try_commit(400.0, 100.0));
}

TEST_CASE("spending is booked by year and summed", "[budget]") {
    BudgetLedger ledger(1e9);
    ledger.record_spending(0, 10.0);
    ledger.record_spending(2, 5.0);
    ledger.record_spending(0, 2.5);
    CHECK(ledger.spent_by_year_nok() == std::vector<double>{12.5, 0.0, 5.0});
    CHECK(ledger.spent_total_nok() == 17.5);
}
