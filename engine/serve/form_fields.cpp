#include "engine/serve/form_fields.hpp"

#include <fmt/args.h>
#include <fmt/core.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>

#include "engine/scenario/schema.hpp"
#include "engine/scenario/yaml_document.hpp"
#include "engine/serve/source_text.hpp"

namespace followsim::serve {

using nlohmann::json;

namespace {

// A key parameter: its key path (`*` stands for one part: a measure's, an arm's or a cohort's
// name, or a list item), its group, its label ({} for each `*`) and unit, in English and
// bokmål.
struct KeyParameter {
    const char* pattern;
    const char* group;
    const char* label_en;
    const char* label_nb;
    const char* unit_en = "";
    const char* unit_nb = "";
};

constexpr std::array kGroups{"general", "staff",      "purchases", "effects",
                             "arms",    "population", "economics", "other"};

// clang-format off
const std::vector<KeyParameter> kKeyParameters{
    {"horizon", "general", "Horizon", "Tidshorisont"},
    {"pathways.in_house.caseworkers", "staff", "Caseworkers", "Veiledere", "FTEs", "årsverk"},
    {"pathways.in_house.caseworker_changes.*.at", "staff", "Staffing change {}: from", "Bemanningsendring {}: fra"},
    {"pathways.in_house.caseworker_changes.*.caseworkers", "staff", "Staffing change {}: caseworkers", "Bemanningsendring {}: veiledere", "FTEs", "årsverk"},
    {"pathways.in_house.caseload_per_caseworker", "staff", "Most participants per caseworker", "Flest deltakere per veileder", "persons", "personer"},
    {"pathways.in_house.hours_per_participant_month", "staff", "Planned follow-up hours", "Planlagte oppfølgingstimer", "hours a month", "timer per måned"},
    {"pathways.in_house.follow_up_share", "staff", "Share of hours for follow-up", "Andel av timene til oppfølging", "share 0–1", "andel 0–1"},
    {"pathways.in_house.cost_per_caseworker_year_nok", "staff", "Cost of a caseworker-year", "Kostnad per veilederårsverk", "NOK", "kr"},
    {"pathways.in_house.training_per_caseworker_nok", "staff", "Training of a new caseworker", "Opplæring av en ny veileder", "NOK", "kr"},
    {"pathways.in_house.hiring_lag", "staff", "Time to hire", "Tid til ansettelse"},
    {"pathways.in_house.turnover.rate", "staff", "Caseworker turnover", "Turnover blant veiledere"},
    {"pathways.in_house.turnover.vacancy", "staff", "Vacancy before a post is filled", "Ledig stilling før den fylles"},
    {"pathways.measures.*.slots", "purchases", "{}: places bought", "{}: kjøpte plasser", "places", "plasser"},
    {"pathways.measures.*.price_per_month_nok", "purchases", "{}: price per participant-month", "{}: pris per deltakermåned", "NOK", "kr"},
    {"pathways.measures.*.result_fee_nok", "purchases", "{}: fee per job", "{}: resultathonorar per jobb", "NOK", "kr"},
    {"pathways.measures.*.hours_per_participant_month", "purchases", "{}: provider's hours", "{}: leverandørens timer", "hours a month", "timer per måned"},
    {"pathways.measures.*.nav_follow_up_weight", "purchases", "{}: NAV's own follow-up", "{}: NAVs egen oppfølging", "share of in-house", "andel av NAV-kontorets"},
    {"pathways.measures.*.max_duration", "purchases", "{}: longest stay", "{}: lengste varighet"},
    {"pathways.measures.*.ordering_hours", "purchases", "{}: NAV's hours to order", "{}: NAVs timer til bestilling", "hours", "timer"},
    {"budget.purchases_per_year_nok", "purchases", "Purchase budget a year", "Innkjøpsbudsjett per år", "NOK", "kr"},
    {"budget.when_spent", "purchases", "When the budget is spent", "Når budsjettet er brukt opp"},
    {"pathways.in_house.placement.probability", "effects", "In-house: probability of a job", "NAV-kontoret: sannsynlighet for jobb", "0–1", "0–1"},
    {"pathways.in_house.placement.within", "effects", "In-house: … within", "NAV-kontoret: … innen"},
    {"pathways.baseline.placement.probability", "effects", "Baseline: probability of a job", "Ordinær oppfølging: sannsynlighet for jobb", "0–1", "0–1"},
    {"pathways.baseline.placement.within", "effects", "Baseline: … within", "Ordinær oppfølging: … innen"},
    {"pathways.measures.*.placement.probability", "effects", "{}: probability of a job", "{}: sannsynlighet for jobb", "0–1", "0–1"},
    {"pathways.measures.*.effectiveness", "effects", "{}: provider's effectiveness", "{}: leverandørens effekt", "× NAV's hazard", "× NAVs hasard"},
    {"pathways.dose_response.power.elasticity", "effects", "Effect of more follow-up hours (elasticity)", "Effekt av flere oppfølgingstimer (elastisitet)"},
    {"arms.*.route", "arms", "{}: sends people to", "{}: sender folk til"},
    {"arms.*.when_full", "arms", "{}: when it is full", "{}: når det er fullt"},
    {"arms.*.when_budget_spent", "arms", "{}: when the budget is spent", "{}: når budsjettet er brukt opp"},
    {"arms.*.caseworkers", "arms", "{}: caseworkers", "{}: veiledere", "FTEs", "årsverk"},
    {"arms.*.caseworker_changes.*.at", "arms", "{}: staffing change {}: from", "{}: bemanningsendring {}: fra"},
    {"arms.*.caseworker_changes.*.caseworkers", "arms", "{}: staffing change {}: caseworkers", "{}: bemanningsendring {}: veiledere", "FTEs", "årsverk"},
    {"population.cohorts.*.arrivals.count", "population", "{}: persons at the start", "{}: personer ved start", "persons", "personer"},
    {"population.cohorts.*.arrivals.rate", "population", "{}: new persons", "{}: nye personer"},
    {"economics.discount_rate", "economics", "Discount rate", "Kalkulasjonsrente", "a year", "per år"},
    {"economics.tax_financing_cost", "economics", "Tax financing cost", "Skattefinansieringskostnad", "of net public spending", "av netto offentlige utgifter"},
};
// clang-format on

// The parts of `path` that stand for the pattern's `*`s; nullopt if it does not match.
std::optional<std::vector<std::string>> match(const std::string& pattern, const std::string& path) {
    const auto want = scenario::split_path(pattern);
    const auto have = scenario::split_path(path);
    if (want.size() != have.size()) return std::nullopt;
    std::vector<std::string> stars;
    for (std::size_t i = 0; i < want.size(); ++i) {
        if (want[i] == "*")
            stars.push_back(have[i]);
        else if (want[i] != have[i])
            return std::nullopt;
    }
    return stars;
}

// How a `*` reads in a label: a cohort by its name, a list item by its number from 1.
std::vector<std::string> star_names(const std::string& path, const scenario::Scenario& sc) {
    const auto parts = scenario::split_path(path);
    std::vector<std::string> names;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const bool index = std::all_of(parts[i].begin(), parts[i].end(), ::isdigit);
        if (parts[i - 1] == "cohorts" && index) {
            const auto k = std::stoul(parts[i]);
            names.push_back(k < sc.model.cohorts.size() ? sc.model.cohorts[k].name : parts[i]);
        } else if (parts[i - 1] == "caseworker_changes" && index) {
            names.push_back(std::to_string(std::stoul(parts[i]) + 1));
        } else if (parts[i - 1] == "measures" || parts[i - 1] == "arms") {
            names.push_back(parts[i]);
        }
    }
    return names;
}

std::string label_with(const char* pattern, const std::vector<std::string>& names) {
    fmt::dynamic_format_arg_store<fmt::format_context> args;
    for (const auto& n : names) args.push_back(n);
    return fmt::vformat(pattern, args);
}

// The words a text field can take: the scenario's pathways, and the special word of the key.
std::vector<std::string> choices_for(const std::string& path, const json& node,
                                     const scenario::Scenario& sc) {
    if (node.contains("enum")) return node.at("enum").get<std::vector<std::string>>();
    const std::string key = scenario::split_path(path).back();
    std::vector<std::string> out;
    if (key == "when_full" || key == "when_budget_spent" || key == "when_spent")
        out.push_back("wait");
    else if (key == "after_max_duration")
        out.push_back("reroute");
    else if (key != "route")
        return {};
    for (const auto& p : sc.model.pathways) out.push_back(p.name);
    return out;
}

// Every scalar of the document with its canonical key path, in file order.
void leaves(const YAML::Node& node, const std::string& path,
            std::vector<std::pair<std::string, YAML::Node>>& out) {
    if (node.IsMap()) {
        for (const auto& kv : node)
            leaves(kv.second, scenario::child_path(path, kv.first.Scalar()), out);
    } else if (node.IsSequence()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            leaves(node[i], scenario::child_path(path, std::to_string(i)), out);
    } else if (node.IsScalar()) {
        out.emplace_back(path, node);
    }
}

const json* step(const json& node, const std::string& part) {
    if (node.contains("properties") && node.at("properties").contains(part))
        return &node.at("properties").at(part);
    const bool index = !part.empty() && std::all_of(part.begin(), part.end(), ::isdigit);
    if (index && node.contains("items")) return &node.at("items");
    if (node.contains("additionalProperties") && node.at("additionalProperties").is_object())
        return &node.at("additionalProperties");
    return nullptr;
}

}  // namespace

