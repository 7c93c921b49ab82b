// The arm simulation wires the rooms of the model together: arrivals, the routing policy, the
// pathways (with the in-house team), the purchase budget, the bookkeeping of cash flows and the
// monitor. It owns the clock and each person's journey between pathways; what a pathway does
// with a person is the pathway's business.
#include "engine/model/arm_simulation.hpp"

#include <algorithm>
#include <limits>
#include <memory>
#include <stdexcept>
#include <vector>

#include "engine/core/entity_pool.hpp"
#include "engine/core/simulator.hpp"
#include "engine/core/statistics.hpp"
#include "engine/model/after_horizon.hpp"
#include "engine/model/arm_bookkeeping.hpp"
#include "engine/model/arm_events.hpp"
#include "engine/model/arrivals.hpp"
#include "engine/model/baseline_pathway.hpp"
#include "engine/model/in_house_follow_up.hpp"
#include "engine/model/purchase_budget.hpp"
#include "engine/model/purchased_measure.hpp"
#include "engine/model/routing_policy.hpp"
#include "engine/model/state_monitor.hpp"

namespace followsim::model {

namespace {

using core::EntityId;
using core::EventHandle;
using core::kNoEntity;

constexpr double kMostPersonsReserved = 16'777'216.0;

class ArmSimulation {
  public:
    ArmSimulation(const ModelConfig& config, std::size_t arm_index, std::uint64_t seed,
                  std::uint64_t replication)
        : config_(config),
          policy_(config.arms.at(arm_index)),
          arrivals_(config, seed, replication),
          budget_(config.budget),
          books_(config),
          after_horizon_(config) {
        for (std::size_t s = 0; s < kExitStates; ++s)
            exit_shares_[s] = config.exits.states[s].share;
        const std::optional<StaffingPlan> staffing = config.staffing_of(arm_index);
        for (std::size_t i = 0; i < config.pathways.size(); ++i) {
            const PathwayConfig& p = config.pathways[i];
            const auto index = static_cast<PathwayIndex>(i);
            if (p.in_house()) {
                auto in_house = std::make_unique<InHouseFollowUp>(p, index, config, staffing,
                                                                  books_, sim_, seed, replication);
                in_house_ = in_house.get();
                pathways_.push_back(std::move(in_house));
            } else if (p.measure()) {
                InHouseTeam* team = in_house_ ? in_house_->team() : nullptr;
                auto measure =
                    std::make_unique<PurchasedMeasure>(p, index, config, books_, budget_, team);
                measures_.push_back(measure.get());
                measure_at_.resize(i + 1, nullptr);
                measure_at_[i] = measure.get();
                pathways_.push_back(std::move(measure));
            } else {
                pathways_.push_back(std::make_unique<BaselinePathway>(p, index));
            }
        }
        for (const auto& pathway : pathways_) {
            if (pathway->dose_dependent()) dosed_.push_back(pathway.get());
        }
        // Room for every person expected, up to a bound, so storage never moves while the run
        // grows. Only reserved: pages are touched as far as persons are there at once (those
        // who leave for good give their record back for the next), so that is what is resident.
        const auto room = static_cast<std::size_t>(
            std::min(arrivals_.expected_persons() * 1.05 + 64.0, kMostPersonsReserved));
        persons_.reserve(room);
        sim_.reserve(room);
        for (Pathway* p : dosed_) p->clock().reserve(std::min<std::size_t>(room, 1 << 20));
        clock_dirty_.assign(pathways_.size(), false);
        subgroups_[SubgroupDimension::cohort].resize(config.cohorts.size());
        subgroups_[SubgroupDimension::need_group].resize(kNeedGroups);
        subgroups_[SubgroupDimension::age_band].resize(kAgeBands);
        subgroups_[SubgroupDimension::benefit].resize(kBenefitKinds);
    }

    ArmOutcome run() {
        schedule_calendar();
        if (InHouseTeam* team = in_house_ ? in_house_->team() : nullptr) team->start();
        place_initial_caseload();
        update_doses();
        arrivals_.schedule_first(sim_);
        sim_.run_until(config_.horizon_days, [this](const core::Event& e) {
            handle(e);
            update_doses();
            // The next event is most likely a person's: their record loads while the event
            // list pops it (on a long run, records are far apart in memory).
            if (!sim_.events().empty()) persons_.prefetch(sim_.events().next_entity());
        });
        return finish();
    }

