#include "engine/model/arrivals.hpp"

#include <algorithm>

#include "engine/model/arm_events.hpp"

namespace followsim::model {

namespace {
// Stream families: arrival processes per cohort; persons per cohort by arrival number.
constexpr std::uint32_t kArrivalFamily = 1;
constexpr std::uint32_t kPersonFamilyBase = 1000;
}  // namespace

Arrivals::Arrivals(const ModelConfig& config, std::uint64_t seed, std::uint64_t replication)
    : config_(config), key_(seed, replication), next_number_(config.cohorts.size()) {
    for (std::size_t c = 0; c < config.cohorts.size(); ++c) {
        streams_.emplace_back(key_, core::stream_id(kArrivalFamily, static_cast<std::uint32_t>(c)));
    }
}

double Arrivals::expected_persons() const {
    double expected = 0.0;
    for (const CohortConfig& c : config_.cohorts) {
        expected += c.arrivals.expected(config_.horizon_days);
        for (const auto& initial : c.initial_caseload)
            expected += static_cast<double>(initial.second);
    }
    return expected;
}

void Arrivals::schedule_first(core::Simulator& sim) {
    for (std::size_t c = 0; c < config_.cohorts.size(); ++c) {
        const ArrivalConfig& a = config_.cohorts[c].arrivals;
        if (a.poisson) {
            schedule_next_poisson(sim, c, a.from_days);
        } else if (a.count > 0 && a.at_days < config_.horizon_days) {
            sim.schedule_at(a.at_days, kBatchArrival, static_cast<core::EntityId>(c));
        }
    }
}

// The next arrival of a stream in pieces after `after`: one unit exponential draw spent over
// the pieces' rates (the inverse of the cumulative rate: exact for a piecewise rate).
double next_in_pieces(const ArrivalConfig& a, double after, double unit_exponential) {
    double t = std::max(after, a.from_days), left = unit_exponential;
    for (const ArrivalPiece& p : a.pieces) {
        if (t >= p.until_days) continue;
        const double in_piece = p.rate_per_day * (p.until_days - t);
        if (left <= in_piece) return t + left / p.rate_per_day;
        left -= in_piece;
        t = p.until_days;
    }
    return kNever;
}

void Arrivals::schedule_next_poisson(core::Simulator& sim, std::size_t cohort, double after) {
    const ArrivalConfig& a = config_.cohorts[cohort].arrivals;
    double t = kNever;
    if (!a.pieces.empty()) {
        t = next_in_pieces(a, after, streams_[cohort].exponential(1.0));
    } else {
        if (!(a.rate_per_day > 0.0)) return;
        t = after + streams_[cohort].exponential(a.rate_per_day);
    }
    if (t < a.until_days && t < config_.horizon_days) {
        sim.schedule_at(t, kPoissonArrival, static_cast<core::EntityId>(cohort));
    }
}

Person Arrivals::new_person(std::size_t cohort, double now) {
    const CohortConfig& c = config_.cohorts[cohort];
    const std::uint32_t number = next_number_[cohort]++;
    Person p{
        .rng = core::RandomStream(
            key_, core::stream_id(kPersonFamilyBase + static_cast<std::uint32_t>(cohort), number))};
    // Attributes are the first draws of the person's own stream: the same in every arm. A
    // stream in pieces may have its own mix in each piece.
    const ArrivalPiece* piece = c.arrivals.piece_at(now);
    const auto& groups = piece && piece->group_shares ? *piece->group_shares : c.group_shares;
    const auto& ages =
        piece && piece->age_band_shares ? *piece->age_band_shares : c.age_band_shares;
    p.group = static_cast<NeedGroup>(pick_share(groups, p.rng.uniform01()));
    p.age_band = static_cast<AgeBand>(pick_share(ages, p.rng.uniform01()));
    p.cohort = static_cast<std::uint16_t>(cohort);
    p.arrival_day = now;
    p.active_since = now;
    return p;
}

}  // namespace followsim::model
