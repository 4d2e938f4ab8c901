// Heap allocations per case on the batch's hot path: a chunk of generated
// lines parsed, scored and written by ChunkScorer on one thread, with a
// counting operator new. The first chunks warm the per-thread caches and
// reused storage (as a long batch does); the chunks after them are counted.
//
//   build/bench/allocations_per_case [--cases-per-chunk N] [--chunks N]

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#include "bench/bench_cases.h"
#include "engine/batch/chunk_scorer.h"
#include "engine/batch/line_parser.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/generate/broken_lines.h"

namespace {

size_t g_allocations = 0;
size_t g_bytes = 0;

}  // namespace

void* operator new(size_t size) {
  ++g_allocations;
  g_bytes += size;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace divrisk::bench {
namespace {

// The same steps as ChunkScorer, counted apart: parsing a line into a
// Case, scoring the chunk, explaining and writing each case.
void Phases(const Plan& plan, const std::vector<std::vector<InputLine>>& input) {
  Executor executor(plan);
  BatchScores scores;
  std::vector<Case> cases;
  std::vector<std::string> errors;
  std::string out;
  size_t parse = 0, score = 0, summary = 0, full = 0, n = 0;
  for (size_t c = 0; c < input.size(); ++c) {
    const bool counted = c >= 2;
    cases.resize(input[c].size());
    size_t before = g_allocations;
    for (size_t i = 0; i < cases.size(); ++i) {
      ParseInputLine(input[c][i], *plan.reference, 1 << 20, &cases[i], &errors);
    }
    if (counted) parse += g_allocations - before;
    before = g_allocations;
    executor.Score(cases, &scores);
    if (counted) score += g_allocations - before;
    for (size_t i = 0; i < cases.size(); ++i) {
      before = g_allocations;
      out.clear();
      AppendSummaryJson(plan, Explain(plan, cases[i], scores, i, Detail::kSummary),
                        &out);
      if (counted) summary += g_allocations - before;
      before = g_allocations;
      out.clear();
      AppendAssessmentJson(plan, Explain(plan, cases[i], scores, i, Detail::kFull),
                           &out);
      if (counted) full += g_allocations - before;
    }
    if (counted) n += cases.size();
  }
  const double d = static_cast<double>(n);
  std::printf("per case: parse %.1f, score %.1f, explain+write summary %.1f, "
              "full %.1f\n",
              static_cast<double>(parse) / d, static_cast<double>(score) / d,
              static_cast<double>(summary) / d, static_cast<double>(full) / d);
}

// Each kernel's allocations per case over the last chunk, the most first
// (contexts fresh: the first kernel to ask pays for what is shared).
void Kernels(const Plan& plan, const std::vector<InputLine>& lines) {
  std::vector<Case> cases(lines.size());
  std::vector<std::string> errors;
  for (size_t i = 0; i < cases.size(); ++i) {
    ParseInputLine(lines[i], *plan.reference, 1 << 20, &cases[i], &errors);
  }
  std::vector<CaseContext> contexts(cases.size());
  for (size_t i = 0; i < cases.size(); ++i) contexts[i].Reset(cases[i]);
  std::vector<double> column(cases.size());
  std::vector<std::pair<size_t, std::string>> counts;
  for (const IndicatorSpec& spec : plan.indicators) {
    const size_t before = g_allocations;
    spec.kernel->EvaluateBatch(contexts, column);
    counts.emplace_back(g_allocations - before,
                        spec.id + " (" + spec.kernel_name + ")");
  }
  std::sort(counts.rbegin(), counts.rend());
  for (size_t i = 0; i < counts.size() && counts[i].first > 0; ++i) {
    std::printf("  %6.2f %s\n",
                static_cast<double>(counts[i].first) /
                    static_cast<double>(cases.size()),
                counts[i].second.c_str());
  }
}

int Run(size_t per_chunk, size_t chunks) {
  const Plan& plan = DefaultPlan();
  GeneratedLines generated(*plan.reference, 7, 0.0);
  std::vector<std::vector<InputLine>> input(chunks + 2);
  uint64_t number = 0;
  for (std::vector<InputLine>& chunk : input) {
    chunk.resize(per_chunk);
    for (InputLine& line : chunk) {
      generated.Next(&line.text);
      line.number = ++number;
    }
  }
  std::printf("output   allocations/case  bytes/case  (%zu chunks of %zu)\n",
              chunks, per_chunk);
  for (BatchOutput output : {BatchOutput::kSummary, BatchOutput::kFull}) {
    ChunkScorer scorer(plan, ChunkOptions{.threads = 1, .output = output});
    std::vector<LineOutcome> outcomes;
    size_t counted = 0, bytes = 0;
    for (size_t c = 0; c < input.size(); ++c) {
      const size_t before = g_allocations, before_bytes = g_bytes;
      scorer.Start(input[c], &outcomes);
      scorer.Wait();
      for (const LineOutcome& o : outcomes) {
        if (!o.ok) std::fprintf(stderr, "rejected: %s\n", o.errors[0].c_str());
      }
      if (c >= 2) {  // two chunks of warm-up
        counted += g_allocations - before;
        bytes += g_bytes - before_bytes;
      }
    }
    const double cases = static_cast<double>(chunks * per_chunk);
    std::printf("%-8s %16.1f %11.0f\n",
                output == BatchOutput::kSummary ? "summary" : "full",
                static_cast<double>(counted) / cases,
                static_cast<double>(bytes) / cases);
  }
  Phases(plan, input);
  Kernels(plan, input.back());
  return 0;
}

}  // namespace
}  // namespace divrisk::bench

int main(int argc, char** argv) {
  size_t per_chunk = 1024, chunks = 4;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const size_t value = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--cases-per-chunk" && value > 0) {
      per_chunk = value;
    } else if (flag == "--chunks" && value > 0) {
      chunks = value;
    } else {
      std::fprintf(stderr, "usage: %s [--cases-per-chunk N] [--chunks N]\n",
                   argv[0]);
      return 2;
    }
  }
  return divrisk::bench::Run(per_chunk, chunks);
}
