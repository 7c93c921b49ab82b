// Tasks over MPI ranks (`mpirun -np N followsim ...`): each rank runs its share of the indexed
// tasks (share_of: i = rank, rank + N, ...) on its own threads, then every rank's slots go to
// every rank, so each rank holds all slots and summarises them in index order exactly as one
// process would. Only rank 0 writes and prints (the command line's business).
//
// A failure in any rank's share (an error, Ctrl-C) reaches every rank: each throws the error
// of the lowest failing rank, so they all stop at the same point and nothing is written.
//
// Built when CMake finds MPI (FOLLOWSIM_WITH_MPI); only the command line links it.
#pragma once

#include <memory>
#include <string>

#include "engine/experiment/task_distributor.hpp"

namespace followsim::experiment {

class MpiDistributor final : public TaskDistributor {
  public:
    // MPI when this process was started by an MPI launcher (mpirun, srun: its environment
    // says so), initialised here and finalised when the distributor goes; null otherwise.
    static std::unique_ptr<MpiDistributor> from_launcher(int& argc, char**& argv);
    ~MpiDistributor() override;

    bool run(const TaskSet& tasks) override;
    [[nodiscard]] unsigned ranks() const override { return size_; }
    [[nodiscard]] unsigned rank() const { return rank_; }
    // Threads per rank when none are asked for: this node's cores shared among its ranks.
    [[nodiscard]] unsigned default_threads() const;
    // Ends every rank of the job at once with `code` (for a failure only this rank saw).
    [[noreturn]] void abort(int code) const;

  private:
    MpiDistributor(unsigned rank, unsigned size, unsigned ranks_on_node);
    // Each rank's failure (0: none) to every rank; throws the lowest failing rank's.
    void agree(int code, const std::string& message) const;
    // `bytes` of rank `root` to every rank.
    void broadcast(std::string& bytes, unsigned root) const;

    unsigned rank_;
    unsigned size_;
    unsigned ranks_on_node_;
};

}  // namespace followsim::experiment
