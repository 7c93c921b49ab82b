#include "engine/scenario/priors.hpp"

#include <boost/math/distributions/beta.hpp>
#include <boost/math/distributions/gamma.hpp>
#include <boost/math/distributions/lognormal.hpp>
#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/triangular.hpp>
#include <cmath>

namespace followsim::scenario {

namespace bm = boost::math;

double BetaPrior::quantile(double u) const {
    if (sd == 0.0) return mean;
    // Method of moments: alpha + beta = m (1 - m) / s^2 - 1.
    const double total = mean * (1 - mean) / (sd * sd) - 1.0;
    return bm::quantile(bm::beta_distribution<>(mean * total, (1 - mean) * total), u);
}

double GammaPrior::quantile(double u) const {
    if (sd == 0.0) return mean;
    const double shape = mean * mean / (sd * sd);
    return bm::quantile(bm::gamma_distribution<>(shape, mean / shape), u);
}

double LogNormalPrior::quantile(double u) const {
    if (sd == 0.0) return mean;
    const double sigma2 = std::log1p(sd * sd / (mean * mean));
    return bm::quantile(
        bm::lognormal_distribution<>(std::log(mean) - sigma2 / 2, std::sqrt(sigma2)), u);
}

double NormalPrior::quantile(double u) const {
    if (sd == 0.0) return mean;
    return bm::quantile(bm::normal_distribution<>(mean, sd), u);
}

double TriangularPrior::quantile(double u) const {
    if (low == high) return low;
    return bm::quantile(bm::triangular_distribution<>(low, mode, high), u);
}

double quantile(const Prior& prior, double u) {
    return std::visit([u](const auto& p) { return p.quantile(u); }, prior);
}

std::string_view family_name(const Prior& prior) {
    static constexpr std::string_view names[] = {"beta",   "gamma",   "lognormal",
                                                 "normal", "uniform", "triangular"};
    return names[prior.index()];
}

}  // namespace followsim::scenario
