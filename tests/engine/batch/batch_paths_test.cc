// What a BatchJob may touch (issue 13): outputs that are the input or each
// other are refused before a line is read; devices, symlinks and
// directories given as outputs are written in place, followed or refused,
// never replaced; a failed run leaves what was there before; case ids are
// decoded alike however they arrive, never with a NUL; a directory input
// accounts for every entry; and a chunk's memory is bounded in bytes.

#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/batch/batch_job.h"
#include "engine/batch/line_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/batch/example_lines.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using Failure = BatchJobResult::Failure;


// Every entry under `dir`: its name, and its type and bytes.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> entries;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    const fs::file_status st = fs::symlink_status(e.path());
    std::string what = absl::StrCat(static_cast<int>(st.type()), ":");
    if (st.type() == fs::file_type::regular) what += Read(e.path().string());
    if (st.type() == fs::file_type::symlink) {
      what += fs::read_symlink(e.path()).string();
    }
    entries[fs::relative(e.path(), dir).string()] = what;
  }
  return entries;
}

class BatchPathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/divrisk_batch_paths_" +
           std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::string archive;
    for (const std::string& line : ExampleLines(2)) archive += line + "\n";
    Write(P("in.jsonl"), archive);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string P(const std::string& name) const { return dir_ + "/" + name; }
  BatchJobOptions Options() const {
    BatchJobOptions o;
    o.input = P("in.jsonl");
    o.output_file = P("out.jsonl");
    o.threads = 2;
    o.chunk_lines = 7;
    return o;
  }
  BatchJobResult Run(const BatchJobOptions& o) {
    return BatchJob(DefaultPlan(), o).Run();
  }
  // The job fails before it starts, and the folder is as it was.
  void ExpectRefused(const BatchJobOptions& o, const std::string& why) {
    const auto before = Snapshot(dir_);
    const BatchJobResult r = Run(o);
    EXPECT_EQ(r.failure, Failure::kSetup);
    EXPECT_THAT(r.error, HasSubstr(why));
    EXPECT_FALSE(r.completed);
    EXPECT_EQ(Snapshot(dir_), before);
  }
  std::string dir_;
};

// ------------------------------------------------ item 2: aliases

TEST_F(BatchPathsTest, AnOutputThatIsTheInputIsRefusedBeforeALineIsRead) {
  BatchJobOptions o = Options();
  o.summary_file = P("in.jsonl");
  ExpectRefused(o, "--summary " + P("in.jsonl") + " is the input");
  o = Options();
  o.rejects_file = P("./in.jsonl");
  ExpectRefused(o, "is the input");
  // A hard link and a symlink are the same file.
  fs::create_hard_link(P("in.jsonl"), P("hard.jsonl"));
  fs::create_symlink("in.jsonl", P("soft.jsonl"));
  o = Options();
  o.output_file = P("hard.jsonl");
  ExpectRefused(o, "is the input");
  o.output_file = P("soft.jsonl");
  ExpectRefused(o, "is the input");
  // The input under a temporary's name: a.partial is -o a's partial file.
  fs::rename(P("in.jsonl"), P("a.partial"));
  o = Options();
  o.input = P("a.partial");
  o.output_file = P("a");
  ExpectRefused(o, "is the input");
}

TEST_F(BatchPathsTest, OutputsThatAreEachOtherAreRefused) {
  BatchJobOptions o = Options();
  o.summary_file = o.output_file;
  ExpectRefused(o, "-o and --summary name the same file");
  o = Options();
  o.db_file = o.output_file;
  ExpectRefused(o, "name the same file");
  o = Options();
  o.rejects_file = P("sub/../out.jsonl");
  fs::create_directory(P("sub"));
  ExpectRefused(o, "-o and --rejects name the same file");
  o = Options();
  o.summary_file = P("out.jsonl.rejects");  // the default rejects
  ExpectRefused(o, "name the same file");
}

TEST_F(BatchPathsTest, AnOutputInsideADirectoryInputIsRefused) {
  fs::create_directory(P("cases"));
  Write(P("cases/a.json"), ExampleLines(1)[0]);
  BatchJobOptions o = Options();
  o.input = P("cases");
  o.output_file = P("cases/out.json");
  ExpectRefused(o, "is inside the input directory");
}

