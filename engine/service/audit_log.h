// AuditLog: every assessment the service serves, in SQLite (WAL), so that
// any decision can be reproduced later: the time, the case id, the rule
// set's SHA-256, the deciding state, the recommendation, the score and the
// SHA-256 of the exact input bytes (and, when kept, the bytes themselves).
//
// The rows form a chain: each row's hash covers its fields, its input's
// hash and the hash of the row before it, so a row changed, inserted or
// deleted after the fact breaks the chain from that row on (CheckChain).
//
//   audit(seq INTEGER PRIMARY KEY, time TEXT, route TEXT, case_id TEXT,
//         rule_set_sha256 TEXT, authority TEXT, deciding_state TEXT,
//         recommendation TEXT, score TEXT, input_syntax TEXT,
//         input_sha256 TEXT, input BLOB, prev_hash TEXT, row_hash TEXT)

#ifndef DIVRISK_ENGINE_SERVICE_AUDIT_LOG_H_
#define DIVRISK_ENGINE_SERVICE_AUDIT_LOG_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

struct sqlite3;

namespace divrisk::service {

struct AuditRecord {
  int64_t seq = 0;  // set by the log
  std::string time;  // UTC, "2026-12-08T01:02:03.456Z"; set by the log
  std::string route;  // "assess" or "batch"
  std::string case_id;
  std::string rule_set_sha256;
  std::string authority;       // ?authority=, or empty
  std::string deciding_state;  // ISO code, or empty when undetermined
  std::string recommendation;
  std::string score;           // as in the assessment JSON: 41.2500
  std::string input_syntax;    // "json" or "yaml"
  std::string input_sha256;
  std::optional<std::string> input;  // the exact bytes, when kept
  std::string prev_hash;  // set by the log
  std::string row_hash;   // set by the log
};

// The fields of an assessment (its JSON, full or summary) for a record:
// case_id, rule_set_sha256, deciding_state, recommendation, score.
absl::Status FillFromAssessmentJson(std::string_view json, AuditRecord* r);

// The hash a row must carry, given the hash of the row before it.
std::string AuditRowHash(const AuditRecord& r);

class AuditLog {
 public:
  // Opens (creating when absent) the log at `path`; `keep_inputs` stores
  // each input's bytes as well as their hash.
  static absl::StatusOr<std::unique_ptr<AuditLog>> Open(const std::string& path,
                                                        bool keep_inputs);
  ~AuditLog();

  // Appends the records in one transaction, chained after the last row.
  absl::Status Append(std::span<AuditRecord> records);

 private:
  AuditLog(sqlite3* db, bool keep_inputs, std::string last_hash);
  std::mutex mutex_;
  sqlite3* db_;
  bool keep_inputs_;
  std::string last_hash_;
};

// Reads the rows of the log at `path` in order (read-only).
absl::Status ForEachAuditRow(const std::string& path,
                             const std::function<bool(const AuditRecord&)>& fn);

struct ChainCheck {
  int64_t rows = 0;
  int64_t first_bad_seq = 0;  // 0: the chain holds
  std::string problem;
};
absl::StatusOr<ChainCheck> CheckChain(const std::string& path);

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_AUDIT_LOG_H_