  private:
    // ---- set-up -------------------------------------------------------------------------

    void schedule_calendar() {
        sim_.schedule_at(0.0, kMonthTick, 0, kLast);
        for (int year = 1; year * kDaysPerYear < config_.horizon_days; ++year) {
            sim_.schedule_at(year * kDaysPerYear, kBudgetYear, static_cast<EntityId>(year), kFirst);
        }
        if (InHouseTeam* team = in_house_ ? in_house_->team() : nullptr) {
            const auto& levels = team->levels();
            for (std::size_t i = 1; i < levels.size(); ++i) {
                if (levels[i].at_days < config_.horizon_days) {
                    sim_.schedule_at(levels[i].at_days, kStaffChange, static_cast<EntityId>(i),
                                     kSecond);
                }
            }
        }
    }

    // Initial caseload: straight into the pathway, or its queue; no routing, no fallback.
    void place_initial_caseload() {
        for (std::size_t c = 0; c < config_.cohorts.size(); ++c) {
            for (const auto& [pw, count] : config_.cohorts[c].initial_caseload) {
                for (std::int64_t k = 0; k < count; ++k) {
                    const EntityId id = create_person(c);
                    persons_[id].referral_day = 0.0;
                    Pathway& pathway = *pathways_[pw];
                    if (!pathway.limited()) {
                        start(id, pw);
                        continue;
                    }
                    ++limited_referrals_;
                    if (pathway.places().available() > 0 &&
                        pathway.admit(persons_[id], sim_.now())) {
                        pathway.places().try_acquire(sim_.now());
                        start(id, pw);
                    } else {
                        wait(id, pw);
                    }
                }
            }
        }
    }

    EntityId create_person(std::size_t cohort) {
        monitor_.add(StateField::persons, 1);
        if (next_serial_ == std::numeric_limits<std::uint32_t>::max())
            throw std::length_error("more than 4,294,967,295 persons in one arm");
        const EntityId id =
            persons_.create_with([&] { return arrivals_.new_person(cohort, sim_.now()); });
        persons_[id].serial = next_serial_++;
        for_each_subgroup(persons_[id], [](SubgroupTally& t) { ++t.persons; });
        return id;
    }

    // Calls f(tally) for the person's category in every subgroup dimension.
    template <typename F>
    void for_each_subgroup(const Person& p, F&& f) {
        f(subgroups_[SubgroupDimension::cohort][p.cohort]);
        f(subgroups_[SubgroupDimension::need_group][static_cast<std::size_t>(p.group)]);
        f(subgroups_[SubgroupDimension::age_band][static_cast<std::size_t>(p.age_band)]);
        f(subgroups_[SubgroupDimension::benefit]
                    [static_cast<std::size_t>(config_.cohorts[p.cohort].benefit)]);
    }

    // The person's job ends (or the horizon comes): the months in work count.
    void count_employment(const Person& p, double until) {
        const double months = (until - p.employed_since) / kDaysPerMonth;
        for_each_subgroup(p, [months](SubgroupTally& t) { t.employment_months += months; });
    }

    // ---- events -------------------------------------------------------------------------

    void handle(const core::Event& e) {
        switch (e.kind) {
            case kPoissonArrival:
                refer(create_person(e.entity));
                arrivals_.schedule_next_poisson(sim_, e.entity, sim_.now());
                break;
            case kBatchArrival:
                for (std::int64_t k = 0; k < config_.cohorts[e.entity].arrivals.count; ++k) {
                    refer(create_person(e.entity));
                }
                break;
            case kPlacement:
                on_placement(e.entity);
                break;
            case kPlacementDue: {
                Pathway& pathway = *pathways_[e.entity];
                pathway.clock_event() = EventHandle{};
                clock_moved(pathway);
                on_placement(pathway.clock().pop());
                break;
            }
            case kDropout:
                on_dropout(e.entity);
                break;
            case kEpisodeEnd:
                on_episode_end(e.entity);
                break;
            case kJobLoss:
                on_job_loss(e.entity);
                break;
            case kAfterCareEnd:
                on_after_care_end(e.entity);
                break;
            case kMonthTick:
                on_month(e.entity);
                break;
            case kBudgetYear:
                on_budget_year(static_cast<int>(e.entity));
                break;
            case kStaffChange:
                in_house_->team()->set_staff(sim_.now(), e.entity);
                on_team_change();
                break;
            case kCaseworkerLeaves:
                in_house_->team()->caseworker_leaves(sim_.now(), e.entity);
                on_team_change();
                break;
            case kPostFilled:
                in_house_->team()->post_filled(sim_.now(), e.entity);
                on_team_change();
                break;
            case kTeamRefresh:
                in_house_->team()->refresh(sim_.now());
                on_team_change();
                break;
            default:
                throw std::logic_error("unknown event kind in the follow-up model");
        }
    }

