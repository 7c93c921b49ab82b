#include "engine/scenario/scenario_loader.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>

#include <yaml-cpp/yaml.h>
#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/economics/grunnbelop.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/schema_validator.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::scenario {

namespace {

using model::kNever;

constexpr double kMaxHorizonYears = 200.0;
constexpr double kMaxPersons = 5e7;  // persons of one cohort in one arm
using model::PathwayIndex;
using model::TimeToEvent;

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '.')) parts.push_back(part);
    return parts;
}

bool path_has_prefix(const std::string& path, const std::string& prefix) {
    return path == prefix || (path.size() > prefix.size() && path.rfind(prefix, 0) == 0 &&
                              path[prefix.size()] == '.');
}

// Where problems are reported: the scenario file, or the --set assignment a node came from.
class Reporter {
  public:
    explicit Reporter(std::string file) : file_(std::move(file)) {}

    void add_override(const std::string& path, const std::string& assignment) {
        overrides_.emplace_back(path, assignment);
    }

    void report(const YAML::Mark& mark, const std::string& path, std::string message) {
        // The last override that set this path or one of its parents made this node.
        for (auto it = overrides_.rbegin(); it != overrides_.rend(); ++it) {
            if (path_has_prefix(path, it->first)) {
                problems_.push_back(Diagnostic{"--set " + it->second, 1,
                                               static_cast<int>(it->first.size()) + 2, path,
                                               std::move(message)});
                return;
            }
        }
        // An empty document has no position: point at its start.
        problems_.push_back(Diagnostic{file_, mark.is_null() ? 1 : mark.line + 1,
                                       mark.is_null() ? 1 : mark.column + 1, path,
                                       std::move(message)});
    }
    void report(const YAML::Node& node, const std::string& path, std::string message) {
        report(node.Mark(), path, std::move(message));
    }
    void report_plain(std::string file, std::string path, std::string message) {
        problems_.push_back(Diagnostic{std::move(file), 1, 1, std::move(path), std::move(message)});
    }

    [[nodiscard]] bool has_problems() const { return !problems_.empty(); }
    [[noreturn]] void raise() {
        std::stable_sort(problems_.begin(), problems_.end(),
                         [&](const Diagnostic& a, const Diagnostic& b) {
                             const bool a_file = a.file == file_, b_file = b.file == file_;
                             if (a_file != b_file) return a_file;
                             return std::tie(a.line, a.column) < std::tie(b.line, b.column);
                         });
        throw ScenarioError(std::move(problems_));
    }

  private:
    std::string file_;
    std::vector<std::pair<std::string, std::string>> overrides_;
    std::vector<Diagnostic> problems_;
};

