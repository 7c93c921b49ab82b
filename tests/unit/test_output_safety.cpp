// Output that stays well formed whatever the scenario holds: names that look like HTML in the
// report's JSON, money far beyond the range of a long long in the thousands formatter; and
// results.xlsx, the same bytes for the same results, made where no one can plant a link.
#include <catch2/catch.hpp>

#include <stdlib.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>

#include "engine/app/commands.hpp"
#include "engine/output/export_files.hpp"
#include "engine/output/number_format.hpp"
#include "engine/output/report/html_text.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "support/temporary_folder.hpp"

using namespace followsim;

TEST_CASE("JSON in the page has no <, > or &, and reads the same", "[report][output]") {
    const nlohmann::json names = {{"arm", "<!--<script>"}, {"end", "</script><b>&amp;"}};
    const std::string safe = output::json_in_script(names.dump());
    CHECK(safe.find_first_of("<>&") == std::string::npos);
    CHECK(nlohmann::json::parse(safe) == names);
}

TEST_CASE("a report whose arms are named like HTML keeps every chart's spec in its script",
          "[report][output]") {
    // An arm named "<!--<script>" stopped every chart: the HTML parser read the rest of the
    // page as a comment inside the script (issue 14).
    const auto sc = scenario::load_scenario_file(
        std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml",
        {R"(arms={"<!--<script>": {route: in_house}, "</script><b>": {route: baseline}})",
         "name=<!-- a & b -->"});
    app::RunSettings settings;
    settings.replications = 2;
    std::string page;
    for (const auto& f : app::run(sc, settings).folder.files()) {
        if (f.name == "report.html") page = f.content;
    }
    const std::string start = "const specs = ";
    const auto from = page.find(start);
    REQUIRE(from != std::string::npos);
    const auto to = page.find(";\nconst locale = ", from);
    REQUIRE(to != std::string::npos);
    const std::string json = page.substr(from + start.size(), to - from - start.size());
    CHECK(json.find_first_of("<>&") == std::string::npos);
    const auto specs = nlohmann::json::parse(json);
    CHECK(specs.dump().find("<!--<script>") != std::string::npos);
    // The page's own scripts: three libraries and the charts, each closed once.
    std::size_t closes = 0;
    for (auto at = page.find("</script>"); at != std::string::npos;
         at = page.find("</script>", at + 1))
        ++closes;
    CHECK(closes == 4);
}

TEST_CASE("the thousands formatter prints any finite amount, rounded as printf rounds",
          "[output]") {
    CHECK(output::with_thousands(0.0) == "0");
    CHECK(output::with_thousands(-0.4) == "0");
    CHECK(output::with_thousands(999.5) == "1,000");
    CHECK(output::with_thousands(-2.5) == "-2");  // a tie goes to the even neighbour
    CHECK(output::with_thousands(-3.5) == "-4");
    CHECK(output::with_thousands(1234567.0) == "1,234,567");
    CHECK(output::with_thousands(-1234567.49) == "-1,234,567");
    // Beyond long long (about 9.2e18): undefined behaviour in std::llround before.
    CHECK(output::with_thousands(1e19) == "10,000,000,000,000,000,000");
    CHECK(output::with_thousands(1e25) == "10,000,000,000,000,000,905,969,664");  // the double
    CHECK(output::with_thousands(-1e25) == "-10,000,000,000,000,000,905,969,664");
    CHECK(output::with_thousands(1e308).size() == 309 + 102);  // 309 digits, 102 commas
    CHECK(output::with_thousands(std::numeric_limits<double>::infinity()) == "∞");
}

TEST_CASE("results.xlsx: the same results give the same bytes, made in a folder of its own",
          "[output]") {
    // libxlsxwriter stamped the time of writing into the workbook, and the workbook went
    // through a file of a guessable name (followsim-PID-N.xlsx) in the shared temporary
    // folder, where a link planted beforehand would have been followed.
    const auto sc = scenario::load_scenario_file(
        std::string(FOLLOWSIM_SOURCE_DIR) + "/tests/scenarios/valid_base.yaml", {});
    app::RunSettings settings;
    settings.replications = 2;
    const auto folder = app::run(sc, settings).folder;
    testing::TemporaryFolder tmp;
    const char* before = std::getenv("TMPDIR");
    const std::string saved = before ? before : "";
    ::setenv("TMPDIR", tmp.path.c_str(), 1);
    const std::string first = output::results_xlsx(folder.report);
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));  // into the next second
    const std::string second = output::results_xlsx(folder.report);
    const bool left_nothing = std::filesystem::is_empty(tmp.path);
    if (before) {
        ::setenv("TMPDIR", saved.c_str(), 1);
    } else {
        ::unsetenv("TMPDIR");
    }
    CHECK(first.starts_with("PK"));  // a zip file
    CHECK(first == second);
    CHECK(left_nothing);
}
