// SlicePool: runs fn(slice, begin, end) over `threads` contiguous slices of
// [0, n), on threads that live as long as the pool.
//
// A batch scores chunk after chunk. Threads started afresh for each chunk
// lose their per-thread caches (screening results, transliterators, the
// JSON tree) every chunk; these keep them for the whole run. Which thread
// takes which lines never changes the bytes written, since each slice is
// computed on its own.

#ifndef DIVRISK_ENGINE_BATCH_SLICE_POOL_H_
#define DIVRISK_ENGINE_BATCH_SLICE_POOL_H_

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace divrisk {

class SlicePool {
 public:
  using SliceFn = std::function<void(size_t slice, size_t begin, size_t end)>;

  // With one thread, work runs on the caller's thread. When the system
  // refuses to start them all, the pool works on those that started
  // (threads() says how many).
  explicit SlicePool(size_t threads);
  ~SlicePool();
  SlicePool(const SlicePool&) = delete;
  SlicePool& operator=(const SlicePool&) = delete;

  size_t threads() const { return slices_; }

  // Starts fn over the slices of [0, n) and returns at once (with one
  // thread: runs it first). `fn` and what it uses must stay valid until
  // Wait returns.
  void Start(size_t n, SliceFn fn);
  void Wait();
  void Run(size_t n, SliceFn fn) {
    Start(n, std::move(fn));
    Wait();
  }

 private:
  void Loop(size_t slice);
  void RunSlice(size_t slice);

  size_t slices_;
  size_t n_ = 0;
  SliceFn fn_;
  std::mutex mu_;
  std::condition_variable work_;  // a run was started, or stopping
  std::condition_variable done_;  // a slice finished
  uint64_t generation_ = 0;       // runs started so far
  size_t pending_ = 0;            // slices of the current run not done
  bool stopping_ = false;
  std::vector<std::jthread> threads_;  // last: joined before the rest goes
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_SLICE_POOL_H_
