// Typed parameter bindings against the reference they replace: setting a value through a
// binding must give exactly the model that reading the YAML again with --set gives, for every
// number of the shipped scenarios; refused values get the messages the file would get.
#include <fmt/core.h>
#include <catch2/catch.hpp>

#include <string>

#include "engine/model/arm_simulation.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

namespace {

scenario::Scenario shipped(const std::string& name,
                           const std::vector<std::string>& overrides = {}) {
    return scenario::load_scenario_file(std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/" + name,
                                        overrides);
}

// A different value a binding accepts: a count one more, a number or duration 10 % larger
// (a probability 10 % smaller, to stay below 1).
std::pair<double, std::string> new_value(const scenario::ParameterBinding& b,
                                         const model::ModelConfig& m) {
    const double now = b.get(m);
    if (b.duration) {
        const double days = now * 1.1 + 1.0;
        return {days, fmt::format("{} days", days)};
    }
    if (b.rule.integer) return {now + 1.0, fmt::format("{}", now + 1.0)};
    const double x = b.rule.maximum && *b.rule.maximum <= 1.0 ? now * 0.9 : now * 1.1 + 0.01;
    return {x, fmt::format("{}", x)};
}

void check_same_outcome(const model::ModelConfig& a, const model::ModelConfig& b) {
    for (std::size_t arm = 0; arm < a.arms.size(); ++arm) {
        const model::ArmOutcome x = model::simulate_arm(a, arm, 3, 0);
        const model::ArmOutcome y = model::simulate_arm(b, arm, 3, 0);
        REQUIRE(x.events == y.events);
        REQUIRE(x.placed == y.placed);
        REQUIRE(x.cash_flows.present_value == y.cash_flows.present_value);
    }
}

}  // namespace

TEST_CASE("every binding sets what --set would set", "[bindings]") {
    // national.yaml at a small scale, so that a replication takes milliseconds.
    for (const auto& [name, overrides] :
         std::vector<std::pair<std::string, std::vector<std::string>>>{
             {"heimdal.yaml", {}},
             {"national.yaml",
              {"population.cohorts.0.arrivals={rate: 3 per day, until: 3 years}"}}}) {
        const scenario::Scenario base = shipped(name, overrides);
        const auto paths = base.parameters.paths();
        CHECK(paths.size() > 20);
        for (const std::string& path : paths) {
            INFO(name << ": " << path);
            const scenario::ParameterBinding& b = *base.parameters.find(path, base.model);
            const auto [value, text] = new_value(b, base.model);
            auto all = overrides;
            all.push_back(path + "=" + text);
            scenario::Scenario set_by_binding;
            try {
                set_by_binding = scenario::with_assignments(
                    base, {scenario::Assignment::set(path, value, text)});
            } catch (const scenario::ScenarioError&) {
                // A value the rules refuse must be refused by the file too.
                CHECK_THROWS_AS(shipped(name, all), scenario::ScenarioError);
                continue;
            }
            const scenario::Scenario set_by_yaml = shipped(name, all);
            CHECK(b.get(set_by_binding.model) == Approx(value));
            check_same_outcome(set_by_binding.model, set_by_yaml.model);
            // The text as run says the same as the file with --set.
            CHECK(scenario::load_scenario_text(set_by_binding.resolved_yaml, "as-run.yaml")
                      .resolved_yaml == set_by_yaml.resolved_yaml);
        }
    }
}

TEST_CASE("refused values get the file's messages, placed at their origin", "[bindings]") {
    const scenario::Scenario h = shipped("heimdal.yaml");
    auto problem = [&](const std::string& path, double value, const std::string& text) {
        model::ModelConfig m = h.model;
        try {
            h.parameters.apply(m, {scenario::Assignment::set(path, value, text)});
        } catch (const scenario::ScenarioError& e) {
            REQUIRE(e.problems().size() == 1);
            return e.problems().front().format();
        }
        return std::string("accepted");
    };
    CHECK(problem("pathways.in_house.caseworkers", 4.5, "4.5") ==
          "--set pathways.in_house.caseworkers=4.5: pathways.in_house.caseworkers: "
          "expected a whole number, found '4.5'");
    CHECK(problem("pathways.measures.oppfolging.slots", -5, "-5") ==
          "--set pathways.measures.oppfolging.slots=-5: pathways.measures.oppfolging.slots: "
          "must be at least 0, found -5");
    CHECK(problem("pathways.in_house.placement.probability", 1.2, "1.2") ==
          "--set pathways.in_house.placement.probability=1.2: "
          "pathways.in_house.placement.probability: must be less than 1, found 1.2");
    CHECK(problem("pathways.measures.oppfolging.max_duration", 0.0, "0 days") ==
          "--set pathways.measures.oppfolging.max_duration=0 days: "
          "pathways.measures.oppfolging.max_duration: must be longer than zero");
    // A rule joining values: the shares of the need groups must still sum to 1.
    CHECK(problem("population.cohorts.pilot.groups.situasjonsbestemt", 0.5, "0.5") ==
          "--set population.cohorts.pilot.groups.situasjonsbestemt=0.5: "
          "population.cohorts.0.groups: shares must sum to 1, they sum to 0.9");
    CHECK(problem("name", 1, "1").find("not a number of this scenario") != std::string::npos);
    CHECK(problem("pathways.in_house.hours_per_participant_month", 5.5, "5.5") == "accepted");
}

TEST_CASE("whole numbers are whole because the schema says so", "[bindings]") {
    // heimdal.yaml writes hours_per_participant_month as 5 and price_per_month_nok as 14000:
    // numbers, not counts. Caseworkers are counts.
    const scenario::Scenario h = shipped("heimdal.yaml");
    auto integer = [&](const char* path) { return h.parameters.find(path, h.model)->rule.integer; };
    CHECK_FALSE(integer("pathways.in_house.hours_per_participant_month"));
    CHECK_FALSE(integer("pathways.measures.oppfolging.price_per_month_nok"));
    CHECK_FALSE(integer("pathways.in_house.cost_per_caseworker_year_nok"));
    CHECK(integer("pathways.in_house.caseworkers"));
    CHECK(integer("population.cohorts.pilot.arrivals.count"));
    for (const auto& p : h.uncertainty.parameters) {
        INFO(p.path);
        CHECK_FALSE(p.integer);
    }
}