std::string child(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

// The node at a dotted key path (list items by index or name), or an undefined node.
YAML::Node find_path(const YAML::Node& root, const std::string& path) {
    YAML::Node current;
    current.reset(root);
    for (const std::string& part : split_path(path)) {
        YAML::Node next;
        if (current.IsMap()) {
            if (!current[part]) return YAML::Node(YAML::NodeType::Undefined);
            next.reset(current[part]);
        } else if (current.IsSequence()) {
            bool found = false;
            for (std::size_t k = 0; k < current.size(); ++k) {
                const bool by_index = std::to_string(k) == part;
                const bool by_name =
                    current[k].IsMap() && current[k]["name"] && current[k]["name"].Scalar() == part;
                if (by_index || by_name) {
                    next.reset(current[k]);
                    found = true;
                    break;
                }
            }
            if (!found) return YAML::Node(YAML::NodeType::Undefined);
        } else {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        current.reset(next);
    }
    return current;
}

// ---- --set overrides ---------------------------------------------------------------------

void apply_override(YAML::Node& root, const std::string& assignment, Reporter& reporter) {
    const auto equals = assignment.find('=');
    if (equals == std::string::npos || equals == 0) {
        reporter.report_plain("--set " + assignment, "",
                              "expected KEY.PATH=VALUE, e.g. pathways.in_house.caseworkers=5");
        return;
    }
    const std::string path = assignment.substr(0, equals);
    const std::string value_text = assignment.substr(equals + 1);
    YAML::Node value;
    try {
        value = YAML::Load(value_text);
    } catch (const YAML::Exception& e) {
        reporter.report_plain("--set " + assignment, path, "the value is not valid YAML: " + e.msg);
        return;
    }
    const std::vector<std::string> parts = split_path(path);
    YAML::Node current;
    current.reset(root);
    std::string so_far;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        const std::string& part = parts[i];
        const bool last = i + 1 == parts.size();
        if (part.empty()) {
            reporter.report_plain("--set " + assignment, path, "empty key in the path");
            return;
        }
        if (current.IsSequence()) {
            // By index, or by the item's name.
            std::optional<std::size_t> index;
            if (std::all_of(part.begin(), part.end(), ::isdigit)) {
                index = std::stoul(part);
            } else {
                for (std::size_t k = 0; k < current.size(); ++k) {
                    if (current[k].IsMap() && current[k]["name"] &&
                        current[k]["name"].Scalar() == part) {
                        index = k;
                    }
                }
            }
            if (!index || *index >= current.size()) {
                reporter.report_plain(
                    "--set " + assignment, child(so_far, part),
                    fmt::format("no list item '{}' (the list has {} item{})", part, current.size(),
                                current.size() == 1 ? "" : "s"));
                return;
            }
            so_far = child(so_far, std::to_string(*index));
            if (last) {
                current[*index] = value;
            } else {
                YAML::Node next = current[*index];
                current.reset(next);
            }
            continue;
        }
        if (!current.IsMap() && !current.IsNull()) {
            reporter.report_plain("--set " + assignment, so_far,
                                  fmt::format("'{}' is a value, not a section with keys", so_far));
            return;
        }
        so_far = child(so_far, part);
        if (last) {
            current[part] = value;
        } else {
            YAML::Node next = current[part];
            current.reset(next);
        }
    }
    reporter.add_override(so_far, assignment);
}

// ---- conversion ----------------------------------------------------------------------------

class Converter {
  public:
    Converter(const YAML::Node& root, Reporter& reporter) : root_(root), r_(reporter) {}

    void convert(Scenario& sc) {
        sc.name = root_["name"].as<std::string>();
        if (root_["description"]) sc.description = root_["description"].as<std::string>();
        sc.price_year = root_["price_year"].as<int>();
        price_year_ = sc.price_year;
        model::ModelConfig& m = sc.model;
        m.horizon_days = positive_duration(root_["horizon"], "horizon");
        // Beyond this the model's assumptions (and R-109's discount steps) say little, and a
        // mistyped unit should not start a run that never ends.
        if (m.horizon_days > kMaxHorizonYears * model::kDaysPerYear) {
            r_.report(root_["horizon"], "horizon",
                      fmt::format("must be at most {} years", kMaxHorizonYears));
        }

        convert_pathways(root_["pathways"], m);
        convert_population(root_["population"], m);
        if (const YAML::Node b = root_["budget"]) {
            m.budget.purchases_per_year_nok = b["purchases_per_year_nok"].as<double>();
            if (b["when_spent"]) {
                default_when_spent_ =
                    target(b["when_spent"], "budget.when_spent", "wait", model::kWait);
            }
        }
        convert_arms(root_["arms"], m);
        convert_economics(root_["economics"], m);
        convert_uncertainty(root_["uncertainty"], sc.uncertainty);
    }

  private:
    void convert_economics(const YAML::Node& e, model::ModelConfig& m) {
        economics::EconomicsConfig& c = m.economics;
        if (!e) return;  // defaults; relative metrics are null if no arm is named baseline
        const std::pair<const char*, double*> numbers[] = {
            {"discount_rate", &c.discount_rate},
            {"discount_rate_after_40_years", &c.discount_rate_after_40_years},
            {"discount_rate_after_75_years", &c.discount_rate_after_75_years},
            {"tax_financing_cost", &c.tax_financing_cost},
            {"employer_contribution", &c.employer_contribution},
            {"income_tax_rate", &c.income_tax_rate},
            {"displacement_share", &c.displacement_share},
            {"hours_per_fte_year", &c.hours_per_fte_year},
            {"staff_cost_per_year_nok", &c.staff_cost_per_year_nok},
        };
        for (const auto& [key, target] : numbers) {
            if (e[key]) *target = e[key].as<double>();
        }
        auto payer = [](const YAML::Node& n) {
            return n.Scalar() == "municipality" ? economics::Payer::municipality
                                                : economics::Payer::state;
        };
        if (e["in_house_paid_by"]) c.in_house_paid_by = payer(e["in_house_paid_by"]);
        if (e["purchases_paid_by"]) c.purchases_paid_by = payer(e["purchases_paid_by"]);
        if (const YAML::Node w = e["ceac"]) {
            c.wtp_per_placement_from_nok = w["wtp_per_placement_from_nok"].as<double>();
            c.wtp_per_placement_to_nok = w["wtp_per_placement_to_nok"].as<double>();
            if (w["steps"]) c.wtp_steps = w["steps"].as<int>();
            if (!(c.wtp_per_placement_to_nok > c.wtp_per_placement_from_nok)) {
                r_.report(w["wtp_per_placement_to_nok"], "economics.ceac.wtp_per_placement_to_nok",
                          "must be greater than wtp_per_placement_from_nok");
            }
        }
        if (e["baseline_arm"]) check_baseline_arm(e["baseline_arm"], m);
    }

    void convert_uncertainty(const YAML::Node& u, Uncertainty& out) {
        if (!u || !u["parameters"]) return;
        const YAML::Node params = u["parameters"];
        std::map<std::string, std::size_t> index;
        for (std::size_t i = 0; i < params.size(); ++i) {
            const YAML::Node p = params[i];
            const std::string here = child("uncertainty.parameters", std::to_string(i));
            UncertainParameter param;
            param.path = p["path"].Scalar();
            if (p["unit"]) param.unit = p["unit"].Scalar();
            int given = 0;
            auto mean_sd = [&](const char* name, Distribution d) {
                if (!p[name]) return;
                ++given;
                param.distribution = d;
                param.a = p[name]["mean"].as<double>();
                param.b = p[name]["sd"].as<double>();
                if (d == Distribution::beta && param.b * param.b >= param.a * (1 - param.a)) {
                    r_.report(
                        p[name]["sd"], child(child(here, name), "sd"),
                        fmt::format(
                            "too large for a beta distribution with mean {}: the variance must "
                            "be below mean x (1 - mean) = {:.6g}",
                            param.a, param.a * (1 - param.a)));
                }
            };
            mean_sd("beta", Distribution::beta);
            mean_sd("gamma", Distribution::gamma);
            mean_sd("lognormal", Distribution::lognormal);
            mean_sd("normal", Distribution::normal);
            if (const YAML::Node d = p["uniform"]) {
                ++given;
                param.distribution = Distribution::uniform;
                param.a = d["low"].as<double>();
                param.b = d["high"].as<double>();
                if (param.b < param.a)
                    r_.report(d["high"], child(here, "uniform.high"), "must not be below 'low'");
            }
            if (const YAML::Node d = p["triangular"]) {
                ++given;
                param.distribution = Distribution::triangular;
                param.a = d["low"].as<double>();
                param.b = d["mode"].as<double>();
                param.c = d["high"].as<double>();
                if (!(param.a <= param.b && param.b <= param.c)) {
                    r_.report(d, child(here, "triangular"), "needs low <= mode <= high");
                }
            }
            if (given != 1) {
                r_.report(p, here,
                          "give exactly one distribution: beta, gamma, lognormal, normal, uniform "
                          "or triangular");
            }
            const YAML::Node target = find_path(root_, param.path);
            if (!target || !target.IsScalar()) {
                r_.report(p["path"], child(here, "path"),
                          fmt::format("'{}' is not a value of this scenario", param.path));
            } else if (param.unit.empty() && scalar_type(target) != ScalarType::integer &&
                       scalar_type(target) != ScalarType::number) {
                r_.report(p["path"], child(here, "path"),
                          fmt::format("'{}' is '{}', not a number; for a duration give 'unit'",
                                      param.path, target.Scalar()));
            }
            if (target && target.IsScalar() && scalar_type(target) == ScalarType::integer) {
                param.integer = true;
            }
            if (index.count(param.path)) {
                r_.report(p["path"], child(here, "path"), "this parameter is given twice");
            }
            index[param.path] = out.parameters.size();
            out.parameters.push_back(std::move(param));
        }
        if (const YAML::Node corr = u["correlations"]) {
            for (std::size_t i = 0; i < corr.size(); ++i) {
                const std::string here = child("uncertainty.correlations", std::to_string(i));
                const YAML::Node between = corr[i]["between"];
                if (between.size() != 2) {
                    r_.report(between, child(here, "between"), "name exactly two parameter paths");
                    continue;
                }
                const auto first = index.find(between[0].Scalar());
                const auto second = index.find(between[1].Scalar());
                if (first == index.end() || second == index.end() || first == second) {
                    r_.report(between, child(here, "between"),
                              "both must be different paths listed under uncertainty.parameters");
                    continue;
                }
                out.correlations.push_back(
                    Correlation{first->second, second->second, corr[i]["rho"].as<double>()});
            }
        }
    }

    // The arm NPVs are measured against: economics.baseline_arm, or an arm named 'baseline'.
    void check_baseline_arm(const YAML::Node& n, model::ModelConfig& m) {
        m.economics.baseline_arm = n.Scalar();
        std::vector<std::string> names;
        for (const auto& arm : m.arms) {
            if (arm.name == n.Scalar()) return;
            names.push_back(arm.name);
        }
        std::string message = fmt::format("no arm named '{}'", n.Scalar());
        const std::string guess = closest_match(n.Scalar(), names);
        if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
        r_.report(n, "economics.baseline_arm", std::move(message));
    }

    // ---- values ----

    double duration(const YAML::Node& n, const std::string& path) {
        const auto days = parse_duration_days(n.Scalar());
        if (!days) {
            r_.report(
                n, path,
                fmt::format("expected a duration such as '6 months', found '{}'", n.Scalar()));
            return 0.0;
        }
        return *days;
    }
    double positive_duration(const YAML::Node& n, const std::string& path) {
        const double days = duration(n, path);
        if (!(days > 0.0)) r_.report(n, path, "must be longer than zero");
        return days;
    }
    double rate(const YAML::Node& n, const std::string& path) {
        const auto per_day = parse_rate_per_day(n.Scalar());
        if (!per_day) {
            r_.report(
                n, path,
                fmt::format("expected a rate such as '0.05 per month', found '{}'", n.Scalar()));
            return 0.0;
        }
        return *per_day;
    }

    TimeToEvent time_to_event(const YAML::Node& n, const std::string& path) {
        if (!n || n.IsNull() || (n.IsScalar() && n.Scalar() == "none")) return TimeToEvent::never();
        if (n["probability"]) {
            const double p = n["probability"].as<double>();
            const double within = positive_duration(n["within"], child(path, "within"));
            if (p <= 0.0 || within <= 0.0) return TimeToEvent::never();
            return TimeToEvent::probability_within(p, within);
        }
        if (n["mean"]) {
            const double mean = positive_duration(n["mean"], child(path, "mean"));
            return mean > 0.0 ? TimeToEvent::exponential(1.0 / mean) : TimeToEvent::never();
        }
        if (n["rate"]) return TimeToEvent::exponential(rate(n["rate"], child(path, "rate")));
        if (const YAML::Node w = n["weibull"]) {
            const double scale = positive_duration(w["scale"], child(path, "weibull.scale"));
            if (scale <= 0.0) return TimeToEvent::never();
            return TimeToEvent::weibull(w["shape"].as<double>(), scale);
        }
        if (const YAML::Node l = n["lognormal"]) {
            const double median = positive_duration(l["median"], child(path, "lognormal.median"));
            if (median <= 0.0) return TimeToEvent::never();
            return TimeToEvent::lognormal(median, l["sigma"].as<double>());
        }
        if (const YAML::Node pieces = n["piecewise"]) {
            std::vector<double> ends, rates;
            double previous = 0.0;
            for (std::size_t i = 0; i < pieces.size(); ++i) {
                const std::string here = child(child(path, "piecewise"), std::to_string(i));
                const YAML::Node piece = pieces[i];
                double end = kNever;
                if (piece["until"]) {
                    end = duration(piece["until"], child(here, "until"));
                    if (!(end > previous)) {
                        r_.report(piece["until"], child(here, "until"),
                                  "must be later than the end of the piece before");
                        return TimeToEvent::never();
                    }
                } else if (i + 1 < pieces.size()) {
                    r_.report(piece, here, "only the last piece may leave out 'until'");
                    return TimeToEvent::never();
                }
                ends.push_back(end);
                rates.push_back(rate(piece["rate"], child(here, "rate")));
                previous = end;
            }
            return TimeToEvent::piecewise(std::move(ends), std::move(rates));
        }
        if (n["after"]) return TimeToEvent::fixed(duration(n["after"], child(path, "after")));
        r_.report(n, path, "not a time-to-event form");
        return TimeToEvent::never();
    }

    template <std::size_t N>
    std::array<double, N> shares(const YAML::Node& n, const std::string& path,
                                 const std::array<const char*, N>& names) {
        std::array<double, N> out{};
        double sum = 0.0;
        for (std::size_t i = 0; i < N; ++i) {
            const YAML::Node value = n[std::string(names[i])];
            if (value) out[i] = value.as<double>();
            sum += out[i];
        }
        if (std::abs(sum - 1.0) > 1e-6) {
            r_.report(n, path, fmt::format("shares must sum to 1, they sum to {:.6g}", sum));
        }
        return out;
    }

    // ---- names of pathways ----

    std::vector<std::string> pathway_names() const {
        std::vector<std::string> names;
        for (const auto& [name, _] : pathway_index_) names.push_back(name);
        return names;
    }

    std::optional<PathwayIndex> pathway(const YAML::Node& n, const std::string& path) {
        const std::string name = n.Scalar();
        const auto it = pathway_index_.find(name);
        if (it != pathway_index_.end()) return it->second;
        std::string message = fmt::format("no pathway named '{}'", name);
        const std::string guess = closest_match(name, pathway_names());
        if (!guess.empty()) {
            message += fmt::format(" (did you mean '{}'?)", guess);
        } else {
            std::string list;
            for (const std::string& p : pathway_names()) list += (list.empty() ? "" : ", ") + p;
            message += "; the pathways are " + list;
        }
        r_.report(n, path, std::move(message));
        return std::nullopt;
    }

    // A pathway name or the special word (wait / reroute), as the rule's target.
    PathwayIndex target(const YAML::Node& n, const std::string& path, const std::string& word,
                        PathwayIndex word_value) {
        if (n.Scalar() == word) return word_value;
        if (!pathway_index_.count(n.Scalar())) {
            std::vector<std::string> options = pathway_names();
            options.push_back(word);
            std::string message =
                fmt::format("'{}' is neither '{}' nor a pathway", n.Scalar(), word);
            const std::string guess = closest_match(n.Scalar(), options);
            if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
            r_.report(n, path, std::move(message));
            return word_value;
        }
        return pathway_index_.at(n.Scalar());
    }

    // ---- sections ----

    void convert_pathways(const YAML::Node& n, model::ModelConfig& m) {
        model::PathwayConfig baseline;
        baseline.name = "baseline";
        baseline.kind = model::PathwayKind::baseline;
        baseline.placement =
            time_to_event(n["baseline"]["placement"], "pathways.baseline.placement");
        baseline.dropout = time_to_event(n["baseline"]["dropout"], "pathways.baseline.dropout");
        m.pathways.push_back(baseline);
        pathway_index_["baseline"] = model::kBaselinePathway;

        if (const YAML::Node h = n["in_house"]) {
            const std::string path = "pathways.in_house";
            model::PathwayConfig p;
            p.name = "in_house";
            p.kind = model::PathwayKind::in_house;
            p.caseworkers = h["caseworkers"].as<std::int64_t>();
            p.caseload_per_caseworker = h["caseload_per_caseworker"].as<std::int64_t>();
            if (const YAML::Node changes = h["caseworker_changes"]) {
                for (std::size_t i = 0; i < changes.size(); ++i) {
                    const std::string here =
                        child(child(path, "caseworker_changes"), std::to_string(i));
                    model::CaseworkerChange c;
                    c.at_days = duration(changes[i]["at"], child(here, "at"));
                    c.caseworkers = changes[i]["caseworkers"].as<std::int64_t>();
                    if (!p.caseworker_changes.empty() &&
                        c.at_days < p.caseworker_changes.back().at_days) {
                        r_.report(changes[i]["at"], child(here, "at"),
                                  "changes must be in time order");
                    }
                    p.caseworker_changes.push_back(c);
                }
            }
            if (h["hours_per_participant_month"]) {
                p.hours_per_participant_month = h["hours_per_participant_month"].as<double>();
            }
            if (h["cost_per_caseworker_year_nok"]) {
                p.cost_per_caseworker_year_nok = h["cost_per_caseworker_year_nok"].as<double>();
            }
            if (h["training_per_caseworker_nok"]) {
                p.training_per_caseworker_nok = h["training_per_caseworker_nok"].as<double>();
            }
            p.placement = time_to_event(h["placement"], child(path, "placement"));
            p.dropout = time_to_event(h["dropout"], child(path, "dropout"));
            if (h["max_duration"]) {
                p.max_duration_days =
                    positive_duration(h["max_duration"], child(path, "max_duration"));
            }
            if (const YAML::Node pressure = h["caseload_pressure"]) {
                // More cases per caseworker than the reference lowers the hazard.
                const double reference = pressure["reference_caseload"].as<double>();
                const double elasticity = pressure["elasticity"].as<double>();
                p.placement_hazard_ratio *= std::pow(
                    reference / static_cast<double>(p.caseload_per_caseworker), elasticity);
            }
            if (const YAML::Node comp = h["competence"]) {
                const double share = comp["share"].as<double>();
                p.placement_hazard_ratio *= 1.0 - share + share * comp["hazard_ratio"].as<double>();
            }
            pathway_index_["in_house"] = static_cast<PathwayIndex>(m.pathways.size());
            m.pathways.push_back(p);
        }

        if (const YAML::Node measures = n["measures"]) {
            for (auto it = measures.begin(); it != measures.end(); ++it) {
                const std::string name = it->first.Scalar();
                const std::string path = child("pathways.measures", name);
                if (name == "baseline" || name == "in_house" || name == "wait" ||
                    name == "reroute") {
                    r_.report(it->first, path,
                              fmt::format("'{}' is reserved; give the measure another name", name));
                    continue;
                }
                const YAML::Node x = it->second;
                model::PathwayConfig p;
                p.name = name;
                p.kind = model::PathwayKind::measure;
                p.slots = x["slots"].as<std::int64_t>();
                p.price_per_month_nok = x["price_per_month_nok"].as<double>();
                if (x["result_fee_nok"]) p.result_fee_nok = x["result_fee_nok"].as<double>();
                if (x["ordering_hours"]) p.ordering_hours = x["ordering_hours"].as<double>();
                if (x["max_duration"]) {
                    p.max_duration_days =
                        positive_duration(x["max_duration"], child(path, "max_duration"));
                }
                p.placement = time_to_event(x["placement"], child(path, "placement"));
                p.dropout = time_to_event(x["dropout"], child(path, "dropout"));
                pathway_index_[name] = static_cast<PathwayIndex>(m.pathways.size());
                m.pathways.push_back(p);
            }
        }
    }

    void convert_population(const YAML::Node& n, model::ModelConfig& m) {
        if (const YAML::Node hr = n["hazard_ratios"]) {
            for (std::size_t g = 0; g < model::kNeedGroups; ++g) {
                if (hr["groups"] && hr["groups"][model::kNeedGroupNames[g]]) {
                    m.group_hazard_ratio[g] = hr["groups"][model::kNeedGroupNames[g]].as<double>();
                }
            }
            for (std::size_t a = 0; a < model::kAgeBands; ++a) {
                if (hr["age_bands"] && hr["age_bands"][model::kAgeBandNames[a]]) {
                    m.age_band_hazard_ratio[a] =
                        hr["age_bands"][model::kAgeBandNames[a]].as<double>();
                }
            }
        }
        const YAML::Node cohorts = n["cohorts"];
        for (std::size_t i = 0; i < cohorts.size(); ++i) {
            const YAML::Node c = cohorts[i];
            const std::string path = child("population.cohorts", std::to_string(i));
            model::CohortConfig cohort;
            cohort.name = c["name"].as<std::string>();
            if (cohort_index_.count(cohort.name)) {
                r_.report(c["name"], child(path, "name"),
                          fmt::format("another cohort is already named '{}'", cohort.name));
            }
            cohort_index_[cohort.name] = static_cast<std::int32_t>(i);
            const YAML::Node a = c["arrivals"];
            if (a["count"]) {
                cohort.arrivals.count = a["count"].as<std::int64_t>();
                if (a["at"])
                    cohort.arrivals.at_days = duration(a["at"], child(path, "arrivals.at"));
            } else {
                cohort.arrivals.poisson = true;
                cohort.arrivals.rate_per_day = rate(a["rate"], child(path, "arrivals.rate"));
                if (a["from"])
                    cohort.arrivals.from_days = duration(a["from"], child(path, "arrivals.from"));
                cohort.arrivals.until_days = duration(a["until"], child(path, "arrivals.until"));
                if (!(cohort.arrivals.until_days > cohort.arrivals.from_days)) {
                    r_.report(a["until"], child(path, "arrivals.until"),
                              "must be later than 'from'");
                }
            }
            if (c["groups"]) {
                cohort.group_shares =
                    shares(c["groups"], child(path, "groups"), model::kNeedGroupNames);
            }
            if (c["age_bands"]) {
                cohort.age_band_shares =
                    shares(c["age_bands"], child(path, "age_bands"), model::kAgeBandNames);
            }
            if (const YAML::Node b = c["benefit"]) {
                const std::string kind = b["kind"].Scalar();
                for (std::size_t k = 0; k < model::kBenefitKindNames.size(); ++k) {
                    if (kind == model::kBenefitKindNames[k])
                        cohort.benefit = static_cast<model::BenefitKind>(k);
                }
                if (b["per_month_nok"])
                    cohort.benefit_per_month_nok = b["per_month_nok"].as<double>();
                if (const YAML::Node basis = b["basis_g"]) {
                    const std::string here = child(path, "benefit.basis_g");
                    const auto g = economics::grunnbelop_nok(price_year_);
                    if (b["per_month_nok"]) {
                        r_.report(basis, here, "give per_month_nok or basis_g, not both");
                    } else if (cohort.benefit != model::BenefitKind::aap &&
                               cohort.benefit != model::BenefitKind::dagpenger) {
                        r_.report(basis, here, "basis_g applies to aap and dagpenger only");
                    } else if (!g) {
                        r_.report(
                            basis, here,
                            fmt::format("no G (grunnbeløp) is known for price_year {} (2010-2025); "
                                        "give per_month_nok",
                                        price_year_));
                    } else {
                        const double basis_g = basis.as<double>();
                        cohort.benefit_per_month_nok =
                            cohort.benefit == model::BenefitKind::aap
                                ? economics::aap_per_month_nok(basis_g, *g)
                                : economics::dagpenger_per_month_nok(basis_g, *g);
                    }
                }
            }
            if (c["wage_per_month_nok"])
                cohort.wage_per_month_nok = c["wage_per_month_nok"].as<double>();
            cohort.job_loss = time_to_event(c["job_loss"], child(path, "job_loss"));
            if (const YAML::Node initial = c["initial_caseload"]) {
                for (auto it = initial.begin(); it != initial.end(); ++it) {
                    const auto pw = pathway(
                        it->first, child(child(path, "initial_caseload"), it->first.Scalar()));
                    if (pw)
                        cohort.initial_caseload.emplace_back(*pw, it->second.as<std::int64_t>());
                }
            }
            const double expected =
                static_cast<double>(cohort.arrivals.count) +
                cohort.arrivals.rate_per_day *
                    std::max(0.0, std::min(cohort.arrivals.until_days, m.horizon_days) -
                                      cohort.arrivals.from_days);
            if (expected > kMaxPersons) {
                r_.report(c["arrivals"], child(path, "arrivals"),
                          fmt::format(
                              "about {:.3g} persons would arrive; the model takes at most {:.3g} a "
                              "cohort",
                              expected, kMaxPersons));
            }
            m.cohorts.push_back(std::move(cohort));
        }
    }

    void convert_arms(const YAML::Node& n, model::ModelConfig& m) {
        for (auto it = n.begin(); it != n.end(); ++it) {
            const std::string name = it->first.Scalar();
            const std::string path = child("arms", name);
            const YAML::Node a = it->second;
            model::ArmConfig arm;
            arm.name = name;
            const YAML::Node route = a["route"];
            if (route.IsScalar()) {
                model::RouteRule rule;
                if (const auto pw = pathway(route, child(path, "route"))) rule.pathway = *pw;
                arm.rules.push_back(rule);
            } else {
                for (std::size_t i = 0; i < route.size(); ++i) {
                    const std::string here = child(child(path, "route"), std::to_string(i));
                    const YAML::Node r = route[i];
                    model::RouteRule rule;
                    if (r["group"])
                        rule.group =
                            enum_index<model::NeedGroup>(r["group"], model::kNeedGroupNames);
                    if (r["age_band"])
                        rule.age_band =
                            enum_index<model::AgeBand>(r["age_band"], model::kAgeBandNames);
                    if (r["cohort"]) {
                        const auto c = cohort_index_.find(r["cohort"].Scalar());
                        if (c == cohort_index_.end()) {
                            r_.report(r["cohort"], child(here, "cohort"),
                                      fmt::format("no cohort named '{}'", r["cohort"].Scalar()));
                        } else {
                            rule.cohort = c->second;
                        }
                    }
                    if (const auto pw = pathway(r["to"], child(here, "to"))) rule.pathway = *pw;
                    arm.rules.push_back(rule);
                }
            }
            if (a["when_full"])
                arm.when_full =
                    target(a["when_full"], child(path, "when_full"), "wait", model::kWait);
            arm.when_budget_spent = default_when_spent_;
            if (a["when_budget_spent"]) {
                arm.when_budget_spent = target(
                    a["when_budget_spent"], child(path, "when_budget_spent"), "wait", model::kWait);
            }
            if (a["after_max_duration"]) {
                arm.after_max_duration =
                    target(a["after_max_duration"], child(path, "after_max_duration"), "reroute",
                           model::kReroute);
            }
            if (a["target_placement_rate"])
                arm.target_placement_rate = a["target_placement_rate"].as<double>();
            m.arms.push_back(std::move(arm));
        }
    }

    template <typename Enum, std::size_t N>
    Enum enum_index(const YAML::Node& n, const std::array<const char*, N>& names) {
        for (std::size_t i = 0; i < N; ++i) {
            if (n.Scalar() == names[i]) return static_cast<Enum>(i);
        }
        return static_cast<Enum>(0);  // unreachable: the schema checked the name
    }

    const YAML::Node& root_;
    Reporter& r_;
    std::map<std::string, PathwayIndex> pathway_index_;
    std::map<std::string, std::int32_t> cohort_index_;
    PathwayIndex default_when_spent_ = model::kWait;
    int price_year_ = 0;
};

}  // namespace