    void on_placement(EntityId id) {
        // The pathway whose placement this is (persons waiting are in ordinary follow-up).
        const PathwayIndex from =
            persons_[id].state == PersonState::in_pathway ? persons_[id].pathway : kBaselinePathway;
        leave_current(id, true);
        Person& p = persons_[id];
        books_.benefits(p, sim_.now());
        p.employed_since = sim_.now();
        p.state = PersonState::employed;
        monitor_.add(StateField::employed, 1);
        employed_time_.set(sim_.now(), static_cast<double>(monitor_.count(StateField::employed)));
        if (!p.ever_placed) {
            p.ever_placed = true;
            monitor_.add(StateField::placed, 1);
            for_each_subgroup(p, [](SubgroupTally& t) { ++t.placed; });
            days_to_job_.add(sim_.now() - p.arrival_day);
        }
        // One draw for the job's length, whatever follows: the same in every arm.
        const double e = p.rng.exponential(1.0);
        const PathwayConfig& pc = config_.pathways[from];
        const TimeToEvent& loss = pc.job_loss ? *pc.job_loss : config_.cohorts[p.cohort].job_loss;
        p.placed_from = from;
        if (pathways_[from]->begin_after_care(p, sim_.now())) {
            const AfterPlacement& care = *pc.after_placement;
            const double after =
                loss.sample_with_early_ratio(e, care.job_loss_hazard_ratio, care.days);
            p.after_care_until = sim_.now() + care.days;
            p.job_loss_day = sim_.now() + after;
            p.next_event = after <= care.days
                               ? schedule_if_before_horizon(after, kJobLoss, id)
                               : schedule_if_before_horizon(care.days, kAfterCareEnd, id);
        } else {
            p.next_event = schedule_if_before_horizon(loss.sample(e), kJobLoss, id);
        }
        if (!sim_.is_pending(p.next_event)) employed_for_good(id);
    }

    // Employed, and nothing more happens before the horizon: the job is booked to the horizon
    // and valued after it now, and the record is freed (memory follows the persons still in
    // play, not everyone who came).
    void employed_for_good(EntityId id) {
        book_employed_at_horizon(persons_[id]);
        persons_.release(id);
    }

    void book_employed_at_horizon(const Person& p) {
        books_.employment(p, config_.horizon_days);
        count_employment(p, config_.horizon_days);
        after_horizon_.employed(p);
    }

    // Follow-up after the placement ends; the job goes on until its loss, if that comes.
    void on_after_care_end(EntityId id) {
        Person& p = persons_[id];
        end_after_care(p);
        p.next_event = schedule_if_before_horizon(p.job_loss_day - sim_.now(), kJobLoss, id);
        if (!sim_.is_pending(p.next_event)) employed_for_good(id);
    }

    void end_after_care(Person& p) {
        if (p.after_care_until <= 0.0) return;
        pathways_[p.placed_from]->end_after_care(p, sim_.now());
        p.after_care_until = 0.0;
    }

    void on_dropout(EntityId id) {
        leave_current(id, false);
        Person& p = persons_[id];
        books_.benefits(p, sim_.now());
        // The exit state, from the person's own stream, and its benefit to the horizon (and
        // after it, in the value after the horizon): absorbing, so booked at once.
        const auto state = static_cast<ExitState>(pick_share(exit_shares_, p.rng.uniform01()));
        books_.exit_benefits(state, sim_.now(), config_.horizon_days);
        ++exits_[static_cast<std::size_t>(state)];
        monitor_.add(StateField::exited, 1);
        persons_.release(id);
    }

    void on_episode_end(EntityId id) {
        leave_current(id, false);
        if (const auto next = policy_.after_max_duration()) {
            enter(id, *next, true);
        } else {
            refer(id);
        }
    }

