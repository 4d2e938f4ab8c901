// RuleDiff: re-scores one archive under two rule sets and reports what the
// change changes: cases that changed score, band or recommendation, the
// transition matrix of recommendations (old x new), the cases that moved
// most with the indicators that moved them, and both score distributions.
// This is how an authority backtests a rule change before adopting it.

#ifndef DIVRISK_ENGINE_BATCH_RULE_DIFF_H_
#define DIVRISK_ENGINE_BATCH_RULE_DIFF_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "engine/batch/line_reader.h"
#include "rules/plan.h"

namespace divrisk {

// The scores of one rule set over the archive, in memory flat in its size.
struct ScoreDistribution {
  uint64_t count = 0;
  int64_t sum_q = 0;
  int64_t min_q = 0;
  int64_t max_q = 0;
  std::vector<uint64_t> per_band;     // by the rule set's bands
  std::vector<uint64_t> per_point;    // histogram, one bucket per point

  void Add(int64_t score_q, int band);
  double Mean() const;
  // The score below which a fraction `p` of cases lies, to one point.
  double Quantile(double p) const;
};

struct CaseMove {
  uint64_t line = 0;
  std::string case_id;
  int64_t old_q = 0, new_q = 0;
  int old_band = 0, new_band = 0;
  Recommendation old_recommendation = Recommendation::kApprove;
  Recommendation new_recommendation = Recommendation::kApprove;
  // Indicator (or mitigation:x) -> new contribution minus old, non-zero
  // only, largest change first.
  std::vector<std::pair<std::string, int64_t>> deltas;
};

struct DiffReport {
  uint64_t read = 0, scored = 0, rejected = 0;
  uint64_t changed_score = 0, changed_band = 0, changed_recommendation = 0;
  std::array<std::array<uint64_t, 4>, 4> transitions{};  // [old][new]
  std::vector<CaseMove> top_moves;  // largest |new - old| first
  ScoreDistribution old_scores, new_scores;
};

struct DiffOptions {
  int threads = 1;
  size_t top = 10;             // how many of the largest moves to keep
  size_t chunk_lines = 4096;
  size_t max_line_bytes = 1 << 20;
};

// Cases are read with the new rule set's country table; a line it rejects
// is counted as rejected under both. Duplicate case ids are rejected after
// the first, as in batch.
absl::Status DiffRuleSets(const Plan& old_plan, const Plan& new_plan,
                          InputSource& input, const DiffOptions& options,
                          DiffReport* report);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_RULE_DIFF_H_
