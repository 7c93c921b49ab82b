// Published experiments reproduced by the model from their design alone.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/experiment/metrics.hpp"
#include "engine/experiment/replication_runner.hpp"
#include "engine/scenario/scenario_loader.hpp"

using namespace followsim;

TEST_CASE("the Austrian caseload experiment: lower caseloads, more jobs", "[published]") {
    // scenarios/caseload.yaml: Boheim, Eppel & Mahringer (2023), Table 3. Control (1:250):
    // employed within a year 31.1 %; treated (1:100): 34.7 %. The treated arm differs only in
    // its counsellors; the dose-response turns 2.5 times the hours into the effect. Stated
    // tolerance: each level within 1 percentage point, the effect within 1.5 points of the
    // published 3.6 (the raw difference of means; the paper's regression estimate is 4.8).
    const auto sc = scenario::load_scenario_file(std::string(FOLLOWSIM_SOURCE_DIR) +
                                                 "/scenarios/caseload.yaml");
    experiment::RunSettings settings;
    settings.replications = 20;
    settings.threads = 2;
    const auto r = experiment::run_replications(sc, settings);
    auto employed = [&](std::size_t arm) {
        const auto& study = r.arms[arm].subgroups.by[0][0];  // cohort: study
        REQUIRE(study.category == "study");
        return study.metrics[2].summary.mean;  // placement_rate
    };
    const double control = employed(0), treated = employed(1);
    INFO("control " << control << ", treated " << treated);
    CHECK(std::abs(control - 0.311) < 0.01);
    CHECK(std::abs(treated - 0.347) < 0.01);
    CHECK(std::abs((treated - control) - 0.036) < 0.015);
    // The dose the trial changed: 2.5 times the counsellor hours per job seeker, about.
    const double dose_ratio =
        r.arms[1].metrics[experiment::metric_index("mean_dose_hours_per_month")].summary.mean /
        r.arms[0].metrics[experiment::metric_index("mean_dose_hours_per_month")].summary.mean;
    CHECK(dose_ratio == Approx(2.5).epsilon(0.06));
}
