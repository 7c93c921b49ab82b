// The workbench's form: the key parameters a scenario file writes (caseworkers, the staffing
// plan, prices, places, the budget, effects, the horizon, the arms' routes), each described by
// the scenario schema (kind, bounds, unit, documentation) and by the file (its current value
// and the comment that gives its source).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"
#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

enum class FieldKind {
    number,    // a number (a binding sets it without reading the YAML again)
    integer,   // a whole number
    duration,  // "<number> <unit>": the form edits the number, the unit is the file's
    rate,      // "<number> per <unit>": likewise
    choice,    // a word from `choices` (a pathway, 'wait', an enum of the schema)
};

struct FormField {
    std::string path;   // canonical key path, list items by index: what --set takes
    std::string group;  // general, staff, purchases, effects, arms, population, economics, other
    std::string label;
    FieldKind kind = FieldKind::number;
    std::string value;  // the number (or word) as the file writes it
    std::string unit;   // for people ("NOK", "FTEs"); a duration's or a rate's unit as written
    std::string help;   // the file's comment on the value (its source)
    std::string description;  // the schema's
    std::vector<std::string> choices;
    std::optional<double> minimum;
    std::optional<double> maximum;
    int line = 0;  // 1-based line of the value in the file
};

// The fields of a scenario, key parameters first (in the order of the groups above), then
// every other number the file writes (group "other").
std::vector<FormField> form_fields(const scenario::Scenario& scenario, const std::string& source,
                                   Lang lang);

// The schema node of a key path (references followed, the variant that has the key chosen):
// {"node": the resolved node, "description", "ref": the last definition's name}; null if the
// schema has no such key.
nlohmann::json schema_at(const std::string& path);

// The text a field's value stands for in the file: `number` with the field's unit for a
// duration or a rate ("26" -> "26 months"), else as typed.
std::string field_text(const FormField& field, const std::string& number);

nlohmann::json to_json(const FormField& field);

}  // namespace followsim::serve
