#include "engine/output/atomic_output.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <system_error>

#include "engine/experiment/errors.hpp"

namespace followsim::output {

namespace fs = std::filesystem;

namespace {

constexpr const char* kStagingMark = ".followsim-";
constexpr std::size_t kRandomLength = 6;  // mkdtemp's XXXXXX
// Staging folders hold plain files; deeper than this, a folder is left alone.
constexpr int kMaxRemovalDepth = 8;

[[noreturn]] void fail(const std::string& what, int error = errno) {
    throw std::runtime_error(what + ": " +
                             std::error_code(error, std::generic_category()).message());
}

// A file descriptor, closed at the end of its scope.
class Descriptor {
  public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    [[nodiscard]] int get() const { return fd_; }

  private:
    int fd_;
};

// Test-only hook: FOLLOWSIM_TEST_KILL_AFTER_STEP=k kills the process (SIGKILL, as `kill -9`
// would) right after the k-th step of writing, so a test can stop the writer at every step.
void step() {
    static const long kill_after = [] {
        const char* value = std::getenv("FOLLOWSIM_TEST_KILL_AFTER_STEP");
        return value != nullptr ? std::atol(value) : 0L;
    }();
    static long done = 0;
    if (kill_after > 0 && ++done == kill_after) ::raise(SIGKILL);
}

// Test-only hook: FOLLOWSIM_TEST_NO_RENAME_EXCHANGE=1 takes the path of file systems without
// renameat2(RENAME_EXCHANGE).
bool exchange_allowed() {
    static const bool allowed = std::getenv("FOLLOWSIM_TEST_NO_RENAME_EXCHANGE") == nullptr;
    return allowed;
}

// The process's umask, read without changing it (umask(2) would, for every thread).
mode_t current_umask() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);) {
        if (line.rfind("Umask:", 0) == 0)
            return static_cast<mode_t>(std::stoul(line.substr(6), nullptr, 8));
    }
    return 022;
}

std::string staging_prefix(const std::string& name) {
    return "." + name + kStagingMark;
}

bool is_staging_name(const std::string& entry, const std::string& prefix) {
    return entry.size() == prefix.size() + kRandomLength && entry.rfind(prefix, 0) == 0;
}

// The names in an open folder (without . and ..).
std::vector<std::string> entries_of(int folder) {
    const int copy = ::dup(folder);
    if (copy < 0) fail("cannot read a folder");
    DIR* listing = ::fdopendir(copy);
    if (listing == nullptr) {
        ::close(copy);
        fail("cannot read a folder");
    }
    ::rewinddir(listing);
    std::vector<std::string> names;
    while (const dirent* entry = ::readdir(listing)) {
        const std::string name = entry->d_name;
        if (name != "." && name != "..") names.push_back(name);
    }
    ::closedir(listing);
    return names;
}

struct stat stat_at(int folder, const std::string& name) {
    struct stat info {};
    if (::fstatat(folder, name.c_str(), &info, AT_SYMLINK_NOFOLLOW) != 0) info.st_mode = 0;
    return info;
}

// Whether `name` in `parent` is still the open folder `fd`.
bool still_linked(int parent, const std::string& name, int fd) {
    struct stat open_one {};
    const struct stat named = stat_at(parent, name);
    return ::fstat(fd, &open_one) == 0 && named.st_mode != 0 && named.st_ino == open_one.st_ino &&
           named.st_dev == open_one.st_dev;
}

