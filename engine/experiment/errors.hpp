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

// A failure that every process of a run has seen and throws alike (one MPI rank's error, passed
// to all): each exits with exit code 1, and only the first process reports it.
class SharedFailure : public std::runtime_error {
  public:
    explicit SharedFailure(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace followsim::experiment
