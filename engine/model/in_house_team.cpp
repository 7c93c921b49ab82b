#include "engine/model/in_house_team.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace followsim::model {

using economics::Flow;

InHouseTeam::InHouseTeam(const InHouseTerms& terms, const StaffingPlan& plan,
                         const ModelConfig& config, ArmBookkeeping& books)
    : terms_(terms), books_(books), levels_(plan.effective_levels()) {
    const economics::EconomicsConfig& econ = config.economics;
    const double per_year = terms.cost_per_caseworker_year_nok > 0.0
                                ? terms.cost_per_caseworker_year_nok
                                : econ.staff_cost_per_year_nok;
    cost_per_day_per_fte_ = per_year / kDaysPerYear;
    cost_per_hour_used_ = per_year / econ.hours_per_fte_year;
    follow_up_hours_per_fte_month_ = econ.hours_per_fte_year / 12.0 * terms.follow_up_share;
    caseworkers_ = levels_.front().caseworkers;
    books_.book().lump(Flow::training, econ.in_house_paid_by, 0.0,
                       terms.training_per_caseworker_nok * static_cast<double>(caseworkers_));
    update_dose();
}

double InHouseTeam::hours_per_month() const noexcept {
    return static_cast<double>(caseworkers_) * follow_up_hours_per_fte_month_;
}

void InHouseTeam::update_dose() {
    const double planned = terms_.hours_per_participant_month;
    dose_ = load_ > 0.0 ? std::min(planned, hours_per_month() / load_) : planned;
}

void InHouseTeam::account_until(double now) {
    const double days = now - since_;
    if (!(days > 0.0)) return;
    const double months = days / kDaysPerMonth;
    const double available = hours_per_month() * months;
    const double used = std::min(available, load_ * dose_ * months);
    hours_available_ += available;
    hours_used_ += used;
    load_time_ += load_ * days;
    dose_load_time_ += dose_ * load_ * days;
    const economics::Payer payer = books_.economics().in_house_paid_by;
    if (terms_.staff_cost == StaffCost::per_hour_used) {
        books_.book().spell(Flow::caseworker_time, payer, since_, now,
                            used * cost_per_hour_used_ / days);
    } else {
        const double staff_per_day = static_cast<double>(caseworkers_) * cost_per_day_per_fte_;
        books_.book().spell(Flow::caseworker_time, payer, since_, now, staff_per_day);
        if (available > 0.0) {
            idle_cost_pv_ +=
                books_.book().present_value(since_, now, staff_per_day * (1.0 - used / available));
        }
    }
    since_ = now;
}

void InHouseTeam::set_staff(double now, std::size_t index) {
    account_until(now);
    const std::int64_t level = levels_[index].caseworkers;
    if (level > caseworkers_) {
        books_.book().lump(
            Flow::training, books_.economics().in_house_paid_by, now,
            terms_.training_per_caseworker_nok * static_cast<double>(level - caseworkers_));
    }
    caseworkers_ = level;
    update_dose();
}

std::size_t InHouseTeam::add_load_class(double weight) {
    weights_.push_back(weight);
    counts_.push_back(0);
    return weights_.size() - 1;
}

void InHouseTeam::add_load(double now, std::size_t load_class, std::int64_t delta) {
    account_until(now);
    counts_[load_class] += delta;
    // From the counts, not by adding weights: no rounding residue builds up.
    load_ = 0.0;
    for (std::size_t k = 0; k < counts_.size(); ++k) {
        load_ += weights_[k] * static_cast<double>(counts_[k]);
    }
    update_dose();
}

void InHouseTeam::close(double horizon) {
    account_until(horizon);
}

double InHouseTeam::utilisation() const noexcept {
    return hours_available_ > 0.0 ? hours_used_ / hours_available_ : 0.0;
}

double InHouseTeam::mean_dose() const noexcept {
    return load_time_ > 0.0 ? dose_load_time_ / load_time_
                            : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace followsim::model
