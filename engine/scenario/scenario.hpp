// A scenario as plain data: what the YAML file says, converted to the model's units, with the
// typed bindings of its numbers (for PSA draws, sweep points and calibration).
#pragma once

#include <string>
#include <vector>

#include "engine/model/model_config.hpp"
#include "engine/scenario/parameter_bindings.hpp"
#include "engine/scenario/priors.hpp"

namespace followsim::scenario {

// A parameter of the probabilistic sensitivity analysis.
struct UncertainParameter {
    std::string path;  // key path of the value it replaces, as for --set
    Prior prior;
    std::string unit;      // "", or days/weeks/months/years: the value is a duration
    bool integer = false;  // the schema says the value is a whole number: draws are rounded
};

struct Correlation {
    std::size_t first = 0;  // indices into parameters
    std::size_t second = 0;
    double rho = 0.0;
};

// Parameters whose EVPPI is valued together (what one study would measure).
struct ParameterGroup {
    std::string name;
    std::vector<std::size_t> members;  // indices into parameters
};

struct Uncertainty {
    std::vector<UncertainParameter> parameters;
    std::vector<Correlation> correlations;
    std::vector<ParameterGroup> groups;
};

struct Scenario {
    std::string name;
    std::string description;
    std::string file;    // as given on the command line
    std::string sha256;  // of the file's bytes, before overrides
    std::string text;    // the file's bytes (a shard carries them to followsim merge)
    int price_year = 0;
    model::ModelConfig model;  // with its economics settings
    Uncertainty uncertainty;
    ParameterBindings parameters;        // every number of the scenario, by key path
    std::vector<std::string> overrides;  // the --set assignments applied, in order
    std::string resolved_yaml;           // the scenario as run, after overrides
};

}  // namespace followsim::scenario
