#include "engine/experiment/optimisation.hpp"

#include <fmt/core.h>
#include <nlopt.hpp>

#include <algorithm>
#include <array>
#include <boost/math/tools/minima.hpp>
#include <chrono>
#include <cmath>
#include <exception>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/experiment/slot_codec.hpp"
#include "engine/model/arm_simulation.hpp"

namespace followsim::experiment {

namespace {

using model::ModelConfig;
using model::PathwayIndex;

constexpr double kMonthsPerYear = 12.0;

// A task's slot: what it computed and the events it took.
template <typename Value>
struct Simulated {
    Value value;
    std::uint64_t events = 0;

    template <typename Archive>
    void serialize(Archive& a) {
        a(value, events);
    }
};

// Each objective's name for --objective and the metric it maximises, in the enum's order.
struct ObjectiveInfo {
    Objective objective;
    std::string_view name;
    std::string_view metric;
};
constexpr std::array<ObjectiveInfo, 3> kObjectives{{
    {Objective::npv, "npv", "npv_socioeconomic_nok"},
    {Objective::placements, "placements", "placed"},
    {Objective::net_fiscal, "net_fiscal", "net_fiscal_nok"},
}};
constexpr double kWorst = -std::numeric_limits<double>::infinity();
// Brent's iterations in one dimension (a bracket of a few scan steps needs far fewer).
constexpr std::uintmax_t kBrentIterations = 40;

bool sends_to(const ModelConfig& config, std::size_t arm, PathwayIndex p) {
    const model::ArmConfig& a = config.arms[arm];
    if (a.when_full == p || a.when_budget_spent == p || a.after_max_duration == p) return true;
    if (std::any_of(a.rules.begin(), a.rules.end(),
                    [&](const model::RouteRule& r) { return r.pathway == p; }))
        return true;
    return std::any_of(config.cohorts.begin(), config.cohorts.end(), [&](const auto& c) {
        return std::any_of(c.initial_caseload.begin(), c.initial_caseload.end(),
                           [&](const auto& entry) { return entry.first == p; });
    });
}

bool routes_to(const ModelConfig& config, std::size_t arm, PathwayIndex p) {
    const auto& rules = config.arms[arm].rules;
    return std::any_of(rules.begin(), rules.end(),
                       [&](const model::RouteRule& r) { return r.pathway == p; });
}

// The measures arm `arm` can send someone to, as pathway indices.
std::vector<std::size_t> measures_of(const ModelConfig& config, std::size_t arm) {
    std::vector<std::size_t> measures;
    for (std::size_t p = 0; p < config.pathways.size(); ++p) {
        if (config.pathways[p].measure() && sends_to(config, arm, static_cast<PathwayIndex>(p)))
            measures.push_back(p);
    }
    return measures;
}

// The arm's metrics move with the split: it has a team or buys places.
bool depends_on_split(const ModelConfig& config, std::size_t arm) {
    return config.staffing_of(arm).has_value() || !measures_of(config, arm).empty();
}

std::size_t arm_named(const ModelConfig& config, const std::string& name) {
    std::string names;
    for (std::size_t a = 0; a < config.arms.size(); ++a) {
        if (config.arms[a].name == name) return a;
        names += (a ? ", " : "") + config.arms[a].name;
    }
    throw UsageError(fmt::format("--arm: no arm named '{}' (the arms: {})", name, names));
}

// The default arm and why (default_optimise_arm).
std::pair<std::size_t, std::string> choose_arm(const ModelConfig& config) {
    const auto in_house = config.in_house_pathway();
    if (in_house) {
        for (std::size_t a = 0; a < config.arms.size(); ++a) {
            if (routes_to(config, a, *in_house) && !measures_of(config, a).empty())
                return {a, "the first arm that routes to in-house follow-up and to a measure"};
        }
        for (std::size_t a = 0; a < config.arms.size(); ++a) {
            if (config.staffing_of(a) && !measures_of(config, a).empty())
                return {a, "the first arm with an in-house team that buys places"};
        }
        for (std::size_t a = 0; a < config.arms.size(); ++a) {
            if (config.staffing_of(a)) return {a, "the first arm with an in-house team"};
        }
        for (std::size_t a = 0; a < config.arms.size(); ++a) {
            if (!measures_of(config, a).empty()) return {a, "the first arm that buys places"};
        }
    }
    throw UsageError("no arm has an in-house team or buys places: nothing to split");
}

// What a split sets and what it costs: resolved once, before any candidate runs.
struct Plan {
    std::size_t arm = 0;
    std::optional<std::size_t> versus;
    bool versus_fixed = false;  // the baseline arm does not depend on the split
    std::size_t metric = 0;     // the objective's index in arm_metrics()
    double budget = 0.0;
    double cost_per_caseworker = 0.0;
    std::int64_t max_caseworkers = 0;
    std::string staffing_path;
    std::vector<std::size_t> measures;
    std::vector<std::string> slots_paths;
    std::vector<double> place_year_cost;  // price per month x 12, per measure
    bool has_budget_section = false;

