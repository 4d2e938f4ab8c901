// The database a batch run writes holds exactly what its JSON output says,
// and a run that is not committed leaves no rows behind.

#include <sqlite3.h>

#include <cstdio>
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/batch/batch_run.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"
#include "engine/output/sqlite_writer.h"
#include "gtest/gtest.h"
#include "tests/engine/batch/example_lines.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;

std::string Archive() {
  std::string out;
  for (const auto& e : fs::directory_iterator(std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    if (e.path().extension() != ".yaml") continue;
    AppendJson(*ParseYaml(*ReadFileToString(e.path().string())), &out);
    out.push_back('\n');
  }
  return out;
}

struct Sink : BatchSink {
  explicit Sink(SqliteWriter* db) : db(db) {}
  void Scored(const InputLine& line, const LineOutcome& o) override {
    json[o.case_id] = o.output;
    db->Add(line.number, o.case_id, o.result, o.contributions);
  }
  void Rejected(const InputLine&, const LineOutcome&) override {}
  SqliteWriter* db;
  std::map<std::string, std::string> json;  // case id -> summary line
};

std::map<std::string, std::string> RunInto(const std::string& db_path,
                                           bool commit) {
  SqliteWriter db;
  EXPECT_TRUE(db.Open(db_path, DefaultPlan()).ok());
  Sink sink(&db);
  const std::string input = Archive();
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  LineReader reader(in, 1 << 20);
  BatchRunOptions options;
  options.chunk.output = BatchOutput::kSummary;
  options.chunk.keep_rows = true;
  options.chunk.threads = 2;
  BatchStats stats;
  EXPECT_TRUE(RunBatch(DefaultPlan(), reader, options, sink, &stats).ok());
  std::fclose(in);
  if (commit) {
    EXPECT_TRUE(db.Commit().ok());
  }
  return sink.json;
}

// Rows of a query, each row's columns joined by '|'.
std::vector<std::string> Query(const std::string& db_path, const std::string& sql) {
  sqlite3* db;
  sqlite3_open(db_path.c_str(), &db);
  sqlite3_stmt* s;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr), SQLITE_OK)
      << sqlite3_errmsg(db);
  std::vector<std::string> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(s); ++c) {
      const unsigned char* t = sqlite3_column_text(s, c);
      absl::StrAppend(&row, c ? "|" : "", t ? reinterpret_cast<const char*>(t) : "");
    }
    rows.push_back(row);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  return rows;
}

TEST(BatchDb, RowsEqualTheJsonOutput) {
  const std::string path = ::testing::TempDir() + "/batch_db_test.sqlite";
  std::remove(path.c_str());
  const auto json = RunInto(path, /*commit=*/true);
  ASSERT_GT(json.size(), 10u);
  const auto rows = Query(path,
      "SELECT a.case_id, a.rule_set_sha256, printf('%.4f', a.score), "
      "printf('%.4f', a.score_min), printf('%.4f', a.score_max), a.band, "
      "a.recommendation, a.hard_stops, "
      "(SELECT group_concat('{\"indicator\":\"' || indicator || "
      "'\",\"contribution\":' || printf('%.4f', contribution) || '}', ',') "
      " FROM (SELECT * FROM contributions c WHERE c.case_id = a.case_id "
      "       AND c.rule_set_sha256 = a.rule_set_sha256 ORDER BY rowid)) "
      "FROM assessments a ORDER BY a.line");
  ASSERT_EQ(rows.size(), json.size());
  for (const std::string& row : rows) {
    std::vector<std::string> f = absl::StrSplit(row, '|');
    ASSERT_EQ(f.size(), 9u);
    // Rebuild the summary line from the row: it must be the same bytes.
    const std::string rebuilt = absl::StrCat(
        "{\"case_id\":\"", f[0], "\",\"rule_set_sha256\":\"", f[1],
        "\",\"score\":", f[2], ",\"score_range\":{\"min\":", f[3], ",\"max\":",
        f[4], "},\"band\":\"", f[5], "\",\"recommendation\":\"", f[6],
        "\",\"hard_stops\":", f[7], ",\"contributions\":[", f[8], "]}\n");
    EXPECT_EQ(rebuilt, json.at(f[0]));
  }
}

TEST(BatchDb, AnUncommittedRunLeavesNoRows) {
  const std::string path = ::testing::TempDir() + "/batch_db_uncommitted.sqlite";
  std::remove(path.c_str());
  RunInto(path, /*commit=*/false);
  // Not even the schema: it is created inside the run's transaction.
  EXPECT_EQ(Query(path, "SELECT count(*) FROM sqlite_master"),
            std::vector<std::string>{"0"});
}

TEST(BatchDb, RunsOfTwoRuleSetsSitSideBySide) {
  const std::string path = ::testing::TempDir() + "/batch_db_two.sqlite";
  std::remove(path.c_str());
  RunInto(path, true);
  RunInto(path, true);  // the same rule set again replaces, not duplicates
  EXPECT_EQ(Query(path, "SELECT count(DISTINCT rule_set_sha256), count(*) = "
                        "count(DISTINCT case_id) FROM assessments"),
            std::vector<std::string>{"1|1"});
}

}  // namespace
}  // namespace divrisk
