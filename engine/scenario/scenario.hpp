// A scenario as plain data: what the YAML file says, converted to the model's units.
#pragma once

#include <string>
#include <vector>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

// Socio-economic settings; defaults from the Ministry of Finance's circular R-109/2021.
struct EconomicsConfig {
    double discount_rate = 0.04;       // R-109/2021 section 5: 4 % real for the first 40 years
    double tax_financing_cost = 0.20;  // R-109/2021 section 6: 20 % of the net public cost
};

struct Scenario {
    std::string name;
    std::string description;
    std::string file;    // as given on the command line
    std::string sha256;  // of the file's bytes, before overrides
    int price_year = 0;
    model::ModelConfig model;
    EconomicsConfig economics;
    std::vector<std::string> overrides;  // the --set assignments applied, in order
    std::string resolved_yaml;           // the scenario as run, after overrides
};

}  // namespace followsim::scenario