    // Whole FTEs from their money; each measure's whole places from its money; the purchase
    // budget is what the FTEs leave.
    [[nodiscard]] Split split(std::int64_t caseworkers, const std::vector<double>& money) const {
        Split s;
        s.caseworkers = std::clamp<std::int64_t>(caseworkers, 0, max_caseworkers);
        s.staff_cost_per_year_nok = static_cast<double>(s.caseworkers) * cost_per_caseworker;
        s.purchases_per_year_nok = std::max(0.0, budget - s.staff_cost_per_year_nok);
        for (std::size_t m = 0; m < measures.size(); ++m) {
            const double affordable = std::min(money[m], s.purchases_per_year_nok);
            s.slots.push_back(
                static_cast<std::int64_t>(std::floor(affordable / place_year_cost[m])));
        }
        return s;
    }
};

// The plan of the search; fills in what the results say about the request.
Plan make_plan(const scenario::Scenario& scenario, const OptimiseSettings& settings,
               OptimiseResults& out) {
    const ModelConfig& config = scenario.model;
    if (!(settings.budget_nok_per_year > 0.0) || !std::isfinite(settings.budget_nok_per_year)) {
        throw UsageError(fmt::format("--budget {}: give the yearly budget in NOK, above 0",
                                     settings.budget_nok_per_year));
    }
    if (settings.replications == 0) throw UsageError("--replications must be at least 1");
    const auto in_house = config.in_house_pathway();
    if (!in_house) {
        throw UsageError(scenario.file +
                         ": optimise splits a budget between caseworkers and purchased places, "
                         "but the scenario has no pathways.in_house");
    }
    if (std::none_of(config.pathways.begin(), config.pathways.end(),
                     [](const model::PathwayConfig& p) { return p.measure() != nullptr; })) {
        throw UsageError(scenario.file +
                         ": optimise splits a budget between caseworkers and purchased places, "
                         "but the scenario has no pathways.measures");
    }
    Plan plan;
    plan.budget = settings.budget_nok_per_year;
    plan.metric = metric_index(objective_metric(settings.objective));
    if (settings.arm.empty()) {
        std::tie(plan.arm, out.arm_reason) = choose_arm(config);
    } else {
        plan.arm = arm_named(config, settings.arm);
        out.arm_reason = "--arm";
    }
    const std::string& arm_name = config.arms[plan.arm].name;
    if (!depends_on_split(config, plan.arm)) {
        throw UsageError(fmt::format(
            "--arm {}: the arm has no in-house team and sends no one to a measure, so the split "
            "changes nothing for it",
            arm_name));
    }
    plan.versus = baseline_arm_of(config);
    out.arm = plan.arm;
    out.versus = plan.versus;
    if (settings.objective != Objective::placements) {
        if (!plan.versus) {
            throw UsageError(
                fmt::format("--objective {} is measured against a baseline arm, and "
                            "the scenario has none (economics.baseline_arm); use "
                            "--objective placements",
                            objective_name(settings.objective)));
        }
        if (*plan.versus == plan.arm) {
            throw UsageError(
                fmt::format("--arm {} is the baseline arm: its {} is 0 whatever the "
                            "split; choose another arm",
                            arm_name, objective_name(settings.objective)));
        }
    }
    plan.versus_fixed = plan.versus && !depends_on_split(config, *plan.versus);

    const auto& terms = *config.pathways[static_cast<std::size_t>(*in_house)].in_house();
    // As the team costs its staff (model/in_house_team.cpp): the pathway's cost, else the
    // economics section's.
    plan.cost_per_caseworker = terms.cost_per_caseworker_year_nok > 0.0
                                   ? terms.cost_per_caseworker_year_nok
                                   : config.economics.staff_cost_per_year_nok;
    plan.max_caseworkers =
        static_cast<std::int64_t>(std::floor(plan.budget / plan.cost_per_caseworker));
    if (plan.max_caseworkers < 1) {
        throw UsageError(fmt::format(
            "--budget {}: less than one caseworker's yearly cost (NOK {}), so there is nothing "
            "to split",
            plan.budget, plan.cost_per_caseworker));
    }
    const bool own_team = config.arms[plan.arm].staffing.has_value();
    plan.staffing_path =
        own_team ? "arms." + arm_name + ".caseworkers" : "pathways.in_house.caseworkers";
    const model::StaffingPlan& staffing =
        own_team ? *config.arms[plan.arm].staffing : terms.staffing;
    if (!staffing.changes.empty()) {
        throw UsageError(fmt::format(
            "{}: optimise sets one staffing level for the whole horizon; remove the planned "
            "caseworker_changes first",
            own_team ? "arms." + arm_name : std::string("pathways.in_house")));
    }
    plan.measures = measures_of(config, plan.arm);
    for (std::size_t p : plan.measures) {
        const model::PathwayConfig& measure = config.pathways[p];
        plan.slots_paths.push_back("pathways.measures." + measure.name + ".slots");
        plan.place_year_cost.push_back(measure.measure()->price_per_month_nok * kMonthsPerYear);
        if (!(plan.place_year_cost.back() > 0.0)) {
            throw UsageError(
                fmt::format("pathways.measures.{}: optimise needs a price per month "
                            "above 0 to turn money into places",
                            measure.name));
        }
    }
    plan.has_budget_section =
        scenario.parameters.find("budget.purchases_per_year_nok", config) != nullptr;
    out.budget_nok_per_year = plan.budget;
    out.objective = settings.objective;
    out.staffing_path = plan.staffing_path;
    out.cost_per_caseworker_year_nok = plan.cost_per_caseworker;
    out.measures = plan.measures;
    return plan;
}

std::vector<scenario::Assignment> assignments_for(const Plan& plan, const Split& split) {
    std::vector<scenario::Assignment> a;
    a.push_back(scenario::Assignment::set(plan.staffing_path,
                                          static_cast<double>(split.caseworkers),
                                          fmt::format("{}", split.caseworkers)));
    for (std::size_t m = 0; m < plan.measures.size(); ++m) {
        a.push_back(scenario::Assignment::set(plan.slots_paths[m],
                                              static_cast<double>(split.slots[m]),
                                              fmt::format("{}", split.slots[m])));
    }
    // Without a budget section the purchases have no cap but the places bought.
    if (plan.has_budget_section) {
        a.push_back(scenario::Assignment::set("budget.purchases_per_year_nok",
                                              split.purchases_per_year_nok,
                                              fmt::format("{}", split.purchases_per_year_nok)));
    }
    return a;
}

// Simulates candidates: each batch is one set of indexed tasks (candidate, replication). A
// split already evaluated is not run again.
class Evaluator {
  public:
    Evaluator(const scenario::Scenario& scenario, const Plan& plan,
              const OptimiseSettings& settings, OptimiseResults& out)
        : scenario_(scenario), plan_(plan), settings_(settings), out_(out) {
        if (!plan.versus_fixed) return;
        // The baseline arm is the same in every candidate: run it once.
        std::vector<Simulated<ReplicationAccounts>> baseline(settings.replications);
        distribute(settings.distributor,
                   tasks_over(
                       baseline,
                       [&](std::uint64_t r) {
                           const auto outcome =
                               model::simulate_arm(scenario.model, *plan.versus, settings.seed, r);
                           baseline[r] = {replication_accounts(outcome, scenario.model.economics),
                                          outcome.events};
                       },
                       out.threads, settings.cancel));
        for (auto& b : baseline) {
            out.events += b.events;
            baseline_.push_back(b.value);
        }
    }

