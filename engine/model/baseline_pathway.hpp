// Ordinary, light follow-up: the counterfactual. No places to run out of and no cost of its
// own; its hazards also apply to persons waiting for a place elsewhere.
#pragma once

#include "engine/model/pathway.hpp"

namespace followsim::model {

class BaselinePathway final : public Pathway {
  public:
    BaselinePathway(const PathwayConfig& config, PathwayIndex index) : Pathway(config, index, 0) {}

    [[nodiscard]] StateField state_field() const noexcept override {
        return StateField::in_baseline;
    }
    [[nodiscard]] bool limited() const noexcept override { return false; }
};

}  // namespace followsim::model
