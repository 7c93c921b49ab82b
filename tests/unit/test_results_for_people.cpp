// What a planner reads: PSA intervals over the draws, the decision, numbers formatted for
// people, the scenario as run with its comments, compare's price years and scenario diff.
// Each is checked against an expectation worked out independently of the code under test.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>

#include "engine/app/commands.hpp"
#include "engine/economics/consumer_prices.hpp"
#include "engine/experiment/decision.hpp"
#include "engine/experiment/errors.hpp"
#include "engine/experiment/metrics.hpp"
#include "engine/experiment/psa.hpp"
#include "engine/model/arm_simulation.hpp"
#include "engine/output/compare_table.hpp"
#include "engine/output/labels.hpp"
#include "engine/output/number_format.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/units.hpp"

using namespace followsim;

namespace {

const std::string kHeimdal = std::string(FOLLOWSIM_SOURCE_DIR) + "/scenarios/heimdal.yaml";

std::string heimdal_text() {
    std::ifstream in(kHeimdal);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

// The p-th percentile as numpy computes it by default (linear between order statistics).
double numpy_percentile(std::vector<double> x, double p) {
    std::sort(x.begin(), x.end());
    const double rank = p / 100.0 * static_cast<double>(x.size() - 1);
    const auto lo = static_cast<std::size_t>(rank);
    const std::size_t hi = std::min(lo + 1, x.size() - 1);
    return x[lo] + (rank - static_cast<double>(lo)) * (x[hi] - x[lo]);
}

}  // namespace

TEST_CASE("a PSA's interval95 is the 2.5th-97.5th percentiles of its draws", "[psa][people]") {
    const auto sc = scenario::load_scenario_file(kHeimdal);
    app::PsaSettings settings;
    settings.draws = 40;
    settings.replications = 2;
    const auto out = app::psa(sc, settings);
    const std::size_t npv = experiment::metric_index("npv_socioeconomic_nok");
    for (std::size_t a = 0; a < sc.model.arms.size(); ++a) {
        std::vector<double> draws;
        for (const auto& d : out.results.samples) draws.push_back(d[a][npv]);
        const auto& m = out.results.arms[a].metrics[npv];
        if (!m.available) continue;
        REQUIRE(m.interval95.has_value());
        CHECK(m.interval95->first == Approx(numpy_percentile(draws, 2.5)));
        CHECK(m.interval95->second == Approx(numpy_percentile(draws, 97.5)));
        // The interval of the mean is narrower than the spread of the draws.
        CHECK(m.summary.ci95_high - m.summary.ci95_low <=
              m.interval95->second - m.interval95->first);
    }
    // Ratios over draws are ratios of means, not means of the draws' ratios: the cost per
    // person placed, and the benefit-cost ratio (null where the mean extra cost is not positive).
    const std::size_t per_placement = experiment::metric_index("cost_per_placement_nok");
    const std::size_t placed = experiment::metric_index("placed");
    double cost_sum = 0, placed_sum = 0;
    for (const auto& d : out.results.samples) {
        cost_sum += d[0][experiment::metric_index("cost_programme_nok")];
        placed_sum += d[0][placed];
    }
    CHECK(out.results.arms[0].metrics[per_placement].summary.mean == Approx(cost_sum / placed_sum));
    const std::size_t bcr = experiment::metric_index("benefit_cost_ratio");
    const std::size_t production = experiment::metric_index("production_gain_nok");
    const std::size_t cost = experiment::metric_index("cost_programme_nok");
    const std::size_t financing = experiment::metric_index("tax_financing_cost_nok");
    double extra = 0, spent = 0;
    const std::size_t b = 2;  // the baseline arm
    for (const auto& d : out.results.samples) {
        extra += d[0][production] - d[b][production];
        spent += d[0][cost] - d[b][cost] + d[0][financing];
    }
    if (spent > 0) {
        CHECK(out.results.arms[0].metrics[bcr].summary.mean == Approx(extra / spent));
    } else {
        CHECK_FALSE(out.results.arms[0].metrics[bcr].available);
    }
    // summary.json says which interval is which.
    const auto& j = out.folder.report.summary.at("arms").at("in_house").at("metrics");
    CHECK(j.at("npv_socioeconomic_nok").contains("interval95"));
    CHECK(j.at("npv_socioeconomic_nok").contains("ci95"));
}

TEST_CASE("a gamma-drawn number of hours is not rounded to a whole number", "[psa][people]") {
    // pathways.in_house.hours_per_participant_month is written "5" in heimdal.yaml: a number,
    // not a count, so its draws keep their decimals.
    std::string text = heimdal_text();
    const std::string list = "  parameters:\n";
    text.replace(text.find(list), list.size(),
                 list +
                     "    - {path: pathways.in_house.hours_per_participant_month, gamma: "
                     "{mean: 5, sd: 1}}\n");
    const auto sc = scenario::load_scenario_text(text, "heimdal-hours.yaml");
    REQUIRE(sc.uncertainty.parameters.front().path ==
            "pathways.in_house.hours_per_participant_month");
    CHECK_FALSE(sc.uncertainty.parameters.front().integer);
    const auto draws = experiment::draw_parameters(sc.uncertainty, 50, 1);
    std::size_t fractional = 0;
    for (const auto& d : draws) fractional += std::abs(d[0] - std::round(d[0])) > 1e-6 ? 1 : 0;
    CHECK(fractional > 40);
    // ... and the model gets the value drawn.
    model::ModelConfig config = sc.model;
    sc.parameters.apply(
        config, {experiment::parameter_assignment(sc.uncertainty.parameters[0], draws[0][0])});
    CHECK(
        sc.parameters.find("pathways.in_house.hours_per_participant_month", config)->get(config) ==
        draws[0][0]);
}

TEST_CASE("the recommended arm is the arm with the highest NPV", "[decision][people]") {
    const auto sc = scenario::load_scenario_file(kHeimdal);
    for (const char* budget : {"6000000", "500000"}) {
        const auto s = scenario::load_scenario_file(
            kHeimdal, {std::string("budget.purchases_per_year_nok=") + budget});
        app::RunSettings settings;
        settings.replications = 10;
        const auto summary = app::run(s, settings).folder.report.summary;
        std::string best;
        double highest = -1e300;
        for (const auto& [arm, entry] : summary.at("arms").items()) {
            const auto& npv = entry.at("metrics").at("npv_socioeconomic_nok");
            if (npv.at("mean").get<double>() > highest) {
                highest = npv.at("mean").get<double>();
                best = arm;
            }
        }
        const auto& d = summary.at("decision");
        CHECK(d.at("recommended_arm") == best);
        CHECK(d.at("runner_up") != best);
        CHECK(d.at("probability_best").get<double>() >= 0.0);
        CHECK(d.at("probability_best").get<double>() <= 1.0);
        CHECK(d.at("npv_gap_nok").at("mean").get<double>() >= 0.0);
        CHECK(d.at("text").at("en").get<std::string>().find(best) != std::string::npos);
        CHECK(d.at("text").at("nb").get<std::string>().find("Velg " + best) == 0);
    }
}

TEST_CASE("numbers for people: separators, units, no overflow", "[format][people]") {
    using output::Lang;
    CHECK(output::with_thousands(-1234567.8) == "-1,234,568");
    CHECK(output::format_nok(-38568841668.0, Lang::en) == "-38.6 bn");
    CHECK(output::format_nok(-38568841668.0, Lang::nb) == "-38,6\u00a0mrd.");
    CHECK(output::format_nok(19300000.0, Lang::en) == "19.3 M");
    CHECK(output::format_nok(3920000.0, Lang::nb) == "3,92\u00a0mill.");
    CHECK(output::format_nok(350000.0, Lang::nb) == "350\u202f000");
    CHECK(output::format_fixed(103548.7, 0, Lang::en) == "103,549");
    CHECK(output::format_share(0.642, Lang::nb) == "64,2\u00a0%");
    // Beyond what a 64-bit integer holds: grouped digits, no undefined behaviour.
    const std::string huge = output::with_thousands(1e30);
    CHECK(huge.size() == 31 + 10);  // 31 digits, 10 commas
    CHECK(huge.rfind("1,000,000", 0) == 0);
    CHECK(output::with_thousands(std::nan("")) == "–");
    CHECK(output::display_width("350\u202f000") == 7);
    CHECK(scenario::short_number(0.1 + 0.7) == "0.8");
    CHECK(scenario::short_number(2950) == "2950");
}

TEST_CASE("every label has both languages, and the metrics have names", "[labels][people]") {
    for (const auto& m : experiment::arm_metrics()) {
        INFO(m.name);
        CHECK(output::has_text(m.name));
        CHECK(output::text(m.name, output::Lang::nb) != output::text(m.name, output::Lang::en));
    }
}

TEST_CASE("the scenario as run keeps the file's comments, with each change marked",
          "[scenario][people]") {
    const auto sc = scenario::load_scenario_file(
        kHeimdal, {"pathways.in_house.caseworkers=5", "population.cohorts.pilot.arrivals.count=50",
                   "arms.extra.route=baseline"});
    const std::string& text = sc.resolved_yaml;
    // Block style, flow style, a new section.
    CHECK(text.find("caseworkers: 5                       # followsim: --set, was 6; assumption: "
                    "150 users at about 25 each") != std::string::npos);
    CHECK(text.find("arrivals: {count: 50, at: 0 days}     # followsim: --set, count was 108; "
                    "AFI 2016:05") != std::string::npos);
    CHECK(text.find("extra: {route: baseline}  # followsim: --set, added") != std::string::npos);
    // Every comment of the source is still there.
    std::istringstream source(heimdal_text());
    for (std::string line; std::getline(source, line);) {
        const auto hash = line.find("# ");
        if (hash == std::string::npos) continue;
        INFO(line);
        CHECK(text.find(line.substr(hash + 2)) != std::string::npos);
    }
    // It reads back as the same model: the same outcome, replication by replication.
    const auto again = scenario::load_scenario_text(text, "as-run.yaml");
    REQUIRE(again.model.arms.size() == sc.model.arms.size());
    for (std::size_t arm = 0; arm < sc.model.arms.size(); ++arm) {
        const auto x = model::simulate_arm(sc.model, arm, 3, 0);
        const auto y = model::simulate_arm(again.model, arm, 3, 0);
        CHECK(x.events == y.events);
        CHECK(x.cash_flows.present_value == y.cash_flows.present_value);
    }
}

TEST_CASE("a calibrated value is edited in place and marked", "[calibration][people]") {
    const auto sc = scenario::load_scenario_file(kHeimdal);
    app::CalibrateSettings settings;
    settings.param = "pathways.in_house.placement.probability";
    settings.metric = "placement_rate";
    settings.target = 0.55;
    settings.arm = "in_house";
    settings.replications = 10;
    const auto out = app::calibrate(sc, settings);
    const std::string& text = out.result.calibrated.resolved_yaml;
    CHECK(text.find("# followsim: calibrated ") != std::string::npos);
    CHECK(text.find("to placement_rate=0.55, probability was 0.6672") != std::string::npos);
    CHECK(text.find("# R-109/2021: 4 % real for the first 40 years") != std::string::npos);
    const auto again = scenario::load_scenario_text(text, "calibrated.yaml");
    const auto* binding = again.parameters.find(settings.param, again.model);
    CHECK(binding->get(again.model) == Approx(out.result.value).epsilon(1e-9));
}

TEST_CASE("compare refuses mixed price years, converts with the KPI, and diffs scenarios",
          "[compare][people]") {
    // KPI, SSB table 03014 (2015 = 100): 2014 97.9, 2024 133.6.
    CHECK(*economics::price_factor(2014, 2024) == Approx(133.6 / 97.9));
    CHECK_FALSE(economics::price_factor(1990, 2024).has_value());
    nlohmann::ordered_json a = {
        {"scenario", {{"price_year", 2015}, {"name", "a"}, {"file", "a.yaml"}}},
        {"run", {{"replications", 4}, {"seed", 1}}},
        {"arms",
         {{"x",
           {{"metrics",
             {{"npv_socioeconomic_nok", {{"mean", 100.0}, {"sd", 10.0}, {"ci95", {90.0, 110.0}}}},
              {"placement_rate", {{"mean", 0.5}, {"sd", 0.0}, {"ci95", {0.5, 0.5}}}}}}}}}}};
    auto b = a;
    b["scenario"]["price_year"] = 2024;
    std::vector<output::LabelledResults> results{{"a", {a, {}, {}, "horizon: 2 years\n"}, ""},
                                                 {"b", {b, {}, {}, "horizon: 3 years\n"}, ""}};
    CHECK_THROWS_AS(output::common_price_year(results, std::nullopt), experiment::UsageError);
    output::common_price_year(results, 2024);
    const auto& npv =
        results[0].data.summary.at("arms").at("x").at("metrics").at("npv_socioeconomic_nok");
    CHECK(npv.at("mean").get<double>() == Approx(100.0 * 133.6 / 100.0));
    CHECK(npv.at("ci95")[1].get<double>() == Approx(110.0 * 133.6 / 100.0));
    // A share is not money: unchanged.
    CHECK(
        results[0].data.summary.at("arms").at("x").at("metrics").at("placement_rate").at("mean") ==
        0.5);
    const auto comparisons = output::compare_folders(results);
    REQUIRE(comparisons.size() == 1);
    REQUIRE(comparisons[0].scenario.size() == 1);
    CHECK(comparisons[0].scenario[0].path == "horizon");
    CHECK(comparisons[0].scenario[0].before == "2 years");
    CHECK(comparisons[0].scenario[0].after == "3 years");
}
