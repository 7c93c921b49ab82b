// The distributions of the probabilistic sensitivity analysis: what is known about a
// parameter, as a small struct per family with its quantile function beside it. A draw is the
// quantile at a uniform number (from a Gaussian copula, so draws can be correlated).
#pragma once

#include <string_view>
#include <variant>

namespace followsim::scenario {

// A family given by the mean and standard deviation of the value.
struct MeanSd {
    double mean = 0.0, sd = 0.0;
};
// Beta (method of moments): for probabilities and shares.
struct BetaPrior : MeanSd {
    [[nodiscard]] double quantile(double u) const;
};
// Gamma: for positive quantities (costs, hours).
struct GammaPrior : MeanSd {
    [[nodiscard]] double quantile(double u) const;
};
// Log-normal with the mean and sd of the value itself (not of its logarithm).
struct LogNormalPrior : MeanSd {
    [[nodiscard]] double quantile(double u) const;
};
struct NormalPrior : MeanSd {
    [[nodiscard]] double quantile(double u) const;
};
struct UniformPrior {
    double low = 0.0, high = 1.0;
    [[nodiscard]] double quantile(double u) const { return low + (high - low) * u; }
};
struct TriangularPrior {
    double low = 0.0, mode = 0.5, high = 1.0;
    [[nodiscard]] double quantile(double u) const;
};

using Prior =
    std::variant<BetaPrior, GammaPrior, LogNormalPrior, NormalPrior, UniformPrior, TriangularPrior>;

// The value at probability u; a prior without spread gives its centre.
double quantile(const Prior& prior, double u);
// "beta", "gamma", ... as the scenario file names the family.
std::string_view family_name(const Prior& prior);

}  // namespace followsim::scenario
