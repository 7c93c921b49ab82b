// The expected value of partial perfect information (EVPPI) from a PSA sample, by the
// non-parametric regression method of Strong, Oakley & Brennan (2014), "Estimating
// multiparameter partial expected value of perfect information from a probabilistic
// sensitivity analysis sample: a nonparametric regression approach", Medical Decision Making
// 34(3):311-326.
//
// EVPPI(phi) = E_phi[max_a E(NB_a | phi)] - max_a E(NB_a). The inner conditional expectations
// are the fitted values of a regression of each arm's incremental effect and incremental cost
// (against the first arm) on phi; at willingness to pay w the fitted incremental net benefit is
// w x fitted effect - fitted cost (as the R package voi does for cost-effectiveness outputs).
//
// The regression is a penalised regression spline, not mgcv's GAM:
// - each parameter enters through a cubic B-spline basis on equally spaced knots over its
//   drawn range (a P-spline, Eilers & Marx 1996, Statistical Science 11(2):89-121) whose
//   second differences are penalised, so the penalty leaves straight lines alone;
// - a group adds the smooths of its parameters (an additive model) and, once there are at
//   least 20 draws per unpenalised term, the pairwise products of its standardised
//   parameters (unpenalised);
// - one smoothing parameter per response, chosen by generalised cross-validation (GCV).
// Limits: for a group, interactions beyond pairwise products are not captured (the EVPPI is
// then underestimated); with few draws the fit follows noise and the EVPPI is overestimated
// (Strong et al. recommend at least 1,000 draws).
#pragma once

#include <cstddef>
#include <vector>

namespace followsim::economics {

struct MetamodelFit {
    std::vector<std::vector<double>> fitted;  // [response][sample]
    std::vector<double> effective_df;         // [response]: trace of the hat matrix
    bool interactions = false;                // pairwise products were part of the basis
};

// Regresses each response ([response][sample]) on the inputs ([input][sample]). An input
// that does not vary adds nothing; with none, every fitted value is the response's mean.
MetamodelFit fit_metamodel(const std::vector<std::vector<double>>& inputs,
                           const std::vector<std::vector<double>>& responses);

struct EvppiEstimate {
    std::vector<double> value;       // [wtp]: NOK, 0 <= value <= EVPI
    std::vector<double> unadjusted;  // [wtp]: the estimate before those bounds
    std::size_t set_to_zero = 0;     // wtp points with a (rounding) negative estimate
    std::size_t capped_at_evpi = 0;  // wtp points where the estimate exceeded the EVPI
};

// costs and effects are [sample][arm]; inputs [input][sample] are the parameters whose
// perfect information is valued; evpi [wtp] is the EVPI at the same willingness to pay.
EvppiEstimate evppi(const std::vector<std::vector<double>>& costs,
                    const std::vector<std::vector<double>>& effects,
                    const std::vector<std::vector<double>>& inputs, const std::vector<double>& wtp,
                    const std::vector<double>& evpi);

}  // namespace followsim::economics
