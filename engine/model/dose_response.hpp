// How the placement hazard of close follow-up depends on the follow-up hours a participant
// gets a month (the dose): a factor on the hazard stated at the reference dose. A variant of
// small forms, each with its factor beside it.
//
// Default (engine/scenario): power form, elasticity 0.15 — about 11 % more job-finding per
// doubling of hours. Sources: the caseload experiments in docs/model.md (Boheim, Eppel &
// Mahringer 2023, J. Labour Market Research 57:31: caseload 1:250 -> 1:100, hazard ratio about
// 1.16; Hainmueller et al. 2016, Scand. J. Econ. 118(4); Behaghel, Crepon & Gurgand 2014, AEJ
// Applied 6(4): +15 to +35 % at about three times the dose; Schiprowski 2020, J. Labor Econ.).
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <variant>

namespace followsim::model {

// The hazard does not depend on the dose.
struct NoDoseEffect {
    [[nodiscard]] double factor(double) const { return 1.0; }
};

// (dose / reference)^elasticity: a constant elasticity.
struct PowerDoseResponse {
    double elasticity = 0.15;
    double reference_hours_per_month = 5.0;

    [[nodiscard]] double factor(double hours) const {
        if (elasticity == 0.0) return 1.0;
        return hours > 0.0 ? std::pow(hours / reference_hours_per_month, elasticity) : 0.0;
    }
};

// (1 - 2^(-dose / half)) / (1 - 2^(-reference / half)): diminishing returns, half of the
// largest effect at `half_saturation_hours_per_month`.
struct SaturatingDoseResponse {
    double half_saturation_hours_per_month = 3.0;
    double reference_hours_per_month = 5.0;

    [[nodiscard]] double factor(double hours) const {
        const double at = [this](double d) {
            return -std::expm1(-std::log(2.0) * d / half_saturation_hours_per_month);
        }(hours);
        const double ref = -std::expm1(-std::log(2.0) * reference_hours_per_month /
                                       half_saturation_hours_per_month);
        return hours > 0.0 ? at / ref : 0.0;
    }
};

using DoseResponse = std::variant<NoDoseEffect, PowerDoseResponse, SaturatingDoseResponse>;

inline double dose_factor(const DoseResponse& response, double hours) {
    return std::visit([hours](const auto& r) { return r.factor(hours); }, response);
}
// The dose the placement hazards are stated at (5 hours a month without a dose-response).
// dose_factor() remembering the last few doses it was asked about: a team's dose goes back
// and forth between a few values as participants come and go, and a factor (a power, an
// exponential) costs more than looking it up. The same factors, bit for bit.
class DoseFactorMemo {
  public:
    double operator()(const DoseResponse& response, double hours) {
        for (std::size_t i = 0; i < kDoses; ++i) {
            if (hours_[i] == hours) return factors_[i];
        }
        const double factor = dose_factor(response, hours);
        hours_[next_] = hours;
        factors_[next_] = factor;
        next_ = (next_ + 1) % kDoses;
        return factor;
    }

  private:
    static constexpr std::size_t kDoses = 4;
    // NaN matches no dose: the slots start empty.
    std::array<double, kDoses> hours_{
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN(),
        std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::quiet_NaN()};
    std::array<double, kDoses> factors_{};
    std::size_t next_ = 0;
};

inline double reference_hours(const DoseResponse& response) {
    if (const auto* p = std::get_if<PowerDoseResponse>(&response))
        return p->reference_hours_per_month;
    if (const auto* s = std::get_if<SaturatingDoseResponse>(&response))
        return s->reference_hours_per_month;
    return PowerDoseResponse{}.reference_hours_per_month;
}
inline bool depends_on_dose(const DoseResponse& response) {
    return !std::holds_alternative<NoDoseEffect>(response);
}

}  // namespace followsim::model
