#include "engine/model/follow_up_simulation.hpp"

#include <cmath>
#include <stdexcept>
#include <vector>

#include "engine/core/entity_pool.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/core/resource.hpp"
#include "engine/core/simulator.hpp"
#include "engine/core/statistics.hpp"
#include "engine/economics/cash_flows.hpp"
#include "engine/model/budget_ledger.hpp"

namespace followsim::model {

namespace {

using core::EntityId;
using core::EventHandle;
using core::kNoEntity;

enum ModelEvent : core::EventKind {
    kPoissonArrival,
    kBatchArrival,
    kPlacement,
    kDropout,
    kEpisodeEnd,
    kJobLoss,
    kMonthTick,
    kBudgetYear,
    kCaseworkerChange,
};

// At equal times: a budget year opens and caseworkers start before anything else happens
// that day; the monthly snapshot is taken after everything else.
constexpr core::Priority kFirst = 0;
constexpr core::Priority kSecond = 1;
constexpr core::Priority kLast = 255;

// Stream families: arrival processes per cohort; persons per cohort by arrival number.
constexpr std::uint32_t kArrivalFamily = 1;
constexpr std::uint32_t kPersonFamilyBase = 1000;

enum class PersonState : std::uint8_t { waiting, in_pathway, employed };

struct Person {
    core::RandomStream rng;
    double arrival_day = 0.0;
    double referral_day = 0.0;
    double start_day = 0.0;
    double paid_until_day = 0.0;  // purchases booked up to here
    double commitment_nok = 0.0;  // budget committed for this place in the current year
    double active_since = 0.0;    // a job seeker (on benefit) since
    double employed_since = 0.0;
    // The person's one pending event: the earliest of the episode's competing risks (job,
    // dropout, end of the measure), or the loss of a job. Only the earliest is scheduled, so
    // the event list holds one event per person and nothing needs cancelling when it fires.
    EventHandle next_event;
    PathwayIndex pathway = kBaselinePathway;
    std::uint16_t cohort = 0;
    NeedGroup group = NeedGroup::situasjonsbestemt;
    AgeBand age_band = AgeBand::from_30;
    PersonState state = PersonState::waiting;
    bool ever_placed = false;
};

struct PathwayState {
    core::Resource slots;
    std::int64_t in_pathway = 0;
};

template <std::size_t N>
std::size_t pick_share(const std::array<double, N>& shares, double u) {
    double cumulative = 0.0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        cumulative += shares[i];
        if (u < cumulative) return i;
    }
    // The last category with a positive share takes what rounding leaves.
    for (std::size_t i = N; i-- > 0;) {
        if (shares[i] > 0.0) return i;
    }
    return N - 1;
}

class ArmSimulation {
  public:
    ArmSimulation(const ModelConfig& config, std::size_t arm_index, std::uint64_t seed,
                  std::uint64_t replication)
        : config_(config),
          arm_(config.arms.at(arm_index)),
          seed_(seed),
          replication_(replication),
          ledger_(config.budget.purchases_per_year_nok),
          book_(config.economics),
          next_person_number_(config.cohorts.size(), 0) {
        const economics::EconomicsConfig& econ = config.economics;
        staff_cost_per_hour_ = econ.staff_cost_per_year_nok / econ.hours_per_fte_year;
        if (has_in_house()) {
            const PathwayConfig& h = config.pathways[in_house_index()];
            const double per_year = h.cost_per_caseworker_year_nok > 0.0
                                        ? h.cost_per_caseworker_year_nok
                                        : econ.staff_cost_per_year_nok;
            // Hours per participant-month at the caseworker's cost per hour, per day.
            follow_up_cost_per_day_ =
                h.hours_per_participant_month * per_year / econ.hours_per_fte_year / kDaysPerMonth;
            uses_in_house_ = arm_uses(in_house_index());
        }
        pathways_.reserve(config.pathways.size());
        for (const PathwayConfig& p : config.pathways) {
            pathways_.push_back(
                PathwayState{core::Resource(p.has_capacity_limit() ? p.initial_capacity() : 0), 0});
        }
        // Room for the persons expected, so the run does not grow its storage step by step.
        double expected = 0.0;
        for (const CohortConfig& c : config.cohorts) {
            expected += static_cast<double>(c.arrivals.count);
            for (const auto& initial : c.initial_caseload)
                expected += static_cast<double>(initial.second);
            if (c.arrivals.poisson) {
                expected += c.arrivals.rate_per_day *
                            std::max(0.0, std::min(c.arrivals.until_days, config.horizon_days) -
                                              c.arrivals.from_days);
            }
        }
        const auto room = static_cast<std::size_t>(std::min(expected * 1.05 + 64.0, 5e7));
        persons_.reserve(room);
        sim_.reserve(room);
        for (std::size_t c = 0; c < config.cohorts.size(); ++c) {
            arrival_streams_.emplace_back(
                seed, replication, core::stream_id(kArrivalFamily, static_cast<std::uint32_t>(c)));
        }
    }