    void on_job_loss(EntityId id) {
        end_after_care(persons_[id]);
        monitor_.add(StateField::employed, -1);
        employed_time_.set(sim_.now(), static_cast<double>(monitor_.count(StateField::employed)));
        Person& p = persons_[id];
        books_.employment(p, sim_.now());
        count_employment(p, sim_.now());
        p.active_since = sim_.now();
        p.next_event = EventHandle{};
        refer(id);
    }

    void on_month(EntityId month) {
        monitor_.set(StateField::spending_nok, budget_.spending_so_far(sim_.now()));
        if (InHouseTeam* team = in_house_ ? in_house_->team() : nullptr) {
            team->refresh(sim_.now());  // the learning curve, in monthly steps
            monitor_.set(StateField::staff_effectiveness, team->effectiveness());
            monitor_.set(StateField::caseworkers, static_cast<double>(team->caseworkers()));
            monitor_.set(StateField::caseload, team->caseload());
            monitor_.set(StateField::dose_hours_per_month, team->dose());
        }
        monitor_.snapshot(sim_.now());
        const double next = static_cast<double>(month + 1) * kDaysPerMonth;
        // A small tolerance so that a horizon of whole months gets its last snapshot.
        if (next <= config_.horizon_days * (1.0 + 1e-12)) {
            sim_.schedule_at(std::min(next, config_.horizon_days), kMonthTick, month + 1, kLast);
        }
    }

    void on_budget_year(int year) {
        // Book the closing year's purchases of the places that continue, then commit their
        // share of the new year; a place the new budget cannot carry ends now. Only open
        // places are touched, in the order their persons arrived.
        BudgetLedger& ledger = budget_.ledger();
        const int closing = ledger.current_year();
        continuing_.assign(open_places_.begin(), open_places_.end());
        std::sort(continuing_.begin(), continuing_.end(), [this](EntityId a, EntityId b) {
            return persons_[a].serial < persons_[b].serial;
        });
        for (EntityId id : continuing_) {
            Person& p = persons_[id];
            measure_at(p.pathway)->book_purchases(p, sim_.now(), closing);
        }
        ledger.open_year(year);
        ended_.clear();
        for (EntityId id : continuing_) {
            Person& p = persons_[id];
            if (!budget_.commit(p, pathways_[p.pathway]->config(), sim_.now())) {
                p.commitment_nok = 0.0;
                ended_.push_back(id);
            }
        }
        for (EntityId id : ended_) on_episode_end(id);
        for (PurchasedMeasure* m : measures_) start_waiting(m->index());
    }

    // The team's staff changed: places may have grown, and waiting persons start.
    void on_team_change() {
        started_.clear();
        in_house_->staff_changed(sim_.now(), started_);
        for (EntityId id : started_) {
            monitor_.add(StateField::waiting, -1);
            start(id, in_house_->index());
        }
    }

    // ---- routing and places -------------------------------------------------------------

    void refer(EntityId id) { enter(id, policy_.route(persons_[id]), true); }

    // Sends a referred person to pathway `pw`, or to the arm's fallback when it is full or
    // its budget is spent (once: a fallback does not fall back again).
    void enter(EntityId id, PathwayIndex pw, bool may_fall_back) {
        persons_[id].referral_day = sim_.now();
        Pathway& pathway = *pathways_[pw];
        if (!pathway.limited()) {
            start(id, pw);
            return;
        }
        ++limited_referrals_;
        if (!pathway.has_free_place()) {
            const auto instead = may_fall_back ? policy_.when_full(pw) : std::nullopt;
            if (instead) {
                sent_elsewhere(id);
                enter(id, *instead, false);
            } else {
                wait(id, pw);
            }
            return;
        }
        if (!pathway.admit(persons_[id], sim_.now())) {
            const auto instead = may_fall_back ? policy_.when_budget_spent(pw) : std::nullopt;
            if (instead) {
                sent_elsewhere(id);
                enter(id, *instead, false);
            } else {
                wait(id, pw);
            }
            return;
        }
        pathway.places().try_acquire(sim_.now());
        start(id, pw);
    }

    // A referral to a full pathway (or one whose budget is spent) that goes elsewhere.
    void sent_elsewhere(EntityId) {
        waits_.add(0.0);
        ++rationed_;
    }