// Removes everything in the open folder `folder`, never following a link; each removal is a
// step. Returns false if something could not be removed.
bool remove_contents(int folder, int depth = 0) {
    bool all = true;
    for (const std::string& name : entries_of(folder)) {
        if (S_ISDIR(stat_at(folder, name).st_mode)) {
            const Descriptor sub(
                ::openat(folder, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (sub.get() < 0 || depth >= kMaxRemovalDepth ||
                !remove_contents(sub.get(), depth + 1) ||
                ::unlinkat(folder, name.c_str(), AT_REMOVEDIR) != 0) {
                all = false;
            }
        } else if (::unlinkat(folder, name.c_str(), 0) != 0 && errno != ENOENT) {
            all = false;
        }
        step();
    }
    return all;
}

// Removes the folder `name` in `parent` and all it holds; false if it could not.
bool remove_folder(int parent, const std::string& name) {
    const Descriptor folder(
        ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (folder.get() < 0) return false;
    const bool removed =
        remove_contents(folder.get()) && ::unlinkat(parent, name.c_str(), AT_REMOVEDIR) == 0;
    step();
    return removed;
}

// Removes what killed writers left beside a target: staging folders and temporary files
// named <prefix>XXXXXX that nobody holds a lock on (a live writer does on its own).
void remove_stale(int parent, const std::string& prefix) {
    for (const std::string& name : entries_of(parent)) {
        if (!is_staging_name(name, prefix)) continue;
        const Descriptor entry(
            ::openat(parent, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK));
        if (entry.get() < 0 || ::flock(entry.get(), LOCK_EX | LOCK_NB) != 0) continue;
        struct stat info {};
        if (::fstat(entry.get(), &info) != 0) continue;
        if (S_ISDIR(info.st_mode)) {
            if (remove_contents(entry.get())) ::unlinkat(parent, name.c_str(), AT_REMOVEDIR);
        } else if (S_ISREG(info.st_mode)) {
            ::unlinkat(parent, name.c_str(), 0);
        }
    }
}

void write_all(int fd, const char* data, std::size_t size, const std::string& what) {
    while (size > 0) {
        const ssize_t wrote = ::write(fd, data, size);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote < 0) fail("cannot write " + what);
        data += wrote;
        size -= static_cast<std::size_t>(wrote);
    }
}

// Writes the whole of `content` to `fd` in two halves (a step after each: a kill may find
// a file half written) and fsyncs it.
void write_and_sync(int fd, const std::string& content, const std::string& what) {
    const std::size_t half = content.size() / 2;
    write_all(fd, content.data(), half, what);
    step();
    write_all(fd, content.data() + half, content.size() - half, what);
    step();
    if (::fsync(fd) != 0) fail("cannot write " + what);
}

// The target as a parent folder and a name in it: "results/", "./results" and
// "/abs/results" all name results.
std::pair<fs::path, std::string> parent_and_name(const fs::path& target) {
    fs::path normal = fs::absolute(target).lexically_normal();
    if (!normal.has_filename()) normal = normal.parent_path();
    const std::string name = normal.filename().string();
    if (name.empty() || name == "." || name == "..")
        throw experiment::UsageError("cannot write to " + target.string() + ": not a folder name");
    return {normal.parent_path(), name};
}

int open_folder(const fs::path& folder) {
    std::error_code ec;
    fs::create_directories(folder, ec);
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) fail("cannot open the folder " + folder.string());
    return fd;
}

// Why the entry `name` in `parent` may not be replaced by a results folder; "" if it may.
std::string why_not_replaceable(int parent, const std::string& name) {
    const struct stat info = stat_at(parent, name);
    if (info.st_mode == 0) return "";  // nothing there yet
    if (S_ISLNK(info.st_mode)) {
        return "is a symbolic link; results are not written through links (give the folder it "
               "points to)";
    }
    if (!S_ISDIR(info.st_mode)) return "exists and is not a folder";
    const Descriptor folder(
        ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (folder.get() < 0) return "cannot be opened";
    const auto entries = entries_of(folder.get());
    bool results = entries.empty();
    for (const std::string& entry : entries) {
        if (S_ISDIR(stat_at(folder.get(), entry).st_mode)) {
            return "holds a folder ('" + entry +
                   "'); a results folder is replaced whole, so followsim writes only into a new, "
                   "empty or results folder";
        }
        const auto& known = result_file_names();
        results = results || std::find(known.begin(), known.end(), entry) != known.end();
    }
    if (!results) {
        return "holds no followsim results; a results folder is replaced whole, so followsim "
               "writes only into a new, empty or results folder";
    }
    return "";
}

void refuse_unless_replaceable(int parent, const std::string& name, const fs::path& shown) {
    const std::string why = why_not_replaceable(parent, name);
    if (!why.empty()) throw experiment::UsageError(shown.string() + " " + why);
}

bool plain_name(const std::string& name) {
    return !name.empty() && name != "." && name != ".." && name.find('/') == std::string::npos;
}

// Copies the regular file `name` of `from` to `to` (not through a link).
void copy_file(int from, int to, const std::string& name) {
    const Descriptor in(::openat(from, name.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (in.get() < 0) fail("cannot read " + name);
    const Descriptor out(
        ::openat(to, name.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (out.get() < 0) fail("cannot write " + name);
    char buffer[1 << 16];
    for (;;) {
        const ssize_t got = ::read(in.get(), buffer, sizeof buffer);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) fail("cannot read " + name);
        if (got == 0) break;
        write_all(out.get(), buffer, static_cast<std::size_t>(got), name);
    }
    if (::fsync(out.get()) != 0) fail("cannot write " + name);
    step();
}

}  // namespace

const std::vector<std::string>& result_file_names() {
    static const std::vector<std::string> names{
        "summary.json", "replications.csv", "timeseries.csv",   "psa.csv",
        "sweep.csv",    "optimise.csv",     "calibration.json", "scenario.yaml",
        "report.html",  "key_figures.csv",  "results.xlsx"};
    return names;
}

void check_replaceable(const fs::path& folder) {
    const auto [parent_path, name] = parent_and_name(folder);
    const Descriptor parent(::open(parent_path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (parent.get() >= 0) refuse_unless_replaceable(parent.get(), name, folder);
}

OutputFolder::OutputFolder(const fs::path& folder, Others others) : others_(others) {
    std::tie(parent_path_, name_) = parent_and_name(folder);
    parent_ = open_folder(parent_path_);
    refuse_unless_replaceable(parent_, name_, folder);
    const std::string prefix = staging_prefix(name_);
    remove_stale(parent_, prefix);
    // Another writer's clean-up may take the new folder for a stale one in the moment before
    // it is locked: then it is gone, and another is made.
    for (int attempt = 0; staging_ < 0 || !still_linked(parent_, staging_name_, staging_);
         ++attempt) {
        if (staging_ >= 0) ::close(staging_);
        staging_ = -1;
        if (attempt == 3) fail("cannot keep a folder beside " + folder.string(), EAGAIN);
        std::string staging = (parent_path_ / (prefix + std::string(kRandomLength, 'X'))).string();
        if (::mkdtemp(staging.data()) == nullptr)
            fail("cannot create a folder beside " + folder.string());
        staging_name_ = fs::path(staging).filename().string();
        staging_ = ::openat(parent_, staging_name_.c_str(),
                            O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (staging_ < 0 || ::flock(staging_, LOCK_EX) != 0)
            fail("cannot open the folder " + staging);
    }
    // mkdtemp makes it 0700; a results folder is as open as any folder the user makes.
    ::fchmod(staging_, 0777 & ~current_umask());
    step();
}

OutputFolder::~OutputFolder() {
    try {
        if (!committed_ && staging_ >= 0) remove_folder(parent_, staging_name_);
    } catch (const std::exception&) {
        // Left for the next writer's clean-up: it is not locked once this process ends.
    }
    if (staging_ >= 0) ::close(staging_);
    if (parent_ >= 0) ::close(parent_);
}

void OutputFolder::add(const std::string& file_name, const std::string& content) {
    if (!plain_name(file_name)) throw std::invalid_argument("not a file name: " + file_name);
    const Descriptor file(::openat(staging_, file_name.c_str(),
                                   O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666));
    if (file.get() < 0) fail("cannot create " + file_name);
    step();
    write_and_sync(file.get(), content, file_name);
    written_.push_back(file_name);
    step();
}

void OutputFolder::commit() {
    if (others_ == Others::keep) {
        const Descriptor old(
            ::openat(parent_, name_.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (old.get() >= 0) {
            for (const std::string& name : entries_of(old.get())) {
                const bool rewritten =
                    std::find(written_.begin(), written_.end(), name) != written_.end();
                if (!rewritten && S_ISREG(stat_at(old.get(), name).st_mode))
                    copy_file(old.get(), staging_, name);
            }
        }
    }
    if (::fsync(staging_) != 0) fail("cannot write the folder " + staging_name_);
    step();
    // Checked again just before: the target may have changed since the constructor looked.
    refuse_unless_replaceable(parent_, name_, parent_path_ / name_);
    const char* staging = staging_name_.c_str();
    const char* target = name_.c_str();
    std::string old_name = staging_name_;  // where the old folder is after the swap
    const bool exists = stat_at(parent_, name_).st_mode != 0;
    if (!exists) {
        if (::renameat(parent_, staging, parent_, target) != 0) fail("cannot create " + name_);
        old_name.clear();
    } else if (!exchange_allowed() ||
               ::renameat2(parent_, staging, parent_, target, RENAME_EXCHANGE) != 0) {
        // No RENAME_EXCHANGE here: the old folder aside (onto an empty folder of our own
        // name, which rename replaces), then the new one in.
        if (exchange_allowed() && errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP)
            fail("cannot replace " + name_);
        std::string aside = (parent_path_ / (staging_prefix(name_) + "XXXXXX")).string();
        if (::mkdtemp(aside.data()) == nullptr) fail("cannot create a folder beside " + name_);
        old_name = fs::path(aside).filename().string();
        if (::renameat(parent_, target, parent_, old_name.c_str()) != 0)
            fail("cannot move " + name_ + " aside");
        step();
        if (::renameat(parent_, staging, parent_, target) != 0) {
            const int error = errno;
            ::renameat(parent_, old_name.c_str(), parent_, target);  // the old one back
            fail("cannot create " + name_, error);
        }
    }
    committed_ = true;
    step();
    if (::fsync(parent_) != 0) fail("cannot write the folder " + parent_path_.string());
    step();
    // The new results are in place; an old folder that cannot be removed now is stale for the
    // next writer.
    try {
        if (!old_name.empty()) remove_folder(parent_, old_name);
    } catch (const std::exception&) {
    }
}

void write_file_atomically(const fs::path& path, const std::string& content) {
    const auto [parent_path, name] = parent_and_name(path);
    const Descriptor parent(open_folder(parent_path));
    if (S_ISDIR(stat_at(parent.get(), name).st_mode))
        throw experiment::UsageError(path.string() + " is a folder");
    const std::string prefix = staging_prefix(name);
    remove_stale(parent.get(), prefix);
    // As for a folder: a file another writer's clean-up removed before it was locked is
    // made again.
    int fd = -1;
    std::string temporary_name;
    for (int attempt = 0; fd < 0 || !still_linked(parent.get(), temporary_name, fd); ++attempt) {
        if (fd >= 0) ::close(fd);
        fd = -1;
        if (attempt == 3) fail("cannot keep a file beside " + path.string(), EAGAIN);
        std::string temporary = (parent_path / (prefix + std::string(kRandomLength, 'X'))).string();
        fd = ::mkostemp(temporary.data(), O_CLOEXEC);
        if (fd < 0) fail("cannot create a file beside " + path.string());
        temporary_name = fs::path(temporary).filename().string();
        if (::flock(fd, LOCK_EX) != 0) fail("cannot lock " + temporary);
    }
    const Descriptor file(fd);
    try {
        ::fchmod(file.get(), 0666 & ~current_umask());  // mkostemp makes it 0600
        write_and_sync(file.get(), content, path.string());
        if (::renameat(parent.get(), temporary_name.c_str(), parent.get(), name.c_str()) != 0)
            fail("cannot write " + path.string());
    } catch (...) {
        ::unlinkat(parent.get(), temporary_name.c_str(), 0);
        throw;
    }
    step();
    if (::fsync(parent.get()) != 0) fail("cannot write the folder " + parent_path.string());
}

}  // namespace followsim::output