    ArmOutcome run() {
        const double horizon = config_.horizon_days;
        schedule_calendar();
        if (uses_in_house_) {
            const PathwayConfig& h = config_.pathways[in_house_index()];
            book_.lump(economics::Flow::training, config_.economics.in_house_paid_by, 0.0,
                       h.training_per_caseworker_nok * static_cast<double>(h.caseworkers));
            caseworkers_now_ = h.caseworkers;
        }
        place_initial_caseload();
        schedule_arrivals();
        sim_.run_until(horizon, [this](const core::Event& e) { handle(e); });
        return finish();
    }

  private:
    // ---- set-up -------------------------------------------------------------------------

    void schedule_calendar() {
        sim_.schedule_at(0.0, kMonthTick, 0, kLast);
        for (int year = 1; year * kDaysPerYear < config_.horizon_days; ++year) {
            sim_.schedule_at(year * kDaysPerYear, kBudgetYear, static_cast<EntityId>(year), kFirst);
        }
        if (has_in_house()) {
            const PathwayConfig& cfg = config_.pathways[in_house_index()];
            for (std::size_t i = 0; i < cfg.caseworker_changes.size(); ++i) {
                if (cfg.caseworker_changes[i].at_days <= config_.horizon_days) {
                    sim_.schedule_at(cfg.caseworker_changes[i].at_days, kCaseworkerChange,
                                     static_cast<EntityId>(i), kSecond);
                }
            }
        }
    }

    void place_initial_caseload() {
        for (std::size_t c = 0; c < config_.cohorts.size(); ++c) {
            for (const auto& [pathway, count] : config_.cohorts[c].initial_caseload) {
                for (std::int64_t k = 0; k < count; ++k) {
                    const EntityId id = create_person(c);
                    persons_[id].referral_day = 0.0;
                    place(id, pathway);
                }
            }
        }
    }

    void schedule_arrivals() {
        for (std::size_t c = 0; c < config_.cohorts.size(); ++c) {
            const ArrivalConfig& a = config_.cohorts[c].arrivals;
            const auto cohort = static_cast<EntityId>(c);
            if (a.poisson) {
                schedule_next_poisson(c, a.from_days);
            } else if (a.count > 0 && a.at_days <= config_.horizon_days) {
                sim_.schedule_at(a.at_days, kBatchArrival, cohort);
            }
        }
    }

    void schedule_next_poisson(std::size_t cohort, double after) {
        const ArrivalConfig& a = config_.cohorts[cohort].arrivals;
        if (!(a.rate_per_day > 0.0)) return;
        const double t = after + arrival_streams_[cohort].exponential(a.rate_per_day);
        if (t < a.until_days && t <= config_.horizon_days) {
            sim_.schedule_at(t, kPoissonArrival, static_cast<EntityId>(cohort));
        }
    }

    // ---- events -------------------------------------------------------------------------

    void handle(const core::Event& e) {
        switch (e.kind) {
            case kPoissonArrival:
                refer(create_person(e.entity));
                schedule_next_poisson(e.entity, sim_.now());
                break;
            case kBatchArrival:
                for (std::int64_t k = 0; k < config_.cohorts[e.entity].arrivals.count; ++k) {
                    refer(create_person(e.entity));
                }
                break;
            case kPlacement:
                on_placement(e.entity);
                break;
            case kDropout:
                on_dropout(e.entity);
                break;
            case kEpisodeEnd:
                on_episode_end(e.entity);
                break;
            case kJobLoss:
                on_job_loss(e.entity);
                break;
            case kMonthTick:
                on_month(e.entity);
                break;
            case kBudgetYear:
                on_budget_year(static_cast<int>(e.entity));
                break;
            case kCaseworkerChange:
                on_caseworker_change(e.entity);
                break;
            default:
                throw std::logic_error("unknown event kind in the follow-up model");
        }
    }

