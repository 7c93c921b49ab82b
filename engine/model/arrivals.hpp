// Arrivals of job seekers: each cohort all at once on a day, or as a Poisson stream over a
// period. A new person's attributes (need group, age band) are the first draws of their own
// stream, keyed by (seed, replication, cohort, arrival number): the same in every arm.
#pragma once

#include <cstdint>
#include <vector>

#include "engine/core/random_stream.hpp"
#include "engine/core/simulator.hpp"
#include "engine/model/model_config.hpp"
#include "engine/model/person.hpp"

namespace followsim::model {

class Arrivals {
  public:
    Arrivals(const ModelConfig& config, std::uint64_t seed, std::uint64_t replication);

    // The persons the run can expect: batch counts, initial caseloads and Poisson means.
    [[nodiscard]] double expected_persons() const;
    // The first arrival event of every cohort.
    void schedule_first(core::Simulator& sim);
    // After a Poisson arrival of `cohort`, the next one (if before the stream ends).
    void schedule_next_poisson(core::Simulator& sim, std::size_t cohort, double after);
    // A new job seeker of `cohort`, arriving now.
    [[nodiscard]] Person new_person(std::size_t cohort, double now);

  private:
    const ModelConfig& config_;
    core::ReplicationKey key_;                 // of the replication's streams
    std::vector<core::RandomStream> streams_;  // per cohort: the Poisson process
    std::vector<std::uint32_t> next_number_;   // per cohort: arrival numbers
};

}  // namespace followsim::model