    void wait(EntityId id, PathwayIndex pw) {
        Person& p = persons_[id];
        p.state = PersonState::waiting;
        p.pathway = pw;
        pathways_[pw]->places().enqueue(sim_.now(), id);
        monitor_.add(StateField::waiting, 1);
        ++rationed_;
        // While waiting, the baseline hazards apply.
        const PathwayConfig& baseline = config_.pathways[kBaselinePathway];
        schedule_episode(id, baseline.placement, baseline.dropout,
                         person_hazard_ratio(persons_[id], baseline), kNever);
    }

    void start(EntityId id, PathwayIndex pw) {
        Person& p = persons_[id];
        cancel_events(p);
        Pathway& pathway = *pathways_[pw];
        const double now = sim_.now();
        if (pathway.limited()) waits_.add(now - p.referral_day);
        p.state = PersonState::in_pathway;
        p.pathway = pw;
        p.start_day = now;
        p.paid_until_day = now;
        monitor_.add(pathway.state_field(), 1);
        pathway.begin(p, now);
        if (measure_at(pw)) {
            p.open_place = static_cast<std::uint32_t>(open_places_.size());
            open_places_.push_back(id);
        }
        if (pathway.dose_dependent()) {
            schedule_dosed_episode(id, pathway);
        } else {
            schedule_episode(
                id, pathway.placement(), pathway.config().dropout,
                pathway.placement_hazard_ratio() * person_hazard_ratio(p, pathway.config()),
                pathway.config().max_duration_days);
        }
    }

    // Takes the person out of the queue or pathway they are in, settling the stay.
    void leave_current(EntityId id, bool placed) {
        Person& p = persons_[id];
        cancel_events(p);
        const double now = sim_.now();
        const PathwayIndex pw = p.pathway;
        Pathway& pathway = *pathways_[pw];
        if (p.state == PersonState::waiting) {
            pathway.places().withdraw(now, id);
            monitor_.add(StateField::waiting, -1);
            waits_.add(now - p.referral_day);
            return;
        }
        if (p.state != PersonState::in_pathway) return;
        if (pathway.dose_dependent() && pathway.clock().remove(id)) clock_moved(pathway);
        if (measure_at(pw)) close_place(p);
        monitor_.add(pathway.state_field(), -1);
        pathway.end(p, now, placed);
        if (!pathway.limited()) return;
        // A limited budget is shared: money freed here may let another measure start
        // someone. Otherwise only this pathway's place was freed.
        if (pathway.shares_budget()) {
            for (PurchasedMeasure* m : measures_) start_waiting(m->index());
        } else {
            start_waiting(pw);
        }
    }

    // The person's place in a measure is no longer open (the last open place takes its index).
    void close_place(const Person& p) {
        const EntityId last = open_places_.back();
        open_places_[p.open_place] = last;
        persons_[last].open_place = p.open_place;
        open_places_.pop_back();
    }

    // Starts the people at the head of the pathway's queue while places (and budget) allow.
    void start_waiting(PathwayIndex pw) {
        Pathway& pathway = *pathways_[pw];
        core::Resource& places = pathway.places();
        while (places.head() != kNoEntity && places.available() > 0) {
            const EntityId id = places.head();
            if (!pathway.admit(persons_[id], sim_.now())) {
                if (const auto instead = policy_.when_budget_spent(pw)) {
                    leave_current(id, false);
                    enter(id, *instead, false);
                    continue;
                }
                break;  // first come, first served: nobody overtakes the head
            }
            places.start_head(sim_.now());
            monitor_.add(StateField::waiting, -1);
            start(id, pw);
        }
    }

    // ---- competing risks ----------------------------------------------------------------

    // The population's hazard ratios for the person, and the pathway's own.
    [[nodiscard]] double person_hazard_ratio(const Person& p) const {
        return config_.hazard_ratios.of(p.group, p.age_band, config_.cohorts[p.cohort].benefit);
    }
    [[nodiscard]] double person_hazard_ratio(const Person& p, const PathwayConfig& pw) const {
        return person_hazard_ratio(p) *
               pw.hazard_ratios.of(p.group, p.age_band, config_.cohorts[p.cohort].benefit);
    }