    EntityId create_person(std::size_t cohort) {
        const CohortConfig& c = config_.cohorts[cohort];
        const std::uint32_t number = next_person_number_[cohort]++;
        Person p;
        p.rng = core::RandomStream(
            seed_, replication_,
            core::stream_id(kPersonFamilyBase + static_cast<std::uint32_t>(cohort), number));
        // Attributes are the first draws of the person's own stream: the same in every arm.
        p.group = static_cast<NeedGroup>(pick_share(c.group_shares, p.rng.uniform01()));
        p.age_band = static_cast<AgeBand>(pick_share(c.age_band_shares, p.rng.uniform01()));
        p.cohort = static_cast<std::uint16_t>(cohort);
        p.arrival_day = sim_.now();
        p.active_since = sim_.now();
        ++persons_count_;
        return persons_.create(p);
    }

    void on_placement(EntityId id) {
        leave_current(id, true);
        Person& p = persons_[id];
        book_benefits(p, sim_.now());
        p.employed_since = sim_.now();
        p.state = PersonState::employed;
        ++employed_;
        employed_time_.set(sim_.now(), static_cast<double>(employed_));
        if (!p.ever_placed) {
            p.ever_placed = true;
            ++placed_;
            days_to_job_.add(sim_.now() - p.arrival_day);
        }
        const double e = p.rng.exponential(1.0);
        const double after = config_.cohorts[p.cohort].job_loss.sample(e);
        p.next_event = schedule_if_within(after, kJobLoss, id);
    }

    void on_dropout(EntityId id) {
        leave_current(id, false);
        // Benefits after leaving (other benefits, education) are outside the model.
        book_benefits(persons_[id], sim_.now());
        ++exited_;
        persons_.release(id);
    }

    void on_episode_end(EntityId id) {
        leave_current(id, false);
        if (arm_.after_max_duration == kReroute) {
            refer(id);
        } else {
            enter(id, arm_.after_max_duration, true);
        }
    }

    void on_job_loss(EntityId id) {
        --employed_;
        employed_time_.set(sim_.now(), static_cast<double>(employed_));
        Person& p = persons_[id];
        book_employment(p, sim_.now());
        p.active_since = sim_.now();
        p.next_event = EventHandle{};
        refer(id);
    }

    void on_month(EntityId month) {
        MonthSnapshot s;
        s.day = sim_.now();
        StateValues& v = s.state;
        v[StateField::persons] = static_cast<double>(persons_count_);
        v[StateField::waiting] = static_cast<double>(waiting_);
        std::int64_t in_baseline = 0, in_follow_up = 0, in_measure = 0;
        for (std::size_t i = 0; i < config_.pathways.size(); ++i) {
            switch (config_.pathways[i].kind) {
                case PathwayKind::baseline:
                    in_baseline += pathways_[i].in_pathway;
                    break;
                case PathwayKind::in_house:
                    in_follow_up += pathways_[i].in_pathway;
                    break;
                case PathwayKind::measure:
                    in_measure += pathways_[i].in_pathway;
                    break;
            }
        }
        v[StateField::in_baseline] = static_cast<double>(in_baseline);
        v[StateField::in_follow_up] = static_cast<double>(in_follow_up);
        v[StateField::in_measure] = static_cast<double>(in_measure);
        v[StateField::employed] = static_cast<double>(employed_);
        v[StateField::exited] = static_cast<double>(exited_);
        v[StateField::placed] = static_cast<double>(placed_);
        v[StateField::spending_nok] = spending_so_far();
        months_.push_back(s);
        const double next = static_cast<double>(month + 1) * kDaysPerMonth;
        // A small tolerance so that a horizon of whole months gets its last snapshot.
        if (next <= config_.horizon_days * (1.0 + 1e-12)) {
            sim_.schedule_at(std::min(next, config_.horizon_days), kMonthTick, month + 1, kLast);
        }
    }

