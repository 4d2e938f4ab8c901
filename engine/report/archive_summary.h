// ArchiveSummary: an archive of results aggregated in one streaming pass,
// for the dashboard page (`divrisk report --batch`). Reads the lines of
// `divrisk batch --output full|summary` (one result per line), or the one
// object of `divrisk diff --format json`, and keeps only counts: memory does
// not grow with the number of results, except for the destinations and the
// intermediaries, one entry per distinct one.
//
// The results carry no route or parties; with the case archive the batch
// read (the same lines, in the same order, rejected ones included) the
// destinations and the intermediaries are joined in by case id as both are
// read.

#ifndef DIVRISK_ENGINE_REPORT_ARCHIVE_SUMMARY_H_
#define DIVRISK_ENGINE_REPORT_ARCHIVE_SUMMARY_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"

namespace divrisk {

class InputSource;  // engine/batch/line_reader.h

// How often an indicator moved a score, with its facts known or not.
struct IndicatorTally {
  uint64_t known = 0;
  uint64_t unknown = 0;
  uint64_t unstated = 0;  // summary output: whether known is not written
  int64_t points_q = 0;   // sum of its contributions
  uint64_t total() const { return known + unknown + unstated; }
};

// The cases of one destination or one intermediary.
struct RiskTally {
  uint64_t cases = 0;
  uint64_t refer_or_refuse = 0;
  int64_t score_sum_q = 0;
};

// What `divrisk diff --format json` says, as the dashboard shows it.
struct DiffSummary {
  std::string old_rule_set, new_rule_set;  // "name version (sha256)"
  uint64_t read = 0, scored = 0, rejected = 0;
  uint64_t rejected_old_only = 0, rejected_new_only = 0;
  uint64_t changed_score = 0, changed_band = 0, changed_recommendation = 0;
  std::vector<std::string> outcomes;          // rows and columns, in order
  std::vector<std::vector<uint64_t>> transitions;  // [old][new]
  struct Move {
    std::string case_id;
    std::string old_score, new_score, delta;  // as the diff writes them
    std::string old_outcome, new_outcome;     // "band/recommendation"
    std::vector<std::string> indicators;      // "+4.0000 GC-1.portable"
  };
  std::vector<Move> top_moves;
};

struct ArchiveSummary {
  bool is_diff = false;
  DiffSummary diff;

  uint64_t lines = 0;      // lines read
  uint64_t results = 0;    // lines that are results
  uint64_t bad_lines = 0;  // neither a result nor blank
  std::string first_bad;   // "line N: why"
  // rule set "name version (sha256:...)" (--output full), or its sha256
  // alone (summary) -> results.
  std::map<std::string, uint64_t> rule_sets;
  std::map<std::string, uint64_t> recommendations;
  std::map<std::string, uint64_t> bands;
  absl::flat_hash_map<std::string, int64_t> band_score_sum_q;  // to order bands
  uint64_t with_hard_stop = 0;
  std::map<std::string, uint64_t> gates;
  // Scores by whole point: [0] holds 0 and below, the last kMaxPoint and up.
  static constexpr int kMaxPoint = 200;
  std::array<uint64_t, kMaxPoint + 1> per_point{};
  int64_t score_sum_q = 0;
  absl::flat_hash_map<std::string, IndicatorTally> indicators;
  absl::flat_hash_map<std::string, uint64_t> conditions;  // mitigation:x

  // From the case archive, when given.
  bool joined = false;
  uint64_t joined_cases = 0;
  std::string join_problem;  // why the join stopped, or empty
  absl::flat_hash_map<std::string, RiskTally> destinations;   // "GH"
  absl::flat_hash_map<std::string, RiskTally> intermediaries; // "name|CC|role"

  double seconds = 0;  // time to aggregate (not on the page: same bytes)
};

// Aggregates `results` (and joins `cases` when not null) into `summary`.
// Fails only when nothing in the input is a result or a diff; lines that
// are neither are counted and the first is described.
absl::Status SummariseArchive(InputSource& results, InputSource* cases,
                              ArchiveSummary* summary);
// The same over files: `cases_path` may be empty.
absl::Status SummariseArchiveFiles(const std::string& results_path,
                                   const std::string& cases_path,
                                   ArchiveSummary* summary);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_ARCHIVE_SUMMARY_H_
