// The verdict the workbench shows above a run's figures: summary.json's decision.text.<lang>
// where the results have one (DESIGN.md's `decision`), else a verdict read off the arms' NPVs
// and the pairwise comparisons.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "engine/serve/serve_settings.hpp"

namespace followsim::serve {

std::string verdict(const nlohmann::ordered_json& summary, Lang lang);

// NOK for people: "115.0 M" / "115,0 mill.", "2.2 bn" / "2,2 mrd.", or whole kroner.
std::string money_text(double nok, Lang lang);

}  // namespace followsim::serve
