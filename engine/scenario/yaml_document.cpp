#include "engine/scenario/yaml_document.hpp"

#include <fmt/core.h>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <sstream>
#include <system_error>

#include "engine/scenario/diagnostics.hpp"

namespace followsim::scenario {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(path);
    while (std::getline(in, part, '.')) parts.push_back(part);
    return parts;
}

std::string child_path(const std::string& parent, const std::string& key) {
    return parent.empty() ? key : parent + "." + key;
}

bool path_has_prefix(const std::string& path, const std::string& prefix) {
    return path == prefix || (path.size() > prefix.size() && path.rfind(prefix, 0) == 0 &&
                              path[prefix.size()] == '.');
}

YAML::Node find_path(const YAML::Node& root, const std::string& path) {
    YAML::Node current;
    current.reset(root);
    for (const std::string& part : split_path(path)) {
        YAML::Node next;
        if (current.IsMap()) {
            if (!current[part]) return YAML::Node(YAML::NodeType::Undefined);
            next.reset(current[part]);
        } else if (current.IsSequence()) {
            bool found = false;
            for (std::size_t k = 0; k < current.size(); ++k) {
                const bool by_index = std::to_string(k) == part;
                const bool by_name =
                    current[k].IsMap() && current[k]["name"] && current[k]["name"].Scalar() == part;
                if (by_index || by_name) {
                    next.reset(current[k]);
                    found = true;
                    break;
                }
            }
            if (!found) return YAML::Node(YAML::NodeType::Undefined);
        } else {
            return YAML::Node(YAML::NodeType::Undefined);
        }
        current.reset(next);
    }
    return current;
}

namespace {

std::string kind_of_file(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_scenario_text(const std::string& path) {
    const auto refuse = [&](const std::string& why) -> std::string {
        throw ScenarioError({Diagnostic{path, 1, 1, "", why}});
    };
    const auto cannot_read = [] {
        return "cannot read the file: " + std::error_code(errno, std::generic_category()).message();
    };
    // Look before opening: opening a device or a pipe can block or have effects of its own.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) return refuse(cannot_read());
    if (!S_ISREG(info.st_mode))
        return refuse(fmt::format("is {}; a scenario is a YAML file", kind_of_file(info.st_mode)));
    // O_NONBLOCK: should the path become a pipe meanwhile, opening it does not wait.
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
    if (file.fd < 0) return refuse(cannot_read());
    if (::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode))
        return refuse(fmt::format("is {}; a scenario is a YAML file", kind_of_file(info.st_mode)));
    const auto too_large = [&] {
        return refuse(fmt::format("is larger than {} MiB, the most a scenario file may be",
                                  kMaxScenarioBytes >> 20));
    };
    if (static_cast<std::uintmax_t>(info.st_size) > kMaxScenarioBytes) return too_large();
    // Read to the end or past the limit, whatever the size said (the file may grow).
    std::string text;
    char chunk[1 << 16];
    while (text.size() <= kMaxScenarioBytes) {
        const ssize_t got = ::read(file.fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) return refuse(cannot_read());
        if (got == 0) return text;
        text.append(chunk, static_cast<std::size_t>(got));
    }
    return too_large();
}

std::string sha256_hex(const std::string& bytes) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
        throw std::runtime_error("SHA-256 failed");
    }
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) hex += fmt::format("{:02x}", digest[i]);
    return hex;
}

}  // namespace followsim::scenario
