// Results folders are replaced whole: what is at the target afterwards is exactly the new
// files, or (on failure) exactly the old ones; links planted in or at the target are never
// followed; staging folders of killed runs are removed, a live writer's kept; and a folder
// that is not a results folder is never replaced. (Kills at every step: tests/cli/kill_test.py.)
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <set>
#include <string>

#include "engine/app/result_folder.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/atomic_output.hpp"
#include "support/temporary_folder.hpp"

using namespace followsim;
using followsim::testing::read_text;
using followsim::testing::TemporaryFolder;
namespace fs = std::filesystem;

namespace {

// Every entry of a folder with its content ("-> target" for a link, "/" for a folder).
std::map<std::string, std::string> contents(const fs::path& folder) {
    std::map<std::string, std::string> out;
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (entry.is_symlink()) {
            out[name] = "-> " + fs::read_symlink(entry.path()).string();
        } else if (entry.is_directory()) {
            out[name] = "/";
        } else {
            out[name] = read_text(entry.path());
        }
    }
    return out;
}

app::FolderFiles files_of(const std::map<std::string, std::string>& files) {
    app::FolderFiles out;
    for (const auto& [name, content] : files) out.push_back({name, content});
    return out;
}

}  // namespace

TEST_CASE("a results folder is replaced whole, and nothing is left beside it", "[output][atomic]") {
    TemporaryFolder parent;
    const fs::path out = parent.path / "out";
    const std::map<std::string, std::string> first{{"summary.json", "{\"run\": 1}\n"},
                                                   {"replications.csv", "a,b\n1,2\n"}};
    app::write_folder(out, files_of(first));
    CHECK(contents(out) == first);
    // The next run's files replace the folder: replications.csv does not survive.
    const std::map<std::string, std::string> second{{"summary.json", "{\"run\": 2}\n"},
                                                    {"psa.csv", "draw\n"}};
    app::write_folder(out, files_of(second));
    CHECK(contents(out) == second);
    CHECK(contents(parent.path) == std::map<std::string, std::string>{{"out", "/"}});
    // As open as any folder the user makes (mkdtemp's 0700 is not kept).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    CHECK((fs::status(out).permissions() & fs::perms::all) == static_cast<fs::perms>(0777 & ~mask));
}

TEST_CASE("a write that is not committed leaves the old folder as it was", "[output][atomic]") {
    TemporaryFolder parent;
    const fs::path out = parent.path / "out";
    const std::map<std::string, std::string> old{{"summary.json", "old\n"}};
    app::write_folder(out, files_of(old));
    {
        output::OutputFolder staged(out);
        staged.add("summary.json", "new\n");
        staged.add("report.html", "<html>\n");
    }  // a failure before commit: the staging folder goes, the target is untouched
    CHECK(contents(out) == old);
    CHECK(contents(parent.path).size() == 1);
    // Ctrl-C once the files are staged: the same, and Interrupted.
    const std::atomic<bool> cancel{true};
    CHECK_THROWS_AS(app::write_folder(out, files_of({{"summary.json", "new\n"}}), &cancel),
                    experiment::Interrupted);
    CHECK(contents(out) == old);
    CHECK(contents(parent.path).size() == 1);
    // A file name that is not a plain name is refused.
    output::OutputFolder staged(out);
    CHECK_THROWS(staged.add("../escape", "x"));
    CHECK_THROWS(staged.add("", "x"));
}

TEST_CASE("links planted in or at the output folder are never followed", "[output][atomic]") {
    TemporaryFolder parent;
    const fs::path out = parent.path / "out";
    const fs::path victim = parent.file("victim.txt", "precious\n");
    app::write_folder(out, files_of({{"summary.json", "old\n"}}));
    // Links under every name the writer uses, and under the temporary names writers used to
    // give files (".NAME.tmp-PID", predictable).
    for (const char* name : {"report.html", "scenario.yaml"}) {
        fs::create_symlink(victim, out / name);
        fs::create_symlink(victim,
                           out / ("." + std::string(name) + ".tmp-" + std::to_string(::getpid())));
    }
    fs::remove(out / "summary.json");
    fs::create_symlink(victim, out / "summary.json");
    app::write_folder(out, files_of({{"summary.json", "new\n"},
                                     {"report.html", "<html>\n"},
                                     {"scenario.yaml", "name: x\n"}}));
    CHECK(read_text(victim) == "precious\n");
    CHECK(contents(out) == std::map<std::string, std::string>{{"summary.json", "new\n"},
                                                              {"report.html", "<html>\n"},
                                                              {"scenario.yaml", "name: x\n"}});
    for (const auto& entry : fs::directory_iterator(out)) CHECK(entry.is_regular_file());

    // The target itself a link: refused, the link and what it points to left alone.
    const fs::path elsewhere = parent.path / "elsewhere";
    app::write_folder(elsewhere, files_of({{"summary.json", "theirs\n"}}));
    const fs::path link = parent.path / "link";
    fs::create_directory_symlink(elsewhere, link);
    CHECK_THROWS_WITH(app::write_folder(link, files_of({{"summary.json", "new\n"}})),
                      Catch::Contains("is a symbolic link; results are not written through links"));
    CHECK(fs::is_symlink(link));
    CHECK(read_text(elsewhere / "summary.json") == "theirs\n");

    // One file (calibrate --write) over a link: the link is replaced, its target untouched.
    const fs::path file_link = parent.path / "calibrated.yaml";
    fs::create_symlink(victim, file_link);
    app::write_file(file_link, "name: calibrated\n");
    CHECK(read_text(victim) == "precious\n");
    CHECK(fs::is_regular_file(fs::symlink_status(file_link)));
    CHECK(read_text(file_link) == "name: calibrated\n");
}

