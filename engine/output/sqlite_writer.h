// SqliteWriter: batch results into a SQLite database, so that an analyst can
// query an archive with SQL and keep runs of several rule sets side by side.
//
// Schema (created if absent; documented in README.md):
//   rule_sets(sha256 PRIMARY KEY, name, version)
//   assessments(case_id, rule_set_sha256, line, score, score_min,
//               score_max, band, recommendation, hard_stops,
//               PRIMARY KEY (case_id, rule_set_sha256))
//   contributions(case_id, rule_set_sha256, indicator, contribution,
//                 PRIMARY KEY (case_id, rule_set_sha256, indicator))
// Scores are REAL with four decimals, as in the JSON output. A run writes
// inside one transaction: it appears whole at Commit() or not at all, and
// replaces an earlier run of the same rule set over the same case ids.

#ifndef DIVRISK_ENGINE_OUTPUT_SQLITE_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_SQLITE_WRITER_H_

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "engine/scoring/executor.h"
#include "rules/plan.h"

struct sqlite3;
struct sqlite3_stmt;

namespace divrisk {

class SqliteWriter {
 public:
  SqliteWriter() = default;
  ~SqliteWriter();
  SqliteWriter(const SqliteWriter&) = delete;
  SqliteWriter& operator=(const SqliteWriter&) = delete;

  // Opens (or creates) the database, the schema and a transaction.
  absl::Status Open(const std::string& path, const Plan& plan);
  // Adds one assessment; errors are remembered and reported by Commit().
  void Add(uint64_t line, const std::string& case_id, const CaseResult& result,
           const std::vector<std::pair<std::string, int64_t>>& contributions);
  // Commits the run's transaction.
  absl::Status Commit();

 private:
  absl::Status Exec(const char* sql);
  absl::Status Error(const std::string& what) const;

  const Plan* plan_ = nullptr;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* delete_contributions_ = nullptr;
  sqlite3_stmt* insert_assessment_ = nullptr;
  sqlite3_stmt* insert_contribution_ = nullptr;
  std::string path_;
  std::string first_error_;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_SQLITE_WRITER_H_
