// report and compare on a results folder someone broke: every file that does not read, or a
// summary.json without what the report needs, gives an error naming the file; never a crash
// and never a silent report. The folders are real (a run, a PSA and a sweep), broken in many
// ways: keys removed, values of the wrong type, lists cut short, files truncated or replaced.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "engine/app/commands.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "support/temporary_folder.hpp"

using namespace followsim;
using followsim::testing::read_text;
using followsim::testing::TemporaryFolder;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// Every JSON pointer of a document.
void pointers(const json& node, const json::json_pointer& at,
              std::vector<json::json_pointer>& out) {
    out.push_back(at);
    if (node.is_object()) {
        for (const auto& [key, value] : node.items()) pointers(value, at / key, out);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i) pointers(node[i], at / i, out);
    }
}

// The document broken at `at` in one of five ways.
json broken(json document, const json::json_pointer& at, int how) {
    if (at.empty()) return json::array();
    json& node = document[at];
    switch (how) {
        case 0: {
            json& parent = document[at.parent_pointer()];
            if (parent.is_object()) {
                parent.erase(at.back());
            } else {
                parent.erase(std::stoul(at.back()));
            }
            break;
        }
        case 1:
            node = "text";
            break;
        case 2:
            node = nullptr;
            break;
        case 3:
            node = node.is_array() && !node.empty() ? json::array({node.front()}) : json::object();
            break;
        default:
            node = -1;
    }
    return document;
}

// report (and compare beside a sound folder) on `folder`: either it works, or the error
// names a file of the folder.
void check_answered(const fs::path& folder, const fs::path& sound) {
    for (int command = 0; command < 2; ++command) {
        try {
            if (command == 0) {
                (void)app::report(folder);
            } else {
                (void)app::compare({sound, folder});
            }
        } catch (const experiment::UsageError& e) {
            CHECK(std::string(e.what()).starts_with(folder.string()));
        } catch (const std::runtime_error& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).starts_with(folder.string() + "/"));
        }
    }
}

}  // namespace

TEST_CASE("report and compare on a broken results folder name the broken file", "[report][input]") {
    const auto sc = scenario::load_scenario_file(
        std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml", {});
    TemporaryFolder work;
    app::RunSettings run;
    run.replications = 2;
    app::write_folder(work.path / "run", app::run(sc, run).folder.files());
    app::PsaSettings psa;
    psa.draws = 4;
    psa.replications = 1;
    app::write_folder(work.path / "psa", app::psa(sc, psa).folder.files());
    app::SweepSettings sweep;
    sweep.vary = {"pathways.in_house.caseworkers=2:4:2"};
    sweep.replications = 1;
    app::write_folder(work.path / "sweep", app::sweep(sc, sweep).folder.files());

    std::mt19937 pick(14);
    std::size_t cases = 0;
    for (const char* kind : {"run", "psa", "sweep"}) {
        const fs::path sound = work.path / kind;
        const fs::path folder = work.path / "broken";
        const auto reset = [&] {  // the folder without report.html, which is not read
            fs::remove_all(folder);
            fs::create_directory(folder);
            for (const auto& entry : fs::directory_iterator(sound)) {
                if (entry.path().filename() != "report.html")
                    fs::copy_file(entry.path(), folder / entry.path().filename());
            }
        };
        // summary.json: every way at a sample of its places.
        const json summary = json::parse(read_text(sound / "summary.json"));
        std::vector<json::json_pointer> places;
        pointers(summary, json::json_pointer(), places);
        std::shuffle(places.begin(), places.end(), pick);
        places.resize(std::min<std::size_t>(places.size(), 50));
        for (const auto& at : places) {
            for (int how = 0; how < 5; ++how) {
                INFO(kind << " summary.json " << at.to_string() << " broken in way " << how);
                reset();
                (void)work.file("broken/summary.json", broken(summary, at, how).dump());
                check_answered(folder, work.path / "run");
                ++cases;
            }
        }
        // Every file cut short, or a field made text.
        for (const auto& entry : fs::directory_iterator(sound)) {
            const std::string name = entry.path().filename().string();
            if (name == "report.html") continue;
            const std::string text = read_text(entry.path());
            for (std::size_t cut :
                 {std::size_t{0}, text.size() / 3, text.size() / 2, text.size() - 2}) {
                INFO(kind << " " << name << " cut at " << cut);
                reset();
                (void)work.file("broken/" + name, text.substr(0, cut));
                check_answered(folder, work.path / "run");
                ++cases;
            }
            if (name.ends_with(".csv")) {
                reset();
                std::string changed = text;
                const auto comma = changed.find(',', changed.find('\n'));
                changed.replace(comma + 1, 0, "x");
                (void)work.file("broken/" + name, changed);
                check_answered(folder, work.path / "run");
                ++cases;
            }
        }
    }
    CHECK(cases > 750);
}
