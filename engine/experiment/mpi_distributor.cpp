#include "engine/experiment/mpi_distributor.hpp"

#include <mpi.h>

#include <algorithm>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "engine/experiment/errors.hpp"
#include "engine/experiment/parallel.hpp"
#include "engine/experiment/slot_codec.hpp"

namespace followsim::experiment {

namespace {

constexpr int kInterrupted = 130;
constexpr int kUsage = 2;
constexpr int kFailure = 1;
// Bytes in one broadcast: MPI counts are ints.
constexpr std::size_t kChunk = std::size_t{1} << 30;

void check(int status, const char* what) {
    if (status != MPI_SUCCESS) throw std::runtime_error(std::string("MPI: ") + what + " failed");
}

}  // namespace

std::unique_ptr<MpiDistributor> MpiDistributor::from_launcher(int& argc, char**& argv) {
    if (!launched_by_mpi()) return nullptr;
    // Only the main thread calls MPI; the worker threads simulate.
    int provided = 0;
    check(MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided), "MPI_Init_thread");
    int rank = 0, size = 1, on_node = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    MPI_Comm node;
    check(MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, rank, MPI_INFO_NULL, &node),
          "MPI_Comm_split_type");
    MPI_Comm_size(node, &on_node);
    MPI_Comm_free(&node);
    return std::unique_ptr<MpiDistributor>(new MpiDistributor(
        static_cast<unsigned>(rank), static_cast<unsigned>(size), static_cast<unsigned>(on_node)));
}

MpiDistributor::MpiDistributor(unsigned rank, unsigned size, unsigned ranks_on_node)
    : rank_(rank), size_(size), ranks_on_node_(ranks_on_node) {}

MpiDistributor::~MpiDistributor() {
    MPI_Finalize();
}

unsigned MpiDistributor::default_threads() const {
    const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    return std::max(1u, cores / std::max(1u, ranks_on_node_));
}

void MpiDistributor::abort(int code) const {
    MPI_Abort(MPI_COMM_WORLD, code);
    std::abort();  // MPI_Abort does not return
}

bool MpiDistributor::run(const TaskSet& tasks) {
    const std::vector<std::uint64_t> share = share_of(tasks.count, rank_, size_);
    // Rank 0 shows the job's progress as its own times the ranks: they run alike.
    std::function<void(std::uint64_t, std::uint64_t)> progress;
    if (rank_ == 0 && tasks.progress) {
        progress = [&](std::uint64_t done, std::uint64_t) {
            const std::uint64_t all = tasks.count;
            tasks.progress(std::min(all > 0 ? all - 1 : 0, done * size_), all);
        };
    }
    int code = 0;
    std::string message;
    try {
        parallel_for(
            share.size(), tasks.threads, tasks.cancel,
            [&](std::uint64_t j) { tasks.run(share[j]); }, progress);
    } catch (const Interrupted&) {
        code = kInterrupted;
    } catch (const UsageError& e) {
        code = kUsage;
        message = e.what();
    } catch (const std::exception& e) {
        code = kFailure;
        message = e.what();
    }
    agree(code, message);

    // Every rank's slots, in index order, to every rank.
    for (unsigned from = 0; from < size_; ++from) {
        std::string bytes;
        if (from == rank_) {
            std::ostringstream out;
            {
                SlotWriter writer(out);
                for (std::uint64_t i : share) tasks.save(i, writer);
            }
            bytes = std::move(out).str();
        }
        broadcast(bytes, from);
        if (from == rank_) continue;
        std::istringstream in(std::move(bytes));
        SlotReader reader(in);
        for (std::uint64_t i : share_of(tasks.count, from, size_)) tasks.load(i, reader);
    }
    if (rank_ == 0 && tasks.progress) tasks.progress(tasks.count, tasks.count);
    return true;
}

void MpiDistributor::agree(int code, const std::string& message) const {
    std::vector<int> codes(size_);
    check(MPI_Allgather(&code, 1, MPI_INT, codes.data(), 1, MPI_INT, MPI_COMM_WORLD),
          "MPI_Allgather");
    const auto failed = std::find_if(codes.begin(), codes.end(), [](int c) { return c != 0; });
    if (failed == codes.end()) return;
    const auto from = static_cast<unsigned>(failed - codes.begin());
    std::string text = message;
    broadcast(text, from);
    if (*failed == kInterrupted) throw Interrupted();
    if (from != rank_) text = "rank " + std::to_string(from) + ": " + text;
    if (*failed == kUsage) throw UsageError(text);
    throw SharedFailure(text);
}

void MpiDistributor::broadcast(std::string& bytes, unsigned root) const {
    auto size = static_cast<std::uint64_t>(bytes.size());
    check(MPI_Bcast(&size, 1, MPI_UINT64_T, static_cast<int>(root), MPI_COMM_WORLD), "MPI_Bcast");
    bytes.resize(size);
    for (std::size_t at = 0; at < bytes.size(); at += kChunk) {
        const auto n = static_cast<int>(std::min(kChunk, bytes.size() - at));
        check(MPI_Bcast(bytes.data() + at, n, MPI_BYTE, static_cast<int>(root), MPI_COMM_WORLD),
              "MPI_Bcast");
    }
}

}  // namespace followsim::experiment
