#include "engine/service/audit_log.h"

#include <sqlite3.h>

#include <chrono>
#include <ctime>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/json_writer.h"
#include "rules/canonical.h"

namespace divrisk::service {

namespace {

const std::string kGenesis(64, '0');

constexpr const char* kSchema =
    "CREATE TABLE IF NOT EXISTS audit("
    "seq INTEGER PRIMARY KEY, time TEXT NOT NULL, route TEXT NOT NULL, "
    "case_id TEXT NOT NULL, rule_set_sha256 TEXT NOT NULL, "
    "authority TEXT NOT NULL, deciding_state TEXT NOT NULL, "
    "recommendation TEXT NOT NULL, score TEXT NOT NULL, "
    "input_syntax TEXT NOT NULL, input_sha256 TEXT NOT NULL, input BLOB, "
    "prev_hash TEXT NOT NULL, row_hash TEXT NOT NULL)";

constexpr const char* kColumns =
    "seq, time, route, case_id, rule_set_sha256, authority, deciding_state, "
    "recommendation, score, input_syntax, input_sha256, input, prev_hash, "
    "row_hash";

std::string UtcNow() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t t = std::chrono::system_clock::to_time_t(now);
  const int ms = static_cast<int>(
      std::chrono::duration_cast<std::chrono::milliseconds>(
          now.time_since_epoch()).count() % 1000);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return absl::StrFormat("%04d-%02d-%02dT%02d:%02d:%02d.%03dZ",
                         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                         tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
}

absl::Status SqlError(sqlite3* db, std::string_view what) {
  return absl::InternalError(
      absl::StrCat("audit log: ", std::string(what), ": ", sqlite3_errmsg(db)));
}

std::string Text(sqlite3_stmt* st, int col) {
  const unsigned char* p = sqlite3_column_text(st, col);
  return p ? std::string(reinterpret_cast<const char*>(p),
                         sqlite3_column_bytes(st, col))
           : std::string();
}

// Scalar text of member `key` of `node` ("" when absent or null).
std::string Member(const DocNode& node, std::string_view key) {
  const DocNode* v = node.Find(key);
  return v != nullptr && v->IsScalar() ? v->text : std::string();
}

}  // namespace

absl::Status FillFromAssessmentJson(std::string_view json, AuditRecord* r) {
  absl::StatusOr<DocNode> doc = ParseJson(json);
  if (!doc.ok()) return doc.status();
  r->case_id = Member(*doc, "case_id");
  r->recommendation = Member(*doc, "recommendation");
  r->score = Member(*doc, "score");
  r->rule_set_sha256 = Member(*doc, "rule_set_sha256");
  if (const DocNode* rs = doc->Find("rule_set")) {
    r->rule_set_sha256 = Member(*rs, "sha256");
  }
  if (const DocNode* ds = doc->Find("deciding_state")) {
    r->deciding_state = Member(*ds, "state");
  }
  return absl::OkStatus();
}

std::string AuditRowHash(const AuditRecord& r) {
  std::string fields;
  {
    JsonWriter j(&fields);
    j.Open('[').Int(r.seq).Str(r.time).Str(r.route).Str(r.case_id);
    j.Str(r.rule_set_sha256).Str(r.authority).Str(r.deciding_state);
    j.Str(r.recommendation).Str(r.score).Str(r.input_syntax);
    j.Str(r.input_sha256).Str(r.prev_hash).Close(']');
  }
  return Sha256Hex(fields);
}

AuditLog::AuditLog(sqlite3* db, bool keep_inputs, std::string last_hash)
    : db_(db), keep_inputs_(keep_inputs), last_hash_(std::move(last_hash)) {}

AuditLog::~AuditLog() { sqlite3_close(db_); }

absl::StatusOr<std::unique_ptr<AuditLog>> AuditLog::Open(
    const std::string& path, bool keep_inputs) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db,
                      SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
                          SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    absl::Status s = absl::FailedPreconditionError(absl::StrCat(
        path, ": cannot open the audit log: ",
        db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 5000);
  for (const char* sql : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL",
                          kSchema}) {
    if (sqlite3_exec(db, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
      absl::Status s = absl::FailedPreconditionError(
          absl::StrCat(path, ": ", sqlite3_errmsg(db)));
      sqlite3_close(db);
      return s;
    }
  }
  std::string last = kGenesis;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT row_hash FROM audit ORDER BY seq DESC LIMIT 1",
                         -1, &st, nullptr) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW) {
    last = Text(st, 0);
  }
  sqlite3_finalize(st);
  return std::unique_ptr<AuditLog>(new AuditLog(db, keep_inputs, last));
}

