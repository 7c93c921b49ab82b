// Shards, for schedulers without MPI (Slurm job arrays, GNU parallel, one machine at a time):
// `--shard K/N` runs part K of N of a command's tasks (share_of: task i belongs to part
// i mod N) and keeps their slots as bytes; `followsim merge` puts every part's bytes back
// into the slots, and the experiment summarises them as if it had run them itself: the same
// files, byte for byte, as one process.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "engine/experiment/task_distributor.hpp"

namespace followsim::experiment {

struct ShardId {
    unsigned index = 1;  // K, from 1
    unsigned count = 1;  // N

    [[nodiscard]] std::string text() const;  // "K/N"
};

// "K/N" with 1 <= K <= N; throws UsageError.
ShardId parse_shard(const std::string& text);

// Runs shard K's share of the tasks and keeps their slots; the experiment then stops (run()
// returns false). One set of tasks only: a command that runs several cannot be sharded.
class ShardDistributor final : public TaskDistributor {
  public:
    explicit ShardDistributor(ShardId shard) : shard_(shard) {}

    bool run(const TaskSet& tasks) override;
    [[nodiscard]] bool partial() const override { return true; }

    [[nodiscard]] ShardId shard() const { return shard_; }
    [[nodiscard]] std::uint64_t tasks() const { return tasks_; }  // of the whole command
    [[nodiscard]] std::uint64_t ran() const { return ran_; }      // of them, here
    [[nodiscard]] const std::string& bytes() const { return bytes_; }

  private:
    ShardId shard_;
    bool used_ = false;
    std::uint64_t tasks_ = 0;
    std::uint64_t ran_ = 0;
    std::string bytes_;
};

// The bytes of every shard of a command, played back into the slots instead of running.
class ShardReplay final : public TaskDistributor {
  public:
    struct Part {
        unsigned index = 1;  // K
        std::string bytes;
        std::string source;  // where the bytes came from, for messages
    };
    // `parts`: one per K in 1..count, any order.
    ShardReplay(unsigned count, std::uint64_t tasks, std::vector<Part> parts);

    bool run(const TaskSet& tasks) override;
    [[nodiscard]] unsigned shards() const override { return count_; }

  private:
    unsigned count_;
    std::uint64_t tasks_;
    std::vector<Part> parts_;
};

}  // namespace followsim::experiment
