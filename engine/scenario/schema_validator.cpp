#include "engine/scenario/schema_validator.hpp"

#include <fmt/core.h>

#include <cmath>
#include <set>
#include <string_view>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/number_rule.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::scenario {

using nlohmann::json;

namespace {

// The YAML 1.2 core schema's int and float, scanned by hand: a std::regex recurses once per
// character and overflows the stack on a long scalar.
//   integer  [-+]?[0-9]+
//   number   [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?
std::size_t skip_digits(std::string_view v, std::size_t i) {
    while (i < v.size() && v[i] >= '0' && v[i] <= '9') ++i;
    return i;
}

bool is_integer_text(std::string_view v) {
    if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
    return !v.empty() && skip_digits(v, 0) == v.size();
}

bool is_number_text(std::string_view v) {
    if (!v.empty() && (v.front() == '-' || v.front() == '+')) v.remove_prefix(1);
    std::size_t i = skip_digits(v, 0);
    const bool whole_digits = i > 0;
    if (i < v.size() && v[i] == '.') {
        const std::size_t fraction = i + 1;
        i = skip_digits(v, fraction);
        if (!whole_digits && i == fraction) return false;
    } else if (!whole_digits) {
        return false;
    }
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '-' || v[i] == '+')) ++i;
        const std::size_t exponent = i;
        i = skip_digits(v, exponent);
        if (i == exponent) return false;
    }
    return i == v.size();
}

}  // namespace

