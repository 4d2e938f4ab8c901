#include "engine/batch/slice_pool.h"

#include <algorithm>
#include <system_error>

namespace divrisk {

SlicePool::SlicePool(size_t threads) : slices_(std::max<size_t>(1, threads)) {
  if (slices_ == 1) return;
  try {
    for (size_t t = 0; t < slices_; ++t) {
      threads_.emplace_back([this, t] { Loop(t); });
    }
  } catch (const std::system_error&) {
    // The system refused a thread (a process or address-space limit): work
    // on those that started. No work has started yet, and the bytes are
    // the same at any number of slices.
    if (threads_.size() <= 1) {
      {
        std::lock_guard lock(mu_);
        stopping_ = true;
      }
      work_.notify_all();
      threads_.clear();  // joins
      stopping_ = false;
    }
    std::lock_guard lock(mu_);
    slices_ = std::max<size_t>(1, threads_.size());
  }
}

SlicePool::~SlicePool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  threads_.clear();  // joins
}

void SlicePool::Start(size_t n, SliceFn fn) {
  n_ = n;
  fn_ = std::move(fn);
  if (threads_.empty()) {
    RunSlice(0);
    return;
  }
  {
    std::lock_guard lock(mu_);
    ++generation_;
    pending_ = threads_.size();
  }
  work_.notify_all();
}

void SlicePool::Wait() {
  std::unique_lock lock(mu_);
  done_.wait(lock, [this] { return pending_ == 0; });
}

void SlicePool::Loop(size_t slice) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    RunSlice(slice);
    std::lock_guard lock(mu_);
    if (--pending_ == 0) done_.notify_all();
  }
}

void SlicePool::RunSlice(size_t slice) {
  const size_t per = (n_ + slices_ - 1) / slices_;
  const size_t begin = std::min(n_, slice * per);
  const size_t end = std::min(n_, begin + per);
  if (begin < end) fn_(slice, begin, end);
}

}  // namespace divrisk
