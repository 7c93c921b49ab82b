// libFuzzer harness: any bytes as a scenario file. The loader must answer every input with a
// scenario or a ScenarioError whose problems are all located (file:line:col); anything else
// (a crash, another exception, a sanitizer report, a hang) is a finding; so is a scenario whose
// texts cannot be written as JSON (summary.json), as "\N" in a name once could not.
//
//   build-fuzz/tests/fuzz_scenario_loader CORPUS_DIR tests/scenarios scenarios -max_total_time=30
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "engine/scenario/scenario_loader.hpp"
#include "fuzz/fuzz_checks.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        const auto sc = followsim::scenario::load_scenario_text(text, "fuzz.yaml");
        followsim::fuzz::check_texts(sc);
    } catch (const followsim::scenario::ScenarioError& e) {
        // Every problem of a file is placed in it: a line and a column, 1-based.
        if (e.problems().empty()) std::abort();
        for (const auto& p : e.problems()) {
            if (p.file != "fuzz.yaml" || p.line < 1 || p.column < 1 || p.message.empty())
                std::abort();
        }
    }
    return 0;
}
