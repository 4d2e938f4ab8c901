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

// A case that one rule set scores and the other rejects (its reference data
// differ: a country dropped from the table, for example).
struct OneSidedCase {
  uint64_t line = 0;
  std::string case_id;
  bool rejected_by_new = false;  // else by the old rule set
  std::string error;             // the first reason, "line:col: path: message"
};

struct DiffReport {
  // Row and column of `transitions` for the cases a rule set rejects.
  static constexpr int kRejected = 4;

  // read = scored + rejected + rejected_old_only + rejected_new_only.
  uint64_t read = 0;
  uint64_t scored = 0;             // by both rule sets
  uint64_t rejected = 0;           // by both (not a case, a repeated id, ...)
  uint64_t rejected_old_only = 0;  // scored under the new rule set only
  uint64_t rejected_new_only = 0;  // scored under the old rule set only
  // Over the cases scored by both.
  uint64_t changed_score = 0, changed_band = 0, changed_recommendation = 0;
  // [old][new] by Recommendation, kRejected for a rejected case; every line
  // read is in exactly one cell.
  std::array<std::array<uint64_t, 5>, 5> transitions{};
  std::vector<CaseMove> top_moves;  // largest |new - old| first
  std::vector<OneSidedCase> one_sided;  // the first `top`, in input order
  // Each over the cases its rule set scored.
  ScoreDistribution old_scores, new_scores;
};

struct DiffOptions {
  int threads = 1;
  size_t top = 10;  // how many of the largest moves (and one-sided cases)
  size_t chunk_lines = 4096;
  size_t max_line_bytes = 1 << 20;
};

// Each line is read twice, with each rule set's reference data (country
// table, ...): a case that only one of them accepts is counted on its side
// (rejected_old_only, rejected_new_only, the kRejected row or column of
// the transitions, one_sided), never as unchanged. Duplicate case ids are
// rejected under both after the first, as in batch.
absl::Status DiffRuleSets(const Plan& old_plan, const Plan& new_plan,
                          InputSource& input, const DiffOptions& options,
                          DiffReport* report);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_RULE_DIFF_H_
