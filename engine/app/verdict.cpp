#include "engine/app/verdict.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>

#include "engine/output/arm_table.hpp"
#include "engine/output/report/chart_spec.hpp"

namespace followsim::app {

using nlohmann::ordered_json;

namespace {

constexpr const char* kNpv = "npv_socioeconomic_nok";

std::string decimal(double x, int digits, bool nb) {
    std::string s = fmt::format("{:.{}f}", x, digits);
    if (nb) std::replace(s.begin(), s.end(), '.', ',');
    return s;
}

}  // namespace

std::string money_text(double nok, std::string_view lang) {
    const bool nb = lang == "nb";
    if (std::abs(nok) >= 1e9) return decimal(nok / 1e9, 1, nb) + (nb ? " mrd." : " bn");
    if (std::abs(nok) >= 1e6) return decimal(nok / 1e6, 1, nb) + (nb ? " mill." : " M");
    std::string whole = output::with_thousands(nok);
    if (nb) std::replace(whole.begin(), whole.end(), ',', ' ');
    return whole;
}

std::string verdict(const ordered_json& summary, std::string_view lang) {
    const bool nb = lang == "nb";
    const std::string code = nb ? "nb" : "en";
    if (const auto d = summary.find("decision"); d != summary.end() && d->contains("text")) {
        const ordered_json& text = d->at("text");
        if (text.contains(code) && text.at(code).is_string())
            return text.at(code).get<std::string>();
    }
    std::vector<std::string> arms;
    for (const std::string& arm : output::arm_names(summary)) {
        if (output::metric(summary, arm, kNpv)) arms.push_back(arm);
    }
    if (arms.size() < 2) return "";
    std::stable_sort(arms.begin(), arms.end(), [&](const auto& a, const auto& b) {
        return output::metric_mean(summary, a, kNpv) > output::metric_mean(summary, b, kNpv);
    });
    const std::string& best = arms[0];
    const std::string& next = arms[1];
    std::string text =
        nb ? fmt::format(
                 "{} gir størst samfunnsøkonomisk nytte: netto nåverdi {} kr mot "
                 "basisalternativet.",
                 best, money_text(output::metric_mean(summary, best, kNpv), lang))
           : fmt::format(
                 "{} gives the most to society: a socio-economic net present value of "
                 "NOK {} against the baseline.",
                 best, money_text(output::metric_mean(summary, best, kNpv), lang));
    // The pair's comparison, in either order: the gap and how often the best came out ahead.
    for (const auto& c : summary.value("comparisons", ordered_json::array())) {
        const bool forward = c.at("arm") == best && c.at("versus") == next;
        const bool backward = c.at("arm") == next && c.at("versus") == best;
        const ordered_json& delta = c.at("delta").value(kNpv, ordered_json());
        if ((!forward && !backward) || delta.is_null()) continue;
        const double sign = forward ? 1.0 : -1.0;
        const double gap = sign * delta.at("mean").get<double>();
        double low = sign * delta.at("ci95")[0].get<double>();
        double high = sign * delta.at("ci95")[1].get<double>();
        if (low > high) std::swap(low, high);
        const double p = c.at("probability_better").get<double>();
        const double ahead = 100.0 * (forward ? p : 1.0 - p);
        text += nb ? fmt::format(
                         " Nest best er {}, {} kr mindre (95 %-intervall {} til {}); {} "
                         "kommer best ut i {:.0f} % av replikasjonene.",
                         next, money_text(gap, lang), money_text(low, lang), money_text(high, lang),
                         best, ahead)
                   : fmt::format(
                         " Next is {}, NOK {} less (95 % interval {} to {}); {} comes "
                         "out ahead in {:.0f} % of replications.",
                         next, money_text(gap, lang), money_text(low, lang), money_text(high, lang),
                         best, ahead);
        if (low <= 0.0) {
            text += nb ? " Forskjellen er ikke sikker." : " The difference is not certain.";
        }
    }
    return text;
}

}  // namespace followsim::app
