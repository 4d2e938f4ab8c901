#include "engine/output/sqlite_writer.h"

#include <sqlite3.h>

#include "absl/strings/str_cat.h"
#include "engine/doc/json_text.h"
#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS rule_sets (
  sha256  TEXT PRIMARY KEY,
  name    TEXT NOT NULL,
  version TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS assessments (
  case_id         TEXT NOT NULL,
  rule_set_sha256 TEXT NOT NULL REFERENCES rule_sets(sha256),
  line            INTEGER NOT NULL,
  score           REAL NOT NULL,
  score_min       REAL NOT NULL,
  score_max       REAL NOT NULL,
  band            TEXT NOT NULL,
  recommendation  TEXT NOT NULL,
  hard_stops      TEXT NOT NULL,
  PRIMARY KEY (case_id, rule_set_sha256)
);
CREATE TABLE IF NOT EXISTS contributions (
  case_id         TEXT NOT NULL,
  rule_set_sha256 TEXT NOT NULL,
  indicator       TEXT NOT NULL,
  contribution    REAL NOT NULL,
  PRIMARY KEY (case_id, rule_set_sha256, indicator)
);
)sql";

double Real(int64_t q) { return static_cast<double>(q) / kScoreUnits; }

}  // namespace

SqliteWriter::~SqliteWriter() {
  for (sqlite3_stmt* s :
       {delete_contributions_, insert_assessment_, insert_contribution_}) {
    sqlite3_finalize(s);
  }
  if (db_ != nullptr) sqlite3_close(db_);  // an open transaction rolls back
}

absl::Status SqliteWriter::Error(const std::string& what) const {
  return absl::DataLossError(
      absl::StrCat(path_, ": ", what, ": ", sqlite3_errmsg(db_)));
}

absl::Status SqliteWriter::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Error("SQL failed");
  }
  return absl::OkStatus();
}

absl::Status SqliteWriter::Open(const std::string& path, const Plan& plan) {
  path_ = path;
  plan_ = &plan;
  if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) return Error("cannot open");
  // The schema inside the run's transaction: a failed run changes nothing.
  if (absl::Status s = Exec("BEGIN IMMEDIATE"); !s.ok()) return s;
  if (absl::Status s = Exec(kSchema); !s.ok()) return s;
  sqlite3_stmt* rule_set = nullptr;
  const char* sql[] = {
      "INSERT OR REPLACE INTO rule_sets VALUES (?1, ?2, ?3)",
      "DELETE FROM contributions WHERE case_id = ?1 AND rule_set_sha256 = ?2",
      "INSERT OR REPLACE INTO assessments VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)",
      "INSERT INTO contributions VALUES (?1, ?2, ?3, ?4)"};
  sqlite3_stmt** out[] = {&rule_set, &delete_contributions_,
                          &insert_assessment_, &insert_contribution_};
  for (int i = 0; i < 4; ++i) {
    if (sqlite3_prepare_v2(db_, sql[i], -1, out[i], nullptr) != SQLITE_OK) {
      return Error("cannot prepare");
    }
  }
  sqlite3_bind_text(rule_set, 1, plan.sha256.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(rule_set, 2, plan.name.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(rule_set, 3, plan.version.c_str(), -1, SQLITE_TRANSIENT);
  const int rc = sqlite3_step(rule_set);
  sqlite3_finalize(rule_set);
  return rc == SQLITE_DONE ? absl::OkStatus() : Error("cannot insert");
}

void SqliteWriter::Add(
    uint64_t line, const std::string& case_id, const CaseResult& result,
    const std::vector<std::pair<std::string, int64_t>>& contributions) {
  if (!first_error_.empty()) return;
  const std::string& sha = plan_->sha256;
  // A JSON array of gate ids, escaped: an id is the rule set's text.
  std::string stops = "[";
  for (const GateHit& hit : result.gates) {
    if (stops.size() > 1) stops.push_back(',');
    AppendJsonString(plan_->gates[hit.gate].id, &stops);
  }
  stops.push_back(']');
  auto step = [&](sqlite3_stmt* s) {
    if (sqlite3_step(s) != SQLITE_DONE && first_error_.empty()) {
      first_error_ = sqlite3_errmsg(db_);
    }
    sqlite3_reset(s);
  };
  sqlite3_bind_text(delete_contributions_, 1, case_id.data(),
                    static_cast<int>(case_id.size()), SQLITE_STATIC);
  sqlite3_bind_text(delete_contributions_, 2, sha.c_str(), -1, SQLITE_STATIC);
  step(delete_contributions_);
  sqlite3_stmt* a = insert_assessment_;
  sqlite3_bind_text(a, 1, case_id.data(),
                    static_cast<int>(case_id.size()), SQLITE_STATIC);
  sqlite3_bind_text(a, 2, sha.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(a, 3, static_cast<sqlite3_int64>(line));
  sqlite3_bind_double(a, 4, Real(result.score_q));
  sqlite3_bind_double(a, 5, Real(result.min_q));
  sqlite3_bind_double(a, 6, Real(result.max_q));
  sqlite3_bind_text(a, 7, plan_->bands[result.band].id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(a, 8, EnumWord(result.recommendation), -1, SQLITE_STATIC);
  sqlite3_bind_text(a, 9, stops.c_str(), -1, SQLITE_STATIC);
  step(a);
  for (const auto& [indicator, q] : contributions) {
    sqlite3_stmt* c = insert_contribution_;
    sqlite3_bind_text(c, 1, case_id.data(),
                    static_cast<int>(case_id.size()), SQLITE_STATIC);
    sqlite3_bind_text(c, 2, sha.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_text(c, 3, indicator.c_str(), -1, SQLITE_STATIC);
    sqlite3_bind_double(c, 4, Real(q));
    step(c);
  }
}

absl::Status SqliteWriter::Commit() {
  if (!first_error_.empty()) {
    return absl::DataLossError(absl::StrCat(path_, ": ", first_error_,
                                            "; the run was not written"));
  }
  return Exec("COMMIT");
}

}  // namespace divrisk
