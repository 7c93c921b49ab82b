// The follow-up simulation of one arm in one replication: job seekers arrive, are routed by
// the arm's policy, wait for a caseworker slot or a purchased place, are followed up until
// they find a job, drop out, or reach the end of a measure, and may lose the job again.
#pragma once

#include <cstdint>

#include "engine/model/arm_outcome.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::model {

// Runs arm `arm_index` of `config`. The streams come from (seed, replication) alone and each
// person's from their cohort and arrival number, so arms are compared on common random numbers.
ArmOutcome simulate_arm(const ModelConfig& config, std::size_t arm_index, std::uint64_t seed,
                        std::uint64_t replication);

}  // namespace followsim::model
