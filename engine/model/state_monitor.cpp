#include "engine/model/state_monitor.hpp"

namespace followsim::model {

void StateMonitor::snapshot(double now) {
    MonthSnapshot s;
    s.day = now;
    for (std::size_t i = 0; i < kStateFields; ++i) {
        s.state.values[i] = static_cast<double>(counts_[i]) + values_[i];
    }
    months_.push_back(s);
}

}  // namespace followsim::model
