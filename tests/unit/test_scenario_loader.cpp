#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/model/model_config.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/schema.hpp"
#include "engine/scenario/units.hpp"

using namespace followsim::scenario;
namespace fs = std::filesystem;

namespace {
const std::string kSource = FOLLOWSIM_SOURCE_DIR;

std::vector<std::string> problems_of(const std::string& path,
                                     const std::vector<std::string>& overrides = {}) {
    try {
        load_scenario_file(path, overrides);
    } catch (const ScenarioError& e) {
        std::vector<std::string> lines;
        for (const auto& d : e.problems()) lines.push_back(d.format());
        return lines;
    }
    return {};
}
}  // namespace

TEST_CASE("durations and rates with units", "[scenario][units]") {
    CHECK(parse_duration_days("30 days") == 30.0);
    CHECK(parse_duration_days("1 day") == 1.0);
    CHECK(parse_duration_days("12 weeks") == 84.0);
    CHECK(parse_duration_days("6 months") == 6 * 365.25 / 12);
    CHECK(parse_duration_days(" 2 years ") == 730.5);
    CHECK(parse_duration_days("1.5 years") == 1.5 * 365.25);
    CHECK_FALSE(parse_duration_days("30"));
    CHECK_FALSE(parse_duration_days("3 fortnights"));
    CHECK_FALSE(parse_duration_days("-1 days"));
    CHECK(parse_rate_per_day("9 per day") == 9.0);
    CHECK(parse_rate_per_day("0.05 per month") == Approx(0.05 / (365.25 / 12)));
    CHECK(parse_rate_per_day("52 per year") == Approx(52 / 365.25));
    CHECK(parse_rate_per_day("2 per week") == Approx(2.0 / 7));
    CHECK_FALSE(parse_rate_per_day("9 a day"));
    CHECK_FALSE(parse_rate_per_day("9 perday"));
}

TEST_CASE("the shipped scenarios are valid and convert to the model's units", "[scenario]") {
    for (const char* name : {"heimdal.yaml", "national.yaml", "mmc.yaml"}) {
        INFO(name);
        CHECK(problems_of(kSource + "/scenarios/" + name).empty());
    }
    const Scenario h = load_scenario_file(kSource + "/scenarios/heimdal.yaml");
    CHECK(h.model.horizon_days == 730.5);
    CHECK(h.model.cohorts.at(0).arrivals.count == 108);
    CHECK(h.model.pathways.at(1).name == "in_house");
    const auto& in_house = *h.model.pathways.at(1).in_house();
    CHECK(in_house.places_for(in_house.staffing.caseworkers) == 180);
    // 0.6589 within 24 months: rate = -ln(1 - 0.6672) / 730.5 per day.
    CHECK(std::get<followsim::model::ProbabilityWithin>(h.model.pathways.at(1).placement.form)
              .rate_per_day == Approx(-std::log(1 - 0.6672) / 730.5));
    CHECK(h.model.arms.at(0).target_placement_rate == 0.64);
    CHECK(h.sha256.size() == 64);
    // AAP from G: 66 % of a 3 G basis, G of 2015 (NOK 90,068 from 1 May 2015), per month.
    CHECK(h.model.cohorts.at(0).benefit_per_month_nok == Approx(0.66 * 3.0 * 90068 / 12));
    CHECK(h.model.cohorts.at(0).benefit == followsim::model::BenefitKind::aap);
}

