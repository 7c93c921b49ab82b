// A results folder as one .zip download, built in memory with libzip (Debian's libzip-dev).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace followsim::serve {

// The bytes of a zip archive holding `files` (name, content) in a folder `folder`; throws
// std::runtime_error if libzip fails.
std::string zip_archive(const std::string& folder,
                        const std::vector<std::pair<std::string, std::string>>& files);

// The files of a zip archive, in order (name, content); throws std::runtime_error if the
// bytes are not one. For the tests.
std::vector<std::pair<std::string, std::string>> unzip_archive(const std::string& bytes);

}  // namespace followsim::serve
