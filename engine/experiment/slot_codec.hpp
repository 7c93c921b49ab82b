// What the experiments' task slots hold, as cereal sees it: one function per type lists its
// fields once, for writing and reading alike. Used where slots move between processes (MPI
// ranks, shard files). Every field that a summary reads must be listed; the size checks below
// fail the build when a type gains a field, as a reminder to list it.
#pragma once

#include <cereal/archives/portable_binary.hpp>
#include <cereal/types/array.hpp>
#include <cereal/types/optional.hpp>
#include <cereal/types/vector.hpp>
#include <utility>
#include <vector>

#include "engine/economics/accounts.hpp"
#include "engine/economics/cash_flows.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/task_distributor.hpp"
#include "engine/model/arm_outcome.hpp"

namespace followsim::economics {

template <typename Archive>
void serialize(Archive& a, CashFlowTotals& t) {
    a(t.present_value, t.nominal);
}

template <typename Archive>
void serialize(Archive& a, ArmAccounts& x) {
    static_assert(sizeof(ArmAccounts) == 8 * sizeof(double), "list the new field here");
    a(x.programme_cost, x.benefits_paid, x.production_gain, x.taxes, x.public_net_cost,
      x.public_net_cost_state, x.public_net_cost_municipality, x.socioeconomic_value);
}

}  // namespace followsim::economics

namespace followsim::model {

template <typename Archive>
void serialize(Archive& a, SubgroupTally& t) {
    static_assert(sizeof(SubgroupTally) == 24, "list the new field here");
    a(t.persons, t.placed, t.employment_months);
}

template <typename Archive>
void serialize(Archive& a, SubgroupTallies& t) {
    a(t.by);
}

template <typename Archive>
void serialize(Archive& a, MonthSnapshot& m) {
    static_assert(sizeof(MonthSnapshot) == sizeof(double) * (1 + kStateFields),
                  "list the new field here");
    a(m.day, m.state.values);
}

template <typename Archive>
void serialize(Archive& a, ArmOutcome& o) {
    static_assert(sizeof(ArmOutcome) == 992, "ArmOutcome changed: list the new field here");
    a(o.persons, o.placed, o.employed_at_end, o.exited, o.active_at_end, o.placement_rate,
      o.mean_days_to_job, o.employment_months, o.mean_wait_days, o.rationed_share,
      o.waiting_at_horizon, o.caseworker_utilisation, o.staff_utilisation, o.cost_idle_staff_nok,
      o.mean_dose_hours_per_month, o.subgroups, o.budget_spent_nok, o.budget_exhausted_day,
      o.events, o.peak_persons, o.cash_flows, o.after_horizon, o.exits_by_state,
      o.peak_over_capacity, o.peak_committed_nok, o.spent_by_year_nok, o.months);
}

}  // namespace followsim::model

namespace followsim::experiment {

template <typename Archive>
void serialize(Archive& a, ReplicationAccounts& r) {
    a(r.all, r.after);
}

// Tasks whose slot i is slots[i]: `run(i)` fills it, cereal moves it.
template <typename Slot, typename Run>
TaskSet tasks_over(std::vector<Slot>& slots, Run&& run, unsigned threads,
                   const std::atomic<bool>* cancel,
                   std::function<void(std::uint64_t, std::uint64_t)> progress = {}) {
    TaskSet tasks;
    tasks.count = slots.size();
    tasks.threads = threads;
    tasks.cancel = cancel;
    tasks.run = std::forward<Run>(run);
    tasks.save = [&slots](std::uint64_t i, SlotWriter& out) { out(slots[i]); };
    tasks.load = [&slots](std::uint64_t i, SlotReader& in) { in(slots[i]); };
    tasks.progress = std::move(progress);
    return tasks;
}

}  // namespace followsim::experiment
