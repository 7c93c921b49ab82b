// Results by subgroup: every person belongs to one category of each dimension (their cohort,
// need group, age band and benefit kind), so the tallies of a dimension add up to the arm's.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace followsim::model {

enum class SubgroupDimension : std::uint8_t { cohort, need_group, age_band, benefit };
inline constexpr std::size_t kSubgroupDimensions = 4;
inline constexpr std::array<std::string_view, kSubgroupDimensions> kSubgroupDimensionNames{
    "cohort", "need_group", "age_band", "benefit"};

struct SubgroupTally {
    std::int64_t persons = 0;
    std::int64_t placed = 0;         // placed at least once within the horizon
    double employment_months = 0.0;  // within the horizon
};

// [dimension][category]
struct SubgroupTallies {
    std::array<std::vector<SubgroupTally>, kSubgroupDimensions> by;

    std::vector<SubgroupTally>& operator[](SubgroupDimension d) {
        return by[static_cast<std::size_t>(d)];
    }
    const std::vector<SubgroupTally>& operator[](SubgroupDimension d) const {
        return by[static_cast<std::size_t>(d)];
    }
};

}  // namespace followsim::model
