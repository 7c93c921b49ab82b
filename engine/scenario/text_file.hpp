// Reading a text file that a user names (a scenario, a results folder's files) without
// surprises: a regular file only (a folder, pipe or device is refused before it is opened,
// so /dev/zero cannot fill memory nor a pipe block), and at most a given size.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

namespace followsim::scenario {

// Why a file was not read; the message is the reason alone ("is a folder, not a file"),
// for the caller to place.
class FileRefused : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// The bytes of the file at `path`; throws FileRefused if it is not a regular file, cannot be
// read, or holds more than `max_bytes` ("larger than N MiB, the most <what> may be").
std::string read_text_file(const std::string& path, std::size_t max_bytes, const std::string& what);

}  // namespace followsim::scenario
