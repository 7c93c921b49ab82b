#include "engine/model/state_monitor.hpp"

namespace followsim::model {

void StateMonitor::snapshot(double now, double spending_nok) {
    MonthSnapshot s;
    s.day = now;
    for (std::size_t i = 0; i < kStateFields; ++i) {
        s.state.values[i] = static_cast<double>(counts_[i]);
    }
    s.state[StateField::spending_nok] = spending_nok;
    months_.push_back(s);
}

}  // namespace followsim::model