    void on_budget_year(int year) {
        // Book the closing year's purchases of the places that continue, then commit their
        // share of the new year; a place the new budget cannot carry ends now.
        const int closing = ledger_.current_year();
        continuing_.clear();
        persons_.for_each_alive([&](EntityId id, Person& p) {
            if (p.state == PersonState::in_pathway && is_measure(p.pathway)) {
                book_purchases(p, closing);
                continuing_.push_back(id);
            }
        });
        ledger_.open_year(year);
        ended_.clear();
        for (EntityId id : continuing_) {
            Person& p = persons_[id];
            const double commit = commitment_for(p);
            if (ledger_.try_commit(sim_.now(), commit)) {
                p.commitment_nok = commit;
            } else {
                p.commitment_nok = 0.0;
                ended_.push_back(id);
            }
        }
        for (EntityId id : ended_) on_episode_end(id);
        for (std::size_t i = 0; i < pathways_.size(); ++i) {
            if (is_measure(static_cast<PathwayIndex>(i))) {
                start_waiting(static_cast<PathwayIndex>(i));
            }
        }
    }

    void on_caseworker_change(EntityId index) {
        const PathwayIndex pw = in_house_index();
        const PathwayConfig& cfg = config_.pathways[pw];
        const CaseworkerChange& change = cfg.caseworker_changes[index];
        if (uses_in_house_ && change.caseworkers > caseworkers_now_) {
            book_.lump(economics::Flow::training, config_.economics.in_house_paid_by, sim_.now(),
                       cfg.training_per_caseworker_nok *
                           static_cast<double>(change.caseworkers - caseworkers_now_));
        }
        caseworkers_now_ = change.caseworkers;
        started_.clear();
        pathways_[pw].slots.set_capacity(
            sim_.now(), change.caseworkers * cfg.caseload_per_caseworker, started_);
        for (EntityId id : started_) {
            --waiting_;
            start(id, pw);
        }
    }

    // ---- routing and capacity -----------------------------------------------------------

    void refer(EntityId id) { enter(id, route(persons_[id]), true); }

    PathwayIndex route(const Person& p) const {
        for (const RouteRule& rule : arm_.rules) {
            if (rule.group && *rule.group != p.group) continue;
            if (rule.age_band && *rule.age_band != p.age_band) continue;
            if (rule.cohort && *rule.cohort != p.cohort) continue;
            return rule.pathway;
        }
        return kBaselinePathway;
    }

    // Sends a referred person to pathway `pw`, or to the arm's fallback when it is full or
    // its budget is spent (once: a fallback does not fall back again).
    void enter(EntityId id, PathwayIndex pw, bool may_fall_back) {
        persons_[id].referral_day = sim_.now();
        if (pw == kBaselinePathway) {
            start(id, pw);
            return;
        }
        PathwayState& state = pathways_[pw];
        if (state.slots.available() == 0 || state.slots.queue_length() > 0) {
            if (may_fall_back && arm_.when_full >= 0 && arm_.when_full != pw) {
                enter(id, arm_.when_full, false);
            } else {
                wait(id, pw);
            }
            return;
        }
        if (is_measure(pw) && !commit_place(id, pw)) {
            if (may_fall_back && arm_.when_budget_spent >= 0 && arm_.when_budget_spent != pw) {
                enter(id, arm_.when_budget_spent, false);
            } else {
                wait(id, pw);
            }
            return;
        }
        state.slots.try_acquire(sim_.now());
        start(id, pw);
    }

    // Initial caseload: straight into the pathway, or its queue; no routing, no fallback.
    void place(EntityId id, PathwayIndex pw) {
        if (pw == kBaselinePathway) {
            start(id, pw);
            return;
        }
        PathwayState& state = pathways_[pw];
        if (state.slots.available() > 0 && (!is_measure(pw) || commit_place(id, pw))) {
            state.slots.try_acquire(sim_.now());
            start(id, pw);
        } else {
            wait(id, pw);
        }
    }

    bool commit_place(EntityId id, PathwayIndex pw) {
        Person& p = persons_[id];
        p.pathway = pw;
        p.start_day = sim_.now();
        const double commit = commitment_for(p);
        if (!ledger_.try_commit(sim_.now(), commit)) return false;
        p.commitment_nok = commit;
        return true;
    }

