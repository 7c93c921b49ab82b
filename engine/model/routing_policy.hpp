// An arm's policy: which pathway a referred person goes to (the first rule that matches their
// need group, age band and cohort), and where they go instead when that pathway is full, when
// the purchase budget is spent, or when a measure's maximum duration ends.
#pragma once

#include <optional>

#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"

namespace followsim::model {

class RoutingPolicy {
  public:
    explicit RoutingPolicy(const ArmConfig& arm) : arm_(arm) {}

    [[nodiscard]] PathwayIndex route(const Person& p) const;
    // The pathway to send someone to instead of `pw` (never `pw` itself); nullopt: wait.
    [[nodiscard]] std::optional<PathwayIndex> when_full(PathwayIndex pw) const;
    [[nodiscard]] std::optional<PathwayIndex> when_budget_spent(PathwayIndex pw) const;
    // After a measure's maximum duration: a pathway, or nullopt to route by the policy again.
    [[nodiscard]] std::optional<PathwayIndex> after_max_duration() const;
    // Whether any rule or fallback of the arm can send someone to `pw`.
    [[nodiscard]] bool uses(PathwayIndex pw) const;

  private:
    const ArmConfig& arm_;
};

}  // namespace followsim::model
