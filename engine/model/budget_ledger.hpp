// The yearly purchase budget for measures. A measure start commits what the place will cost
// in the current budget year (price per month up to the measure's end or the year's end, plus
// the result fee); leaving settles what was actually spent and frees the rest. A commitment
// that would take the year past its budget is refused, so the budget is never exceeded.
// Budget years are consecutive 365.25-day years from the start of the simulation.
#pragma once

#include <optional>
#include <vector>

namespace followsim::model {

class BudgetLedger {
  public:
    explicit BudgetLedger(double per_year_nok);

    [[nodiscard]] bool limited() const noexcept;
    [[nodiscard]] double per_year_nok() const noexcept { return per_year_nok_; }
    [[nodiscard]] int current_year() const noexcept { return year_; }
    [[nodiscard]] double committed_nok() const noexcept { return committed_; }
    [[nodiscard]] double available_nok() const noexcept;

    // Starts budget year `year` with nothing committed (continuing places commit again).
    void open_year(int year);
    // Commits `amount` in the current year if it fits; on refusal remembers the first day
    // the budget ran out.
    bool try_commit(double now, double amount_nok);
    // Frees part of the current year's commitment (a place ended early, or cost less).
    void release(double amount_nok);
    // Books money actually spent in a given budget year.
    void record_spending(int year, double amount_nok);

    [[nodiscard]] double spent_total_nok() const noexcept;
    [[nodiscard]] const std::vector<double>& spent_by_year_nok() const noexcept {
        return spent_by_year_;
    }
    // The largest commitment any year reached (never above the budget).
    [[nodiscard]] double peak_committed_nok() const noexcept { return peak_committed_; }
    [[nodiscard]] std::optional<double> exhausted_day() const noexcept { return exhausted_day_; }

  private:
    double per_year_nok_;
    int year_ = 0;
    double committed_ = 0.0;
    double peak_committed_ = 0.0;
    std::vector<double> spent_by_year_;
    std::optional<double> exhausted_day_;
};

}  // namespace followsim::model
