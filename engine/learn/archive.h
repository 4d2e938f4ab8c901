// Archive: a JSON Lines archive of past cases, read once, scored with the
// rule set, and kept compact in memory for calibration, precedents and the
// intermediary network.
//
// Each valid line becomes one row: its indicator values (the Executor's X,
// NaN where the facts are unknown), its decision and outcome, what it
// recommends under the rule set, its destination, goods and the keys of its
// intermediaries, carriers and vehicles (party_keys.h), interned. Invalid
// lines are counted and their first errors kept; they never stop a run.
// Rows keep archive order; a case id seen before is rejected.

#ifndef DIVRISK_ENGINE_LEARN_ARCHIVE_H_
#define DIVRISK_ENGINE_LEARN_ARCHIVE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "absl/container/flat_hash_map.h"
#include "absl/status/statusor.h"
#include "engine/model/case.h"
#include "rules/plan.h"

namespace divrisk::learn {

using FloatRows =
    Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct ArchiveRow {
  std::string id;
  uint64_t line = 0;
  Date assessed_on;
  std::optional<Decision> decision;
  DiversionFound diversion = DiversionFound::kUnknown;  // no outcome: unknown
  CountryCode destination;  // the end user's country
  uint64_t goods = 0;       // bit i: GoodsCategory i is among the goods
  Recommendation recommendation = Recommendation::kApprove;
  int64_t score_q = 0;
  uint32_t exporter = 0;    // interned principal keys (Archive::names)
  uint32_t end_user = 0;
  uint32_t keys_begin = 0;  // its intermediary keys: Archive::key_ids
  uint32_t keys_end = 0;

  // Refused, or found diverted after delivery.
  bool Adverse() const {
    return decision == Decision::kRefused || diversion == DiversionFound::kYes;
  }
};

struct Archive {
  std::vector<ArchiveRow> rows;
  FloatRows values;  // rows x indicators; NaN = unknown
  // Interned strings: principal names and intermediary keys share one table.
  std::vector<std::string> names;
  absl::flat_hash_map<std::string, uint32_t> name_ids;
  std::vector<uint32_t> key_ids;       // flat, sliced by ArchiveRow::keys_*
  std::vector<std::string> key_shown;  // per key_ids entry: as the case wrote it
  std::vector<std::string> key_path;   // per key_ids entry: its field path
  uint64_t read = 0;                   // lines read
  uint64_t rejected = 0;               // lines not valid cases
  std::vector<std::string> first_errors;  // "file:line:col: path: message"

  uint32_t Intern(const std::string& s);
  // The id of `s`, or -1 when the archive never names it.
  int64_t Find(const std::string& s) const;
};

struct ArchiveOptions {
  int threads = 0;  // parse and score on this many threads; 0: all cores
  bool keep_keys = true;  // intermediary keys (similar, network, precedents)
};

// Reads and scores `path` (a JSON Lines file) with `plan`. Fails only when
// the file cannot be read.
absl::StatusOr<Archive> LoadArchive(const Plan& plan, const std::string& path,
                                    const ArchiveOptions& options);

// The goods bit mask of a case (ArchiveRow::goods).
uint64_t GoodsMask(const Case& c);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_ARCHIVE_H_