Scenario load_scenario_text(const std::string& text, const std::string& file_label,
                            const std::vector<std::string>& overrides) {
    Reporter reporter(file_label);
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::ParserException& e) {
        reporter.report(e.mark, "", "YAML syntax error: " + e.msg);
        reporter.raise();
    }
    if (!root.IsMap()) {
        reporter.report(root.Mark(), "",
                        "a scenario is a mapping of sections (name, horizon, population, ...)");
        reporter.raise();
    }
    for (const std::string& assignment : overrides) apply_override(root, assignment, reporter);
    for (SchemaProblem& p : validate_against_schema(root, scenario_schema())) {
        reporter.report(p.mark, p.path, std::move(p.message));
    }
    if (reporter.has_problems()) reporter.raise();

    Scenario sc;
    sc.file = file_label;
    sc.sha256 = sha256_hex(text);
    sc.overrides = overrides;
    Converter converter(root, reporter);
    converter.convert(sc);
    if (reporter.has_problems()) reporter.raise();
    YAML::Emitter emitter;
    emitter << root;
    sc.resolved_yaml = emitter.c_str();
    return sc;
}

std::optional<std::string> value_at(const Scenario& scenario, const std::string& path) {
    const YAML::Node root = YAML::Load(scenario.resolved_yaml);
    const YAML::Node node = find_path(root, path);
    if (!node || !node.IsScalar()) return std::nullopt;
    return node.Scalar();
}

Scenario load_variant(const Scenario& base, const std::vector<std::string>& overrides) {
    Scenario variant = load_scenario_text(base.resolved_yaml, base.file, overrides);
    variant.sha256 = base.sha256;
    variant.overrides = base.overrides;
    variant.overrides.insert(variant.overrides.end(), overrides.begin(), overrides.end());
    return variant;
}

Scenario load_scenario_file(const std::string& path, const std::vector<std::string>& overrides) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ScenarioError({Diagnostic{path, 0, 0, "", "cannot read the file"}});
    std::ostringstream text;
    text << in.rdbuf();
    return load_scenario_text(text.str(), path, overrides);
}

}  // namespace followsim::scenario
