// ParallelSlices: runs fn(slice, begin, end) over `threads` contiguous
// slices of [0, n) and waits for all. Slice 0 runs on the calling thread.

#ifndef DIVRISK_ENGINE_BATCH_PARALLEL_H_
#define DIVRISK_ENGINE_BATCH_PARALLEL_H_

#include <algorithm>
#include <cstddef>
#include <thread>
#include <vector>

namespace divrisk {

template <typename F>
void ParallelSlices(size_t n, size_t threads, F fn) {
  threads = std::max<size_t>(1, std::min(threads, n));
  const size_t per = n == 0 ? 0 : (n + threads - 1) / threads;
  std::vector<std::jthread> pool;
  for (size_t t = 1; t < threads; ++t) {
    const size_t begin = std::min(n, t * per);
    const size_t end = std::min(n, begin + per);
    pool.emplace_back([&fn, t, begin, end] { fn(t, begin, end); });
  }
  fn(0, 0, std::min(n, per));
}

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_PARALLEL_H_
