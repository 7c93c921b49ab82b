// Limits that keep a scenario from exhausting the machine or the arithmetic: every number of
// the schema is bounded, and at its bounds the results stay finite; an overflow that still
// happens fails naming the metric; arms, cohorts and persons have maxima with a reason; the
// memory a command needs is estimated before it starts and held to a limit.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "engine/app/commands.hpp"
#include "engine/app/resource_limits.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/units.hpp"
#include "support/temporary_folder.hpp"

using namespace followsim;
using nlohmann::json;

namespace {

const std::string kSource = FOLLOWSIM_SOURCE_DIR;

scenario::Scenario heimdal(const std::vector<std::string>& overrides = {}) {
    return scenario::load_scenario_file(kSource + "/scenarios/heimdal.yaml", overrides);
}

// The first problem of loading valid_base.yaml with `overrides`, formatted.
std::string problem_with(const std::vector<std::string>& overrides) {
    try {
        (void)scenario::load_scenario_file(kSource + "/tests/scenarios/valid_base.yaml", overrides);
    } catch (const scenario::ScenarioError& e) {
        return e.problems().front().format();
    }
    return "";
}

void numbers_of(const json& node, const std::string& at, std::vector<std::string>& unbounded) {
    if (node.is_object()) {
        const std::string type = node.value("type", "");
        if (type == "number" || type == "integer") {
            const bool low = node.contains("minimum") || node.contains("exclusiveMinimum");
            const bool high = node.contains("maximum") || node.contains("exclusiveMaximum");
            if (!low || !high) unbounded.push_back(at);
        }
        for (const auto& [key, value] : node.items()) numbers_of(value, at + "/" + key, unbounded);
    } else if (node.is_array()) {
        for (std::size_t i = 0; i < node.size(); ++i)
            numbers_of(node[i], at + "/" + std::to_string(i), unbounded);
    }
}

}  // namespace

TEST_CASE("every number of the schema has a lower and an upper bound", "[limits][schema]") {
    std::vector<std::string> unbounded;
    numbers_of(scenario::scenario_schema(), "", unbounded);
    CHECK(unbounded.empty());
    for (const auto& s : unbounded) WARN(s);
    // Durations and rates are text, held to the largest value units.hpp allows.
    const auto& defs = scenario::scenario_schema()["$defs"];
    CHECK(defs["duration"]["x-unit"] == "duration");
    CHECK(defs["rate"]["x-unit"] == "rate");
}

TEST_CASE("at the bounds of every number, the results stay finite", "[limits][schema]") {
    // Each number of the scenario that a parameter binding can set, at its lowest and its
    // highest allowed value, one at a time: no metric and no monthly state may be infinite
    // (the schema's bounds are what keep e.g. a wage of 1e308 from giving inf).
    const auto sc = heimdal();
    experiment::RunSettings settings;
    settings.replications = 1;
    settings.threads = 1;
    std::size_t runs = 0;
    for (const std::string& path : sc.parameters.paths()) {
        const scenario::ParameterBinding* binding = sc.parameters.find(path, sc.model);
        std::vector<double> extremes;
        if (binding->duration) {
            extremes = {0.0, scenario::kMaxDurationDays};
        } else {
            const auto& rule = binding->rule;
            extremes = {rule.minimum.value_or(rule.exclusive_minimum.value_or(-1e300)),
                        rule.maximum.value_or(rule.exclusive_maximum.value_or(1e300))};
            if (rule.exclusive_minimum) extremes[0] = std::nextafter(extremes[0], 1e300);
            if (rule.exclusive_maximum) extremes[1] = std::nextafter(extremes[1], -1e300);
        }
        for (double x : extremes) {
            INFO(path << " = " << x);
            model::ModelConfig config = sc.model;
            try {
                sc.parameters.apply(config,
                                    {scenario::Assignment::set(path, x, std::to_string(x))});
            } catch (const scenario::ScenarioError&) {
                continue;  // refused with a message (e.g. shares that no longer sum to 1)
            }
            const auto results = experiment::run_replications(config, settings);
            for (const auto& arm : results.metrics.front()) {
                for (double value : arm) CHECK_FALSE(std::isinf(value));
            }
            for (const auto& arm : results.arms) {
                for (const auto& month : arm.months) {
                    for (double value : month.mean.values) CHECK(std::isfinite(value));
                }
            }
            ++runs;
        }
    }
    CHECK(runs > 80);
}

TEST_CASE("an overflow that still happens fails naming the metric, and writes nothing",
          "[limits]") {
    const auto sc = heimdal();
    experiment::RunSettings settings;
    settings.replications = 2;
    auto results = experiment::run_replications(sc.model, settings);
    CHECK_NOTHROW(app::run_folder(sc, results));
    results.metrics[1][0][experiment::metric_index("npv_socioeconomic_nok")] =
        std::numeric_limits<double>::infinity();
    CHECK_THROWS_WITH(app::run_folder(sc, results),
                      "npv_socioeconomic_nok of arm in_house is not a finite number (replication "
                      "1): a computation overflowed, and nothing was written; lower the "
                      "scenario's amounts (money, persons, durations)");
    // A missing value (NaN) is not an overflow: it is written as null.
    results.metrics[1][0][experiment::metric_index("npv_socioeconomic_nok")] =
        std::numeric_limits<double>::quiet_NaN();
    CHECK_NOTHROW(app::run_folder(sc, results));
}

