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
#include <string>
#include <vector>

#include "engine/generate/case_generator.h"
#include "engine/learn/archive.h"
#include "engine/learn/similarity_index.h"
#include "engine/scoring/executor.h"
#include "rules/compiler.h"

using namespace divrisk;
using Clock = std::chrono::steady_clock;

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
  std::vector<double> ms;
  uint64_t distances = 0;
  double kth_sum = 0;
  int checked = 0, exact = 0;
  for (int i = 0; i < queries; ++i) {
    const Case c = gen.Next();
    executor.Score(std::span<const Case>(&c, 1), &scores);
    const auto q0 = Clock::now();
    const learn::SimilarQuery q = index.QueryFor(c, scores.values, 0);
    const std::vector<learn::Neighbour> n = index.Nearest(q, k);
    const auto q1 = Clock::now();
    ms.push_back(std::chrono::duration<double, std::milli>(q1 - q0).count());
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
  std::vector<double> sorted = ms;
  std::sort(sorted.begin(), sorted.end());
  double mean = 0;
  for (double v : ms) mean += v;
  mean /= static_cast<double>(ms.size());
  auto at = [&](double q) { return sorted[static_cast<size_t>(q * (sorted.size() - 1))]; };
  const double load_s = std::chrono::duration<double>(t1 - t0).count();
  const double index_s = std::chrono::duration<double>(t2 - t1).count();
  std::printf("archive: %zu cases, read and scored in %.1f s, indexed in %.1f s\n",
              archive->rows.size(), load_s, index_s);
  std::printf("%d queries, k=%zu: mean %.3f ms, median %.3f ms, p99 %.3f ms, max %.3f ms; "
              "%.0f distances per query; k-th distance %.3f on average; exact against a scan in %d of %d\n",
              queries, k, mean, at(0.5), at(0.99), sorted.back(),
              static_cast<double>(distances) / queries, kth_sum / queries, exact, checked);
  std::printf("{\"cases\":%zu,\"queries\":%d,\"k\":%zu,\"mean_ms\":%.4f,\"median_ms\":%.4f,"
              "\"p99_ms\":%.4f,\"max_ms\":%.4f,\"distances_per_query\":%.1f,"
              "\"load_s\":%.2f,\"index_s\":%.2f,\"exact\":%d,\"checked\":%d}\n",
              archive->rows.size(), queries, k, mean, at(0.5), at(0.99), sorted.back(),
              static_cast<double>(distances) / queries, load_s, index_s, exact, checked);
  return exact == checked ? 0 : 1;
}
