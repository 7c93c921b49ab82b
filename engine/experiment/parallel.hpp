// A small pool of threads for independent tasks (replications, PSA draws, sweep points).
// Task i writes only its own slot of the caller's results, so results never depend on which
// thread ran what; the caller combines them in index order.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "engine/experiment/errors.hpp"

namespace followsim::experiment {

// 0 means one per hardware thread; never more threads than tasks.
unsigned resolve_threads(unsigned requested, std::uint64_t tasks);

// Runs task(i) for every i in [0, tasks). The first exception thrown by a task is rethrown
// after all threads stop; if `cancel` becomes true, no new task starts and Interrupted is
// thrown. progress(done, total) is called after each task, one call at a time.
void parallel_for(std::uint64_t tasks, unsigned threads, const std::atomic<bool>* cancel,
                  const std::function<void(std::uint64_t)>& task,
                  const std::function<void(std::uint64_t, std::uint64_t)>& progress = {});

}  // namespace followsim::experiment
