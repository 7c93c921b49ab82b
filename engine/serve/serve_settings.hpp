// The settings of `followsim serve` and the limits that keep a local workbench safe to leave
// running: what a request, a run and the whole server may take.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "engine/app/command_settings.hpp"
#include "engine/output/number_format.hpp"

namespace followsim::serve {

// The language of the page (labels, verdict), as for reports; summary.json keys stay English.
using output::Lang;
using output::lang_code;

struct ServeSettings {
    std::string scenario;                 // opened first ("": a shipped one)
    std::filesystem::path scenarios_dir;  // the shipped scenarios offered in the page
    std::filesystem::path folder =
        "results/serve";  // every run's results go below it, nowhere else
    int port = 8050;      // 0: any free port
    Lang lang = Lang::en;
    unsigned threads = 0;  // a run's worker threads (0: one per core)
    std::uint64_t replications = app::RunSettings{}.replications;  // the form's default
    // Limits.
    std::size_t max_request_bytes = 2 * 1024 * 1024;  // a request's body (an uploaded scenario)
    double max_run_size = 2e7;         // expected persons x arms x replications of one run
    unsigned max_concurrent_runs = 2;  // runs simulating at once; the others wait their turn
    std::size_t max_sessions = 16;     // browser sessions held; the longest idle one goes
    std::size_t runs_kept = 8;         // earlier runs a session keeps to compare
};

}  // namespace followsim::serve
