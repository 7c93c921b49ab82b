// A fresh folder of its own under the system's temporary folder (mkdtemp), removed with all
// it holds at the end of the test.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace followsim::testing {

struct TemporaryFolder {
    std::filesystem::path path;

    TemporaryFolder() {
        std::string pattern =
            (std::filesystem::temp_directory_path() / "followsim-test-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;

    // Writes `content` to the file `name` in the folder; its path.
    [[nodiscard]] std::filesystem::path file(const std::string& name,
                                             const std::string& content) const {
        const auto p = path / name;
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
};

// The text of a file.
inline std::string read_text(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace followsim::testing
