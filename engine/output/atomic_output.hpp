// Writes a run's result files into a folder all or nothing: every file is first written in
// full under a temporary name in the same folder, and only when all are written are they
// renamed into place (rename within a file system is atomic). A failure or an interruption
// before the renames leaves the folder as it was.
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace followsim::output {

class OutputFolder {
  public:
    explicit OutputFolder(std::filesystem::path folder);
    ~OutputFolder();
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    // Writes `content` under a temporary name now; throws on any I/O error.
    void add(const std::string& file_name, const std::string& content);
    // Renames every staged file into place.
    void commit();

  private:
    std::filesystem::path folder_;
    std::vector<std::pair<std::filesystem::path, std::filesystem::path>> staged_;  // temp, final
    bool committed_ = false;
};

}  // namespace followsim::output
