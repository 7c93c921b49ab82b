#include "engine/model/model_config.hpp"

#include <cmath>

namespace followsim::model {

double InHouseTerms::placement_hazard_ratio() const {
    double ratio = 1.0;
    if (caseload_pressure) {
        // More cases per caseworker than the reference lowers the hazard.
        ratio *= std::pow(
            caseload_pressure->reference_caseload / static_cast<double>(caseload_per_caseworker),
            caseload_pressure->elasticity);
    }
    if (competence) ratio *= 1.0 - competence->share + competence->share * competence->hazard_ratio;
    return ratio;
}

std::optional<PathwayIndex> ModelConfig::in_house_pathway() const {
    for (std::size_t i = 0; i < pathways.size(); ++i) {
        if (pathways[i].in_house()) return static_cast<PathwayIndex>(i);
    }
    return std::nullopt;
}

}  // namespace followsim::model
