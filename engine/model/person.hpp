// A job seeker as the simulation of one arm holds them: who they are, where they are and the
// one event pending for them. Plain data; the rooms of the model act on it.
#pragma once

#include <cstdint>

#include "engine/core/future_event_list.hpp"
#include "engine/core/random_stream.hpp"
#include "engine/model/model_config.hpp"

namespace followsim::model {

enum class PersonState : std::uint8_t { waiting, in_pathway, employed };

struct Person {
    core::RandomStream rng;  // the person's own stream: the same numbers in every arm
    double arrival_day = 0.0;
    double referral_day = 0.0;
    double start_day = 0.0;
    double paid_until_day = 0.0;     // purchases booked up to here
    double commitment_nok = 0.0;     // budget committed for this place in the current year
    double active_since = 0.0;       // a job seeker (on benefit) since
    double benefit_days_used = 0.0;  // days of the cohort's benefit so far (its maximum duration)
    double after_care_until = 0.0;   // follow-up after the placement until then (0: none)
    double job_loss_day = 0.0;       // when the job will be lost, while follow-up after it runs
    double employed_since = 0.0;
    // The person's one pending event: the earliest of the episode's competing risks (job,
    // dropout, end of the measure), or the loss of a job. Only the earliest is scheduled, so
    // the event list holds one event per person and nothing needs cancelling when it fires.
    core::EventHandle next_event{};
    std::uint32_t serial = 0;      // order of arrival in the arm: the order of year-end settlement
    std::uint32_t open_place = 0;  // while in a measure: index in the arm's list of open places
    PathwayIndex pathway = kBaselinePathway;
    PathwayIndex placed_from = kBaselinePathway;  // the pathway whose placement the job is
    std::uint16_t cohort = 0;
    NeedGroup group = NeedGroup::situasjonsbestemt;
    AgeBand age_band = AgeBand::from_30;
    PersonState state = PersonState::waiting;
    bool ever_placed = false;
};

}  // namespace followsim::model
