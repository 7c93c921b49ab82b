#include "engine/model/in_house_team.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/model/arm_events.hpp"

namespace followsim::model {

using economics::Flow;

namespace {
// The team's turnover draws: a stream of its own (family 2), the same in every arm.
constexpr std::uint32_t kTeamFamily = 2;
}  // namespace

InHouseTeam::InHouseTeam(const InHouseTerms& terms, const StaffingPlan& plan,
                         const ModelConfig& config, ArmBookkeeping& books, core::Simulator& sim,
                         std::uint64_t seed, std::uint64_t replication)
    : terms_(terms),
      books_(books),
      sim_(sim),
      turnover_stream_(seed, replication, core::stream_id(kTeamFamily, 0)),
      levels_(plan.effective_levels()) {
    const economics::EconomicsConfig& econ = config.economics;
    const double per_year = terms.cost_per_caseworker_year_nok > 0.0
                                ? terms.cost_per_caseworker_year_nok
                                : econ.staff_cost_per_year_nok;
    cost_per_day_per_fte_ = per_year / kDaysPerYear;
    cost_per_hour_used_ = per_year / econ.hours_per_fte_year;
    follow_up_hours_per_fte_month_ = econ.hours_per_fte_year / 12.0 * terms.follow_up_share;
    planned_hours_ = terms.planned_hours(config.dose_response);
    const LearningCurve& l = terms.learning;
    const bool trained = terms.training_per_caseworker_nok > 0.0;
    months_to_full_ = std::max(0.0, l.months_to_full - (trained ? l.training_months_saved : 0.0));
    // The caseworkers there at the start are experienced, and were trained.
    posts_.resize(static_cast<std::size_t>(levels_.front().caseworkers));
    for (Post& post : posts_) {
        post.open = true;
        post.filled = true;
        post.experienced = true;
    }
    books_.book().lump(Flow::training, econ.in_house_paid_by, 0.0,
                       terms.training_per_caseworker_nok * static_cast<double>(posts_.size()));
    update(0.0);
}

void InHouseTeam::start() {
    for (std::size_t post = 0; post < posts_.size(); ++post) {
        if (posts_[post].filled) schedule_departure(post);
    }
}

void InHouseTeam::schedule_departure(std::size_t post) {
    if (!terms_.turnover || !(terms_.turnover->rate_per_day > 0.0)) return;
    const double at = sim_.now() + turnover_stream_.exponential(terms_.turnover->rate_per_day);
    posts_[post].departure =
        sim_.schedule_at(at, kCaseworkerLeaves, static_cast<core::EntityId>(post));
}

void InHouseTeam::hire(double now, std::size_t post) {
    Post& p = posts_[post];
    p.filled = true;
    p.experienced = false;
    p.started = now;
    books_.book().lump(Flow::training, books_.economics().in_house_paid_by, now,
                       terms_.training_per_caseworker_nok);
    schedule_departure(post);
    // Training takes hours in the first month exactly: the team's hours come back then.
    if (terms_.training_per_caseworker_nok > 0.0 && terms_.learning.training_hours > 0.0) {
        sim_.schedule_at(now + kDaysPerMonth, kTeamRefresh, static_cast<core::EntityId>(post));
    }
}

void InHouseTeam::set_staff(double now, std::size_t index) {
    account_until(now);
    const auto level = static_cast<std::size_t>(levels_[index].caseworkers);
    std::size_t open_now = 0;
    for (const Post& p : posts_) open_now += p.open ? 1 : 0;
    for (; open_now < level; ++open_now) {
        posts_.emplace_back();
        posts_.back().open = true;
        hire(now, posts_.size() - 1);
    }
    // Fewer posts: empty ones close first, then the newest caseworkers' (their pending
    // events with them). Closed posts keep their number, so events stay addressed.
    std::size_t open = 0;
    for (const Post& p : posts_) open += p.open ? 1 : 0;
    while (open > level) {
        std::size_t pick = posts_.size();
        for (std::size_t k = 0; k < posts_.size(); ++k) {
            if (!posts_[k].open) continue;
            if (pick == posts_.size()) {
                pick = k;
                continue;
            }
            const Post& a = posts_[k];
            const Post& b = posts_[pick];
            if ((!a.filled && b.filled) || (a.filled == b.filled && a.started >= b.started))
                pick = k;
        }
        sim_.cancel(posts_[pick].departure);
        posts_[pick] = Post{};
        --open;
    }
    update(now);
}

void InHouseTeam::caseworker_leaves(double now, std::size_t post) {
    account_until(now);
    Post& p = posts_[post];
    p.filled = false;
    p.departure = sim_.schedule_at(now + terms_.turnover->vacancy_days, kPostFilled,
                                   static_cast<core::EntityId>(post));
    update(now);
}

void InHouseTeam::post_filled(double now, std::size_t post) {
    account_until(now);
    hire(now, post);
    update(now);
}

void InHouseTeam::refresh(double now) {
    account_until(now);
    update(now);
}

void InHouseTeam::update(double now) {
    const LearningCurve& l = terms_.learning;
    std::int64_t there = 0;
    double effectiveness = 0.0, hours = 0.0;
    for (const Post& p : posts_) {
        if (!p.filled) continue;
        ++there;
        const double months = (now - p.started) / kDaysPerMonth;
        double e = 1.0;
        if (!p.experienced && months < months_to_full_) {
            e = l.starting_effectiveness +
                (1.0 - l.starting_effectiveness) * months / months_to_full_;
        }
        effectiveness += e;
        // Training takes hours from follow-up in the first month.
        const bool training =
            !p.experienced && months < 1.0 && terms_.training_per_caseworker_nok > 0.0;
        hours +=
            std::max(0.0, follow_up_hours_per_fte_month_ - (training ? l.training_hours : 0.0));
    }
    caseworkers_ = there;
    effectiveness_ = there > 0 ? effectiveness / static_cast<double>(there) : 1.0;
    hours_per_month_ = hours;
    update_dose();
}

void InHouseTeam::update_dose() {
    const double planned = planned_hours_;
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
        const economics::Period period = books_.book().period(since_, now);
        books_.book().spell(Flow::caseworker_time, payer, period, staff_per_day);
        if (available > 0.0) {
            idle_cost_pv_ += economics::CashFlowBook::present_value(
                period, staff_per_day * (1.0 - used / available));
        }
    }
    since_ = now;
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
