#include "engine/experiment/task_distributor.hpp"

#include <fmt/core.h>

#include <cstdlib>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/parallel.hpp"

namespace followsim::experiment {

bool LocalDistributor::run(const TaskSet& tasks) {
    parallel_for(tasks.count, tasks.threads, tasks.cancel, tasks.run, tasks.progress);
    return true;
}

Spread spread_of(const TaskDistributor* distributor) {
    if (distributor == nullptr) return {};
    return {distributor->ranks(), distributor->shards()};
}

bool distribute(TaskDistributor* distributor, const TaskSet& tasks) {
    if (distributor != nullptr) return distributor->run(tasks);
    LocalDistributor local;
    return local.run(tasks);
}

void require_whole(const TaskDistributor* distributor, const char* command) {
    if (distributor != nullptr && distributor->partial()) {
        throw UsageError(fmt::format(
            "--shard: {} searches step by step, each step on the results of the last, so it "
            "cannot be split into shards; spread it over processes with mpirun instead",
            command));
    }
}

bool launched_by_mpi() {
    // Open MPI's mpirun, PMIx launchers (srun --mpi=pmix) and PMI ones (MPICH's hydra, srun).
    for (const char* size : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE"}) {
        const char* value = std::getenv(size);
        if (value != nullptr && std::strtol(value, nullptr, 10) > 1) return true;
    }
    return std::getenv("PMIX_RANK") != nullptr;
}

std::vector<std::uint64_t> share_of(std::uint64_t count, unsigned part, unsigned parts) {
    std::vector<std::uint64_t> share;
    if (parts == 0) return share;
    share.reserve(count / parts + 1);
    for (std::uint64_t i = part; i < count; i += parts) share.push_back(i);
    return share;
}

}  // namespace followsim::experiment