    // What the person's place costs from now to the end of the place or of the budget year,
    // whichever comes first, plus the result fee should they find a job.
    double commitment_for(const Person& p) const {
        const PathwayConfig& cfg = config_.pathways[p.pathway];
        const double year_end = (ledger_.current_year() + 1) * kDaysPerYear;
        const double place_end = p.start_day + cfg.max_duration_days;
        const double until = std::min(place_end, year_end);
        const double months = std::max(0.0, until - sim_.now()) / kDaysPerMonth;
        return cfg.price_per_month_nok * months + cfg.result_fee_nok;
    }

    void wait(EntityId id, PathwayIndex pw) {
        Person& p = persons_[id];
        p.state = PersonState::waiting;
        p.pathway = pw;
        pathways_[pw].slots.enqueue(sim_.now(), id);
        ++waiting_;
        // While waiting, the baseline hazards apply.
        schedule_episode(id, config_.pathways[kBaselinePathway], 1.0, kNever);
    }

    void start(EntityId id, PathwayIndex pw) {
        Person& p = persons_[id];
        cancel_events(p);
        const PathwayConfig& cfg = config_.pathways[pw];
        const double now = sim_.now();
        if (cfg.has_capacity_limit()) waits_.add(now - p.referral_day);
        p.state = PersonState::in_pathway;
        p.pathway = pw;
        p.start_day = now;
        p.paid_until_day = now;
        PathwayState& state = pathways_[pw];
        ++state.in_pathway;
        if (cfg.has_capacity_limit()) {
            peak_over_capacity_ =
                std::max(peak_over_capacity_, state.in_pathway - state.slots.capacity());
        }
        if (cfg.kind == PathwayKind::measure) {
            spend_rate_.add(now, cfg.price_per_month_nok / kDaysPerMonth);
            book_.lump(economics::Flow::ordering_time, economics::Payer::state, now,
                       cfg.ordering_hours * staff_cost_per_hour_);
        }
        schedule_episode(id, cfg, cfg.placement_hazard_ratio, cfg.max_duration_days);
    }

    // Draws the episode's competing risks: always two draws, so a person's later episodes
    // use the same numbers in every arm that gives them the same number of episodes. At equal
    // times a job wins over dropout, and dropout over the end of the measure.
    void schedule_episode(EntityId id, const PathwayConfig& cfg, double pathway_hazard_ratio,
                          double max_duration_days) {
        Person& p = persons_[id];
        const double e_placement = p.rng.exponential(1.0);
        const double e_dropout = p.rng.exponential(1.0);
        const double hazard_ratio =
            pathway_hazard_ratio * config_.group_hazard_ratio[static_cast<std::size_t>(p.group)] *
            config_.age_band_hazard_ratio[static_cast<std::size_t>(p.age_band)];
        const double to_job = cfg.placement.sample(e_placement, hazard_ratio);
        const double to_dropout = cfg.dropout.sample(e_dropout);
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
        p.next_event = schedule_if_within(first, kind, id);
    }

    EventHandle schedule_if_within(double delay, core::EventKind kind, EntityId id) {
        const double t = sim_.now() + delay;
        if (!(t <= config_.horizon_days)) return EventHandle{};  // would never fire
        return sim_.schedule_at(t, kind, id);
    }

    void cancel_events(Person& p) {
        sim_.cancel(p.next_event);
        p.next_event = EventHandle{};
    }

