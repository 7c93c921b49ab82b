#include "engine/serve/scenario_edits.hpp"

#include <charconv>
#include <optional>

#include "engine/scenario/diagnostics.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/units.hpp"

namespace followsim::serve {

namespace {

std::optional<double> plain_number(const std::string& text) {
    double x = 0.0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, x);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return x;
}

// The edit as a typed assignment, if a binding sets that value and the text is its kind.
std::optional<scenario::Assignment> typed(const scenario::Scenario& sc, const FieldEdit& e) {
    const scenario::ParameterBinding* binding = sc.parameters.find(e.path, sc.model);
    if (!binding) return std::nullopt;
    const auto value =
        binding->duration ? scenario::parse_duration_days(e.text) : plain_number(e.text);
    if (!value) return std::nullopt;
    return scenario::Assignment::set(e.path, *value, e.text);
}

}  // namespace

std::vector<std::string> as_overrides(const std::vector<FieldEdit>& edits) {
    std::vector<std::string> out;
    for (const FieldEdit& e : edits) out.push_back(e.path + "=" + e.text);
    return out;
}

scenario::Scenario apply_edits(const scenario::Scenario& base, const std::string& source,
                               const std::vector<FieldEdit>& edits) {
    std::vector<scenario::Assignment> assignments;
    std::vector<FieldEdit> structural;
    for (const FieldEdit& e : edits) {
        if (auto a = typed(base, e))
            assignments.push_back(std::move(*a));
        else
            structural.push_back(e);
    }
    try {
        // Words and rates change the document: read it again with them, as --set does.
        scenario::Scenario sc =
            structural.empty()
                ? base
                : scenario::load_scenario_text(source, base.file, as_overrides(structural));
        return assignments.empty() ? sc : scenario::with_assignments(sc, assignments, "workbench");
    } catch (const scenario::ScenarioError&) {
        // The command line's messages for the same edits (placed the way --set places them);
        // the typed refusal stands only if the command line would take the values.
        scenario::load_scenario_text(source, base.file, as_overrides(edits));
        throw;
    }
}

}  // namespace followsim::serve
