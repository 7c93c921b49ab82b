#include "engine/output/atomic_output.hpp"

#include <unistd.h>
#include <fstream>
#include <stdexcept>

namespace followsim::output {

namespace fs = std::filesystem;

OutputFolder::OutputFolder(fs::path folder) : folder_(std::move(folder)) {
    std::error_code ec;
    fs::create_directories(folder_, ec);
    if (ec || !fs::is_directory(folder_)) {
        throw std::runtime_error("cannot create the output folder " + folder_.string() + ": " +
                                 ec.message());
    }
}

OutputFolder::~OutputFolder() {
    if (committed_) return;
    for (const auto& [temp, _] : staged_) {
        std::error_code ignored;
        fs::remove(temp, ignored);
    }
}

void OutputFolder::add(const std::string& file_name, const std::string& content) {
    const fs::path final_path = folder_ / file_name;
    const fs::path temp = folder_ / ("." + file_name + ".tmp-" + std::to_string(::getpid()));
    staged_.emplace_back(temp, final_path);
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) throw std::runtime_error("cannot write " + temp.string());
}

void OutputFolder::commit() {
    for (const auto& [temp, final_path] : staged_) fs::rename(temp, final_path);
    committed_ = true;
}

}  // namespace followsim::output