    // The candidate index of each proposal, evaluating the splits not seen before.
    std::vector<std::size_t> evaluate(std::vector<Candidate> proposals) {
        out_.optimiser_calls += proposals.size();
        std::vector<std::size_t> index;
        std::vector<std::size_t> fresh;
        for (Candidate& p : proposals) {
            std::vector<std::int64_t> key{p.split.caseworkers};
            key.insert(key.end(), p.split.slots.begin(), p.split.slots.end());
            const auto [it, inserted] = seen_.try_emplace(std::move(key), out_.candidates.size());
            if (inserted) {
                fresh.push_back(it->second);
                out_.candidates.push_back(std::move(p));
            }
            index.push_back(it->second);
        }
        if (!fresh.empty()) run(fresh);
        return index;
    }

    [[nodiscard]] double objective(std::size_t candidate) const {
        const MetricSummary& m = out_.candidates[candidate].metrics[plan_.metric];
        return m.available ? m.summary.mean : kWorst;
    }
    // Candidate a beats b: a higher objective or, on a tie, fewer caseworkers.
    [[nodiscard]] bool better(std::size_t a, std::size_t b) const {
        return objective(a) > objective(b) ||
               (objective(a) == objective(b) &&
                out_.candidates[a].split.caseworkers < out_.candidates[b].split.caseworkers);
    }
    // The best candidate so far (the first of equals).
    [[nodiscard]] std::size_t best() const {
        std::size_t best = 0;
        for (std::size_t c = 1; c < out_.candidates.size(); ++c) {
            if (better(c, best)) best = c;
        }
        return best;
    }

