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
    // A value that is not a count of persons (spending, the team's state) as it is now.
    void set(StateField field, double value) noexcept { values_[index_of(field)] = value; }
    // Records the counts and values as they are now.
    void snapshot(double now);
    std::vector<MonthSnapshot> take_months() { return std::move(months_); }

  private:
    std::array<std::int64_t, kStateFields> counts_{};
    std::array<double, kStateFields> values_{};
    std::vector<MonthSnapshot> months_;
};

}  // namespace followsim::model
