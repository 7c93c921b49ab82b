// The monitor of an arm: how many persons are in each state of the state-field list right
// now, and a snapshot of them at the start of every month.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "engine/model/state_fields.hpp"

namespace followsim::model {

class StateMonitor {
  public:
    void add(StateField field, std::int64_t persons) noexcept {
        counts_[index_of(field)] += persons;
    }
    [[nodiscard]] std::int64_t count(StateField field) const noexcept {
        return counts_[index_of(field)];
    }
    // Records the counts as they are now, with the purchases paid so far.
    void snapshot(double now, double spending_nok);
    std::vector<MonthSnapshot> take_months() { return std::move(months_); }

  private:
    std::array<std::int64_t, kStateFields> counts_{};
    std::vector<MonthSnapshot> months_;
};

}  // namespace followsim::model
