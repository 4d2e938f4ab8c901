// similar_latency: `divrisk similar` query latency on an archive.
//
//   build/bench/similar_latency ARCHIVE.jsonl [QUERIES] [K] [RULES_DIR]
//
// Reads and scores the archive once (its load and index times are printed
// apart), then times QUERIES (default 1000) queries: the cases of a fresh
// generated stream (seed 424242, as new applications), each the k (default
// 5) most similar past cases. Prints the mean, median, 99th percentile and
// largest latency in ms and the distances computed per query, and checks
// the first 20 answers against a scan of every case (exactness). Last line:
// one JSON object.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <string>
#include <vector>

#include "engine/generate/case_generator.h"
#include "engine/learn/archive.h"
#include "engine/learn/similarity_index.h"
#include "engine/scoring/executor.h"
#include "rules/compiler.h"

using namespace divrisk;
using Clock = std::chrono::steady_clock;

// This thread's CPU time: on a shared, loaded machine the wall time of a
// query includes the time other processes held the core.
double ThreadCpuMs() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s ARCHIVE.jsonl [QUERIES] [K] [RULES_DIR]\n", argv[0]);
    return 2;
  }
  const std::string archive_path = argv[1];
  const int queries = argc > 2 ? std::stoi(argv[2]) : 1000;
  const size_t k = argc > 3 ? std::stoul(argv[3]) : 5;
  const std::string rules =
      argc > 4 ? argv[4] : std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";
  auto plan = CompileRuleSetDir(rules);
  if (!plan.ok()) {
    std::fprintf(stderr, "%s\n", std::string(plan.status().message()).c_str());
    return 1;
  }
  const auto t0 = Clock::now();
  auto archive = learn::LoadArchive(**plan, archive_path, learn::ArchiveOptions());
  if (!archive.ok()) {
    std::fprintf(stderr, "%s\n", std::string(archive.status().message()).c_str());
    return 1;
  }
  const auto t1 = Clock::now();
  const learn::SimilarityIndex index(**plan, *archive);
  const auto t2 = Clock::now();

  CaseGenerator gen(*(*plan)->reference, 424242);
  Executor executor(**plan);
  BatchScores scores;
  std::vector<double> ms, cpu_ms;  // wall and this thread's CPU time
  uint64_t distances = 0;
  double kth_sum = 0;
  int checked = 0, exact = 0;
  for (int i = 0; i < queries; ++i) {
    const Case c = gen.Next();
    executor.Score(std::span<const Case>(&c, 1), &scores);
    const double c0 = ThreadCpuMs();
    const auto q0 = Clock::now();
    const learn::SimilarQuery q = index.QueryFor(c, scores.values, 0);
    const std::vector<learn::Neighbour> n = index.Nearest(q, k);
    const auto q1 = Clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(q1 - q0).count());
    cpu_ms.push_back(ThreadCpuMs() - c0);
    distances += index.last_distances();
    if (!n.empty()) kth_sum += n.back().distance;
    if (i < 20) {
      const std::vector<learn::Neighbour> s = index.Scan(q, k);
      ++checked;
      bool same = s.size() == n.size();
      for (size_t j = 0; same && j < n.size(); ++j) same = s[j].row == n[j].row;
      exact += same;
    }
  }
  struct Stats { double mean, median, p99, max; };
  auto stats = [](std::vector<double> v) {
    std::sort(v.begin(), v.end());
    double mean = 0;
    for (double x : v) mean += x;
    auto at = [&](double q) { return v[static_cast<size_t>(q * (v.size() - 1))]; };
    return Stats{mean / static_cast<double>(v.size()), at(0.5), at(0.99), v.back()};
  };
  const Stats wall = stats(ms), cpu = stats(cpu_ms);
  const double load_s = std::chrono::duration<double>(t1 - t0).count();
  const double index_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("archive: %zu cases, read and scored in %.1f s, indexed in %.1f s\n",
              archive->rows.size(), load_s, index_s);
  std::printf("%d queries, k=%zu: wall mean %.3f ms, median %.3f, p99 %.3f, max %.3f; "
              "CPU mean %.3f ms, median %.3f, p99 %.3f, max %.3f; %.0f distances per "
              "query; k-th distance %.3f on average; exact against a scan in %d of %d\n",
              queries, k, wall.mean, wall.median, wall.p99, wall.max, cpu.mean, cpu.median,
              cpu.p99, cpu.max, static_cast<double>(distances) / queries,
              kth_sum / queries, exact, checked);
  std::printf("{\"cases\":%zu,\"queries\":%d,\"k\":%zu,\"wall_mean_ms\":%.4f,"
              "\"wall_median_ms\":%.4f,\"wall_p99_ms\":%.4f,\"cpu_mean_ms\":%.4f,"
              "\"cpu_median_ms\":%.4f,\"cpu_p99_ms\":%.4f,\"cpu_max_ms\":%.4f,"
              "\"distances_per_query\":%.1f,\"load_s\":%.2f,\"index_s\":%.2f,"
              "\"exact\":%d,\"checked\":%d}\n",
              archive->rows.size(), queries, k, wall.mean, wall.median, wall.p99,
              cpu.mean, cpu.median, cpu.p99, cpu.max,
              static_cast<double>(distances) / queries, load_s, index_s, exact, checked);
  return exact == checked ? 0 : 1;
}