json schema_at(const std::string& path) {
    const json& root = scenario::scenario_schema();
    const json* node = &root;
    std::string description, ref;
    // Follows $ref (keeping the referring node's description, the more specific one).
    auto resolve = [&](const json* n) {
        description = n->value("description", "");
        while (n->contains("$ref")) {
            const std::string target = n->at("$ref").get<std::string>();
            ref = target.substr(target.rfind('/') + 1);
            n = &root.at("$defs").at(ref);
            if (description.empty()) description = n->value("description", "");
        }
        return n;
    };
    node = resolve(node);
    for (const std::string& part : scenario::split_path(path)) {
        const json* next = step(*node, part);
        for (const char* variants : {"oneOf", "anyOf"}) {
            if (next || !node->contains(variants)) continue;
            for (const json& v : node->at(variants)) {
                if ((next = step(*resolve(&v), part))) break;
            }
        }
        if (!next) return nullptr;
        ref.clear();
        node = resolve(next);
    }
    return {{"node", *node}, {"description", description}, {"ref", ref}};
}

std::string field_text(const FormField& field, const std::string& number) {
    if (field.kind == FieldKind::duration || field.kind == FieldKind::rate)
        return number + " " + field.unit;
    return number;
}

std::vector<FormField> form_fields(const scenario::Scenario& sc, const std::string& source,
                                   Lang lang) {
    YAML::Node root = YAML::Load(source);
    std::vector<std::pair<std::string, YAML::Node>> scalars;
    leaves(root, "", scalars);

    struct Ranked {
        std::size_t group, key, order;
        FormField field;
    };
    std::vector<Ranked> ranked;
    for (std::size_t order = 0; order < scalars.size(); ++order) {
        const auto& [path, node] = scalars[order];
        const json at = schema_at(path);
        if (at.is_null() || path.starts_with("uncertainty.")) continue;
        const json& s = at.at("node");
        FormField f;
        f.path = path;
        f.value = node.Scalar();
        f.description = at.at("description").get<std::string>();
        f.line = node.Mark().line + 1;
        f.help = comment_for_line(source, static_cast<std::size_t>(node.Mark().line));
        const std::string ref = at.at("ref").get<std::string>();
        if (ref == "duration" || ref == "rate") {
            f.kind = ref == "duration" ? FieldKind::duration : FieldKind::rate;
            const auto space = f.value.find(' ');
            if (space == std::string::npos) continue;
            f.unit = f.value.substr(space + 1);
            f.value = f.value.substr(0, space);
        } else if (s.value("type", "") == "integer" || s.value("type", "") == "number") {
            f.kind = s.at("type") == "integer" ? FieldKind::integer : FieldKind::number;
            const auto rule = [&](const char* k) -> std::optional<double> {
                if (s.contains(k)) return s.at(k).get<double>();
                return std::nullopt;
            };
            f.minimum = rule("minimum") ? rule("minimum") : rule("exclusiveMinimum");
            f.maximum = rule("maximum") ? rule("maximum") : rule("exclusiveMaximum");
            if (ref == "money") f.unit = lang == Lang::nb ? "kr" : "NOK";
        } else {
            f.kind = FieldKind::choice;
            f.choices = choices_for(path, s, sc);
            if (f.choices.empty()) continue;
            // The file's word is always offered, so the form never shows another as its value.
            if (std::find(f.choices.begin(), f.choices.end(), f.value) == f.choices.end())
                f.choices.insert(f.choices.begin(), f.value);
        }
        std::size_t key = kKeyParameters.size();
        for (std::size_t k = 0; k < kKeyParameters.size() && key == kKeyParameters.size(); ++k) {
            const KeyParameter& p = kKeyParameters[k];
            if (!match(p.pattern, path)) continue;
            key = k;
            const auto names = star_names(path, sc);
            f.group = p.group;
            f.label = label_with(lang == Lang::nb ? p.label_nb : p.label_en, names);
            const char* unit = lang == Lang::nb ? p.unit_nb : p.unit_en;
            if (*unit != '\0') f.unit = unit;
        }
        if (key == kKeyParameters.size()) {
            // Beyond the key parameters: the numbers a binding can set, labelled by path.
            if (f.kind == FieldKind::choice || !sc.parameters.find(path, sc.model)) continue;
            f.group = "other";
            f.label = path;
        }
        const auto group = static_cast<std::size_t>(
            std::find(kGroups.begin(), kGroups.end(), f.group) - kGroups.begin());
        ranked.push_back({group, key, order, std::move(f)});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
        return std::tie(a.group, a.key, a.order) < std::tie(b.group, b.key, b.order);
    });
    std::vector<FormField> fields;
    for (auto& r : ranked) fields.push_back(std::move(r.field));
    return fields;
}

json to_json(const FormField& f) {
    static constexpr std::array kKinds{"number", "integer", "duration", "rate", "choice"};
    json j = {{"path", f.path},   {"group", f.group},
              {"label", f.label}, {"kind", kKinds[static_cast<std::size_t>(f.kind)]},
              {"value", f.value}, {"unit", f.unit},
              {"help", f.help},   {"description", f.description},
              {"line", f.line}};
    if (!f.choices.empty()) j["choices"] = f.choices;
    if (f.minimum) j["minimum"] = *f.minimum;
    if (f.maximum) j["maximum"] = *f.maximum;
    return j;
}

}  // namespace followsim::serve
