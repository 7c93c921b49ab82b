#include "engine/scenario/model_checks.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace followsim::scenario {

namespace {

template <std::size_t N>
void check_shares(const std::array<double, N>& shares, const std::string& path,
                  std::vector<ModelProblem>& out) {
    const double sum = std::accumulate(shares.begin(), shares.end(), 0.0);
    if (std::abs(sum - 1.0) > 1e-6) {
        out.push_back({path, fmt::format("shares must sum to 1, they sum to {:.6g}", sum)});
    }
}

}  // namespace

std::vector<ModelProblem> check_model(const model::ModelConfig& m) {
    std::vector<ModelProblem> out;
    for (std::size_t i = 0; i < m.cohorts.size(); ++i) {
        const model::CohortConfig& c = m.cohorts[i];
        const std::string path = fmt::format("population.cohorts.{}", i);
        const model::ArrivalConfig& a = c.arrivals;
        if (a.poisson && !(a.until_days > a.from_days)) {
            out.push_back({path + ".arrivals.until", "must be later than 'from'"});
        }
        check_shares(c.group_shares, path + ".groups", out);
        check_shares(c.age_band_shares, path + ".age_bands", out);
        const double expected =
            static_cast<double>(a.count) +
            a.rate_per_day * std::max(0.0, std::min(a.until_days, m.horizon_days) - a.from_days);
        if (expected > kMaxPersonsPerCohort) {
            out.push_back({path + ".arrivals",
                           fmt::format("about {:.3g} persons would arrive; the model takes at "
                                       "most {:.3g} a cohort",
                                       expected, kMaxPersonsPerCohort)});
        }
    }
    return out;
}

}  // namespace followsim::scenario
