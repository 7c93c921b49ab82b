// Results folders written all or nothing, and swapped in whole (DESIGN.md: "A folder is
// replaced whole (staged beside it, then swapped)"):
//  1. Staging. Staging folders that killed runs left beside the target are removed (a live
//     writer holds a lock on its own, so only the dead ones go). A new one is made beside the
//     target with mkdtemp, named .<target>.followsim-XXXXXX, and locked (flock) while this
//     writer lives.
//  2. Files. Each is created in the staging folder with O_CREAT|O_EXCL|O_NOFOLLOW (a link
//     planted under its name is never followed), written and fsynced; then the folder itself.
//  3. Swap. renameat2(RENAME_EXCHANGE) puts the new folder in the target's place and the old
//     one under the staging name in one step. Where the file system lacks it, the old folder
//     is renamed aside and the new one into place: a kill between the two leaves no folder at
//     the target and the old results whole beside it, never a mix.
//  4. The old folder is removed through file descriptors (no link inside it is followed).
// A failure or an interruption before the swap leaves the target as it was. An existing
// target is replaced only if it is an empty folder, or holds followsim's result files and no
// subfolders: --out pointing at a home folder must not delete it.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace followsim::output {

// The files of followsim's results folders (DESIGN.md, "Results contract"); a folder holding
// any of them may be replaced.
const std::vector<std::string>& result_file_names();

// Throws experiment::UsageError if `folder` exists and may not be replaced by a results folder
// (a link, a file, or a folder of other things); call it before long work.
void check_replaceable(const std::filesystem::path& folder);

class OutputFolder {
  public:
    // What becomes of the old folder's files that are not written again: dropped (a new run)
    // or kept (report.html written again beside the results it reads).
    enum class Others { drop, keep };

    explicit OutputFolder(const std::filesystem::path& folder, Others others = Others::drop);
    ~OutputFolder();  // removes the staging folder, unless committed
    OutputFolder(const OutputFolder&) = delete;
    OutputFolder& operator=(const OutputFolder&) = delete;

    // Writes `content` as `file_name` (a plain name) in the staging folder; throws on any
    // I/O error.
    void add(const std::string& file_name, const std::string& content);
    // Swaps the staged folder in place of the target and removes the old one.
    void commit();

  private:
    std::filesystem::path parent_path_;
    std::string name_;          // the target's name in its parent folder
    std::string staging_name_;  // .<name>.followsim-XXXXXX
    int parent_ = -1;           // open parent folder: every step is relative to it
    int staging_ = -1;          // open and locked staging folder
    Others others_;
    std::vector<std::string> written_;
    bool committed_ = false;
};

// Writes one file in place of `path` all or nothing: a temporary file beside it
// (O_CREAT|O_EXCL, locked), written, fsynced and renamed over it. A link at `path` is
// replaced, not followed.
void write_file_atomically(const std::filesystem::path& path, const std::string& content);

}  // namespace followsim::output