  private:
    void run(const std::vector<std::size_t>& fresh) {
        std::vector<ModelConfig> configs;
        for (std::size_t c : fresh) {
            configs.push_back(scenario_.model);
            scenario_.parameters.apply(configs.back(),
                                       assignments_for(plan_, out_.candidates[c].split));
        }
        const std::uint64_t reps = settings_.replications;
        const economics::EconomicsConfig& economics = scenario_.model.economics;
        std::vector<Simulated<std::vector<double>>> values(fresh.size() * reps);
        distribute(settings_.distributor,
                   tasks_over(
                       values,
                       [&](std::uint64_t t) {
                           const ModelConfig& config = configs[t / reps];
                           const std::uint64_t r = t % reps;
                           const auto outcome =
                               model::simulate_arm(config, plan_.arm, settings_.seed, r);
                           std::uint64_t events = outcome.events;
                           const auto accounts = replication_accounts(outcome, economics);
                           std::optional<ReplicationAccounts> versus;
                           if (plan_.versus && plan_.versus_fixed) {
                               versus = baseline_[r];
                           } else if (plan_.versus) {
                               const auto b =
                                   model::simulate_arm(config, *plan_.versus, settings_.seed, r);
                               events += b.events;
                               versus = replication_accounts(b, economics);
                           }
                           values[t] = {arm_metric_values(outcome, accounts,
                                                          versus ? &*versus : nullptr, economics),
                                        events};
                       },
                       out_.threads, settings_.cancel));
        for (const auto& v : values) out_.events += v.events;
        // In index order: the same sums whatever thread or rank ran what.
        const std::size_t metrics = arm_metrics().size();
        for (std::size_t i = 0; i < fresh.size(); ++i) {
            Candidate& c = out_.candidates[fresh[i]];
            for (std::size_t m = 0; m < metrics; ++m) {
                std::vector<double> over_replications;
                for (std::uint64_t r = 0; r < reps; ++r)
                    over_replications.push_back(values[i * reps + r].value[m]);
                c.metrics.push_back(summarize_metric(over_replications));
            }
        }
        if (settings_.progress) {
            // Against the most there can be: the whole FTE range or the optimiser's proposals.
            const std::uint64_t done = out_.candidates.size();
            auto most = static_cast<std::uint64_t>(std::max(1, settings_.max_evaluations));
            if (plan_.measures.size() < 2)
                most = std::min(most, static_cast<std::uint64_t>(plan_.max_caseworkers) + 1);
            settings_.progress(done, std::max(done, most));
        }
    }

