#include "engine/economics/evppi.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <unsupported/Eigen/Splines>

namespace followsim::economics {

namespace {

using Eigen::Index;
using Eigen::MatrixXd;
using Eigen::VectorXd;

constexpr int kDegree = 3;
using CubicSpline = Eigen::Spline<double, 1, kDegree>;

// Unpenalised terms need this many draws each before pairwise products join a group's basis.
constexpr std::size_t kDrawsPerUnpenalisedTerm = 20;
// Smoothing parameters tried by GCV: lambda x tr(P) / tr(B'B) from 1e-8 (no penalty) to 1e7
// (straight lines), a quarter decade apart.
constexpr int kSmoothingGrid = 61;
constexpr double kLogSmoothingFrom = -8.0;
constexpr double kLogSmoothingStep = 0.25;

Index idx(std::size_t i) {
    return static_cast<Index>(i);
}

// More segments for more draws; the penalty, not the knots, sets the smoothness.
int segments_for(std::size_t samples) {
    return static_cast<int>(std::clamp<std::size_t>(samples / 40, 4, 20));
}

struct Column {
    const std::vector<double>* x = nullptr;
    double low = 0.0;
    double high = 0.0;
};

// The design matrix and its penalty: an intercept, a cubic B-spline block per input (centred
// so that only the intercept holds the constant, with a second-order difference penalty), then
// the unpenalised pairwise products.
struct Design {
    MatrixXd basis;    // [sample][column]
    MatrixXd penalty;  // [column][column]
    bool interactions = false;
};

// The block's B-splines, [sample][segments + 3], on equally spaced knots over the draws' range.
MatrixXd spline_block(const Column& c, std::size_t samples, int segments) {
    const double step = (c.high - c.low) / segments;
    CubicSpline::KnotVectorType knots(segments + 1 + 2 * kDegree);
    for (Index k = 0; k < knots.size(); ++k)
        knots(k) = c.low + static_cast<double>(k - kDegree) * step;
    MatrixXd block = MatrixXd::Zero(idx(samples), segments + kDegree);
    for (Index s = 0; s < block.rows(); ++s) {
        const double x = (*c.x)[static_cast<std::size_t>(s)];
        const Index span = CubicSpline::Span(x, kDegree, knots);
        const auto values = CubicSpline::BasisFunctions(x, kDegree, knots);
        for (Index r = 0; r <= kDegree; ++r) block(s, span - kDegree + r) = values(r);
    }
    return block;
}

MatrixXd second_difference_penalty(Index m) {
    MatrixXd difference = MatrixXd::Zero(m - 2, m);
    for (Index i = 0; i + 2 < m; ++i) {
        difference(i, i) = 1.0;
        difference(i, i + 1) = -2.0;
        difference(i, i + 2) = 1.0;
    }
    return difference.transpose() * difference;
}

Design make_design(const std::vector<Column>& columns, std::size_t samples) {
    const int segments = segments_for(samples);
    const std::size_t p = columns.size();
    const std::size_t pairs = p * (p - 1) / 2;
    Design d;
    d.interactions = p >= 2 && samples >= kDrawsPerUnpenalisedTerm * (1 + p + pairs);
    const Index per_input = segments + kDegree - 1;  // one fewer: the constant is the intercept's
    const Index m = 1 + idx(p) * per_input + (d.interactions ? idx(pairs) : 0);
    d.basis = MatrixXd::Zero(idx(samples), m);
    d.penalty = MatrixXd::Zero(m, m);
    d.basis.col(0).setOnes();
    const MatrixXd penalty = second_difference_penalty(per_input + 1);
    for (std::size_t j = 0; j < p; ++j) {
        const MatrixXd block = spline_block(columns[j], samples, segments);
        // mgcv's identifiability constraint: the block's fitted values sum to 0. Z spans the
        // coefficients that satisfy it (the Householder complement of the column sums).
        const VectorXd sums = block.colwise().sum().transpose();
        const Eigen::HouseholderQR<MatrixXd> qr(sums);
        const MatrixXd z = qr.householderQ() *
                           MatrixXd::Identity(per_input + 1, per_input + 1).rightCols(per_input);
        const Index first = 1 + idx(j) * per_input;
        d.basis.middleCols(first, per_input) = block * z;
        d.penalty.block(first, first, per_input, per_input) = z.transpose() * penalty * z;
    }
    if (!d.interactions) return d;
    MatrixXd standard(idx(samples), idx(p));
    for (std::size_t j = 0; j < p; ++j) {
        const auto x = Eigen::Map<const VectorXd>(columns[j].x->data(), idx(samples));
        const double mean = x.mean();
        const double sd = std::sqrt((x.array() - mean).square().mean());
        standard.col(idx(j)) = (x.array() - mean) / sd;
    }
    Index col = 1 + idx(p) * per_input;
    for (std::size_t i = 0; i < p; ++i) {
        for (std::size_t j = i + 1; j < p; ++j)
            d.basis.col(col++) = standard.col(idx(i)).cwiseProduct(standard.col(idx(j)));
    }
    return d;
}

// Penalised least squares, beta = (B'B + lambda P)^-1 B'y, for every response at each lambda
// of a log grid relative to tr(B'B) / tr(P); each response keeps the lambda of least GCV
// score n RSS / (n - df)^2, df = tr((B'B + lambda P)^-1 B'B).
struct GcvFit {
    std::vector<VectorXd> fitted;
    std::vector<double> df;
};

GcvFit fit_gcv(const Design& d, const std::vector<VectorXd>& ys) {
    const MatrixXd gram = d.basis.transpose() * d.basis;
    const Index m = gram.rows();
    const auto n = static_cast<double>(d.basis.rows());
    const double relative = gram.trace() / std::max(d.penalty.trace(), 1e-300);
    // A tiny ridge keeps the factorisation defined where a spline has no draws under it and
    // lambda is near 0; it does not move the fit.
    const double ridge = 1e-12 * gram.trace() / static_cast<double>(m);
    GcvFit out;
    out.fitted.assign(ys.size(), VectorXd::Zero(d.basis.rows()));
    out.df.assign(ys.size(), 0.0);
    std::vector<double> best(ys.size(), std::numeric_limits<double>::infinity());
    std::vector<VectorXd> cross;
    for (const VectorXd& y : ys) cross.push_back(d.basis.transpose() * y);
    const bool penalised = d.penalty.trace() > 0.0;
    for (int i = 0; i < (penalised ? kSmoothingGrid : 1); ++i) {
        const double lambda =
            penalised ? relative * std::pow(10.0, kLogSmoothingFrom + kLogSmoothingStep * i) : 0.0;
        MatrixXd a = gram + lambda * d.penalty;
        a.diagonal().array() += ridge;
        const Eigen::LDLT<MatrixXd> ldlt(a);
        if (ldlt.info() != Eigen::Success) continue;
        const double df = ldlt.solve(gram).trace();
        if (n - df < 0.5) continue;  // interpolates the draws: no residual left to judge by
        for (std::size_t r = 0; r < ys.size(); ++r) {
            VectorXd fitted = d.basis * ldlt.solve(cross[r]);
            const double score = n * (ys[r] - fitted).squaredNorm() / ((n - df) * (n - df));
            if (score < best[r]) {  // ties keep the smaller lambda: a fixed order
                best[r] = score;
                out.fitted[r] = std::move(fitted);
                out.df[r] = df;
            }
        }
    }
    return out;
}

}  // namespace

MetamodelFit fit_metamodel(const std::vector<std::vector<double>>& inputs,
                           const std::vector<std::vector<double>>& responses) {
    MetamodelFit out;
    const std::size_t samples = responses.empty() ? 0 : responses.front().size();
    std::vector<Column> columns;
    for (const auto& x : inputs) {
        if (x.size() != samples) throw std::invalid_argument("EVPPI: inputs and responses differ");
        const auto [low, high] = std::minmax_element(x.begin(), x.end());
        if (samples > 0 && *high > *low) columns.push_back(Column{&x, *low, *high});
    }
    // Centred and scaled, so that costs in millions and counts in tens fit alike.
    std::vector<VectorXd> scaled;
    std::vector<double> means, scales;
    for (const auto& response : responses) {
        if (response.size() != samples) throw std::invalid_argument("EVPPI: responses differ");
        const auto y = Eigen::Map<const VectorXd>(response.data(), idx(samples));
        const double mean = samples > 0 ? y.mean() : 0.0;
        const double scale = samples > 0 ? (y.array() - mean).abs().maxCoeff() : 0.0;
        means.push_back(mean);
        scales.push_back(scale);
        scaled.push_back(scale > 0.0 ? VectorXd((y.array() - mean) / scale)
                                     : VectorXd::Zero(idx(samples)));
    }
    GcvFit gcv;
    if (!columns.empty() && samples >= 3) {
        const Design design = make_design(columns, samples);
        out.interactions = design.interactions;
        gcv = fit_gcv(design, scaled);
    }
    for (std::size_t r = 0; r < responses.size(); ++r) {
        std::vector<double> fitted(samples, means[r]);
        double df = 1.0;
        if (!gcv.fitted.empty() && gcv.df[r] > 0.0) {
            for (std::size_t s = 0; s < samples; ++s)
                fitted[s] += gcv.fitted[r](idx(s)) * scales[r];
            df = gcv.df[r];
        }
        out.fitted.push_back(std::move(fitted));
        out.effective_df.push_back(df);
    }
    return out;
}

EvppiEstimate evppi(const std::vector<std::vector<double>>& costs,
                    const std::vector<std::vector<double>>& effects,
                    const std::vector<std::vector<double>>& inputs, const std::vector<double>& wtp,
                    const std::vector<double>& evpi) {
    if (costs.size() != effects.size() || evpi.size() != wtp.size())
        throw std::invalid_argument("EVPPI: costs, effects and EVPI differ in size");
    EvppiEstimate out;
    out.value.assign(wtp.size(), 0.0);
    out.unadjusted.assign(wtp.size(), 0.0);
    const std::size_t samples = costs.size();
    const std::size_t arms = samples > 0 ? costs.front().size() : 0;
    if (arms < 2) return out;
    // Incremental effect and cost of each arm against the first: responses 2(a-1), 2(a-1)+1.
    std::vector<std::vector<double>> responses(2 * (arms - 1), std::vector<double>(samples));
    for (std::size_t s = 0; s < samples; ++s) {
        for (std::size_t a = 1; a < arms; ++a) {
            responses[2 * (a - 1)][s] = effects[s][a] - effects[s][0];
            responses[2 * (a - 1) + 1][s] = costs[s][a] - costs[s][0];
        }
    }
    const MetamodelFit fit = fit_metamodel(inputs, responses);
    for (std::size_t w = 0; w < wtp.size(); ++w) {
        // The first arm's incremental net benefit is 0 by definition.
        std::vector<double> mean_inb(arms, 0.0);
        double mean_of_max = 0.0;
        for (std::size_t s = 0; s < samples; ++s) {
            double best = 0.0;
            for (std::size_t a = 1; a < arms; ++a) {
                const double inb =
                    wtp[w] * fit.fitted[2 * (a - 1)][s] - fit.fitted[2 * (a - 1) + 1][s];
                mean_inb[a] += inb;
                best = std::max(best, inb);
            }
            mean_of_max += best;
        }
        const auto n = static_cast<double>(samples);
        const double max_of_mean = *std::max_element(mean_inb.begin(), mean_inb.end()) / n;
        const double raw = mean_of_max / n - max_of_mean;
        out.unadjusted[w] = raw;
        // Mean of maxima >= maximum of means, so only rounding makes it negative; a fit that
        // follows noise can make it exceed the EVPI, which bounds it.
        double value = raw;
        if (value < 0.0) {
            value = 0.0;
            ++out.set_to_zero;
        }
        if (value > evpi[w]) {
            value = evpi[w];
            ++out.capped_at_evpi;
        }
        out.value[w] = value;
    }
    return out;
}

}  // namespace followsim::economics
