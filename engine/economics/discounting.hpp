// Discounting to the start of the simulation, continuously by the time a cash flow happens
// (R-109/2021 rates are effective yearly rates: a flow at t years is worth (1 + r)^-t now; the
// rate steps down after 40 and 75 years).
#pragma once

#include "engine/economics/economics_config.hpp"

namespace followsim::economics {

class Discounting {
  public:
    explicit Discounting(const EconomicsConfig& config);

    // Present value of 1 NOK paid at `day`.
    [[nodiscard]] double factor(double day) const;
    // Present value of 1 NOK a day paid continuously from `from_day` to `to_day`.
    [[nodiscard]] double integral(double from_day, double to_day) const;

  private:
    struct Segment {
        double from_day;
        double to_day;
        double log_rate_per_day;  // ln(1 + r) / 365.25
        double factor_at_start;
    };
    Segment segments_[3];
};

}  // namespace followsim::economics