// ------------------------------------- item 1: devices, symlinks, dirs

TEST_F(BatchPathsTest, ADirectoryOutputIsRefusedAndNothingIsWritten) {
  fs::create_directory(P("d"));
  Write(P("d/keep"), "x");
  for (auto field : {&BatchJobOptions::output_file,
                     &BatchJobOptions::rejects_file,
                     &BatchJobOptions::summary_file, &BatchJobOptions::db_file}) {
    BatchJobOptions o = Options();
    o.*field = P("d");
    ExpectRefused(o, "is a directory");
  }
}

TEST_F(BatchPathsTest, ADanglingSymlinkOutputIsRefused) {
  fs::create_symlink("nowhere", P("link"));
  BatchJobOptions o = Options();
  o.summary_file = P("link");
  ExpectRefused(o, "a symlink to nothing");
}

TEST_F(BatchPathsTest, ASymlinkOutputIsFollowedAndStays) {
  Write(P("target"), "old");
  fs::create_symlink("target", P("link"));
  BatchJobOptions o = Options();
  o.summary_file = P("link");
  const BatchJobResult r = Run(o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(fs::is_symlink(P("link")));
  EXPECT_EQ(Read(P("target")), r.summary_json);
}

TEST_F(BatchPathsTest, DeviceOutputsAreWrittenInPlaceNeverReplaced) {
  // Our own device nodes, never the system's: root only.
  if (geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  ASSERT_EQ(::mknod(P("null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  ASSERT_EQ(::mknod(P("full").c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  auto is_device = [&](const std::string& name) {
    struct stat st;
    return ::lstat(P(name).c_str(), &st) == 0 && S_ISCHR(st.st_mode);
  };
  BatchJobOptions o = Options();
  o.output_file = P("null");
  o.summary_file = P("null");
  const BatchJobResult r = Run(o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_TRUE(is_device("null"));
  // Nothing beside it: no partial, checkpoint or rejects file.
  EXPECT_EQ(Snapshot(dir_).size(), 3u);
  o = Options();
  o.summary_file = P("null");
  o.rejects_file = P("null");
  ASSERT_TRUE(Run(o).ok());
  EXPECT_TRUE(is_device("null"));
  // A full device fails the run; the outputs stay as they were.
  Write(P("out.jsonl"), "old");
  o = Options();
  o.summary_file = P("full");
  const BatchJobResult f = Run(o);
  EXPECT_EQ(f.failure, Failure::kWrite);
  EXPECT_THAT(f.error, HasSubstr("No space left on device"));
  EXPECT_TRUE(is_device("full"));
  EXPECT_EQ(Read(P("out.jsonl")), "old");
  // --resume and --db need files.
  o = Options();
  o.output_file = P("null");
  o.resume = true;
  ExpectRefused(o, "not a device or FIFO");
  o = Options();
  o.db_file = P("null");
  ExpectRefused(o, "a database must be a regular file");
}

// ------------------------------------------- item 3: failed runs

TEST_F(BatchPathsTest, AFailedRunLeavesWhatWasThereAndNothingElse) {
  Write(P("out.jsonl"), "old output");
  Write(P("out.jsonl.rejects"), "old rejects");
  // An existing non-empty directory as -o.
  fs::create_directory(P("d"));
  Write(P("d/x"), "x");
  BatchJobOptions o = Options();
  o.output_file = P("d");
  ExpectRefused(o, "is a directory");
  // A summary that cannot be written: found before the run.
  o = Options();
  o.summary_file = P("no/such/dir/summary.json");
  ExpectRefused(o, "not a directory");
  fs::permissions(P("d"), fs::perms::owner_read | fs::perms::owner_exec);
  if (geteuid() != 0) {  // root writes anywhere
    o.summary_file = P("d/summary.json");
    ExpectRefused(o, "cannot write in");
  }
  fs::permissions(P("d"), fs::perms::owner_all);
  // A database that is a directory: no partial files left.
  o = Options();
  o.db_file = P("d");
  ExpectRefused(o, "is a directory");
  // A temporary's name taken by a directory.
  fs::create_directory(P("out.jsonl.partial"));
  o = Options();
  ExpectRefused(o, "exists and is not a regular file");
  fs::remove(P("out.jsonl.partial"));
}

TEST_F(BatchPathsTest, AWriteFailureWithADatabaseLeavesNothingNew) {
  Write(P("out.jsonl"), "old output");
  const auto before = Snapshot(dir_);
  BatchJobOptions o = Options();
  o.db_file = P("new.sqlite");
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old;
  getrlimit(RLIMIT_FSIZE, &old);
  rlimit limit = old;
  limit.rlim_cur = 3000;
  setrlimit(RLIMIT_FSIZE, &limit);
  const BatchJobResult r = Run(o);
  setrlimit(RLIMIT_FSIZE, &old);
  EXPECT_EQ(r.failure, Failure::kWrite);
  // No partial files (a run with --db cannot be resumed), no database.
  EXPECT_EQ(Snapshot(dir_), before);
}

// ------------------------------------------------- items 4 and 5: ids

// The archive's first line with its id replaced by `id_json` (a JSON
// value) under the key `key_json`.
std::string WithId(const std::string& key_json, const std::string& id_json) {
  std::string line = ExampleLines(1)[0];
  const size_t at = line.find("\"id\":");
  const size_t end = line.find(',', at);
  return line.substr(0, at) + key_json + ":" + id_json + line.substr(end);
}

TEST_F(BatchPathsTest, ANulInACaseIdIsRefusedAndTheDatabaseKeepsTheFirst) {
  Write(P("nul.jsonl"),
        WithId("\"id\"", "\"CASE\\u0000A\"") + "\n" +
            WithId("\"id\"", "\"CASE\\u0000B\"") + "\n" +
            WithId("\"id\"", "\"SAME\"") + "\n" +
            WithId("\"id\"", "\"S\\u0041ME\"") + "\n" +
            WithId("\"id\"", "\"CASE\"") + "\n");
  BatchJobOptions o = Options();
  o.input = P("nul.jsonl");
  o.db_file = P("db.sqlite");
  const BatchJobResult r = Run(o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.stats.scored, 2u);  // SAME (line 3) and CASE
  EXPECT_EQ(r.stats.rejected, 3u);
  const std::string rejects = Read(P("out.jsonl.rejects"));
  EXPECT_THAT(rejects, HasSubstr("\"line\":1,"));
  EXPECT_THAT(rejects, HasSubstr("the id contains a NUL character"));
  EXPECT_THAT(rejects, HasSubstr("duplicate case id 'SAME'"));
  sqlite3* db;
  ASSERT_EQ(sqlite3_open(P("db.sqlite").c_str(), &db), SQLITE_OK);
  sqlite3_stmt* s;
  ASSERT_EQ(sqlite3_prepare_v2(db,
                               "SELECT case_id, line FROM assessments "
                               "ORDER BY line",
                               -1, &s, nullptr),
            SQLITE_OK);
  std::vector<std::string> rows;
  while (sqlite3_step(s) == SQLITE_ROW) {
    rows.push_back(absl::StrCat(
        reinterpret_cast<const char*>(sqlite3_column_text(s, 0)), "@",
        sqlite3_column_int(s, 1)));
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
  // One row per scored case, each of the line the JSON output kept.
  EXPECT_EQ(rows, (std::vector<std::string>{"SAME@3", "CASE@5"}));
}

TEST_F(BatchPathsTest, RepeatedIdsAreFoundInAFileHoweverTheyAreWritten) {
  // Numeric ids and escaped keys, which the decoder accepts: the first
  // pass must see them as the batch does.
  const std::vector<std::string> lines = {
      WithId("\"id\"", "12345"),       WithId("\"id\"", "\"12345\""),
      WithId("\"\\u0069d\"", "\"X\""), WithId("\"id\"", "\"X\""),
      WithId("\"id\"", "\"Y\""),
  };
  std::string archive;
  for (const std::string& l : lines) archive += l + "\n";
  Write(P("ids.jsonl"), archive);
  BatchJobOptions o = Options();
  o.input = P("ids.jsonl");
  const BatchJobResult r = Run(o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.stats.scored, 3u);
  EXPECT_EQ(r.stats.rejected, 2u);
  const std::string rejects = Read(P("out.jsonl.rejects"));
  EXPECT_THAT(rejects, HasSubstr("\"line\":2,"));
  EXPECT_THAT(rejects, HasSubstr("\"line\":4,"));
}

// -------------------------------------- item 13: directory entries

TEST_F(BatchPathsTest, ADirectoryInputCountsEveryEntry) {
  fs::create_directory(P("cases"));
  const std::string good = ExampleLines(1)[0];
  Write(P("cases/a.json"), good);
  Write(P("cases/B.JSON"), WithId("\"id\"", "\"UPPER\""));
  ASSERT_EQ(::mkfifo(P("cases/fifo.json").c_str(), 0600), 0);
  fs::create_symlink("absent.json", P("cases/dangling.json"));
  fs::create_directory(P("cases/sub.json"));
  Write(P("cases/notes.txt"), "not a case");
  BatchJobOptions o = Options();
  o.input = P("cases");
  const BatchJobResult r = Run(o);
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.stats.read, 6u);
  EXPECT_EQ(r.stats.scored, 2u);
  EXPECT_EQ(r.stats.rejected, 4u);
  const std::string rejects = Read(P("out.jsonl.rejects"));
  EXPECT_THAT(rejects, HasSubstr("a FIFO, not a regular file"));
  EXPECT_THAT(rejects, HasSubstr("a symlink to nothing"));
  EXPECT_THAT(rejects, HasSubstr("a directory, not a case file"));
  EXPECT_THAT(rejects, HasSubstr("not a case file: the name does not end"));
}

// ------------------------------------------- item 8: bytes in flight

TEST(LineReaderBytes, AChunkStopsAtItsByteBudget) {
  std::string text;
  for (int i = 0; i < 10; ++i) text += std::string(100000, 'x') + "\n";
  std::FILE* in = fmemopen(text.data(), text.size(), "rb");
  LineReader reader(in, 1 << 20, /*owns_file=*/true);
  std::vector<InputLine> lines;
  EXPECT_EQ(reader.ReadChunk(1000, 250000, &lines), 3u);
  EXPECT_EQ(lines.size(), 3u);
  EXPECT_EQ(reader.ReadChunk(1000, 1, &lines), 1u);
  EXPECT_EQ(reader.ReadChunk(1000, SIZE_MAX, &lines), 6u);
}

TEST_F(BatchPathsTest, MemoryIsBoundedInBytesNotOnlyLines) {
  // 160 lines of nearly 1 MiB: within the line limit, refused by the
  // parser (a string over 64 KiB). Before the bound, the repeated-id pass
  // (4,096 lines at a time) and each chunk of 1,024 lines held them all.
  {
    std::ofstream out(P("wide.jsonl"), std::ios::binary);
    const std::string pad((1 << 20) - 100, 'x');
    for (int i = 0; i < 160; ++i) {
      out << "{\"id\":\"W" << i << "\",\"pad\":\"" << pad << "\"}\n";
    }
  }
  rusage before;
  getrusage(RUSAGE_SELF, &before);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    BatchJobOptions o = Options();
    o.input = P("wide.jsonl");
    o.chunk_lines = 1024;
    o.threads = 1;
    const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
    std::_Exit(r.ok() && r.stats.rejected == 160 ? 0 : 1);
  }
  int status = 0;
  rusage child;
  ASSERT_EQ(wait4(pid, &status, 0, &child), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // AddressSanitizer keeps freed memory in quarantine (256 MiB), so peak
  // RSS says nothing about what was held at once: the bound is checked in
  // the ordinary build, the run and its accounting in both.
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "peak RSS is not measurable under AddressSanitizer";
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  GTEST_SKIP() << "peak RSS is not measurable under AddressSanitizer";
#endif
#endif
  // The child starts with this process's pages; it may add the chunks in
  // flight (8 MiB of text each, and a line) but not the 160 MiB.
  EXPECT_LT(child.ru_maxrss - before.ru_maxrss, 64 * 1024)  // KiB
      << "peak RSS grew by " << (child.ru_maxrss - before.ru_maxrss) / 1024
      << " MiB";
}

}  // namespace
}  // namespace divrisk