    // Draws the episode's competing risks: always two draws, so a person's later episodes
    // use the same numbers in every arm that gives them the same number of episodes. At equal
    // times a job wins over dropout, and dropout over the end of the measure.
    // `hazard_ratio`: the pathway's and the person's together.
    void schedule_episode(EntityId id, const TimeToEvent& placement, const TimeToEvent& dropout,
                          double hazard_ratio, double max_duration_days) {
        Person& p = persons_[id];
        const double e_placement = p.rng.exponential(1.0);
        const double e_dropout = p.rng.exponential(1.0);
        const double to_job = placement.sample(e_placement, hazard_ratio);
        const double to_dropout = dropout.sample(e_dropout);
        core::EventKind kind = kPlacement;
        double first = to_job;
        if (to_dropout < first) {
            kind = kDropout;
            first = to_dropout;
        }
        if (max_duration_days < first) {
            kind = kEpisodeEnd;
            first = max_duration_days;
        }
        p.next_event = schedule_if_before_horizon(first, kind, id);
    }

    // The same draws in a pathway whose placement follows the dose: the job comes when the
    // accumulated hazard reaches the person's threshold, on the pathway's clock; dropout and
    // the end of the measure are the person's own event.
    void schedule_dosed_episode(EntityId id, Pathway& pathway) {
        Person& p = persons_[id];
        const double e_placement = p.rng.exponential(1.0);
        const double e_dropout = p.rng.exponential(1.0);
        const double rate = pathway.placement_rate_per_day() * pathway.placement_hazard_ratio() *
                            person_hazard_ratio(p, pathway.config());
        pathway.clock().add(id, sim_.now(), rate > 0.0 ? e_placement / rate : kNever);
        clock_moved(pathway);
        const double to_dropout = pathway.config().dropout.sample(e_dropout);
        const double max_duration = pathway.config().max_duration_days;
        const bool ends_first = max_duration < to_dropout;
        p.next_event = schedule_if_before_horizon(ends_first ? max_duration : to_dropout,
                                                  ends_first ? kEpisodeEnd : kDropout, id);
    }

    // Nothing starts, ends or is re-ordered at the horizon itself.
    EventHandle schedule_if_before_horizon(double delay, core::EventKind kind, EntityId id) {
        const double t = sim_.now() + delay;
        if (!(t < config_.horizon_days)) return EventHandle{};
        return sim_.schedule_at(t, kind, id);
    }

    void cancel_events(Person& p) {
        sim_.cancel(p.next_event);
        p.next_event = EventHandle{};
    }

    // ---- the dose -----------------------------------------------------------------------

    void clock_moved(Pathway& pathway) {
        if (!clock_dirty_[pathway.index()]) {
            clock_dirty_[pathway.index()] = true;
            dirty_.push_back(&pathway);
        }
    }

    // After each event: the dose factors as the caseload and staff now are, and each clock's
    // next placement where its members or its factor changed.
    void update_doses() {
        const double now = sim_.now();
        // Every factor follows the team's dose alone: recompute them only when it moved.
        const InHouseTeam* team = in_house_ ? in_house_->team() : nullptr;
        const double dose = team ? team->dose() : 0.0;
        const double effectiveness = team ? team->effectiveness() : 1.0;
        if (dose != last_dose_ || effectiveness != last_effectiveness_) {
            last_dose_ = dose;
            last_effectiveness_ = effectiveness;
            for (Pathway* pathway : dosed_) {
                const double factor = pathway->dose_factor();
                if (factor != pathway->clock().factor()) {
                    pathway->clock().set_factor(now, factor);
                    clock_moved(*pathway);
                }
            }
        }
        for (Pathway* pathway : dirty_) {
            clock_dirty_[pathway->index()] = false;
            sim_.cancel(pathway->clock_event());
            pathway->clock_event() = EventHandle{};
            const double t = pathway->clock().next_time(now);
            if (t < config_.horizon_days) {
                pathway->clock_event() =
                    sim_.schedule_at(t, kPlacementDue, static_cast<EntityId>(pathway->index()));
            }
        }
        dirty_.clear();
    }

    [[nodiscard]] PurchasedMeasure* measure_at(PathwayIndex pw) const {
        const auto i = static_cast<std::size_t>(pw);
        return i < measure_at_.size() ? measure_at_[i] : nullptr;
    }

    // ---- results ------------------------------------------------------------------------

