// Budget-neutral optimisation (followsim optimise): the split of a yearly budget between an
// arm's in-house caseworker FTEs and the places of the measures it buys that maximises one of
// the arm's metrics (the objective).
//
// A candidate split sets, through the scenario's parameter bindings on a copy of the model:
// the arm's caseworkers (arms.<arm>.caseworkers if the arm has its own team, else
// pathways.in_house.caseworkers) = floor(share x budget / cost per caseworker-year); each
// measure's slots = floor(its money / (price per month x 12)); and
// budget.purchases_per_year_nok = the budget less the caseworkers' cost. So staff cost plus
// purchase budget never exceed the budget.
//
// Counts are whole numbers, so the objective is a step function of the shares. It is made
// usable for an optimiser by evaluating it on the integer split only (a memo keyed by the
// whole FTEs and slots: a second proposal of the same split costs nothing) and by common
// random numbers: every candidate runs replications 0..N-1 of the same seed, so the objective
// is a deterministic function of the split and differences between candidates are not noise.
//   - One measure (or none): a coarse scan of the FTE counts 0..max (one batch), then Brent's
//     method (Boost.Math brent_find_minima) on the objective at round(FTE) inside the best
//     scan point's neighbours, then single-FTE steps uphill until neither neighbour is
//     better: the answer is an integer local optimum that also beats every scanned count.
//   - k >= 2 measures: the k+1 shares by stick-breaking from the unit cube [0,1]^k (share of
//     caseworkers u0; measure m gets u_m of what is left, the last measure the rest), NLopt's
//     DIRECT-L (global, deterministic) and then Sbplx (local) from its best point.
//
// Candidates are evaluated as independent indexed tasks, (candidate, replication), on a task
// distributor (threads, or MPI ranks and their threads); each lands in its own slot and is
// combined in index order, so results are bit-identical for any number of threads and ranks.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/experiment/metric_summary.hpp"
#include "engine/experiment/task_distributor.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::experiment {

enum class Objective : std::uint8_t { npv, placements, net_fiscal };

// "npv", "placements" or "net_fiscal" (or the metric's own name); throws UsageError.
Objective parse_objective(const std::string& name);
std::string_view objective_name(Objective objective);    // "npv"
std::string_view objective_metric(Objective objective);  // "npv_socioeconomic_nok"

struct OptimiseSettings {
    double budget_nok_per_year = 0.0;
    Objective objective = Objective::npv;
    std::string arm;                  // default: default_optimise_arm
    std::uint64_t replications = 50;  // per candidate
    std::uint64_t seed = 1;
    unsigned threads = 0;
    int scan_points = 11;       // one measure: FTE counts scanned over the whole range
    int max_evaluations = 120;  // several measures: NLopt's proposals at most
    // (candidates simulated, max_evaluations) after each batch; serialised.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    const std::atomic<bool>* cancel = nullptr;
    TaskDistributor* distributor = nullptr;  // null: this process's threads
};

// What a candidate buys: whole FTEs and places (the schema's counts) and the purchase budget.
struct Split {
    std::int64_t caseworkers = 0;
    std::vector<std::int64_t> slots;       // per measure of the split
    double staff_cost_per_year_nok = 0.0;  // caseworkers x cost per caseworker-year
    double purchases_per_year_nok = 0.0;   // the budget less the staff cost
};

// How a candidate came: the coarse scan (one measure), NLopt's global search (several), the local
// search (Brent or Sbplx), or a single-FTE step uphill.
enum class Phase : std::uint8_t { scan, global, local, polish };
std::string_view phase_name(Phase phase);

struct Candidate {
    std::vector<double> shares;  // [0] caseworkers, then each measure: of the budget
    Split split;
    Phase phase = Phase::scan;
    std::vector<MetricSummary> metrics;  // every metric of the arm over replications
};

struct OptimiseResults {
    double budget_nok_per_year = 0.0;
    Objective objective = Objective::npv;
    std::size_t arm = 0;
    std::string arm_reason;             // why this arm (the default rule, or --arm)
    std::optional<std::size_t> versus;  // the baseline arm NPVs are measured against
    std::string staffing_path;          // the key path the FTEs are set through
    double cost_per_caseworker_year_nok = 0.0;
    std::vector<std::size_t> measures;  // pathway indices of the split's measures
    std::string method;
    std::vector<Candidate> candidates;  // in the order evaluated; each split once
    std::size_t best = 0;  // into candidates: the highest objective; on a tie, fewer caseworkers
    std::uint64_t optimiser_calls = 0;  // proposals, including splits already evaluated
    std::vector<scenario::Assignment> best_assignments;  // what the best split sets
    std::uint64_t replications = 0;
    std::uint64_t seed = 0;
    unsigned threads = 0;
    Spread spread;
    std::uint64_t events = 0;
    double wall_seconds = 0.0;

    [[nodiscard]] const Candidate& best_candidate() const { return candidates.at(best); }
    // The objective's summary at a candidate.
    [[nodiscard]] const MetricSummary& objective_of(const Candidate& c) const;
};

// The arm optimised when none is named: the first arm that routes to in-house follow-up and
// can also send someone to a measure (a fallback or a rule); else the first arm with an
// in-house team that sends someone to a measure; else the first arm with a team; else the
// first that buys places. Throws UsageError if no arm has either.
std::size_t default_optimise_arm(const model::ModelConfig& config);

// Throws UsageError for a request that cannot be carried out (budget <= 0, no such arm, a
// scenario without in-house follow-up or without measures, a budget below one FTE).
OptimiseResults optimise_split(const scenario::Scenario& scenario,
                               const OptimiseSettings& settings);

}  // namespace followsim::experiment
