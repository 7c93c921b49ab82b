#include "engine/model/in_house_follow_up.hpp"

namespace followsim::model {

using economics::Flow;

InHouseFollowUp::InHouseFollowUp(const PathwayConfig& config, PathwayIndex index,
                                 ArmBookkeeping& books, bool used)
    : Pathway(config, index, config.in_house()->places_for(config.in_house()->caseworkers)),
      terms_(*config.in_house()),
      books_(books),
      used_(used),
      hazard_ratio_(terms_.placement_hazard_ratio()),
      caseworkers_now_(terms_.caseworkers) {
    const economics::EconomicsConfig& econ = books.economics();
    const double per_year = terms_.cost_per_caseworker_year_nok > 0.0
                                ? terms_.cost_per_caseworker_year_nok
                                : econ.staff_cost_per_year_nok;
    // Hours per participant-month at the caseworker's cost per hour, per day.
    follow_up_cost_per_day_ =
        terms_.hours_per_participant_month * per_year / econ.hours_per_fte_year / kDaysPerMonth;
}

void InHouseFollowUp::train_initial_staff() {
    if (!used_) return;
    books_.book().lump(
        Flow::training, books_.economics().in_house_paid_by, 0.0,
        terms_.training_per_caseworker_nok * static_cast<double>(terms_.caseworkers));
}

void InHouseFollowUp::change_staff(std::size_t change, double now,
                                   std::vector<core::EntityId>& started) {
    const CaseworkerChange& c = terms_.caseworker_changes[change];
    if (used_ && c.caseworkers > caseworkers_now_) {
        books_.book().lump(Flow::training, books_.economics().in_house_paid_by, now,
                           terms_.training_per_caseworker_nok *
                               static_cast<double>(c.caseworkers - caseworkers_now_));
    }
    caseworkers_now_ = c.caseworkers;
    places().set_capacity(now, terms_.places_for(c.caseworkers), started);
}

void InHouseFollowUp::end(Person& p, double now, bool placed) {
    Pathway::end(p, now, placed);
    book_follow_up(p, now);
}

void InHouseFollowUp::close_at_horizon(Person& p, double horizon) {
    book_follow_up(p, horizon);
}

void InHouseFollowUp::book_follow_up(const Person& p, double until) {
    books_.book().spell(Flow::caseworker_time, books_.economics().in_house_paid_by, p.start_day,
                        until, follow_up_cost_per_day_);
}

}  // namespace followsim::model
