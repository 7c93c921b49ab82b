// The workbench's rules and its sessions without HTTP: only this server's Host and Origin, the
// run size limit, files only inside the folder given, the .zip download, the verdict, and runs:
// invalid values run nothing, one run a session (a new one cancels the running one), at most
// max_concurrent_runs at once, downloads that validate.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "engine/scenario/scenario_loader.hpp"
#include "engine/serve/request_guard.hpp"
#include "engine/serve/workbench.hpp"
#include "engine/serve/workbench_server.hpp"
#include "engine/serve/zip_archive.hpp"

using namespace followsim;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const fs::path kScenarios = fs::path(FOLLOWSIM_SOURCE_DIR) / "scenarios";

// A folder of its own under the system's temporary folder, removed at the end.
struct ScratchFolder {
    fs::path path = fs::temp_directory_path() /
                    ("followsim-serve-test-" + std::to_string(::getpid()) + "-" +
                     std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    ScratchFolder() { fs::create_directories(path); }
    ~ScratchFolder() { fs::remove_all(path); }
};

serve::ServeSettings settings_in(const fs::path& folder) {
    serve::ServeSettings s;
    s.scenarios_dir = kScenarios;
    s.folder = folder / "results";
    s.threads = 1;
    return s;
}

json body(const serve::Reply& r) {
    return json::parse(r.body);
}

// Polls the session's job until it is neither queued nor running.
json finished_job(serve::Workbench& bench, const std::string& session) {
    for (int i = 0; i < 6000; ++i) {
        const json job = body(bench.status(session)).at("job");
        if (job.at("state") != "queued" && job.at("state") != "running") return job;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    FAIL("the job did not finish");
    return {};
}

json run_request(const json& values, int replications) {
    return {{"values", values}, {"replications", replications}, {"seed", 1}};
}

}  // namespace

TEST_CASE("only this server's Host and Origin are answered", "[serve]") {
    CHECK(serve::allowed_host("127.0.0.1:8050", 8050));
    CHECK(serve::allowed_host("localhost:8050", 8050));
    CHECK(serve::allowed_host("[::1]:8050", 8050));
    // DNS rebinding: another name that resolves here, or another port.
    CHECK_FALSE(serve::allowed_host("evil.example:8050", 8050));
    CHECK_FALSE(serve::allowed_host("127.0.0.1.evil.example:8050", 8050));
    CHECK_FALSE(serve::allowed_host("127.0.0.1:8051", 8050));
    CHECK_FALSE(serve::allowed_host("127.0.0.1", 8050));
    CHECK_FALSE(serve::allowed_host("", 8050));
    CHECK(serve::allowed_origin("", 8050));
    CHECK(serve::allowed_origin("http://127.0.0.1:8050", 8050));
    CHECK(serve::allowed_origin("http://localhost:8050", 8050));
    CHECK_FALSE(serve::allowed_origin("http://evil.example", 8050));
    CHECK_FALSE(serve::allowed_origin("https://127.0.0.1:8050", 8050));
    CHECK_FALSE(serve::allowed_origin("null", 8050));
    CHECK_FALSE(serve::allowed_origin("http://127.0.0.1:8050.evil.example", 8050));
    CHECK(serve::session_cookie("a=1; followsim_session=abc123; b=2") == "abc123");
    CHECK(serve::session_cookie("xfollowsim_session=abc") == "");
}

TEST_CASE("a run's size is its persons: expected persons x arms x replications", "[serve]") {
    const auto sc = scenario::load_scenario_file((kScenarios / "heimdal.yaml").string());
    // Heimdal: 108 + 40 at the start, 6 a month for 24 months, in each of 3 arms.
    const double persons = 108.0 + 40.0 + 6.0 * 24.0;
    CHECK(serve::run_size(sc, 10) == Approx(persons * 3 * 10).epsilon(1e-6));
    CHECK(serve::run_size_refusal(sc, 10, 1e6).empty());
    const std::string refusal = serve::run_size_refusal(sc, 10, 1000);
    CHECK(refusal.find("about 8.76e+03 persons") != std::string::npos);
    CHECK(refusal.find("at most 1e+03") != std::string::npos);
}

TEST_CASE("files go only inside the folder given", "[serve]") {
    ScratchFolder scratch;
    CHECK(serve::safe_name("../../etc/passwd") == "etc-passwd");
    CHECK(serve::safe_name("Heimdal 2025.yaml") == "heimdal-2025-yaml");
    CHECK(serve::safe_name("/..") == "scenario");
    const fs::path base = fs::weakly_canonical(scratch.path);
    CHECK(serve::inside(scratch.path, "heimdal-1") == base / "heimdal-1");
    CHECK_FALSE(serve::inside(scratch.path, "../heimdal-1"));
    CHECK_FALSE(serve::inside(scratch.path, "a/b"));
    CHECK_FALSE(serve::inside(scratch.path, ".."));
    CHECK_FALSE(serve::inside(scratch.path, "/tmp"));
    // A link inside that points outside is outside.
    fs::create_directory_symlink(fs::temp_directory_path(), scratch.path / "link");
    CHECK_FALSE(serve::inside(scratch.path, "link"));
}

TEST_CASE("the folder as .zip holds every file as it is", "[serve]") {
    const std::string binary("\x00\x01PK\x03\x04 and more", 16);
    const std::vector<std::pair<std::string, std::string>> files{
        {"summary.json", "{\"a\": 1}\n"},
        {"report.html", std::string(200000, 'x')},
        {"bytes", binary}};
    const std::string zip = serve::zip_archive("heimdal-3", files);
    CHECK(zip.starts_with("PK\x03\x04"));
    const auto back = serve::unzip_archive(zip);
    REQUIRE(back.size() == 3);
    for (std::size_t i = 0; i < files.size(); ++i) {
        CHECK(back[i].first == "heimdal-3/" + files[i].first);
        CHECK(back[i].second == files[i].second);
    }
    CHECK_THROWS(serve::unzip_archive("not a zip"));
}

TEST_CASE("a workbench session: invalid values run nothing, a run, its downloads", "[serve]") {
    ScratchFolder scratch;
    serve::Workbench bench(settings_in(scratch.path));
    CHECK(bench.state("no-such-session").status == 403);
    const auto session = bench.new_session();
    REQUIRE(session);
    const json state = body(bench.state(*session));
    CHECK(state.at("scenario").at("name") == "Heimdal core-tasks pilot");
    CHECK(state.at("scenario").at("shipped") == "heimdal.yaml");
    CHECK(state.at("fields").size() > 20);

    // Invalid: the command line's message, and no job.
    const json invalid =
        body(bench.start_run(*session, run_request({{"pathways.in_house.caseworkers", "-1"}}, 20)));
    REQUIRE(invalid.contains("problems"));
    CHECK(invalid.at("problems")[0].at("text") ==
          "--set pathways.in_house.caseworkers=-1: pathways.in_house.caseworkers: must be at "
          "least 0, found -1");
    CHECK(body(bench.start_run(*session, run_request(json::object(), 0))).contains("problems"));
    CHECK(bench.start_run(*session, run_request({{"no.such.field", "1"}}, 20)).status == 400);
    CHECK(body(bench.status(*session)).at("job").is_null());

    // A valid change runs; its results are kept and written inside the folder.
    const json started = body(bench.start_run(
        *session, run_request({{"pathways.in_house.caseworkers", "8"}, {"horizon", "24"}}, 20)));
    REQUIRE(started.contains("job"));
    const json job = finished_job(bench, *session);
    REQUIRE(job.at("state") == "done");
    CHECK(job.at("done") == 20);
    const json run = body(bench.run(*session, job.at("run")));
    CHECK(run.at("changes").size() == 1);  // 24 months is the file's horizon: no change
    CHECK(run.at("changes")[0].at("text") == "8");
    CHECK_FALSE(run.at("verdict").get<std::string>().empty());
    CHECK(run.at("charts").size() >= 5);
    CHECK(run.at("charts")[0].at("id") == "chart-states");
    CHECK(run.at("figures_html").get<std::string>().starts_with("<table class=figures>"));
    const fs::path written = run.at("folder").get<std::string>();
    CHECK(written == fs::weakly_canonical(scratch.path / "results" / "heimdal-1"));
    CHECK(fs::exists(written / "summary.json"));
    CHECK(fs::exists(written / "report.html"));

    // The scenario downloads with the change marked and validates; the .zip holds the folder.
    const auto yaml = bench.download(*session, run.at("id"), "scenario.yaml");
    CHECK(yaml.filename == "heimdal-1-scenario.yaml");
    CHECK(yaml.body.find("caseworkers: 8 ") != std::string::npos);
    const auto again = scenario::load_scenario_text(yaml.body, "download.yaml");
    CHECK(again.model.staffing_of(0)->caseworkers == 8);
    std::ifstream on_disk(written / "scenario.yaml");
    CHECK(std::string(std::istreambuf_iterator<char>(on_disk), {}) == yaml.body);
    const auto zip =
        serve::unzip_archive(bench.download(*session, run.at("id"), "results.zip").body);
    CHECK(zip.size() == run.at("files").size() - 1);
    CHECK(bench.download(*session, run.at("id"), "../summary.json").status == 404);
    CHECK(bench.download(*session, 99, "scenario.yaml").status == 404);

    // A second run: both side by side.
    bench.start_run(*session, run_request({{"pathways.in_house.caseworkers", "2"}}, 20));
    const json second = finished_job(bench, *session);
    const json compared = body(bench.compare(*session, {1, second.at("run")}));
    CHECK(compared.at("charts").size() == 2);
    CHECK(compared.at("table_html").get<std::string>().find("run 2") != std::string::npos);
    CHECK(fs::exists(scratch.path / "results" / "heimdal-2"));
}

TEST_CASE("a workbench session opens shipped and uploaded scenarios, never other paths",
          "[serve]") {
    ScratchFolder scratch;
    serve::Workbench bench(settings_in(scratch.path));
    const auto session = bench.new_session();
    REQUIRE(session);
    CHECK(bench.open(*session, {{"name", "../scenarios/heimdal.yaml"}}).status == 404);
    CHECK(bench.open(*session, {{"name", 5}}).status == 400);
    CHECK(bench.open(*session, {{"name", "mmc.yaml"}}).status == 200);
    CHECK(body(bench.state(*session)).at("scenario").at("file") == "mmc.yaml");
    const json bad =
        body(bench.open(*session, {{"filename", "../../x.yaml"}, {"text", "name: [\n"}}));
    REQUIRE(bad.contains("problems"));
    CHECK(bad.at("problems")[0].at("file") == "x.yaml");
    CHECK(body(bench.state(*session)).at("scenario").at("file") == "mmc.yaml");  // still open
    std::ifstream file(kScenarios / "heimdal.yaml");
    const std::string text(std::istreambuf_iterator<char>(file), {});
    CHECK(
        body(bench.open(*session, {{"filename", "my office.yaml"}, {"text", text}})).at("opened") ==
        "myoffice.yaml");
}

TEST_CASE("one run a session, a new change cancels it; runs beyond the limit wait", "[serve]") {
    ScratchFolder scratch;
    auto settings = settings_in(scratch.path);
    settings.max_concurrent_runs = 1;
    settings.max_sessions = 2;
    serve::Workbench bench(settings);
    const auto a = bench.new_session();
    const auto b = bench.new_session();
    REQUIRE((a && b));

    // A long run in a, then b's run waits for the one worker slot.
    const json values = {{"pathways.in_house.caseworkers", "5"}};
    bench.start_run(*a, run_request(values, 20000));
    json a_job;
    do {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        a_job = body(bench.status(*a)).at("job");
    } while (a_job.at("state") == "queued");
    CHECK(a_job.at("state") == "running");
    bench.start_run(*b, run_request(values, 10));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(body(bench.status(*b)).at("job").at("state") == "queued");
    // A server full of sessions gives no new one while every session is running.
    CHECK_FALSE(bench.new_session());

    // A new change in a: the long run stops, having written nothing.
    bench.start_run(*a, run_request(values, 10));
    const json a_done = finished_job(bench, *a);
    CHECK(a_done.at("state") == "done");
    CHECK(a_done.at("run") == 1);  // the cancelled run took no number
    CHECK(body(bench.state(*a)).at("runs").size() == 1);
    CHECK(finished_job(bench, *b).at("state") == "done");
    int folders = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(scratch.path / "results"))
        ++folders;
    CHECK(folders == 2);

    // A third session: the longest idle one goes.
    const auto c = bench.new_session();
    REQUIRE(c);
    CHECK(bench.has_session(*a));  // a was asked for its state last
    CHECK_FALSE(bench.has_session(*b));
}

TEST_CASE("a run too big for the server is refused before it starts", "[serve]") {
    ScratchFolder scratch;
    auto settings = settings_in(scratch.path);
    settings.max_run_size = 1e5;
    serve::Workbench bench(settings);
    const auto session = bench.new_session();
    REQUIRE(session);
    const json refused = body(bench.start_run(*session, run_request(json::object(), 200)));
    REQUIRE(refused.contains("problems"));
    CHECK(refused.at("problems")[0].at("path") == "replications");
    CHECK(refused.at("problems")[0].at("text").get<std::string>().find("at most 1e+05") !=
          std::string::npos);
    CHECK(body(bench.status(*session)).at("job").is_null());
}
