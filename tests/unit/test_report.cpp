// The report and the application layer: the report read back from a results folder is the
// page the command wrote from results in memory; the reader, the escaping and the tables of
// the terminal behave; the commands' defaults are the documented ones.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include "engine/experiment/metrics.hpp"

#include "engine/app/commands.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/output/report/csv_table.hpp"
#include "engine/output/report/html_text.hpp"
#include "engine/output/report/report_html.hpp"
#include "engine/output/report/results_folder_reader.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

scenario::Scenario heimdal() {
    return scenario::load_scenario_file(
        std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml", {});
}

std::string content_of(const app::FolderFiles& files, const std::string& name) {
    for (const auto& f : files) {
        if (f.name == name) return f.content;
    }
    return {};
}

// The report as `followsim report DIR` makes it from the folder's files.
std::string report_from_files(const app::FolderFiles& files) {
    return output::report_html(output::parse_results(
        {content_of(files, "summary.json"), content_of(files, "timeseries.csv"),
         content_of(files, "sweep.csv"), content_of(files, "scenario.yaml")}));
}

// A fresh folder under the system's temporary folder, removed at the end of the test.
struct TemporaryFolder {
    std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("followsim-test-" + std::to_string(::getpid()));
    ~TemporaryFolder() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("the commands' defaults are the command line's", "[app]") {
    CHECK(app::RunSettings{}.replications == 200);
    CHECK(app::PsaSettings{}.draws == 1000);
    CHECK(app::PsaSettings{}.replications == 10);
    CHECK(app::SweepSettings{}.replications == 20);
    CHECK(app::CalibrateSettings{}.replications == 200);
    CHECK(app::RunSettings{}.seed == 1);
    CHECK(app::RunSettings{}.threads == 0);
}

TEST_CASE("a run's folder holds the contract's files, and its report reads back the same",
          "[app][report]") {
    const auto sc = heimdal();
    app::RunSettings settings;
    settings.replications = 4;
    const auto output = app::run(sc, settings);
    const auto files = output.folder.files();
    std::vector<std::string> names;
    for (const auto& f : files) names.push_back(f.name);
    CHECK(names == std::vector<std::string>{"replications.csv", "timeseries.csv", "summary.json",
                                            "scenario.yaml", "key_figures.csv", "results.xlsx",
                                            "report.html"});
    CHECK(report_from_files(files) == content_of(files, "report.html"));
    // The subgroups' table: a row per category with persons in it, the pilot among them.
    const std::string page = content_of(files, "report.html");
    CHECK(page.find("Placement rate by subgroup") != std::string::npos);
    CHECK(page.find("<td>cohort: pilot</td><td>108</td>") != std::string::npos);
    CHECK(page.find("benefit: dagpenger") == std::string::npos);  // nobody on dagpenger

    // The typed months: every arm, every month of the horizon, the persons who arrived.
    const auto& months = output.folder.report.months;
    REQUIRE(months.size() == sc.model.arms.size());
    CHECK(months[0].arm == "in_house");
    CHECK(months[0].months.back()[model::StateField::persons] ==
          Approx(output.results.arms[0].metrics[experiment::metric_index("persons")].summary.mean));

    // Written and read back from disk, as followsim report DIR does.
    TemporaryFolder folder;
    app::write_folder(folder.path, files);
    CHECK(app::report(folder.path).front().content == content_of(files, "report.html"));
}

TEST_CASE("a PSA's report charts the EVPPI of its summary", "[app][report][evppi]") {
    const auto sc = heimdal();
    app::PsaSettings settings;
    settings.draws = 30;
    settings.replications = 2;
    const auto output = app::psa(sc, settings);
    const auto files = output.folder.files();
    CHECK(report_from_files(files) == content_of(files, "report.html"));
    const auto charts = output::report_charts(output.folder.report);
    const auto chart = std::find_if(charts.begin(), charts.end(), [](const output::Chart& c) {
        return c.first == "chart-evppi";
    });
    REQUIRE(chart != charts.end());
    // Each curve is the summary's: the EVPI, every parameter and every group, at every
    // willingness to pay.
    const auto& evppi = output.folder.report.summary.at("cost_effectiveness").at("evppi");
    const auto& wtp = evppi.at("wtp_nok_per_placement");
    const auto& values = chart->second.at("data").at("values");
    CHECK(values.size() ==
          wtp.size() * (1 + sc.uncertainty.parameters.size() + sc.uncertainty.groups.size()));
    for (const auto& v : values) {
        const std::string of = v.at("of");
        const auto& curve = of == "EVPI"                          ? evppi.at("evpi_nok")
                            : evppi.at("parameters").contains(of) ? evppi.at("parameters").at(of)
                                                                  : evppi.at("groups").at(of);
        const auto w =
            static_cast<std::size_t>(std::find(wtp.begin(), wtp.end(), v.at("wtp")) - wtp.begin());
        REQUIRE(w < wtp.size());
        CHECK(v.at("nok") == curve[w]);
    }
}

TEST_CASE("a sweep's report reads back the same, one-way and grid", "[app][report]") {
    const auto sc = heimdal();
    for (const bool grid : {false, true}) {
        app::SweepSettings settings;
        settings.vary = {"pathways.in_house.caseworkers=1:3:3",
                         "budget.purchases_per_year_nok=5000000:25000000:2"};
        settings.grid = grid;
        settings.replications = 2;
        const auto output = app::sweep(sc, settings);
        const auto files = output.folder.files();
        CHECK(report_from_files(files) == content_of(files, "report.html"));
        const auto& table = *output.folder.report.sweep;
        CHECK(table.variables.size() == 2);
        CHECK(table.rows.size() == output.results.points.size());
        CHECK_FALSE(table.rows[0].values[0].has_value());  // point 0: the scenario as it is
    }
}

TEST_CASE("a psa without uncertain parameters and a malformed target are bad usage", "[app]") {
    auto sc = heimdal();
    sc.uncertainty.parameters.clear();
    CHECK_THROWS_AS(app::psa(sc, app::PsaSettings{}), experiment::UsageError);
    CHECK(app::parse_target("placement_rate=0.64") ==
          std::pair<std::string, double>{"placement_rate", 0.64});
    CHECK_THROWS_AS(app::parse_target("placement_rate=0.6x"), experiment::UsageError);
    CHECK_THROWS_AS(app::parse_target("placement_rate"), experiment::UsageError);
    CHECK(app::parse_bracket("0.3:0.5") == std::pair{0.3, 0.5});
    CHECK_THROWS_AS(app::parse_bracket("0.3"), experiment::UsageError);
}

TEST_CASE("compare puts the folders' arms side by side", "[app][report]") {
    const auto sc = heimdal();
    app::RunSettings settings;
    settings.replications = 2;
    const auto files = app::run(sc, settings).folder.files();
    TemporaryFolder folder;
    app::write_folder(folder.path / "one", files);
    app::write_folder(folder.path / "two", files);
    const auto output = app::compare({folder.path / "one", folder.path / "two"});
    CHECK(output.table.find("one/in_house") < output.table.find("two/in_house"));
    CHECK(output.files.back().name == "report.html");
    // The same seed and replications: paired, and the difference of a folder with itself is 0.
    CHECK(output.table.find("paired by replication") != std::string::npos);
}

TEST_CASE("the CSV reader reads what the result files write", "[report]") {
    const auto table = output::parse_csv("point,\"a,b\",arm\n0,,\"in \"\"house\"\"\"\n1,2.5,x\n");
    CHECK(table.header == std::vector<std::string>{"point", "a,b", "arm"});
    CHECK(table.rows[0][2] == "in \"house\"");
    CHECK(std::isnan(output::csv_double(table.rows[0][1])));
    CHECK(output::csv_double(table.rows[1][1]) == 2.5);
    CHECK(table.column("arm") == 2);
    CHECK_THROWS(table.column("npv"));
    CHECK_THROWS(output::parse_csv("a,b\n1\n"));
}

TEST_CASE("text in the page cannot end its elements early", "[report]") {
    CHECK(output::html_escape("<a href=\"x\">&</a>") ==
          "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    CHECK(output::json_in_script(R"({"t":"</script></b>"})") ==
          R"({"t":"\u003c/script\u003e\u003c/b\u003e"})");
    CHECK(output::library_in_script("a</b>'</SCRIPT>'") == "a</b>'<\\/SCRIPT>'");
}