    const scenario::Scenario& scenario_;
    const Plan& plan_;
    const OptimiseSettings& settings_;
    OptimiseResults& out_;
    std::vector<ReplicationAccounts> baseline_;  // [replication], when versus_fixed
    std::map<std::vector<std::int64_t>, std::size_t> seen_;
};

// One measure or none: the whole FTE range scanned, Brent inside the best scan point's
// neighbours, then single steps uphill.
void search_fte_counts(Evaluator& evaluator, const Plan& plan, const OptimiseSettings& settings,
                       const OptimiseResults& out) {
    const std::int64_t top = plan.max_caseworkers;
    auto proposal = [&](std::int64_t n, Phase phase) {
        const double staff = static_cast<double>(n) * plan.cost_per_caseworker;
        Candidate c;
        c.split = plan.split(n, std::vector<double>(plan.measures.size(), plan.budget - staff));
        c.shares = {staff / plan.budget};
        if (!plan.measures.empty()) c.shares.push_back(1.0 - c.shares.front());
        c.phase = phase;
        return c;
    };
    auto value_at = [&](std::int64_t n, Phase phase) {
        return evaluator.objective(evaluator.evaluate({proposal(n, phase)}).front());
    };

    const std::int64_t points = std::clamp<std::int64_t>(settings.scan_points, 2, top + 1);
    std::vector<std::int64_t> scanned;
    std::vector<Candidate> scan;
    for (std::int64_t i = 0; i < points; ++i) {
        const auto n = static_cast<std::int64_t>(
            std::llround(static_cast<double>(i * top) / static_cast<double>(points - 1)));
        if (!scanned.empty() && scanned.back() == n) continue;
        scanned.push_back(n);
        scan.push_back(proposal(n, Phase::scan));
    }
    const auto scan_index = evaluator.evaluate(std::move(scan));
    std::size_t at = 0;
    for (std::size_t i = 1; i < scanned.size(); ++i) {
        if (evaluator.better(scan_index[i], scan_index[at])) at = i;
    }

    // Brent on the objective at round(x): the scan's neighbours bracket the best count.
    const std::int64_t low = scanned[at == 0 ? 0 : at - 1];
    const std::int64_t high = scanned[std::min(at + 1, scanned.size() - 1)];
    if (high - low > 2) {
        // Bits for a tolerance well under one FTE at the bracket's size.
        const int bits =
            static_cast<int>(std::ceil(std::log2(static_cast<double>(high) + 1.0))) + 3;
        std::uintmax_t iterations = kBrentIterations;
        boost::math::tools::brent_find_minima(
            [&](double x) {
                const auto n = std::clamp<std::int64_t>(std::llround(x), low, high);
                return -value_at(n, Phase::local);
            },
            static_cast<double>(low), static_cast<double>(high), bits, iterations);
    }

    // Uphill by single FTEs from the best so far, until neither neighbour is better.
    for (std::size_t current = evaluator.best();;) {
        const std::int64_t n = out.candidates[current].split.caseworkers;
        std::vector<Candidate> neighbours;
        for (std::int64_t m : {n - 1, n + 1}) {
            if (m >= 0 && m <= top) neighbours.push_back(proposal(m, Phase::polish));
        }
        std::size_t next = current;
        for (std::size_t i : evaluator.evaluate(std::move(neighbours))) {
            if (evaluator.better(i, next)) next = i;
        }
        if (next == current) break;
        current = next;
    }
}

// The k+1 shares (caseworkers, then each measure) of a point of the unit cube [0,1]^k.
std::vector<double> stick_breaking(const std::vector<double>& u) {
    std::vector<double> shares{u[0]};
    double rest = 1.0 - u[0];
    for (std::size_t m = 1; m < u.size(); ++m) {
        shares.push_back(rest * u[m]);
        rest -= shares.back();
    }
    shares.push_back(rest);
    return shares;
}

// Two or more measures: DIRECT-L over the cube, then Sbplx from its best point.
void search_simplex(Evaluator& evaluator, const Plan& plan, const OptimiseSettings& settings) {
    const auto dims = static_cast<unsigned>(plan.measures.size());
    struct Context {
        Evaluator* evaluator;
        const Plan* plan;
        Phase phase;
        std::exception_ptr failure;
    };
    Context context{&evaluator, &plan, Phase::global, nullptr};
    const nlopt::func objective = [](unsigned n, const double* x, double*, void* data) {
        auto* c = static_cast<Context*>(data);
        try {
            Candidate candidate;
            candidate.shares = stick_breaking(std::vector<double>(x, x + n));
            candidate.phase = c->phase;
            std::vector<double> money;
            for (std::size_t m = 1; m < candidate.shares.size(); ++m)
                money.push_back(candidate.shares[m] * c->plan->budget);
            candidate.split = c->plan->split(
                static_cast<std::int64_t>(std::floor(candidate.shares[0] * c->plan->budget /
                                                     c->plan->cost_per_caseworker)),
                money);
            return c->evaluator->objective(c->evaluator->evaluate({std::move(candidate)}).front());
        } catch (...) {
            // NLopt would turn the error into its own; keep ours (Ctrl-C, a refused value).
            c->failure = std::current_exception();
            throw nlopt::forced_stop();
        }
    };
    // Most of the proposals to the global search; NLopt reads a limit of 0 as none.
    const auto total = static_cast<unsigned>(std::max(2, settings.max_evaluations));
    const unsigned global_evaluations = total * 3 / 5;
    const unsigned local_evaluations = total - global_evaluations;
    std::vector<double> x(dims, 0.5);
    auto optimise_with = [&](nlopt::algorithm algorithm, unsigned evaluations) {
        nlopt::opt opt(algorithm, dims);
        opt.set_lower_bounds(0.0);
        opt.set_upper_bounds(1.0);
        opt.set_max_objective(objective, &context);
        opt.set_maxeval(static_cast<int>(evaluations));
        opt.set_xtol_abs(1e-4);  // far below a share that changes one place or FTE
        if (algorithm == nlopt::LN_SBPLX) opt.set_initial_step(0.05);
        double value = 0.0;
        try {
            opt.optimize(x, value);
        } catch (const nlopt::forced_stop&) {
        } catch (const nlopt::roundoff_limited&) {
            // A step function: Sbplx may stop on it; x is still its best point.
        }
        if (context.failure) std::rethrow_exception(context.failure);
    };
    optimise_with(nlopt::GN_DIRECT_L, global_evaluations);
    context.phase = Phase::local;
    optimise_with(nlopt::LN_SBPLX, local_evaluations);
}

}  // namespace

Objective parse_objective(const std::string& name) {
    for (const auto& [objective, short_name, metric] : kObjectives) {
        if (name == short_name || name == metric) return objective;
    }
    throw UsageError("--objective " + name + ": use npv, placements or net_fiscal");
}

std::string_view objective_name(Objective objective) {
    return kObjectives[static_cast<std::size_t>(objective)].name;
}

std::string_view objective_metric(Objective objective) {
    return kObjectives[static_cast<std::size_t>(objective)].metric;
}

std::string_view phase_name(Phase phase) {
    static constexpr std::array<std::string_view, 4> kNames{"scan", "global", "local", "polish"};
    return kNames[static_cast<std::size_t>(phase)];
}

const MetricSummary& OptimiseResults::objective_of(const Candidate& c) const {
    return c.metrics.at(metric_index(objective_metric(objective)));
}

std::size_t default_optimise_arm(const ModelConfig& config) {
    return choose_arm(config).first;
}

OptimiseResults optimise_split(const scenario::Scenario& scenario,
                               const OptimiseSettings& settings) {
    const auto started = std::chrono::steady_clock::now();
    OptimiseResults out;
    require_whole(settings.distributor, "optimise");
    const Plan plan = make_plan(scenario, settings, out);
    out.spread = spread_of(settings.distributor);
    out.replications = settings.replications;
    out.seed = settings.seed;
    out.threads = resolve_threads(settings.threads, std::numeric_limits<std::uint64_t>::max());
    Evaluator evaluator(scenario, plan, settings, out);
    if (plan.measures.size() < 2) {
        out.method =
            "scan of the FTE counts, Brent's method (Boost.Math) on whole FTEs, single-FTE "
            "steps uphill";
        search_fte_counts(evaluator, plan, settings, out);
    } else {
        out.method = "NLopt DIRECT-L over the shares (stick-breaking), then Sbplx from its best";
        search_simplex(evaluator, plan, settings);
    }
    out.best = evaluator.best();
    if (settings.progress) settings.progress(out.candidates.size(), out.candidates.size());
    out.best_assignments = assignments_for(plan, out.candidates[out.best].split);
    out.wall_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return out;
}

}  // namespace followsim::experiment
