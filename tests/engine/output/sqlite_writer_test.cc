// SqliteWriter's hard_stops column is a JSON array whatever the gate ids
// hold (issue 13 item 12: ids were written between quotes unescaped).

#include "engine/output/sqlite_writer.h"

#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "engine/doc/json_parser.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(SqliteWriter, HardStopsAreAnEscapedJsonArray) {
  Plan plan;
  plan.name = "p";
  plan.version = "1";
  plan.sha256 = std::string(64, 'a');
  plan.bands.push_back(BandSpec{});
  plan.bands[0].id = "low";
  for (const char* id : {"G\"1\\", "G,2\n\x01"}) {
    GateSpec g;
    g.id = id;
    plan.gates.push_back(g);
  }
  const std::string path = (std::filesystem::temp_directory_path() /
                            ("divrisk_sqlite_writer_" +
                             std::to_string(::getpid()) + ".sqlite"))
                               .string();
  std::filesystem::remove(path);
  {
    SqliteWriter db;
    ASSERT_TRUE(db.Open(path, plan).ok());
    CaseResult r;
    r.gates.push_back(GateHit{0});
    r.gates.push_back(GateHit{1});
    db.Add(1, "C1", r, {});
    ASSERT_TRUE(db.Commit().ok());
  }
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(raw, "SELECT hard_stops FROM assessments", -1,
                               &s, nullptr),
            SQLITE_OK);
  ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
  const std::string stops(
      reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
  sqlite3_finalize(s);
  sqlite3_close(raw);
  std::filesystem::remove(path);
  EXPECT_EQ(stops, R"(["G\"1\\","G,2\n\u0001"])");
  absl::StatusOr<DocNode> parsed = ParseJson(stops);
  ASSERT_TRUE(parsed.ok()) << parsed.status();
  ASSERT_EQ(parsed->items.size(), 2u);
  EXPECT_EQ(parsed->items[0].text, "G\"1\\");
  EXPECT_EQ(parsed->items[1].text, "G,2\n\x01");
}

}  // namespace
}  // namespace divrisk
