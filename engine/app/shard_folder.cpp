#include "engine/app/shard_folder.hpp"

#include <fmt/core.h>

#include <map>
#include <sstream>

#include "engine/experiment/errors.hpp"
#include "engine/scenario/scenario_loader.hpp"
#include "engine/scenario/text_file.hpp"
#include "engine/scenario/yaml_document.hpp"

namespace followsim::app {

using experiment::UsageError;
using nlohmann::ordered_json;

namespace {

constexpr int kFormat = 1;
constexpr const char* kDescription = "shard.json";
constexpr const char* kResults = "tasks.bin";

struct ShardRead {
    std::filesystem::path folder;
    ordered_json meta;
    std::string bytes;
};

// A shard's file: a regular file (never a pipe or device) of at most 4 GiB.
std::string read_bytes(const std::filesystem::path& path) {
    try {
        return scenario::read_text_file(path.string(), std::size_t{4} << 30, "a shard's file");
    } catch (const scenario::FileRefused& e) {
        throw UsageError(path.string() + ": " + e.what());
    }
}

ShardRead read_one(const std::filesystem::path& folder) {
    ShardRead shard{folder, {}, {}};
    const std::filesystem::path description = folder / kDescription;
    if (!std::filesystem::exists(description)) {
        throw UsageError(folder.string() +
                         ": not a shard's folder (no shard.json); shards come from "
                         "run, psa or sweep with --shard K/N");
    }
    try {
        shard.meta = ordered_json::parse(read_bytes(description));
        if (shard.meta.at("format").get<int>() != kFormat ||
            shard.meta.at("followsim_version").get<std::string>() != FOLLOWSIM_VERSION) {
            throw UsageError(fmt::format(
                "{}: written by followsim {} (shard format {}), this is followsim {} (format "
                "{}): run every shard and the merge with the same version",
                folder.string(), shard.meta.at("followsim_version").get<std::string>(),
                shard.meta.at("format").get<int>(), FOLLOWSIM_VERSION, kFormat));
        }
        shard.bytes = read_bytes(folder / kResults);
        if (scenario::sha256_hex(shard.bytes) != shard.meta.at("tasks_sha256").get<std::string>()) {
            throw UsageError(folder.string() +
                             ": tasks.bin is damaged or incomplete (its SHA-256 is not the one "
                             "shard.json records)");
        }
    } catch (const ordered_json::exception& e) {
        throw UsageError(description.string() + ": not a shard's description (" + e.what() + ")");
    }
    return shard;
}

// The first setting in which two shards differ, as "seed 1 and 2".
std::string first_difference(const ordered_json& a, const ordered_json& b) {
    for (const auto& [key, value] : a.items()) {
        if (!b.contains(key)) return key + " only in the first";
        if (value != b.at(key))
            return fmt::format("{} {} and {}", key, value.dump(), b.at(key).dump());
    }
    for (const auto& [key, value] : b.items()) {
        if (!a.contains(key)) return key + " only in the second";
    }
    return "";
}

// Throws unless `shard` belongs to the same run as `first`.
void check_same_run(const ShardRead& first, const ShardRead& shard) {
    const auto differ = [&](const std::string& what) {
        throw UsageError(fmt::format("{} and {} are not shards of one run: {}",
                                     first.folder.string(), shard.folder.string(), what));
    };
    const ordered_json& a = first.meta;
    const ordered_json& b = shard.meta;
    if (a.at("command") != b.at("command")) {
        differ(fmt::format("one is a {}, the other a {}", a.at("command").get<std::string>(),
                           b.at("command").get<std::string>()));
    }
    if (a.at("scenario").at("sha256") != b.at("scenario").at("sha256")) {
        differ(fmt::format("their scenarios differ ({} and {}, SHA-256 {} and {})",
                           a.at("scenario").at("file").get<std::string>(),
                           b.at("scenario").at("file").get<std::string>(),
                           a.at("scenario").at("sha256").get<std::string>().substr(0, 12),
                           b.at("scenario").at("sha256").get<std::string>().substr(0, 12)));
    }
    if (a.at("scenario").at("overrides") != b.at("scenario").at("overrides")) {
        differ(fmt::format("their --set overrides differ ({} and {})",
                           a.at("scenario").at("overrides").dump(),
                           b.at("scenario").at("overrides").dump()));
    }
    if (a.at("settings") != b.at("settings")) {
        differ("their settings differ: " + first_difference(a.at("settings"), b.at("settings")));
    }
    if (a.at("shard").at("count") != b.at("shard").at("count") || a.at("tasks") != b.at("tasks")) {
        differ(fmt::format("one is a shard of {}, the other of {}",
                           a.at("shard").at("count").get<unsigned>(),
                           b.at("shard").at("count").get<unsigned>()));
    }
}

}  // namespace

FolderFiles shard_files(const std::string& command, const ordered_json& settings,
                        const scenario::Scenario& scenario,
                        const experiment::ShardDistributor& shard) {
    ordered_json j;
    j["format"] = kFormat;
    j["followsim_version"] = FOLLOWSIM_VERSION;
    j["command"] = command;
    j["shard"] = {{"index", shard.shard().index}, {"count", shard.shard().count}};
    j["tasks"] = shard.tasks();
    j["tasks_here"] = shard.ran();
    j["tasks_sha256"] = scenario::sha256_hex(shard.bytes());
    j["settings"] = settings;
    j["scenario"] = {{"file", scenario.file},
                     {"sha256", scenario.sha256},
                     {"overrides", scenario.overrides},
                     {"text", scenario.text}};
    return {{kDescription, j.dump(2) + "\n"}, {kResults, shard.bytes()}};
}

Shards read_shards(const std::vector<std::filesystem::path>& folders) {
    if (folders.empty()) throw UsageError("merge: give the shards' folders");
    std::vector<ShardRead> read;
    for (const auto& folder : folders) read.push_back(read_one(folder));
    const ShardRead& first = read.front();
    std::map<unsigned, const ShardRead*> by_index;
    unsigned count = 0;
    try {
        count = first.meta.at("shard").at("count").get<unsigned>();
        for (const ShardRead& shard : read) {
            check_same_run(first, shard);
            const auto index = shard.meta.at("shard").at("index").get<unsigned>();
            const auto [it, fresh] = by_index.emplace(index, &shard);
            if (!fresh) {
                throw UsageError(fmt::format("shard {}/{} is given twice: {} and {}", index, count,
                                             it->second->folder.string(), shard.folder.string()));
            }
        }
    } catch (const ordered_json::exception& e) {
        throw UsageError(std::string("merge: a shard.json is not a shard's description (") +
                         e.what() + ")");
    }
    std::string missing;
    for (unsigned k = 1; k <= count; ++k) {
        if (!by_index.count(k))
            missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", k, count);
    }
    if (!missing.empty()) {
        const bool one = missing.find(',') == std::string::npos;
        throw UsageError(
            fmt::format("merge: shard{} {} {} missing: a run of {} shards needs all {}",
                        one ? "" : "s", missing, one ? "is" : "are", count, count));
    }

    Shards shards;
    const ordered_json& sc = first.meta.at("scenario");
    shards.command = first.meta.at("command").get<std::string>();
    shards.settings = first.meta.at("settings");
    shards.scenario = scenario::load_scenario_text(
        sc.at("text").get<std::string>(), sc.at("file").get<std::string>(),
        sc.at("overrides").get<std::vector<std::string>>());
    if (shards.scenario.sha256 != sc.at("sha256").get<std::string>()) {
        throw UsageError(first.folder.string() +
                         "/shard.json: the scenario's text does not match its SHA-256");
    }
    std::vector<experiment::ShardReplay::Part> parts;
    for (const auto& [index, shard] : by_index) {
        parts.push_back({index, shard->bytes, (shard->folder / kResults).string()});
    }
    shards.replay = std::make_unique<experiment::ShardReplay>(
        count, first.meta.at("tasks").get<std::uint64_t>(), std::move(parts));
    return shards;
}

}  // namespace followsim::app