    // Takes the person out of the queue or pathway they are in, settling the purchase.
    void leave_current(EntityId id, bool placed) {
        Person& p = persons_[id];
        cancel_events(p);
        const double now = sim_.now();
        const PathwayIndex pw = p.pathway;
        if (p.state == PersonState::waiting) {
            pathways_[pw].slots.withdraw(now, id);
            --waiting_;
            return;
        }
        if (p.state != PersonState::in_pathway) return;
        --pathways_[pw].in_pathway;
        if (pw == kBaselinePathway) return;
        pathways_[pw].slots.release_unit(now);
        if (config_.pathways[pw].kind == PathwayKind::in_house) book_follow_up(p, now);
        if (is_measure(pw)) {
            const PathwayConfig& cfg = config_.pathways[pw];
            const double cost = book_purchases(p, ledger_.current_year());
            double fee = 0.0;
            if (placed && cfg.result_fee_nok > 0.0) {
                fee = cfg.result_fee_nok;
                ledger_.record_spending(ledger_.current_year(), fee);
                book_.lump(economics::Flow::result_fees, config_.economics.purchases_paid_by, now,
                           fee);
                fees_paid_ += fee;
            }
            ledger_.release(p.commitment_nok - cost - fee);
            p.commitment_nok = 0.0;
            spend_rate_.add(now, -cfg.price_per_month_nok / kDaysPerMonth);
            // A limited budget is shared: money freed here may let another measure start
            // someone. Without a limit nobody waits for money, only for this place.
            if (ledger_.limited()) {
                for (std::size_t i = 0; i < pathways_.size(); ++i) {
                    if (is_measure(static_cast<PathwayIndex>(i)))
                        start_waiting(static_cast<PathwayIndex>(i));
                }
                return;
            }
        }
        start_waiting(pw);
    }

    // Books the price of the place from the last booking to now in `year`; returns it.
    double book_purchases(Person& p, int year) {
        const PathwayConfig& cfg = config_.pathways[p.pathway];
        const double cost =
            cfg.price_per_month_nok * (sim_.now() - p.paid_until_day) / kDaysPerMonth;
        ledger_.record_spending(year, cost);
        book_.spell(economics::Flow::purchases, config_.economics.purchases_paid_by,
                    p.paid_until_day, sim_.now(), cfg.price_per_month_nok / kDaysPerMonth);
        p.paid_until_day = sim_.now();
        return cost;
    }

    // Starts the people at the head of the pathway's queue while places (and budget) allow.
    void start_waiting(PathwayIndex pw) {
        PathwayState& state = pathways_[pw];
        while (state.slots.head() != kNoEntity && state.slots.available() > 0) {
            const EntityId id = state.slots.head();
            if (is_measure(pw) && !commit_place(id, pw)) {
                if (arm_.when_budget_spent >= 0 && arm_.when_budget_spent != pw) {
                    leave_current(id, false);
                    enter(id, arm_.when_budget_spent, false);
                    continue;
                }
                break;  // first come, first served: nobody overtakes the head
            }
            state.slots.start_head(sim_.now());
            --waiting_;
            start(id, pw);
        }
    }

    // ---- cash flows -----------------------------------------------------------------------

    // Benefits from the start of the person's spell as a job seeker to `until`.
    void book_benefits(const Person& p, double until) {
        const CohortConfig& c = config_.cohorts[p.cohort];
        if (c.benefit == BenefitKind::none || c.benefit_per_month_nok == 0.0) return;
        // Sosialhjelp is the municipality's; AAP and dagpenger are the state's (folketrygden).
        const auto payer = c.benefit == BenefitKind::sosialhjelp ? economics::Payer::municipality
                                                                 : economics::Payer::state;
        book_.spell(economics::Flow::benefits, payer, p.active_since, until,
                    c.benefit_per_month_nok / kDaysPerMonth);
    }

    // The wages of a job from its start to `until`: production, income tax and the employer's
    // contribution.
    void book_employment(const Person& p, double until) {
        const economics::EconomicsConfig& e = config_.economics;
        const double wage_per_day = config_.cohorts[p.cohort].wage_per_month_nok / kDaysPerMonth;
        if (wage_per_day == 0.0) return;
        book_.spell(economics::Flow::production, economics::Payer::state, p.employed_since, until,
                    wage_per_day * (1.0 + e.employer_contribution) * (1.0 - e.displacement_share));
        book_.spell(economics::Flow::income_tax, economics::Payer::state, p.employed_since, until,
                    wage_per_day * e.income_tax_rate);
        book_.spell(economics::Flow::employer_contribution, economics::Payer::state,
                    p.employed_since, until, wage_per_day * e.employer_contribution);
    }

    // Caseworker time of an in-house follow-up from its start to `until`.
    void book_follow_up(const Person& p, double until) {
        book_.spell(economics::Flow::caseworker_time, config_.economics.in_house_paid_by,
                    p.start_day, until, follow_up_cost_per_day_);
    }

