// A scenario changed in the workbench's form. Numbers are set through the scenario's typed
// parameter bindings on a copy of the parsed model (no YAML is read again); words and rates,
// which no binding sets, go the way of --set on the file's text. An invalid value gives the
// command line's own message for the same --set.
#pragma once

#include <string>
#include <vector>

#include "engine/scenario/scenario.hpp"

namespace followsim::serve {

// A changed field: its key path and the value as the scenario file would write it ("8",
// "26 months", "wait").
struct FieldEdit {
    std::string path;
    std::string text;
};

// "path=text" for each edit, as --set takes them.
std::vector<std::string> as_overrides(const std::vector<FieldEdit>& edits);

// `base` (read from `source`, without overrides) with the edits. Throws ScenarioError with
// the problems `followsim validate FILE --set ...` lists for the same edits. Its resolved_yaml
// is the source with the edits made in place and marked, every comment kept (scenario_text.hpp).
scenario::Scenario apply_edits(const scenario::Scenario& base, const std::string& source,
                               const std::vector<FieldEdit>& edits);

}  // namespace followsim::serve
