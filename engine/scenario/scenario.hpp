// A scenario as plain data: what the YAML file says, converted to the model's units.
#pragma once

#include <string>
#include <vector>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

struct Scenario {
    std::string name;
    std::string description;
    std::string file;    // as given on the command line
    std::string sha256;  // of the file's bytes, before overrides
    int price_year = 0;
    model::ModelConfig model;            // with its economics settings
    std::vector<std::string> overrides;  // the --set assignments applied, in order
    std::string resolved_yaml;           // the scenario as run, after overrides
};

}  // namespace followsim::scenario
