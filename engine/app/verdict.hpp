// The verdict of a run for people, shared by the workbench (followsim serve) and Python:
// summary.json's decision.text.<lang> where the results have one (DESIGN.md's `decision`),
// else a verdict read off the arms' NPVs and the pairwise comparisons.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace followsim::app {

// `lang`: "en" or "nb" (bokmål); anything else reads as "en".
std::string verdict(const nlohmann::ordered_json& summary, std::string_view lang);

// NOK for people: "115.0 M" / "115,0 mill.", "2.2 bn" / "2,2 mrd.", or whole kroner.
std::string money_text(double nok, std::string_view lang);

}  // namespace followsim::app
