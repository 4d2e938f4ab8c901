// Accuracy of screening, measured on data no one here wrote
// (shared/data/screening, see its PROVENANCE.md; the file names are in
// shared_data.h). Used by `divrisk screen-eval` and the accuracy tests; a
// tool of its own (divrisk_screening_eval), not part of the product
// library.
//
//  - Labelled name pairs (nomenklatura name_bench, 826 pairs): precision,
//    recall and F1 of "score >= possible" (and of "score >= hit"); the same
//    for OpenSanctions logic-v2's frozen predictions on the pairs it scored
//    (812), and ours on those 812.
//  - UN positives (yente, 683 UN-listed persons as written on the list, and
//    with typos and reorderings): screened against the UN list alone, with
//    their nationality; found when the expected entry (the one the
//    untreated name names exactly) is returned at or above `possible`.
//    Rows whose untreated name is on no entry of this edition of the list
//    are left out and counted.
//  - Negatives (yente, 1,000 global and 1,000 US synthetic persons designed
//    not to match): screened against all lists together, with their
//    nationality; a false positive is any match at or above `possible`.
//  - Cross-script pairs (watchman, 22): matched when the two names score at
//    or above `possible`.
//  - Disguises (disguise.h): every strong Latin-script name of every UN
//    entry, screened against the UN list alone (with its entity type, no
//    country) as written (clean recall) and under each of the nine
//    disguises (disguised recall, over all names times disguises); found
//    when its entry comes back at or above `possible`.

#ifndef DIVRISK_INDICATORS_SCREENING_EVAL_EVALUATION_H_
#define DIVRISK_INDICATORS_SCREENING_EVAL_EVALUATION_H_

#include <array>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "indicators/screening/eval/disguise.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {

struct Confusion {
  int tp = 0, fp = 0, fn = 0, tn = 0;
  double Precision() const;
  double Recall() const;
  double F1() const;
};

struct EvalReport {
  std::string dir;
  ScreeningParams params;
  // Lists.
  size_t all_entries = 0, all_names = 0, un_entries = 0;
  double all_build_seconds = 0, un_build_seconds = 0, load_seconds = 0;
  // Name pairs.
  Confusion pairs, pairs_hit, pairs_on_logicv2, logicv2;
  std::vector<std::string> pairs_wrong;  // "FN 0.71 schema: a / b"
  // UN positives.
  int un_total = 0, un_unresolved = 0;
  int untreated_found = 0, untreated_hit = 0;
  int treated_found = 0, treated_hit = 0;
  std::vector<std::string> treated_missed;
  // Negatives.
  int global_total = 0, global_flagged = 0, global_hit = 0;
  int us_total = 0, us_flagged = 0, us_hit = 0;
  std::vector<std::string> negatives_flagged;  // "query -> entry name"
  // Cross-script.
  int cross_total = 0, cross_matched = 0;
  std::vector<std::string> cross_missed;
  // Disguises of UN-listed names.
  int disguise_names = 0, disguise_clean_found = 0;
  int disguise_queries = 0, disguise_found = 0, disguise_flagged = 0;
  std::array<int, kDisguiseKinds> disguise_kind_found{};
  std::vector<std::string> disguise_missed;  // "kind: name"
  double seconds = 0;

  double DisguiseCleanRecall() const;
  double DisguisedRecall() const;

  double UnRecallUntreated() const;
  double UnRecallTreated() const;
  double FalsePositiveRate() const;
};

// Runs every measurement on the files under `dir`.
absl::StatusOr<EvalReport> RunScreeningEval(const std::string& dir,
                                            const ScreeningParams& params = {});

// The human-readable table; with `details`, also every pair, positive and
// negative that went wrong.
std::string FormatEvalTable(const EvalReport& r, bool details);

// One line of JSON: pairs_f1, logicv2_f1, un_recall_untreated,
// un_recall_treated, false_positive_rate, cross_script_matched,
// cross_script_total, disguised_recall.
std::string EvalJson(const EvalReport& r);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_EVAL_EVALUATION_H_
