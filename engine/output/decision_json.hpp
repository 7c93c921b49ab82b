// summary.json's `decision`: the recommended arm by socio-economic NPV, how sure, the
// runner-up and the gap, the deciding threshold where known, and the same in two or three
// plain sentences in English and Norwegian (text.en, text.nb).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/experiment/decision.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::output {

// `arms`: the arms' summaries (for the NPV of the recommended arm); `samples`: how many
// replications or draws the probability counts.
nlohmann::ordered_json decision_json(const scenario::Scenario& scenario,
                                     const experiment::Decision& decision,
                                     const std::vector<experiment::ArmSummary>& arms,
                                     std::uint64_t samples);

// The verdict of a summary.json in `lang` (decision.text), or "" where it has none.
std::string decision_text(const nlohmann::ordered_json& summary, Lang lang);

}  // namespace followsim::output