    ArmOutcome finish() {
        const double horizon = config_.horizon_days;
        // Book what is still running at the horizon: places, benefits, wages, waits.
        persons_.for_each_alive([&](EntityId, Person& p) {
            if (p.state == PersonState::employed) {
                book_employed_at_horizon(p);
                return;
            }
            books_.benefits(p, horizon);
            after_horizon_.seeking(p);
            if (p.state == PersonState::waiting) waits_.add(horizon - p.referral_day);
            if (p.state == PersonState::in_pathway)
                pathways_[p.pathway]->close_at_horizon(p, horizon);
        });
        ArmOutcome out;
        out.persons = monitor_.count(StateField::persons);
        out.placed = monitor_.count(StateField::placed);
        out.employed_at_end = monitor_.count(StateField::employed);
        out.exited = monitor_.count(StateField::exited);
        out.waiting_at_horizon = monitor_.count(StateField::waiting);
        out.active_at_end = out.waiting_at_horizon;
        for (const auto& pathway : pathways_) out.active_at_end += pathway->participants();
        out.placement_rate =
            out.persons > 0 ? static_cast<double>(out.placed) / static_cast<double>(out.persons)
                            : 0.0;
        if (days_to_job_.count() > 0) out.mean_days_to_job = days_to_job_.mean();
        out.employment_months = employed_time_.integral(horizon) / kDaysPerMonth;
        out.mean_wait_days = waits_.count() > 0 ? waits_.mean() : 0.0;
        if (limited_referrals_ > 0) {
            out.rationed_share =
                static_cast<double>(rationed_) / static_cast<double>(limited_referrals_);
        }
        if (in_house_) {
            out.caseworker_utilisation = in_house_->places().utilisation(horizon);
            if (InHouseTeam* team = in_house_->team()) {
                team->close(horizon);
                out.staff_utilisation = team->utilisation();
                out.cost_idle_staff_nok = team->idle_cost_pv();
                out.mean_dose_hours_per_month = team->mean_dose();
            }
        }
        const BudgetLedger& ledger = budget_.ledger();
        out.budget_spent_nok = ledger.spent_total_nok();
        out.budget_exhausted_day = ledger.exhausted_day();
        out.events = sim_.events_processed();
        out.peak_persons = persons_.capacity_used();
        out.cash_flows = books_.book().totals();
        for (const auto& pathway : pathways_) {
            out.peak_over_capacity =
                std::max(out.peak_over_capacity, pathway->peak_over_capacity());
        }
        out.peak_committed_nok = ledger.peak_committed_nok();
        out.spent_by_year_nok = ledger.spent_by_year_nok();
        out.months = monitor_.take_months();
        out.subgroups = std::move(subgroups_);
        out.exits_by_state = exits_;
        for (std::size_t s = 0; s < kExitStates; ++s) {
            after_horizon_.exited(static_cast<ExitState>(s), exits_[s]);
        }
        out.after_horizon = after_horizon_.totals();
        return out;
    }

    const ModelConfig& config_;
    RoutingPolicy policy_;
    Arrivals arrivals_;
    PurchaseBudget budget_;
    ArmBookkeeping books_;
    StateMonitor monitor_;
    AfterHorizonValuation after_horizon_;
    std::array<double, kExitStates> exit_shares_{};
    std::array<std::int64_t, kExitStates> exits_{};
    core::Simulator sim_;
    core::EntityPool<Person> persons_;
    std::vector<std::unique_ptr<Pathway>> pathways_;  // by pathway index
    InHouseFollowUp* in_house_ = nullptr;
    std::vector<PurchasedMeasure*> measures_;
    std::vector<PurchasedMeasure*> measure_at_;  // by pathway index; nullptr: not a measure
    std::vector<Pathway*> dosed_;                // pathways whose placements are on a clock
    std::vector<Pathway*> dirty_;                // clocks whose next placement moved
    std::vector<bool> clock_dirty_;              // by pathway index
    double last_dose_ = -1.0;
    double last_effectiveness_ = -1.0;   // the team's dose when factors were last set
    std::vector<EntityId> open_places_;  // persons in a measure: their places settle each year
    std::uint32_t next_serial_ = 0;
    std::vector<EntityId> continuing_, ended_, started_;

    core::TimeWeightedAverage employed_time_;
    core::RunningStats waits_;
    core::RunningStats days_to_job_;
    std::int64_t limited_referrals_ = 0;
    std::int64_t rationed_ = 0;
    SubgroupTallies subgroups_;
};

}  // namespace

ArmOutcome simulate_arm(const ModelConfig& config, std::size_t arm_index, std::uint64_t seed,
                        std::uint64_t replication) {
    ArmSimulation simulation(config, arm_index, seed, replication);
    return simulation.run();
}

}  // namespace followsim::model