ScalarType scalar_type(const YAML::Node& scalar) {
    if (scalar.Tag() == "!") return ScalarType::string;  // quoted: always text
    const std::string& v = scalar.Scalar();
    if (v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL") return ScalarType::null;
    if (v == "true" || v == "True" || v == "TRUE" || v == "false" || v == "False" || v == "FALSE") {
        return ScalarType::boolean;
    }
    if (is_integer_text(v)) return ScalarType::integer;
    if (is_number_text(v)) return ScalarType::number;
    return ScalarType::string;
}

namespace {

std::string child_path(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

// A value as messages show it: quoted, and cut short if long (a message is one line).
std::string shown_value(std::string_view text) {
    constexpr std::size_t kShown = 40;
    if (text.size() <= kShown + 20) return fmt::format("'{}'", text);
    return fmt::format("'{}...' ({} characters)", text.substr(0, kShown), text.size());
}

std::string describe_node(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Map:
            return "a mapping";
        case YAML::NodeType::Sequence:
            return "a list";
        case YAML::NodeType::Null:
            return "nothing";
        case YAML::NodeType::Scalar:
            return shown_value(node.Scalar());
        default:
            return "nothing";
    }
}

std::string type_phrase(const std::string& type) {
    if (type == "object") return "a mapping of keys to values";
    if (type == "array") return "a list";
    if (type == "integer") return "a whole number";
    if (type == "number") return "a number";
    if (type == "string") return "text";
    if (type == "boolean") return "true or false";
    return type;
}

bool type_matches(const YAML::Node& node, const std::string& type) {
    if (type == "object") return node.IsMap();
    if (type == "array") return node.IsSequence();
    if (!node.IsScalar()) return type == "null" && node.IsNull();
    const ScalarType t = scalar_type(node);
    if (type == "integer") return t == ScalarType::integer;
    if (type == "number") return t == ScalarType::integer || t == ScalarType::number;
    // Names such as 2024 are text too.
    if (type == "string") {
        return t == ScalarType::string || t == ScalarType::integer || t == ScalarType::number;
    }
    if (type == "boolean") return t == ScalarType::boolean;
    if (type == "null") return t == ScalarType::null;
    return false;
}

class Validator {
  public:
    Validator(const json& root, std::vector<SchemaProblem>& out, NumberRules* rules)
        : root_(root), out_(out), rules_(rules) {}

    void check(const YAML::Node& node, const json& schema, const std::string& path) {
        const json& s = resolve(schema);
        if (s.contains("oneOf")) {
            check_one_of(node, s, path);
            return;
        }
        if (s.contains("enum")) {
            check_enum(node, s["enum"], node.Mark(), path, "");
            return;
        }
        if (s.contains("type") && !type_matches(node, s["type"].get<std::string>())) {
            add(node.Mark(), path,
                fmt::format("expected {}, found {}", expected_phrase(s), describe_node(node)));
            return;
        }
        if (node.IsMap()) check_object(node, s, path);
        if (node.IsSequence()) check_array(node, s, path);
        if (node.IsScalar()) check_scalar(node, s, path);
    }

  private:
    const json& resolve(const json& schema) const {
        const json* s = &schema;
        while (s->contains("$ref")) {
            const std::string ref = (*s)["$ref"].get<std::string>();
            const std::string prefix = "#/$defs/";
            if (ref.rfind(prefix, 0) != 0) throw std::logic_error("unsupported $ref " + ref);
            s = &root_["$defs"][ref.substr(prefix.size())];
        }
        return *s;
    }

    std::string expected_phrase(const json& s) const {
        if (s.contains("x-expected")) return s["x-expected"].get<std::string>();
        if (s.contains("type")) return type_phrase(s["type"].get<std::string>());
        return "a valid value";
    }

    void add(const YAML::Mark& mark, const std::string& path, std::string message) {
        out_.push_back(SchemaProblem{mark, path, std::move(message)});
    }

    void check_enum(const YAML::Node& node, const json& options, const YAML::Mark& mark,
                    const std::string& path, const std::string& what) {
        std::vector<std::string> names;
        for (const json& o : options) names.push_back(o.get<std::string>());
        const std::string value = node.IsScalar() ? node.Scalar() : std::string();
        if (node.IsScalar()) {
            for (const std::string& n : names) {
                if (n == value) return;
            }
        }
        std::string list;
        for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
        std::string message =
            node.IsScalar()
                ? fmt::format("unknown {}{}: must be one of {}", what, shown_value(value), list)
                : fmt::format("expected one of {}, found {}", list, describe_node(node));
        const std::string guess = node.IsScalar() ? closest_match(value, names) : "";
        if (!guess.empty()) message += fmt::format(" (did you mean '{}'?)", guess);
        add(mark, path, std::move(message));
    }

    void check_one_of(const YAML::Node& node, const json& s, const std::string& path) {
        // The branches of this format are told apart by type and by their required keys.
        // Report the problems of the branch that fits best: right type, fewest problems.
        std::vector<SchemaProblem> best;
        bool found_typed = false;
        for (const json& branch_schema : s["oneOf"]) {
            const json& branch = resolve(branch_schema);
            std::vector<SchemaProblem> problems;
            NumberRules branch_rules;
            Validator inner(root_, problems, rules_ ? &branch_rules : nullptr);
            inner.check(node, branch, path);
            if (problems.empty()) {
                if (rules_) rules_->merge(branch_rules);
                return;
            }
            const bool typed =
                branch.contains("type") && type_matches(node, branch["type"].get<std::string>());
            if (!typed) continue;
            if (!found_typed || problems.size() < best.size()) {
                best = std::move(problems);
                found_typed = true;
            }
        }
        if (found_typed) {
            out_.insert(out_.end(), best.begin(), best.end());
            return;
        }
        std::string expected = s.contains("description") ? s["description"].get<std::string>()
                                                         : std::string("a valid value");
        add(node.Mark(), path, fmt::format("found {}; expected {}", describe_node(node), expected));
    }

    void check_object(const YAML::Node& node, const json& s, const std::string& path) {
        const json empty = json::object();
        const json& properties = s.contains("properties") ? s["properties"] : empty;
        std::vector<std::string> known;
        for (const auto& [key, _] : properties.items()) known.push_back(key);
        std::set<std::string> seen;
        for (auto it = node.begin(); it != node.end(); ++it) {
            const YAML::Node key_node = it->first;
            if (!key_node.IsScalar()) {
                add(key_node.Mark(), path, "keys must be plain names");
                continue;
            }
            const std::string key = key_node.Scalar();
            const std::string here = child_path(path, key);
            if (!seen.insert(key).second) {
                add(key_node.Mark(), here, "duplicate key: it is given more than once");
                continue;
            }
            if (properties.contains(key)) {
                check(it->second, properties[key], here);
                continue;
            }
            const json additional = s.value("additionalProperties", json(true));
            if (additional.is_boolean()) {
                if (!additional.get<bool>()) {
                    std::string message = fmt::format("unknown key {}", shown_value(key));
                    const std::string guess = closest_match(key, known);
                    if (!guess.empty()) {
                        message += fmt::format(" (did you mean '{}'?)", guess);
                    } else if (!known.empty()) {
                        std::string list;
                        for (const std::string& k : known) list += (list.empty() ? "" : ", ") + k;
                        message += fmt::format("; known keys: {}", list);
                    }
                    add(key_node.Mark(), here, std::move(message));
                }
                continue;
            }
            if (s.contains("propertyNames")) {
                const json& names = resolve(s["propertyNames"]);
                if (names.contains("enum")) {
                    const std::size_t before = out_.size();
                    check_enum(key_node, names["enum"], key_node.Mark(), here, "key ");
                    if (out_.size() != before) continue;
                }
            }
            check(it->second, additional, here);
        }
        if (s.contains("required")) {
            for (const json& r : s["required"]) {
                const std::string key = r.get<std::string>();
                if (!seen.count(key)) {
                    add(node.Mark(), path, fmt::format("missing required key '{}'", key));
                }
            }
        }
        if (s.contains("minProperties") && node.size() < s["minProperties"].get<std::size_t>()) {
            add(node.Mark(), path,
                fmt::format("needs at least {} entr{}", s["minProperties"].get<std::size_t>(),
                            s["minProperties"].get<std::size_t>() == 1 ? "y" : "ies"));
        }
    }

    void check_array(const YAML::Node& node, const json& s, const std::string& path) {
        if (s.contains("minItems") && node.size() < s["minItems"].get<std::size_t>()) {
            add(node.Mark(), path,
                fmt::format("needs at least {} item{}", s["minItems"].get<std::size_t>(),
                            s["minItems"].get<std::size_t>() == 1 ? "" : "s"));
        }
        if (!s.contains("items")) return;
        for (std::size_t i = 0; i < node.size(); ++i) {
            check(node[i], s["items"], child_path(path, std::to_string(i)));
        }
    }

    void check_scalar(const YAML::Node& node, const json& s, const std::string& path) {
        const ScalarType t = scalar_type(node);
        if (t == ScalarType::integer || t == ScalarType::number) {
            double x = 0.0;
            try {
                x = node.as<double>();
            } catch (const YAML::Exception&) {
                add(node.Mark(), path,
                    fmt::format("{} is not a number", shown_value(node.Scalar())));
                return;
            }
            if (!std::isfinite(x)) {
                add(node.Mark(), path, "must be a finite number");
                return;
            }
            if (t == ScalarType::integer && s.value("type", "") == "integer") {
                try {
                    (void)node.as<long long>();
                } catch (const YAML::Exception&) {
                    add(node.Mark(), path,
                        fmt::format("{} is too large", shown_value(node.Scalar())));
                    return;
                }
            }
            if (auto broken = check_bounds(number_rule(s), x, node.Scalar())) {
                add(node.Mark(), path, std::move(*broken));
            }
            if (rules_) (*rules_)[path] = number_rule(s);
        }
        if (s.contains("x-unit")) check_unit(node, s, path);
    }

    // Durations and rates (the schema's x-unit): parsed by units.hpp, whose grammar is the
    // schema's pattern (kept in the schema for editors), then held to the largest value.
    void check_unit(const YAML::Node& node, const json& s, const std::string& path) {
        const bool is_rate = s["x-unit"] == "rate";
        const std::string& text = node.Scalar();
        const auto value = is_rate ? parse_rate_per_day(text) : parse_duration_days(text);
        if (!value) {
            add(node.Mark(), path,
                fmt::format("expected {}, found {}", expected_phrase(s), describe_node(node)));
            return;
        }
        const double most = is_rate ? kMaxRatePerDay : kMaxDurationDays;
        if (*value > most) {
            add(node.Mark(), path,
                fmt::format("must be at most {}, found {}",
                            is_rate ? kMaxRateText : kMaxDurationText, describe_node(node)));
        }
    }

    const json& root_;
    std::vector<SchemaProblem>& out_;
    NumberRules* rules_;
};

}  // namespace

std::vector<SchemaProblem> validate_against_schema(const YAML::Node& document, const json& schema,
                                                   NumberRules* rules) {
    std::vector<SchemaProblem> problems;
    Validator validator(schema, problems, rules);
    validator.check(document, schema, "");
    return problems;
}

}  // namespace followsim::scenario
