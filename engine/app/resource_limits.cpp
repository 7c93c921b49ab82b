#include "engine/app/resource_limits.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <fstream>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/model/arm_outcome.hpp"

namespace followsim::app {

namespace {

constexpr double kGiB = 1024.0 * 1024.0 * 1024.0;

std::string shown_bytes(double bytes) {
    if (bytes >= kGiB) return fmt::format("{:.1f} GiB", bytes / kGiB);
    return fmt::format("{:.0f} MiB", std::ceil(bytes / (1024.0 * 1024.0)));
}

std::string shown_count(double x) {
    const auto whole = fmt::format("{:.0f}", x);
    std::string out;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0) out += ',';
        out += whole[i];
    }
    return out;
}

// The first number in a file such as /sys/fs/cgroup/memory.max ("max": no limit).
std::optional<double> number_in_file(const char* path) {
    std::ifstream in(path);
    double value = 0.0;
    if (in >> value) return value;
    return std::nullopt;
}

double physical_memory() {
    const long pages = ::sysconf(_SC_PHYS_PAGES);
    const long page = ::sysconf(_SC_PAGE_SIZE);
    return pages > 0 && page > 0 ? static_cast<double>(pages) * static_cast<double>(page)
                                 : 4.0 * kGiB;
}

// The control group's memory limit (cgroup v2, then v1), if lower than physical memory.
double available_memory() {
    double memory = physical_memory();
    for (const char* limit :
         {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
        if (const auto value = number_in_file(limit); value && *value > 0)
            memory = std::min(memory, *value);
    }
    return memory;
}

// Bytes kept of one arm of one replication of a run: its outcome with the monthly states and
// the subgroup tallies, and its metrics.
double outcome_bytes(const model::ModelConfig& config) {
    const double months = std::ceil(config.horizon_days / model::kDaysPerMonth) + 1.0;
    const double categories = static_cast<double>(config.cohorts.size() + model::kNeedGroups +
                                                  model::kAgeBands + model::kBenefitKinds);
    const double years = std::ceil(config.horizon_days / model::kDaysPerYear) + 1.0;
    return sizeof(model::ArmOutcome) + months * sizeof(model::MonthSnapshot) +
           categories * sizeof(model::SubgroupTally) + years * sizeof(double);
}

}  // namespace

MemoryEstimate estimate_memory(const model::ModelConfig& config, unsigned threads,
                               std::uint64_t kept, bool outcomes_kept) {
    MemoryEstimate e;
    for (const model::CohortConfig& c : config.cohorts) {
        e.persons += c.arrivals.expected(config.horizon_days);
        for (const auto& initial : c.initial_caseload)
            e.persons += static_cast<double>(initial.second);
    }
    e.at_once = experiment::resolve_threads(threads, kept);
    e.simulation = e.persons * e.at_once * kBytesPerPerson;
    const double arms = static_cast<double>(config.arms.size());
    const double metrics = static_cast<double>(experiment::arm_metrics().size());
    const double per_sample = arms * (metrics * sizeof(double) + 3 * sizeof(void*)) +
                              (outcomes_kept ? arms * outcome_bytes(config) : 0.0);
    e.results = static_cast<double>(kept) * per_sample;
    return e;
}

std::uint64_t sweep_points(const std::vector<experiment::SweepVariable>& variables, bool grid) {
    std::uint64_t points = grid ? 1 : 0;
    for (const auto& v : variables) {
        const auto steps = static_cast<std::uint64_t>(std::max(v.steps, 1));
        points = grid ? points * steps : points + steps;
        if (points > kMaxSweepPoints) {
            throw experiment::UsageError(fmt::format(
                "the sweep has more than {} points, the most it may have ({}every point keeps "
                "a copy of the model); use fewer steps{}",
                shown_count(static_cast<double>(kMaxSweepPoints)),
                grid ? "a grid multiplies the steps of its variables, and " : "",
                grid ? " or fewer variables" : ""));
        }
    }
    return points + 1;  // and the scenario as it is
}

std::uint64_t default_memory_limit() {
    return static_cast<std::uint64_t>(0.75 * available_memory());
}

std::uint64_t parse_memory_size(const std::string& text) {
    const auto bad = [&] {
        return experiment::UsageError("'" + text + "': expected a size such as 8G, 512M or 1.5GiB");
    };
    double number = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, number);
    if (ec != std::errc() || !std::isfinite(number) || number <= 0.0) throw bad();
    std::string unit(stop, end);
    for (char& c : unit) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (unit.ends_with("IB"))
        unit.erase(unit.size() - 2);
    else if (unit.ends_with("B"))
        unit.pop_back();
    const std::string units = "KMGT";
    double factor = 1.0;
    if (!unit.empty()) {
        const auto at = units.find(unit);
        if (unit.size() != 1 || at == std::string::npos) throw bad();
        factor = std::pow(1024.0, static_cast<double>(at + 1));
    }
    const double bytes = number * factor;
    if (bytes >= 1.8e19) throw bad();  // beyond what 64 bits count
    return static_cast<std::uint64_t>(bytes);
}

void check_memory(const MemoryEstimate& e, const Running& running, const std::string& unit) {
    const bool given = running.max_memory > 0;
    const double limit = static_cast<double>(given ? running.max_memory : default_memory_limit());
    if (e.total() <= limit) return;
    throw experiment::UsageError(fmt::format(
        "this needs about {} of memory: {} persons an arm x {} {} at once x {:.0f} bytes a "
        "person, and {} kept for the results; the limit is {} ({}). Lower the persons "
        "(population.cohorts: arrivals, initial_caseload), use fewer --threads or {}, or raise "
        "--max-memory",
        shown_bytes(e.total()), shown_count(e.persons), e.at_once, unit, kBytesPerPerson,
        shown_bytes(e.results), shown_bytes(limit),
        given ? "--max-memory"
              : fmt::format("--max-memory, by default 3/4 of the {} here",
                            shown_bytes(available_memory())),
        unit));
}

}  // namespace followsim::app
