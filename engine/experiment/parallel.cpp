#include "engine/experiment/parallel.hpp"

#include <algorithm>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace followsim::experiment {

unsigned resolve_threads(unsigned requested, std::uint64_t tasks) {
    unsigned threads =
        requested != 0 ? requested : std::max(1u, std::thread::hardware_concurrency());
    return static_cast<unsigned>(
        std::min<std::uint64_t>(threads, std::max<std::uint64_t>(1, tasks)));
}

void parallel_for(std::uint64_t tasks, unsigned threads, const std::atomic<bool>* cancel,
                  const std::function<void(std::uint64_t)>& task,
                  const std::function<void(std::uint64_t, std::uint64_t)>& progress) {
    std::atomic<std::uint64_t> next{0};
    std::atomic<std::uint64_t> done{0};
    std::atomic<bool> failed{false};
    std::exception_ptr failure;
    std::mutex mutex;  // guards failure and progress calls
    auto worker = [&] {
        for (;;) {
            if (failed.load() || (cancel != nullptr && cancel->load())) return;
            const std::uint64_t i = next.fetch_add(1);
            if (i >= tasks) return;
            try {
                task(i);
            } catch (...) {
                std::lock_guard lock(mutex);
                if (!failure) failure = std::current_exception();
                failed.store(true);
                return;
            }
            const std::uint64_t finished = done.fetch_add(1) + 1;
            if (progress) {
                std::lock_guard lock(mutex);
                progress(finished, tasks);
            }
        }
    };
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < resolve_threads(threads, tasks); ++t) pool.emplace_back(worker);
        worker();
    }
    if (failure) std::rethrow_exception(failure);
    if (cancel != nullptr && cancel->load()) throw Interrupted();
}

}  // namespace followsim::experiment
