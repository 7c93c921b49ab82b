#include "engine/experiment/shards.hpp"

#include <fmt/core.h>

#include <charconv>
#include <sstream>
#include <stdexcept>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/experiment/slot_codec.hpp"

namespace followsim::experiment {

std::string ShardId::text() const {
    return fmt::format("{}/{}", index, count);
}

ShardId parse_shard(const std::string& text) {
    const auto slash = text.find('/');
    ShardId id;
    const auto whole = [](std::string_view digits, unsigned& value) {
        const auto [end, error] =
            std::from_chars(digits.data(), digits.data() + digits.size(), value);
        return error == std::errc() && end == digits.data() + digits.size() && !digits.empty();
    };
    const std::string_view view(text);
    if (slash == std::string::npos || !whole(view.substr(0, slash), id.index) ||
        !whole(view.substr(slash + 1), id.count) || id.index < 1 || id.index > id.count) {
        throw UsageError("--shard " + text +
                         ": expected K/N, shard K of N with 1 <= K <= N (e.g. 3/10)");
    }
    return id;
}

bool ShardDistributor::run(const TaskSet& tasks) {
    if (used_) throw std::logic_error("a shard runs one set of tasks");
    used_ = true;
    tasks_ = tasks.count;
    const std::vector<std::uint64_t> share = share_of(tasks.count, shard_.index - 1, shard_.count);
    ran_ = share.size();
    parallel_for(
        share.size(), tasks.threads, tasks.cancel, [&](std::uint64_t j) { tasks.run(share[j]); },
        tasks.progress);
    std::ostringstream out;
    {
        SlotWriter writer(out);
        for (std::uint64_t i : share) tasks.save(i, writer);
    }
    bytes_ = std::move(out).str();
    return false;
}

ShardReplay::ShardReplay(unsigned count, std::uint64_t tasks, std::vector<Part> parts)
    : count_(count), tasks_(tasks), parts_(std::move(parts)) {}

bool ShardReplay::run(const TaskSet& tasks) {
    if (tasks.count != tasks_) {
        throw UsageError(fmt::format(
            "the shards hold {} tasks, but their command has {}: were they written by another "
            "version of followsim?",
            tasks_, tasks.count));
    }
    for (const Part& part : parts_) {
        std::istringstream in(part.bytes);
        try {
            SlotReader reader(in);
            for (std::uint64_t i : share_of(tasks.count, part.index - 1, count_)) {
                tasks.load(i, reader);
            }
        } catch (const std::exception&) {
            throw UsageError(fmt::format("{}: does not hold the results of shard {}/{}",
                                         part.source, part.index, count_));
        }
        if (in.peek() != std::char_traits<char>::eof()) {
            throw UsageError(fmt::format("{}: holds more than the results of shard {}/{}",
                                         part.source, part.index, count_));
        }
    }
    if (tasks.progress) tasks.progress(tasks.count, tasks.count);
    return true;
}

}  // namespace followsim::experiment
