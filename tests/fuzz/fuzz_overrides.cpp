// libFuzzer harness: --set and --vary. The input is lines; a line starting with "vary " is a
// --vary specification, any other a --set assignment. They are applied to
// tests/scenarios/valid_base.yaml as the commands apply them: --set through the loader,
// --vary parsed, then its first and last values set through the parameter bindings and
// edited into the scenario's text. Every input must end in a scenario, a ScenarioError whose
// problems are each placed (a file's line and column, or the option that made the value) or,
// for --vary, a UsageError naming --vary.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/sweep.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "fuzz/fuzz_checks.hpp"

namespace {

const std::string& base_text() {
    static const std::string text = [] {
        std::ifstream in(FOLLOWSIM_SOURCE_DIR "/tests/scenarios/valid_base.yaml");
        std::ostringstream all;
        all << in.rdbuf();
        if (all.str().empty()) std::abort();  // the harness cannot work without its base
        return all.str();
    }();
    return text;
}

void check_located(const followsim::scenario::ScenarioError& e) {
    if (e.problems().empty()) std::abort();
    for (const auto& p : e.problems()) {
        const bool option = p.file.starts_with("--set ") || p.file.starts_with("--vary ");
        const bool in_file = p.file == "base.yaml" && p.line >= 1 && p.column >= 1;
        if (!(option || in_file) || p.message.empty()) std::abort();
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace scenario = followsim::scenario;
    namespace experiment = followsim::experiment;
    std::vector<std::string> sets, varies;
    std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("vary ")) {
            varies.push_back(line.substr(5));
        } else {
            sets.push_back(line);
        }
    }
    try {
        const scenario::Scenario sc = scenario::load_scenario_text(base_text(), "base.yaml", sets);
        followsim::fuzz::check_texts(sc);
        std::vector<scenario::Assignment> first, last;
        for (const std::string& spec : varies) {
            const experiment::SweepVariable v = experiment::parse_vary(spec);
            first.push_back(v.assignment_for(v.value(0)));
            last.push_back(v.assignment_for(v.value(v.steps - 1)));
        }
        for (const auto* assignments : {&first, &last}) {
            if (assignments->empty()) continue;
            followsim::model::ModelConfig model = sc.model;
            sc.parameters.apply(model, *assignments);
            followsim::fuzz::check_texts(scenario::with_assignments(sc, *assignments, "--vary"));
        }
    } catch (const scenario::ScenarioError& e) {
        check_located(e);
    } catch (const experiment::UsageError& e) {
        if (!std::string(e.what()).starts_with("--vary ")) std::abort();
    }
    return 0;
}