TEST_CASE("arms, cohorts and persons have maxima, with the reason", "[limits]") {
    std::string arms = "arms={";
    for (int a = 0; a < 101; ++a) arms += "a" + std::to_string(a) + ": {route: in_house}, ";
    arms += "}";
    CHECK(problem_with({arms}).ends_with(
        ": arms: 101 arms; at most 100: every arm is compared with every other on every "
        "metric, so time and memory grow with the square of the arms (sweep varies a value over "
        "many levels instead)"));
    std::string cohorts = "population.cohorts=[";
    for (int c = 0; c < 1001; ++c) {
        cohorts += "{name: c" + std::to_string(c) +
                   ", arrivals: {count: 1, at: 0 days}, groups: {standard: 1}, age_bands: "
                   "{under_30: 1}, benefit: {kind: none}, wage_per_month_nok: 1}, ";
    }
    cohorts += "]";
    CHECK(problem_with({cohorts}).ends_with(
        "population.cohorts: 1001 cohorts; at most 1000: results are kept by cohort for every "
        "arm of every replication"));
    // Persons are counted over every cohort and initial caseload: 30 M + 30 M is too many,
    // placed where the total passes the limit.
    const auto two_cohorts = [](int first) {
        const std::string rest =
            "groups: {standard: 1}, age_bands: {under_30: 1}, benefit: "
            "{kind: none}, wage_per_month_nok: 1";
        return "population.cohorts=[{name: first, arrivals: {count: " + std::to_string(first) +
               ", at: 0 days}, " + rest + "}, {name: more, arrivals: {count: 1, at: 0 days}, " +
               rest + ", initial_caseload: {in_house: 30000000}}]";
    };
    CHECK(problem_with({two_cohorts(30000000)})
              .ends_with("population.cohorts.1.initial_caseload: about 6e+07 persons in an arm "
                         "(arrivals and initial caseloads of the cohorts up to this one); the "
                         "model takes at most 5e+07"));
    CHECK(problem_with({two_cohorts(19000000)}).empty());
}

TEST_CASE("memory sizes are read as --max-memory writes them", "[limits][memory]") {
    CHECK(app::parse_memory_size("1000") == 1000);
    CHECK(app::parse_memory_size("512M") == 512ull << 20);
    CHECK(app::parse_memory_size("8G") == 8ull << 30);
    CHECK(app::parse_memory_size("8g") == 8ull << 30);
    CHECK(app::parse_memory_size("1.5GiB") == 3ull << 29);
    CHECK(app::parse_memory_size("2TB") == 2ull << 40);
    CHECK(app::parse_memory_size("64K") == 64ull << 10);
    for (const char* bad : {"", "G", "-1G", "0", "1.5X", "8 G", "1e30", "nan", "inf", "8GG"}) {
        INFO(bad);
        CHECK_THROWS_AS(app::parse_memory_size(bad), experiment::UsageError);
    }
    CHECK(app::default_memory_limit() > 0);
}

TEST_CASE("the memory estimate counts every cohort, initial caseloads and threads",
          "[limits][memory]") {
    auto sc = heimdal();
    const auto& m = sc.model;
    double persons = 0.0;  // independently: the cohorts' expected arrivals and caseloads
    for (const auto& c : m.cohorts) {
        persons += c.arrivals.expected(m.horizon_days);
        for (const auto& initial : c.initial_caseload)
            persons += static_cast<double>(initial.second);
    }
    REQUIRE(persons > 200);
    const auto one = app::estimate_memory(m, 1, 100, true);
    CHECK(one.persons == Approx(persons));
    CHECK(one.at_once == 1);
    CHECK(one.simulation == Approx(persons * app::kBytesPerPerson));
    const auto three = app::estimate_memory(m, 3, 100, true);
    CHECK(three.simulation == Approx(3 * one.simulation));
    // Threads beyond the replications do not run at once.
    CHECK(app::estimate_memory(m, 8, 2, true).at_once == 2);
    // What is kept grows with the replications; a run keeps more of each than a PSA's draw.
    CHECK(app::estimate_memory(m, 1, 200, true).results == Approx(2 * one.results));
    CHECK(app::estimate_memory(m, 1, 100, false).results < one.results);

    // Over the limit: exit 2 (UsageError) with the estimate, the limit and what to change.
    app::RunSettings settings;
    settings.replications = 100;
    settings.threads = 1;
    settings.max_memory = 1 << 20;
    try {
        (void)app::run(sc, settings);
        FAIL("a run over the memory limit started");
    } catch (const experiment::UsageError& e) {
        const std::string message = e.what();
        CHECK(message.starts_with("this needs about "));
        CHECK(message.find(" persons an arm x 1 replications at once x 256 bytes a person") !=
              std::string::npos);
        CHECK(message.find("the limit is 1 MiB (--max-memory)") != std::string::npos);
        CHECK(
            message.ends_with("Lower the persons (population.cohorts: arrivals, "
                              "initial_caseload), use fewer --threads or replications, or raise "
                              "--max-memory"));
    }
    settings.max_memory = 1ull << 30;
    settings.replications = 2;
    CHECK_NOTHROW(app::run(sc, settings));
}

TEST_CASE("a sweep's points are counted and held to a maximum", "[limits][memory]") {
    const auto vary = [](int steps) {
        experiment::SweepVariable v;
        v.steps = steps;
        return v;
    };
    CHECK(app::sweep_points({vary(3), vary(4)}, false) == 8);  // 3 + 4 and the scenario as is
    CHECK(app::sweep_points({vary(3), vary(4)}, true) == 13);  // 3 x 4 and the scenario
    CHECK(app::sweep_points({vary(1000), vary(100)}, true) == 100001);
    CHECK_THROWS_AS(app::sweep_points({vary(1000), vary(101)}, true), experiment::UsageError);
    CHECK_THROWS_AS(app::sweep_points({vary(1000), vary(1000), vary(1000), vary(1000)}, true),
                    experiment::UsageError);
}
