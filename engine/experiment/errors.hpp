// Errors of the experiment layer that the command line maps to its exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace followsim::experiment {

// Ctrl-C: stop, write nothing (exit 130).
class Interrupted : public std::runtime_error {
  public:
    Interrupted() : std::runtime_error("interrupted") {}
};

// A request that cannot be carried out as given: a bad --vary, an unbracketed target, an
// unknown arm (exit 2, like bad usage).
class UsageError : public std::invalid_argument {
  public:
    explicit UsageError(const std::string& message) : std::invalid_argument(message) {}
};

}  // namespace followsim::experiment
