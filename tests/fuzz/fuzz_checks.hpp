// What both fuzz harnesses require of a scenario that loaded: its texts can be written as
// JSON (summary.json), which needs UTF-8; nlohmann::json throws otherwise, and the harness
// lets that escape as a finding.
#pragma once

#include <nlohmann/json.hpp>

#include "engine/scenario/scenario.hpp"

namespace followsim::fuzz {

inline void check_texts(const scenario::Scenario& sc) {
    nlohmann::json texts = {sc.name, sc.description, sc.resolved_yaml};
    for (const auto& arm : sc.model.arms) texts.push_back(arm.name);
    for (const auto& cohort : sc.model.cohorts) texts.push_back(cohort.name);
    (void)texts.dump();
}

}  // namespace followsim::fuzz
