#include "engine/model/pathway.hpp"

#include <algorithm>

namespace followsim::model {

Pathway::Pathway(const PathwayConfig& config, PathwayIndex index, std::int64_t places)
    : config_(config), index_(index), places_(places) {}

void Pathway::begin(Person& /*p*/, double /*now*/) {
    ++participants_;
    if (limited()) {
        peak_over_capacity_ = std::max(peak_over_capacity_, participants_ - places_.capacity());
    }
}

void Pathway::end(Person& /*p*/, double now, bool /*placed*/) {
    --participants_;
    if (limited()) places_.release_unit(now);
}

}  // namespace followsim::model