absl::Status AuditLog::Append(std::span<AuditRecord> records) {
  if (records.empty()) return absl::OkStatus();
  std::lock_guard<std::mutex> lock(mutex_);
  if (sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) !=
      SQLITE_OK) {
    return SqlError(db_, "begin");
  }
  sqlite3_stmt* last = nullptr;
  int64_t seq = 0;
  std::string prev = last_hash_;
  // Another writer may have appended since (two servers on one log).
  if (sqlite3_prepare_v2(db_, "SELECT seq, row_hash FROM audit ORDER BY seq DESC LIMIT 1",
                         -1, &last, nullptr) == SQLITE_OK &&
      sqlite3_step(last) == SQLITE_ROW) {
    seq = sqlite3_column_int64(last, 0);
    prev = Text(last, 1);
  }
  sqlite3_finalize(last);
  sqlite3_stmt* st = nullptr;
  const std::string insert =
      absl::StrCat("INSERT INTO audit(", kColumns,
                   ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  if (sqlite3_prepare_v2(db_, insert.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
    return SqlError(db_, "prepare");
  }
  const std::string time = UtcNow();
  absl::Status status;
  for (AuditRecord& r : records) {
    r.seq = ++seq;
    r.time = time;
    r.prev_hash = prev;
    if (!keep_inputs_) r.input.reset();
    r.row_hash = AuditRowHash(r);
    prev = r.row_hash;
    const std::string* text[] = {&r.time, &r.route, &r.case_id,
                                 &r.rule_set_sha256, &r.authority,
                                 &r.deciding_state, &r.recommendation,
                                 &r.score, &r.input_syntax, &r.input_sha256};
    sqlite3_bind_int64(st, 1, r.seq);
    for (int i = 0; i < 10; ++i) {
      sqlite3_bind_text(st, i + 2, text[i]->data(),
                        static_cast<int>(text[i]->size()), SQLITE_STATIC);
    }
    if (r.input) {
      sqlite3_bind_blob(st, 12, r.input->data(),
                        static_cast<int>(r.input->size()), SQLITE_STATIC);
    } else {
      sqlite3_bind_null(st, 12);
    }
    sqlite3_bind_text(st, 13, r.prev_hash.data(),
                      static_cast<int>(r.prev_hash.size()), SQLITE_STATIC);
    sqlite3_bind_text(st, 14, r.row_hash.data(),
                      static_cast<int>(r.row_hash.size()), SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
      status = SqlError(db_, "insert");
      break;
    }
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (status.ok() &&
      sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK) {
    last_hash_ = prev;
    return status;
  }
  if (status.ok()) status = SqlError(db_, "commit");
  sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
  return status;
}

absl::Status ForEachAuditRow(
    const std::string& path,
    const std::function<bool(const AuditRecord&)>& fn) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) !=
      SQLITE_OK) {
    absl::Status s = absl::NotFoundError(absl::StrCat(
        path, ": cannot open the audit log: ",
        db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  const std::string select =
      absl::StrCat("SELECT ", kColumns, " FROM audit ORDER BY seq");
  if (sqlite3_prepare_v2(db, select.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    absl::Status s = absl::InvalidArgumentError(
        absl::StrCat(path, ": not an audit log: ", sqlite3_errmsg(db)));
    sqlite3_close(db);
    return s;
  }
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    AuditRecord r;
    r.seq = sqlite3_column_int64(st, 0);
    std::string* text[] = {&r.time, &r.route, &r.case_id, &r.rule_set_sha256,
                           &r.authority, &r.deciding_state, &r.recommendation,
                           &r.score, &r.input_syntax, &r.input_sha256};
    for (int i = 0; i < 10; ++i) *text[i] = Text(st, i + 1);
    if (sqlite3_column_type(st, 11) != SQLITE_NULL) {
      const void* blob = sqlite3_column_blob(st, 11);
      r.input = std::string(static_cast<const char*>(blob),
                            sqlite3_column_bytes(st, 11));
    }
    r.prev_hash = Text(st, 12);
    r.row_hash = Text(st, 13);
    if (!fn(r)) break;
  }
  absl::Status s = rc == SQLITE_ROW || rc == SQLITE_DONE
                       ? absl::OkStatus()
                       : SqlError(db, "read");
  sqlite3_finalize(st);
  sqlite3_close(db);
  return s;
}

absl::StatusOr<ChainCheck> CheckChain(const std::string& path) {
  ChainCheck check;
  std::string prev = kGenesis;
  int64_t expected_seq = 1;
  absl::Status s = ForEachAuditRow(path, [&](const AuditRecord& r) {
    ++check.rows;
    std::string problem;
    if (r.seq != expected_seq) {
      problem = absl::StrCat("expected row ", expected_seq, ", found row ",
                             r.seq, " (a row was deleted or inserted)");
    } else if (r.prev_hash != prev) {
      problem = "its prev_hash is not the row_hash of the row before";
    } else if (AuditRowHash(r) != r.row_hash) {
      problem = "its fields do not match its row_hash (the row was changed)";
    } else if (r.input && Sha256Hex(*r.input) != r.input_sha256) {
      problem = "its stored input does not match its input_sha256";
    }
    if (!problem.empty()) {
      check.first_bad_seq = r.seq;
      check.problem = std::move(problem);
      return false;
    }
    prev = r.row_hash;
    ++expected_seq;
    return true;
  });
  if (!s.ok()) return s;
  return check;
}

}  // namespace divrisk::service