    [[nodiscard]] bool arm_uses(PathwayIndex pw) const {
        if (arm_.when_full == pw || arm_.when_budget_spent == pw || arm_.after_max_duration == pw) {
            return true;
        }
        for (const RouteRule& rule : arm_.rules) {
            if (rule.pathway == pw) return true;
        }
        return false;
    }

    // ---- results ------------------------------------------------------------------------

    double spending_so_far() const { return spend_rate_.integral(sim_.now()) + fees_paid_; }

    ArmOutcome finish() {
        const double horizon = config_.horizon_days;
        // Book what is still running at the horizon: places, benefits, wages.
        persons_.for_each_alive([&](EntityId, Person& p) {
            if (p.state == PersonState::employed) {
                book_employment(p, horizon);
                return;
            }
            book_benefits(p, horizon);
            if (p.state != PersonState::in_pathway) return;
            if (is_measure(p.pathway)) book_purchases(p, ledger_.current_year());
            if (config_.pathways[p.pathway].kind == PathwayKind::in_house)
                book_follow_up(p, horizon);
        });
        ArmOutcome out;
        out.persons = persons_count_;
        out.placed = placed_;
        out.employed_at_end = employed_;
        out.exited = exited_;
        out.active_at_end = waiting_;
        for (const PathwayState& s : pathways_) out.active_at_end += s.in_pathway;
        out.placement_rate =
            persons_count_ > 0 ? static_cast<double>(placed_) / static_cast<double>(persons_count_)
                               : 0.0;
        if (days_to_job_.count() > 0) out.mean_days_to_job = days_to_job_.mean();
        out.employment_months = employed_time_.integral(horizon) / kDaysPerMonth;
        out.mean_wait_days = waits_.count() > 0 ? waits_.mean() : 0.0;
        if (has_in_house()) {
            out.caseworker_utilisation = pathways_[in_house_index()].slots.utilisation(horizon);
        }
        out.budget_spent_nok = ledger_.spent_total_nok();
        out.budget_exhausted_day = ledger_.exhausted_day();
        out.events = sim_.events_processed();
        out.cash_flows = book_.totals();
        out.peak_over_capacity = peak_over_capacity_;
        out.peak_committed_nok = ledger_.peak_committed_nok();
        out.spent_by_year_nok = ledger_.spent_by_year_nok();
        out.months = std::move(months_);
        return out;
    }

    [[nodiscard]] bool is_measure(PathwayIndex pw) const {
        return config_.pathways[static_cast<std::size_t>(pw)].kind == PathwayKind::measure;
    }
    [[nodiscard]] bool has_in_house() const {
        return config_.pathways.size() > 1 && config_.pathways[1].kind == PathwayKind::in_house;
    }
    [[nodiscard]] PathwayIndex in_house_index() const { return 1; }

    const ModelConfig& config_;
    const ArmConfig& arm_;
    std::uint64_t seed_;
    std::uint64_t replication_;
    core::Simulator sim_;
    core::EntityPool<Person> persons_;
    std::vector<PathwayState> pathways_;
    std::vector<core::RandomStream> arrival_streams_;
    BudgetLedger ledger_;
    economics::CashFlowBook book_;
    std::vector<std::uint32_t> next_person_number_;
    std::vector<EntityId> continuing_, ended_, started_;
    std::vector<MonthSnapshot> months_;

    std::int64_t persons_count_ = 0;
    std::int64_t placed_ = 0;
    std::int64_t employed_ = 0;
    std::int64_t exited_ = 0;
    std::int64_t waiting_ = 0;
    std::int64_t peak_over_capacity_ = 0;
    core::TimeWeightedAverage employed_time_;
    core::TimeWeightedAverage spend_rate_;  // NOK per day of the places running
    double fees_paid_ = 0.0;
    double staff_cost_per_hour_ = 0.0;
    double follow_up_cost_per_day_ = 0.0;
    bool uses_in_house_ = false;
    std::int64_t caseworkers_now_ = 0;
    core::RunningStats waits_;
    core::RunningStats days_to_job_;
};

}  // namespace

ArmOutcome simulate_arm(const ModelConfig& config, std::size_t arm_index, std::uint64_t seed,
                        std::uint64_t replication) {
    ArmSimulation simulation(config, arm_index, seed, replication);
    return simulation.run();
}

}  // namespace followsim::model
