// SlicePool: every index in exactly one slice, slices in order, and the
// same threads from run to run (so per-thread caches survive).

#include "engine/batch/slice_pool.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(SlicePool, EveryIndexOnceInContiguousSlices) {
  for (size_t threads : {1u, 2u, 3u}) {
    SlicePool pool(threads);
    for (size_t n : {0u, 1u, 2u, 5u, 1000u}) {
      std::vector<std::atomic<int>> hits(n);
      std::vector<std::pair<size_t, size_t>> ranges(threads, {0, 0});
      pool.Run(n, [&](size_t slice, size_t begin, size_t end) {
        ranges[slice] = {begin, end};
        for (size_t i = begin; i < end; ++i) ++hits[i];
      });
      for (size_t i = 0; i < n; ++i) {
        EXPECT_EQ(hits[i].load(), 1) << threads << " threads, n " << n;
      }
      // Slice t holds lower indexes than slice t + 1.
      for (size_t t = 1; t < threads; ++t) {
        if (ranges[t].first < ranges[t].second) {
          EXPECT_GE(ranges[t].first, ranges[t - 1].second);
        }
      }
    }
  }
}

TEST(SlicePool, TheSameThreadsRunEverySlice) {
  SlicePool pool(2);
  std::mutex mu;
  std::set<std::thread::id> ids;
  for (int run = 0; run < 50; ++run) {
    pool.Start(10, [&](size_t, size_t, size_t) {
      std::lock_guard lock(mu);
      ids.insert(std::this_thread::get_id());
    });
    pool.Wait();
  }
  EXPECT_EQ(ids.size(), 2u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST(SlicePool, OneThreadRunsOnTheCaller) {
  SlicePool pool(1);
  std::thread::id ran_on;
  pool.Start(3, [&](size_t, size_t, size_t) {
    ran_on = std::this_thread::get_id();
  });
  EXPECT_EQ(ran_on, std::this_thread::get_id());  // done before Wait
  pool.Wait();
}

}  // namespace
}  // namespace divrisk
