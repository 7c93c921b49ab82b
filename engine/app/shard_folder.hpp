// A shard's partial folder (`--shard K/N`): shard.json says which command, with which settings,
// on which scenario (its text, overrides and SHA-256) and which part of how many it is; tasks.bin
// holds that part's task results. followsim merge reads a set of them back and refuses any set
// that is not exactly the parts of one run, saying why.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/app/result_folder.hpp"
#include "engine/experiment/shards.hpp"
#include "engine/scenario/scenario.hpp"

namespace followsim::app {

// The files of a shard that has run: `settings` are what the command needs besides the
// scenario to run the same tasks (seed, replications, ...).
FolderFiles shard_files(const std::string& command, const nlohmann::ordered_json& settings,
                        const scenario::Scenario& scenario,
                        const experiment::ShardDistributor& shard);

// Every shard of one run, checked: the same command, settings, scenario, version and count N,
// each part 1..N once. Throws experiment::UsageError naming what does not fit.
struct Shards {
    std::string command;
    nlohmann::ordered_json settings;
    scenario::Scenario scenario;
    std::unique_ptr<experiment::ShardReplay> replay;
};
Shards read_shards(const std::vector<std::filesystem::path>& folders);

}  // namespace followsim::app
