// Time-to-event forms from YAML: 'none', {probability, within}, {mean}, {rate},
// {weibull: {shape, scale}}, {lognormal: {median, sigma}}, {piecewise: [...]}, {after}. Each
// number of a form is bound, so a PSA can vary e.g. a placement probability on its own.
#include <fmt/core.h>

#include <cmath>

#include "engine/scenario/conversion.hpp"

namespace followsim::scenario {

using model::TimeToEvent;

namespace {

using Refusal = std::optional<std::string>;

Refusal positive_days(double days) {
    if (!(days > 0.0)) return "must be longer than zero";
    return std::nullopt;
}

// Binds one member of the form the scenario wrote (the form itself never changes).
template <typename Form>
void bind_form(Conversion& c, const std::string& path, bool duration, FieldOf<TimeToEvent> tte,
               std::function<Refusal(Form&, double)> set, std::function<double(const Form&)> get) {
    c.bind(ParameterBinding{path, duration, duration ? NumberRule{} : c.rule_at(path),
                            [tte, set, duration](model::ModelConfig& m, double x) -> Refusal {
                                if (duration && !(std::isfinite(x) && x >= 0.0))
                                    return "must be a duration of zero or more";
                                return set(std::get<Form>(tte(m).form), x);
                            },
                            [tte, get](const model::ModelConfig& m) {
                                return get(
                                    std::get<Form>(tte(const_cast<model::ModelConfig&>(m)).form));
                            }});
}

}  // namespace

TimeToEvent Conversion::time_to_event(const YAML::Node& n, const std::string& path,
                                      FieldOf<TimeToEvent> tte) {
    if (!n || n.IsNull() || (n.IsScalar() && n.Scalar() == "none")) return TimeToEvent::never();
    const auto here = [&](const char* key) { return child_path(path, key); };
    if (n["probability"]) {
        const double p = n["probability"].as<double>();
        const double within = positive_duration(n["within"], here("within"));
        if (!(within > 0.0)) return TimeToEvent::never();
        using F = model::ProbabilityWithin;
        bind_form<F>(
            *this, here("probability"), false, tte,
            [](F& f, double x) -> Refusal {
                f = F(x, f.within_days);
                return std::nullopt;
            },
            [](const F& f) { return f.probability; });
        bind_form<F>(
            *this, here("within"), true, tte,
            [](F& f, double days) -> Refusal {
                if (auto refused = positive_days(days)) return refused;
                f = F(f.probability, days);
                return std::nullopt;
            },
            [](const F& f) { return f.within_days; });
        return TimeToEvent{F(p, within)};
    }
    if (n["mean"]) {
        const double mean = positive_duration(n["mean"], here("mean"));
        if (!(mean > 0.0)) return TimeToEvent::never();
        using F = model::Exponential;
        bind_form<F>(
            *this, here("mean"), true, tte,
            [](F& f, double days) -> Refusal {
                if (auto refused = positive_days(days)) return refused;
                f.rate_per_day = 1.0 / days;
                return std::nullopt;
            },
            [](const F& f) { return 1.0 / f.rate_per_day; });
        return TimeToEvent::exponential(1.0 / mean);
    }
    if (n["rate"]) return TimeToEvent::exponential(rate(n["rate"], here("rate")));
    if (const YAML::Node w = n["weibull"]) {
        const double scale = positive_duration(w["scale"], here("weibull.scale"));
        if (!(scale > 0.0)) return TimeToEvent::never();
        using F = model::Weibull;
        bind_form<F>(
            *this, here("weibull.shape"), false, tte,
            [](F& f, double x) -> Refusal {
                f.shape = x;
                return std::nullopt;
            },
            [](const F& f) { return f.shape; });
        bind_form<F>(
            *this, here("weibull.scale"), true, tte,
            [](F& f, double days) -> Refusal {
                if (auto refused = positive_days(days)) return refused;
                f.scale_days = days;
                return std::nullopt;
            },
            [](const F& f) { return f.scale_days; });
        return TimeToEvent::weibull(w["shape"].as<double>(), scale);
    }
    if (const YAML::Node l = n["lognormal"]) {
        const double median = positive_duration(l["median"], here("lognormal.median"));
        if (!(median > 0.0)) return TimeToEvent::never();
        using F = model::LogNormal;
        bind_form<F>(
            *this, here("lognormal.median"), true, tte,
            [](F& f, double days) -> Refusal {
                if (auto refused = positive_days(days)) return refused;
                f.meanlog = std::log(days);
                return std::nullopt;
            },
            [](const F& f) { return std::exp(f.meanlog); });
        bind_form<F>(
            *this, here("lognormal.sigma"), false, tte,
            [](F& f, double x) -> Refusal {
                f.sdlog = x;
                return std::nullopt;
            },
            [](const F& f) { return f.sdlog; });
        return TimeToEvent::lognormal(median, l["sigma"].as<double>());
    }
    if (const YAML::Node pieces = n["piecewise"]) {
        std::vector<double> ends, rates;
        double previous = 0.0;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const std::string piece_path = child_path(here("piecewise"), std::to_string(i));
            const YAML::Node piece = pieces[i];
            double end = model::kNever;
            if (piece["until"]) {
                end = duration(piece["until"], child_path(piece_path, "until"));
                if (!(end > previous)) {
                    report().report(piece["until"], child_path(piece_path, "until"),
                                    "must be later than the end of the piece before");
                    return TimeToEvent::never();
                }
                using F = model::PiecewiseHazard;
                bind_form<F>(
                    *this, child_path(piece_path, "until"), true, tte,
                    [i](F& f, double days) -> Refusal {
                        const double before = i > 0 ? f.end_days[i - 1] : 0.0;
                        const double after =
                            i + 1 < f.end_days.size() ? f.end_days[i + 1] : model::kNever;
                        if (!(days > before))
                            return "must be later than the end of the piece before";
                        if (!(days < after))
                            return "must be earlier than the end of the piece after";
                        f.end_days[i] = days;
                        return std::nullopt;
                    },
                    [i](const F& f) { return f.end_days[i]; });
            } else if (i + 1 < pieces.size()) {
                report().report(piece, piece_path, "only the last piece may leave out 'until'");
                return TimeToEvent::never();
            }
            ends.push_back(end);
            rates.push_back(rate(piece["rate"], child_path(piece_path, "rate")));
            previous = end;
        }
        return TimeToEvent::piecewise(std::move(ends), std::move(rates));
    }
    if (n["after"]) {
        using F = model::FixedDelay;
        bind_form<F>(
            *this, here("after"), true, tte,
            [](F& f, double days) -> Refusal {
                f.days = days;
                return std::nullopt;
            },
            [](const F& f) { return f.days; });
        return TimeToEvent::fixed(duration(n["after"], here("after")));
    }
    report().report(n, path, "not a time-to-event form");
    return TimeToEvent::never();
}

}  // namespace followsim::scenario
