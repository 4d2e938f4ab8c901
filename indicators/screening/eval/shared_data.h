// The screening data set of ../shared/data/screening (its PROVENANCE.md),
// by file name: the published lists with their as-of dates and the labelled
// files the evaluation reads. Only the evaluation tools (`divrisk
// screen-eval`, the accuracy test, the screening benchmark) know these
// names; the product library (divrisk_screening) reads whatever lists a
// rule set declares and knows no test-data file.

#ifndef DIVRISK_INDICATORS_SCREENING_EVAL_SHARED_DATA_H_
#define DIVRISK_INDICATORS_SCREENING_EVAL_SHARED_DATA_H_

#include <string>
#include <vector>

#include "indicators/screening/loaders.h"

namespace divrisk::screening {

// The lists under `dir` (the screening data folder), with their as-of dates:
// UN SC 2026-02-27, OFAC SDN 2022-01-31 (sdn+add+alt), OFAC SDN 2024-05-03
// (primary only), OFAC non-SDN 2025-12-19, BIS DPL 2022-09, CSL 2019 and
// 2025 samples. The UN list comes first.
std::vector<ListSpec> SharedDataLists(const std::string& dir);

// The labelled files under `dir` (evaluation.h says what each holds).
struct SharedEvalFiles {
  std::string name_pairs;          // nomenklatura name_bench, 826 pairs
  std::string logicv2_scores;      // logic-v2's frozen predictions
  std::string un_untreated;        // yente UN positives as listed
  std::string un_treated;          // the same with typos and reorderings
  std::string negatives_global;    // yente synthetic non-listed persons
  std::string negatives_us;
  std::string cross_script_pairs;  // watchman
};
SharedEvalFiles SharedEvalFilesIn(const std::string& dir);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_EVAL_SHARED_DATA_H_
