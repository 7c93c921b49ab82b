#include "engine/scenario/text_file.hpp"

#include <fcntl.h>
#include <fmt/core.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <system_error>

namespace followsim::scenario {

namespace {

std::string kind_of_file(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "something other";
}

[[noreturn]] void refuse(const std::string& why) {
    throw FileRefused(why);
}

[[noreturn]] void cannot_read() {
    refuse("cannot read the file: " + std::error_code(errno, std::generic_category()).message());
}

[[noreturn]] void not_regular(mode_t mode) {
    refuse(fmt::format("is {}, not a file", kind_of_file(mode)));
}

// Closes a file descriptor when it goes out of scope.
struct FileDescriptor {
    int fd;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

std::string read_text_file(const std::string& path, std::size_t max_bytes,
                           const std::string& what) {
    // Look before opening: opening a device or a pipe can block or have effects of its own.
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) cannot_read();
    if (!S_ISREG(info.st_mode)) not_regular(info.st_mode);
    // O_NONBLOCK: should the path become a pipe meanwhile, opening it does not wait.
    const FileDescriptor file{::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK)};
    if (file.fd < 0) cannot_read();
    if (::fstat(file.fd, &info) != 0) cannot_read();
    if (!S_ISREG(info.st_mode)) not_regular(info.st_mode);
    const std::string too_large =
        fmt::format("is larger than {} MiB, the most {} may be", max_bytes >> 20, what);
    if (static_cast<std::uintmax_t>(info.st_size) > max_bytes) refuse(too_large);
    // Read to the end or past the limit, whatever the size said (the file may grow).
    std::string text;
    char chunk[1 << 16];
    while (text.size() <= max_bytes) {
        const ssize_t got = ::read(file.fd, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) cannot_read();
        if (got == 0) return text;
        text.append(chunk, static_cast<std::size_t>(got));
    }
    refuse(too_large);
}

}  // namespace followsim::scenario
