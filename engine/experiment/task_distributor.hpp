// Who runs an experiment's indexed tasks: replications, a PSA draw's replications, a sweep
// point's replications, optimise's (candidate, replication) pairs. Task i uses the random
// streams of (seed, i) alone and writes only slot i of the caller's results, and the caller
// summarises the slots in index order once they are filled, so results never depend on where
// or on how many threads a task ran.
//
// An experiment describes its tasks once (TaskSet: run slot i, and slot i to bytes and back)
// and hands them to a distributor:
//   - LocalDistributor: this process's threads (the default);
//   - MpiDistributor (mpi_distributor.hpp, built with MPI): each rank runs its share on its
//     threads, then every rank gets every slot;
//   - ShardDistributor and ShardReplay (shards.hpp): a shard runs its share and keeps it as
//     bytes for its partial folder; `followsim merge` replays every shard's bytes into the
//     slots and the experiment summarises as if it had run them.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <vector>

namespace cereal {
class PortableBinaryOutputArchive;
class PortableBinaryInputArchive;
}  // namespace cereal

namespace followsim::experiment {

// A slot as bytes (cereal's portable binary archive: doubles bit for bit, any byte order).
using SlotWriter = cereal::PortableBinaryOutputArchive;
using SlotReader = cereal::PortableBinaryInputArchive;

struct TaskSet {
    std::uint64_t count = 0;
    unsigned threads = 0;  // per process; 0: one per hardware thread
    const std::atomic<bool>* cancel = nullptr;
    std::function<void(std::uint64_t)> run;  // fills slot i
    // Slot i to bytes and back, for distributors that move slots between processes.
    std::function<void(std::uint64_t, SlotWriter&)> save;
    std::function<void(std::uint64_t, SlotReader&)> load;
    // (done, total) after each task this process runs; serialised.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
};

class TaskDistributor {
  public:
    TaskDistributor() = default;
    virtual ~TaskDistributor() = default;
    TaskDistributor(const TaskDistributor&) = delete;
    TaskDistributor& operator=(const TaskDistributor&) = delete;

    // Runs the tasks. True when every slot is filled in this process; false when only this
    // process's share ran (a shard): the caller then has nothing to summarise.
    virtual bool run(const TaskSet& tasks) = 0;
    // Whether only this process's share runs (a shard): a search whose next step depends on
    // the last cannot run so.
    [[nodiscard]] virtual bool partial() const { return false; }
    // The processes that simulated (MPI ranks) and the shards joined (merge); 1 and 1 here.
    [[nodiscard]] virtual unsigned ranks() const { return 1; }
    [[nodiscard]] virtual unsigned shards() const { return 1; }
};

class LocalDistributor final : public TaskDistributor {
  public:
    bool run(const TaskSet& tasks) override;
};

// How a run was spread out, for its summary: MPI ranks, shards merged.
struct Spread {
    unsigned ranks = 1;
    unsigned shards = 1;
};
Spread spread_of(const TaskDistributor* distributor);

// Runs the tasks on `distributor`, or on this process's threads when it is null.
bool distribute(TaskDistributor* distributor, const TaskSet& tasks);
// Throws UsageError when `distributor` runs a share only: `command` searches step by step.
void require_whole(const TaskDistributor* distributor, const char* command);

// Whether the environment says an MPI launcher (mpirun, srun) started this process as one
// of several.
bool launched_by_mpi();

// The tasks that part `part` of `parts` runs: part, part + parts, part + 2 parts, ... (every
// part gets tasks from the whole range, so draws or points of different cost mix evenly).
std::vector<std::uint64_t> share_of(std::uint64_t count, unsigned part, unsigned parts);

}  // namespace followsim::experiment
