// Who the job seekers are: need group (innsatsgruppe), age band and benefit, with the names the
// scenario files and results use.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace followsim::model {

inline constexpr double kDaysPerYear = 365.25;
inline constexpr double kDaysPerMonth = kDaysPerYear / 12.0;

// Innsatsgruppe: the need for assistance NAV assesses.
enum class NeedGroup : std::uint8_t {
    standard,
    situasjonsbestemt,
    spesielt_tilpasset,
    varig_tilpasset
};
inline constexpr std::size_t kNeedGroups = 4;
inline constexpr std::array<const char*, kNeedGroups> kNeedGroupNames{
    "standard", "situasjonsbestemt", "spesielt_tilpasset", "varig_tilpasset"};

// Young people under 30 are a priority group.
enum class AgeBand : std::uint8_t { under_30, from_30 };
inline constexpr std::size_t kAgeBands = 2;
inline constexpr std::array<const char*, kAgeBands> kAgeBandNames{"under_30", "30_and_over"};

enum class BenefitKind : std::uint8_t { none, aap, dagpenger, sosialhjelp };
inline constexpr std::size_t kBenefitKinds = 4;
inline constexpr std::array<const char*, kBenefitKinds> kBenefitKindNames{
    "none", "aap", "dagpenger", "sosialhjelp"};

// Where a person goes who leaves job seeking other than for a job (a dropout): each state has
// its own benefit flow from then on.
enum class ExitState : std::uint8_t { disability_benefit, social_assistance, education, unknown };
inline constexpr std::size_t kExitStates = 4;
inline constexpr std::array<const char*, kExitStates> kExitStateNames{
    "disability_benefit", "social_assistance", "education", "unknown"};

// The category a uniform draw u falls in, given shares that sum to 1; the last category with a
// positive share takes what rounding leaves.
template <std::size_t N>
std::size_t pick_share(const std::array<double, N>& shares, double u) {
    double cumulative = 0.0;
    for (std::size_t i = 0; i + 1 < N; ++i) {
        cumulative += shares[i];
        if (u < cumulative) return i;
    }
    for (std::size_t i = N; i-- > 0;) {
        if (shares[i] > 0.0) return i;
    }
    return N - 1;
}

}  // namespace followsim::model