TEST_CASE("staging left by killed runs is removed; a live writer's is kept", "[output][atomic]") {
    TemporaryFolder parent;
    const fs::path out = parent.path / "out";
    // What a killed run leaves: a staging folder with a file in it, and a temporary file of a
    // single-file write; nobody holds their locks.
    fs::create_directory(parent.path / ".out.followsim-AbC123");
    (void)parent.file(".out.followsim-AbC123/summary.json", "half");
    (void)parent.file(".calibrated.yaml.followsim-x1Y2z3", "half");
    // A live writer's staging folder: locked.
    const fs::path live = parent.path / ".out.followsim-L1veXX";
    fs::create_directory(live);
    const int lock = ::open(live.c_str(), O_RDONLY | O_DIRECTORY);
    REQUIRE(::flock(lock, LOCK_EX) == 0);
    // Names that only look alike stay too.
    fs::create_directory(parent.path / ".out.followsim-toolong");
    (void)parent.file(".other.followsim-AbC123", "someone else's");

    app::write_folder(out, files_of({{"summary.json", "new\n"}}));
    app::write_file(parent.path / "calibrated.yaml", "name: x\n");
    std::set<std::string> left;
    for (const auto& entry : fs::directory_iterator(parent.path))
        left.insert(entry.path().filename().string());
    CHECK(left == std::set<std::string>{"out", "calibrated.yaml", ".out.followsim-L1veXX",
                                        ".out.followsim-toolong", ".other.followsim-AbC123"});
    ::close(lock);
}

TEST_CASE("a folder that is not a results folder is never replaced", "[output][atomic]") {
    TemporaryFolder parent;
    const auto refused = [&](const fs::path& target, const std::string& why) {
        const auto before = contents(parent.path);
        CHECK_THROWS_AS(output::check_replaceable(target), experiment::UsageError);
        CHECK_THROWS_WITH(app::write_folder(target, files_of({{"summary.json", "new\n"}})),
                          target.string() + " " + why);
        CHECK(contents(parent.path) == before);
    };
    // --out pointing at a folder of other things (a home folder, the source tree).
    fs::create_directory(parent.path / "documents");
    (void)parent.file("documents/notes.txt", "mine\n");
    refused(parent.path / "documents",
            "holds no followsim results; a results folder is replaced whole, so followsim writes "
            "only into a new, empty or results folder");
    CHECK(read_text(parent.path / "documents/notes.txt") == "mine\n");
    // Results, but also a folder inside.
    fs::create_directories(parent.path / "results/heimdal");
    (void)parent.file("results/summary.json", "{}");
    refused(parent.path / "results",
            "holds a folder ('heimdal'); a results folder is replaced whole, so followsim writes "
            "only into a new, empty or results folder");
    // A file.
    (void)parent.file("plain", "x");
    refused(parent.path / "plain", "exists and is not a folder");
    // An empty folder, a new one, and one with results and a stray file are fine.
    fs::create_directory(parent.path / "empty");
    CHECK_NOTHROW(app::write_folder(parent.path / "empty", files_of({{"summary.json", "1"}})));
    CHECK_NOTHROW(app::write_folder(parent.path / "a/b/new", files_of({{"summary.json", "1"}})));
    (void)parent.file("empty/notes.txt", "stray\n");
    app::write_folder(parent.path / "empty", files_of({{"report.html", "2"}}));
    CHECK(contents(parent.path / "empty") ==
          std::map<std::string, std::string>{{"report.html", "2"}});
}

TEST_CASE("report.html written again keeps the folder's other files", "[output][atomic]") {
    TemporaryFolder parent;
    const fs::path out = parent.path / "out";
    app::write_folder(out, files_of({{"summary.json", "{}\n"},
                                     {"timeseries.csv", "arm,day\n"},
                                     {"report.html", "old page\n"}}));
    app::update_folder(out, files_of({{"report.html", "new page\n"}}));
    CHECK(contents(out) == std::map<std::string, std::string>{{"summary.json", "{}\n"},
                                                              {"timeseries.csv", "arm,day\n"},
                                                              {"report.html", "new page\n"}});
    CHECK(contents(parent.path).size() == 1);
}