TEST_CASE("overrides change any value and are validated like the file", "[scenario][overrides]") {
    const std::string heimdal = kSource + "/scenarios/heimdal.yaml";
    const Scenario sc = load_scenario_file(
        heimdal, {"pathways.in_house.caseworkers=5", "population.cohorts.pilot.arrivals.count=200",
                  "pathways.baseline.dropout=none", "horizon=3 years"});
    CHECK(sc.model.pathways.at(1).in_house()->staffing.caseworkers == 5);
    CHECK(sc.model.cohorts.at(0).arrivals.count == 200);
    CHECK(sc.model.pathways.at(0).dropout.is_never());
    CHECK(sc.model.horizon_days == 3 * 365.25);
    CHECK(sc.resolved_yaml.find("caseworkers: 5") != std::string::npos);

    CHECK(problems_of(heimdal, {"pathways.in_house.caseworkers=many"}) ==
          std::vector<std::string>{
              "--set pathways.in_house.caseworkers=many: "
              "pathways.in_house.caseworkers: expected a whole number, found 'many'"});
    CHECK(problems_of(heimdal, {"pathways.in_house.caseworkrs=5"}) ==
          std::vector<std::string>{
              "--set pathways.in_house.caseworkrs=5: "
              "pathways.in_house.caseworkrs: unknown key 'caseworkrs' (did you mean "
              "'caseworkers'?)"});
    CHECK(
        problems_of(heimdal, {"population.cohorts.7.name=x"}) ==
        std::vector<std::string>{"--set population.cohorts.7.name=x: population.cohorts.7: no list "
                                 "item '7' (the list has 3 items)"});
    CHECK(problems_of(heimdal, {"no equals sign"}).size() == 1);
}

TEST_CASE("uncertainty groups name listed parameters", "[scenario][uncertainty]") {
    const std::string heimdal = kSource + "/scenarios/heimdal.yaml";
    const Scenario sc =
        load_scenario_file(heimdal, {"uncertainty.groups=[{name: provider, parameters: "
                                     "[pathways.measures.oppfolging.price_per_month_nok, "
                                     "pathways.measures.oppfolging.effectiveness]}]"});
    REQUIRE(sc.uncertainty.groups.size() == 1);
    CHECK(sc.uncertainty.groups[0].name == "provider");
    // Indices into uncertainty.parameters, in the group's order.
    const auto& parameters = sc.uncertainty.parameters;
    REQUIRE(sc.uncertainty.groups[0].members.size() == 2);
    CHECK(parameters[sc.uncertainty.groups[0].members[0]].path ==
          "pathways.measures.oppfolging.price_per_month_nok");
    CHECK(parameters[sc.uncertainty.groups[0].members[1]].path ==
          "pathways.measures.oppfolging.effectiveness");
    // A member listed twice and a second group of the same name.
    const auto problems = problems_of(
        heimdal, {"uncertainty.groups=[{name: a, parameters: [pathways.in_house.follow_up_share, "
                  "pathways.in_house.follow_up_share]}, {name: a, parameters: "
                  "[pathways.in_house.follow_up_share]}]"});
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].find("uncertainty.groups.0.parameters.1: this parameter is listed twice") !=
          std::string::npos);
    CHECK(problems[1].find("uncertainty.groups.1.name: another group is named 'a'") !=
          std::string::npos);
}

TEST_CASE("the catalogue of invalid scenarios gives the expected messages", "[scenario][invalid]") {
    // Each file ends with "# expect: LINE:COL: key.path: message", one of its problems.
    std::size_t files = 0;
    for (const auto& entry : fs::directory_iterator(kSource + "/tests/scenarios/invalid")) {
        const std::string path = entry.path().string();
        std::ifstream in(path);
        std::string line, expected;
        while (std::getline(in, line)) {
            if (line.rfind("# expect: ", 0) == 0) expected = line.substr(10);
        }
        INFO(path);
        REQUIRE_FALSE(expected.empty());
        const auto problems = problems_of(path);
        REQUIRE_FALSE(problems.empty());
        CHECK(std::find(problems.begin(), problems.end(), path + ":" + expected) != problems.end());
        ++files;
    }
    CHECK(files >= 20);
    // The file they are made from is valid.
    CHECK(problems_of(kSource + "/tests/scenarios/valid_base.yaml").empty());
}

TEST_CASE("the schema describes the format", "[scenario][schema]") {
    const auto& schema = followsim::scenario::scenario_schema();
    CHECK(schema["type"] == "object");
    for (const char* section : {"name", "description", "horizon", "price_year", "population",
                                "pathways", "budget", "arms", "economics", "uncertainty"}) {
        INFO(section);
        CHECK(schema["properties"].contains(section));
    }
    CHECK(schema["$defs"].contains("time_to_event"));
}
