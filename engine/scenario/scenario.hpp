// A scenario as plain data: what the YAML file says, converted to the model's units.
#pragma once

#include <string>
#include <vector>

#include "engine/model/model_config.hpp"

namespace followsim::scenario {

// A parameter of the probabilistic sensitivity analysis.
enum class Distribution { beta, gamma, lognormal, normal, uniform, triangular };

struct UncertainParameter {
    std::string path;  // key path of the value it replaces, as for --set
    Distribution distribution = Distribution::normal;
    double a = 0.0;        // mean, or low
    double b = 0.0;        // sd, or mode (triangular) or high (uniform)
    double c = 0.0;        // high (triangular)
    std::string unit;      // "", or days/weeks/months/years: draws are written as durations
    bool integer = false;  // the value it replaces is a whole number: draws are rounded
};

struct Correlation {
    std::size_t first = 0;  // indices into parameters
    std::size_t second = 0;
    double rho = 0.0;
};

struct Uncertainty {
    std::vector<UncertainParameter> parameters;
    std::vector<Correlation> correlations;
};

struct Scenario {
    std::string name;
    std::string description;
    std::string file;    // as given on the command line
    std::string sha256;  // of the file's bytes, before overrides
    int price_year = 0;
    model::ModelConfig model;  // with its economics settings
    Uncertainty uncertainty;
    std::vector<std::string> overrides;  // the --set assignments applied, in order
    std::string resolved_yaml;           // the scenario as run, after overrides
};

}  // namespace followsim::scenario
