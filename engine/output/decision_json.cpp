#include "engine/output/decision_json.hpp"

#include <cmath>

#include "engine/experiment/metrics.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/report/chart_spec.hpp"
#include "engine/output/result_files.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::output {

using nlohmann::ordered_json;

namespace {

struct Names {
    std::string recommended, runner_up, baseline;
};

std::string interval_text(const ordered_json& gap, Lang lang) {
    const char* key = gap.contains("interval95") ? "interval95" : "ci95";
    if (!gap.contains(key) || gap.at(key).is_null()) return "";
    const auto& i = gap.at(key);
    return say(gap.contains("interval95") ? "decision.gap_draws" : "decision.gap_ci", lang,
               format_nok(i.at(0).get<double>(), lang), format_nok(i.at(1).get<double>(), lang));
}

std::string sentences(const ordered_json& d, const Names& names, double npv, Lang lang) {
    if (names.runner_up.empty()) return say("decision.only_arm", lang, names.recommended);
    std::string out;
    if (!names.baseline.empty() && names.baseline != names.recommended && !std::isnan(npv)) {
        out = say("decision.recommended_npv", lang, names.recommended, nok_text(npv, lang),
                  names.baseline);
    } else {
        out = say("decision.recommended", lang, names.recommended);
    }
    const ordered_json& p = d.at("probability_best");
    if (!p.is_null()) {
        const std::string share = format_share(p.get<double>(), lang, 0);
        const auto n = d.at("samples").get<std::uint64_t>();
        out += " " + say(d.at("basis") == "draws" ? "decision.best_in_draws"
                                                  : "decision.best_in_replications",
                         lang, share, n);
    }
    const ordered_json& gap = d.at("npv_gap_nok");
    out += " " + say("decision.runner_up", lang, names.runner_up,
                     nok_text(gap.at("mean").get<double>(), lang), interval_text(gap, lang));
    const ordered_json& t = d.at("deciding_threshold");
    if (!t.is_null()) {
        std::string value = format_fixed(t.at("value").get<double>(), 3, lang);
        // Trailing zeros say nothing: 0.980 -> 0.98, 2950.000 -> 2950.
        while (value.find_first_of(".,") != std::string::npos &&
               (value.ends_with('0') || value.ends_with('.') || value.ends_with(','))) {
            const bool mark = value.ends_with('.') || value.ends_with(',');
            value.pop_back();
            if (mark) break;
        }
        if (!t.at("unit").is_null())
            value += " " + std::string(text(t.at("unit").get<std::string>(), lang));
        out += " " +
               say(t.at("runner_up_better") == "above" ? "decision.threshold_above"
                                                       : "decision.threshold_below",
                   lang, t.at("parameter").get<std::string>(), value,
                   text(t.at("source") == "sweep" ? "decision.by_sweep" : "decision.by_psa", lang));
    }
    return out;
}

}  // namespace

ordered_json decision_json(const scenario::Scenario& scenario, const experiment::Decision& decision,
                           const std::vector<experiment::ArmSummary>& arms, std::uint64_t samples) {
    const auto& config = scenario.model;
    Names names;
    names.recommended = config.arms[decision.recommended].name;
    if (decision.runner_up) names.runner_up = config.arms[*decision.runner_up].name;
    if (const auto b = experiment::baseline_arm_of(config)) names.baseline = config.arms[*b].name;
    const auto& npv_summary =
        arms[decision.recommended].metrics[experiment::metric_index("npv_socioeconomic_nok")];
    const double npv = npv_summary.available ? npv_summary.summary.mean : std::nan("");

    ordered_json d;
    d["recommended_arm"] = names.recommended;
    d["by"] = "npv_socioeconomic_nok";
    d["npv_socioeconomic_nok"] = number_or_null(npv);
    d["probability_best"] = number_or_null(decision.probability_best);
    d["basis"] = decision.basis;
    d["samples"] = samples;
    d["runner_up"] = decision.runner_up ? ordered_json(names.runner_up) : ordered_json(nullptr);
    ordered_json gap = nullptr;
    if (decision.runner_up && decision.gap.available) {
        gap = metric_json(decision.gap);
        // At the scenario's values alone (a sweep) there is no interval to give.
        if (decision.basis == "scenario") gap = {{"mean", decision.gap.summary.mean}};
    }
    d["npv_gap_nok"] = gap;
    ordered_json threshold = nullptr;
    if (decision.threshold) {
        const auto& t = *decision.threshold;
        threshold = {{"parameter", t.parameter},
                     {"value", std::stod(scenario::short_number(t.value))},
                     {"unit", t.unit.empty() ? ordered_json(nullptr) : ordered_json(t.unit)},
                     {"runner_up_better", t.runner_up_above ? "above" : "below"},
                     {"source", t.source}};
    }
    d["deciding_threshold"] = threshold;
    d["text"] = {{"en", sentences(d, names, npv, Lang::en)},
                 {"nb", sentences(d, names, npv, Lang::nb)}};
    return d;
}

std::string decision_text(const ordered_json& summary, Lang lang) {
    if (!summary.contains("decision")) return "";
    return summary.at("decision").at("text").at(std::string(lang_code(lang))).get<std::string>();
}

}  // namespace followsim::output
