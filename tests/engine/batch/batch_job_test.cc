// BatchJob: a whole `divrisk batch` run without the shell. Accounting
// (read = scored + rejected), the rejects and the summary, files under
// their final names only after success, and a job killed (SIGKILL, in a
// forked child) at each exact point of its life, then resumed, gives the
// bytes of a job that was never interrupted.

#include "engine/batch/batch_job.h"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/engine/batch/example_lines.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::StartsWith;
using Failure = BatchJobResult::Failure;


std::vector<std::string> Lines(const std::string& text) {
  return absl::StrSplit(text, '\n', absl::SkipEmpty());
}

// The summary without its "seconds", which differ from run to run.
std::string WithoutSeconds(const std::string& summary) {
  return summary.substr(0, summary.find("\"seconds\":"));
}

// Good cases with duplicates and broken lines of several kinds among them;
// the last line has no newline.
std::string MixedArchive() {
  const std::vector<std::string> good = ExampleLines(12);
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "[";
  std::string a;
  for (size_t i = 0; i < good.size(); ++i) {
    a += good[i] + "\n";
    switch (i) {
      case 20: a += good[3] + "\n"; break;                       // duplicate
      case 40: a += "{\"format\": \"divrisk-case/1\", \"id\": \"\xC0\xAF\"}\n"; break;
      case 60: a += "\n \t\n\r\n"; break;                         // empty
      case 80: a += good[81] + "\r\n"; ++i; break;                // CRLF
      case 100: a += std::string((1 << 20) + 5, 'x') + "\n"; break;  // too long
      case 120: a += "{\"a\": " + deep + "}\n"; break;            // too deep
      case 140: a += "not json\n"; break;
      case 200: a += good[150] + "\n"; break;                     // duplicate
      default: break;
    }
  }
  return a + "{\"format\": \"divrisk-case/1\"";
}

class BatchJobTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = ::testing::TempDir() + "/divrisk_batch_job_" +
           std::to_string(getpid());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write(dir_ + "/mixed.jsonl", MixedArchive());
    // The reference: one uninterrupted run on one thread.
    BatchJobOptions o = Options(dir_ + "/ref.jsonl", 1);
    reference_ = new BatchJobResult(BatchJob(DefaultPlan(), o).Run());
    ASSERT_TRUE(reference_->ok()) << reference_->error;
  }
  static void TearDownTestSuite() {
    fs::remove_all(dir_);
    delete reference_;
    reference_ = nullptr;
  }
  void SetUp() override {
    work_ = dir_ + "/" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(work_);
  }

  static std::string Archive() { return dir_ + "/mixed.jsonl"; }
  static BatchJobOptions Options(const std::string& out, int threads) {
    BatchJobOptions o;
    o.input = Archive();
    o.output_file = out;
    o.summary_file = out + ".summary";
    o.threads = threads;
    o.chunk_lines = 37;
    return o;
  }
  // Chunks of 37 lines in the archive.
  static int Chunks() {
    return static_cast<int>((reference_->stats.read + 36) / 37);
  }
  std::string Out() const { return work_ + "/out.jsonl"; }
  // The names in the work folder.
  std::set<std::string> Files() const {
    std::set<std::string> names;
    for (const auto& e : fs::directory_iterator(work_)) {
      names.insert(e.path().filename().string());
    }
    return names;
  }
  // The output, rejects and summary of `out` are those of the reference.
  static void ExpectSameAsReference(const std::string& out) {
    const std::string ref = dir_ + "/ref.jsonl";
    EXPECT_TRUE(Read(out) == Read(ref)) << out;
    EXPECT_TRUE(Read(out + ".rejects") == Read(ref + ".rejects")) << out;
    EXPECT_EQ(WithoutSeconds(Read(out + ".summary")),
              WithoutSeconds(Read(ref + ".summary")));
  }

  static std::string dir_;
  static BatchJobResult* reference_;
  std::string work_;
};

std::string BatchJobTest::dir_;
BatchJobResult* BatchJobTest::reference_ = nullptr;

TEST_F(BatchJobTest, EveryLineIsAccountedFor) {
  const BatchStats& s = reference_->stats;
  const std::string archive = Read(Archive());
  const uint64_t lines =
      static_cast<uint64_t>(std::count(archive.begin(), archive.end(), '\n')) +
      1;  // the last has no newline
  EXPECT_EQ(s.read, lines);
  EXPECT_EQ(s.read, s.scored + s.rejected);
  EXPECT_EQ(s.read, 262u);
  EXPECT_EQ(s.rejected, 10u);  // 2 duplicates, 3 empty, 5 broken
  const std::string ref = dir_ + "/ref.jsonl";
  EXPECT_EQ(Lines(Read(ref)).size(), s.scored);
  EXPECT_EQ(Lines(Read(ref + ".rejects")).size(), s.rejected);
}

TEST_F(BatchJobTest, RejectsSayWhichLineAndWhy) {
  const std::vector<std::string> good = ExampleLines(1);
  const size_t at = good[0].find("\"id\":\"") + 6;
  const std::string id = good[0].substr(at, good[0].find('"', at) - at);
  Write(work_ + "/in.jsonl", good[0] + "\nnot json\n" + good[0] + "\n \n");
  BatchJobOptions o;
  o.input = work_ + "/in.jsonl";
  o.output_file = Out();
  const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
  ASSERT_TRUE(r.ok()) << r.error;
  EXPECT_EQ(r.stats.read, 4u);
  EXPECT_EQ(r.stats.scored, 1u);
  const std::vector<std::string> rejects = Lines(Read(Out() + ".rejects"));
  ASSERT_EQ(rejects.size(), 3u);
  EXPECT_THAT(rejects[0], StartsWith("{\"line\":2,\"errors\":[\"2:1: "));
  EXPECT_EQ(rejects[1], absl::StrCat("{\"line\":3,\"case_id\":\"", id,
                                     "\",\"errors\":[\"3:1: id: duplicate "
                                     "case id '",
                                     id, "': rejected after its first "
                                         "occurrence\"]}"));
  EXPECT_EQ(rejects[2], "{\"line\":4,\"errors\":[\"4:1: empty line\"]}");
  // Every reject of the mixed archive has a located reason.
  for (const std::string& line :
       Lines(Read(dir_ + "/ref.jsonl.rejects"))) {
    EXPECT_THAT(line, HasSubstr("\"errors\":[\"")) << line;
  }
}

TEST_F(BatchJobTest, TheSummaryAddsUp) {
  const BatchJobResult& r = *reference_;
  EXPECT_TRUE(r.completed);
  EXPECT_EQ(r.threads, 1);
  EXPECT_EQ(Read(dir_ + "/ref.jsonl.summary"), r.summary_json);
  const Plan& plan = DefaultPlan();
  EXPECT_THAT(r.summary_json,
              StartsWith(absl::StrCat("{\"rule_set\":{\"name\":\"", plan.name,
                                      "\",\"version\":\"", plan.version,
                                      "\",\"sha256\":\"", plan.sha256,
                                      "\"},\"read\":", r.stats.read,
                                      ",\"scored\":", r.stats.scored,
                                      ",\"rejected\":", r.stats.rejected,
                                      ",\"bands\":{")));
  EXPECT_EQ(r.summary_json.back(), '\n');
  uint64_t bands = 0, recommendations = 0;
  for (uint64_t n : r.stats.per_band) bands += n;
  for (uint64_t n : r.stats.per_recommendation) recommendations += n;
  EXPECT_EQ(bands, r.stats.scored);
  EXPECT_EQ(recommendations, r.stats.scored);
}

TEST_F(BatchJobTest, SameBytesOnMoreThreadsAndToStreams) {
  const BatchJobResult r =
      BatchJob(DefaultPlan(), Options(Out(), 3)).Run();
  ASSERT_TRUE(r.ok()) << r.error;
  ExpectSameAsReference(Out());
  // No output file: the lines go to the given streams.
  std::FILE* out = std::tmpfile();
  std::FILE* rejects = std::tmpfile();
  BatchJobOptions o = Options("", 2);
  o.summary_file.clear();
  o.output_stream = out;
  o.rejects_stream = rejects;
  ASSERT_TRUE(BatchJob(DefaultPlan(), o).Run().ok());
  auto contents = [](std::FILE* f) {
    std::string s(static_cast<size_t>(std::ftell(f)), '\0');
    std::rewind(f);
    EXPECT_EQ(std::fread(s.data(), 1, s.size(), f), s.size());
    std::fclose(f);
    return s;
  };
  EXPECT_TRUE(contents(out) == Read(dir_ + "/ref.jsonl"));
  EXPECT_TRUE(contents(rejects) == Read(dir_ + "/ref.jsonl.rejects"));
}

TEST_F(BatchJobTest, FilesAppearUnderFinalNamesOnlyAfterSuccess) {
  // Files of an earlier run stay as they were until this one succeeds (a
  // run that fails leaves them); its checkpoint goes at once.
  for (const char* suffix : {"", ".rejects", ".summary", ".checkpoint"}) {
    Write(Out() + suffix, "stale");
  }
  BatchJobOptions o = Options(Out(), 2);
  std::map<BatchJobPoint, int> seen;
  o.test_hook = [&](BatchJobPoint point) {
    ++seen[point];
    EXPECT_EQ(Read(Out()), "stale");
    EXPECT_EQ(Read(Out() + ".summary"), "stale");
    EXPECT_NE(Read(Out() + ".checkpoint"), "stale");
    EXPECT_TRUE(fs::exists(Out() + ".partial"));
    if (point != BatchJobPoint::kRejectsRenamed) {
      EXPECT_EQ(Read(Out() + ".rejects"), "stale");
      EXPECT_TRUE(fs::exists(Out() + ".rejects.partial"));
    }
  };
  const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
  ASSERT_TRUE(r.ok()) << r.error;
  // Each chunk of 37 lines, then the last flush before the renames.
  EXPECT_EQ(seen[BatchJobPoint::kChunkWritten], Chunks() + 1);
  EXPECT_EQ(seen[BatchJobPoint::kCheckpointWritten], Chunks() + 1);
  EXPECT_EQ(seen[BatchJobPoint::kRejectsRenamed], 1);
  EXPECT_EQ(Files(), (std::set<std::string>{"out.jsonl", "out.jsonl.rejects",
                                            "out.jsonl.summary"}));
  ExpectSameAsReference(Out());
}

// Killed with SIGKILL the n-th time the job reaches `point`, in a child
// process; then resumed here, on another thread count.
void KillAt(const BatchJobOptions& options, BatchJobPoint point, int n) {
  BatchJobOptions o = options;
  int hits = 0;
  o.test_hook = [&](BatchJobPoint p) {
    if (p == point && ++hits == n) std::raise(SIGKILL);
  };
  BatchJob(DefaultPlan(), o).Run();
  std::_Exit(0);  // not reached: the point was not
}

TEST_F(BatchJobTest, AKilledJobResumesToTheSameBytes) {
  // The default ("fast") death-test style forks right here; no thread of
  // an earlier job is alive by then.
  const int ends = Chunks() + 1;  // each chunk, then the last flush
  const std::vector<std::pair<BatchJobPoint, int>> points = {
      {BatchJobPoint::kChunkWritten, 1},
      {BatchJobPoint::kChunkWritten, ends / 2},
      {BatchJobPoint::kChunkWritten, ends},  // after the input's end
      {BatchJobPoint::kCheckpointWritten, 3},
      {BatchJobPoint::kCheckpointWritten, ends - 1},
      {BatchJobPoint::kCheckpointWritten, ends},  // not yet marked done
      {BatchJobPoint::kRejectsRenamed, 1},
  };
  for (const auto& [point, n] : points) {
    const std::string name =
        absl::StrCat("kp-", static_cast<int>(point), "-", n);
    SCOPED_TRACE(name);
    const std::string out = absl::StrCat(work_, "/", name, ".jsonl");
    EXPECT_EXIT(KillAt(Options(out, 1), point, n),
                ::testing::KilledBySignal(SIGKILL), "");
    EXPECT_FALSE(fs::exists(out));
    EXPECT_FALSE(fs::exists(out + ".summary"));
    // Before the first checkpoint a resume starts from the first line.
    EXPECT_EQ(fs::exists(out + ".checkpoint"),
              point != BatchJobPoint::kChunkWritten || n > 1);
    EXPECT_EQ(fs::exists(out + ".rejects"),
              point == BatchJobPoint::kRejectsRenamed);
    BatchJobOptions o = Options(out, 2);
    o.resume = true;
    const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
    ASSERT_TRUE(r.ok()) << r.error;
    EXPECT_EQ(r.stats.read, reference_->stats.read);
    ExpectSameAsReference(out);
  }
  // Nothing left behind: no partial file, checkpoint or temporary.
  for (const std::string& f : Files()) {
    EXPECT_EQ(f.find("partial"), std::string::npos) << f;
    EXPECT_EQ(f.find("checkpoint"), std::string::npos) << f;
    EXPECT_EQ(f.find(".tmp"), std::string::npos) << f;
  }
  EXPECT_EQ(Files().size(), 3 * points.size());
}

TEST_F(BatchJobTest, AResumeContinuesOnlyTheSameRun) {
  BatchJobOptions o = Options(Out(), 1);
  o.resume = true;
  o.output_file.clear();
  EXPECT_EQ(BatchJob(DefaultPlan(), o).Run().failure, Failure::kSetup);
  o.output_file = Out();
  o.db_file = work_ + "/db.sqlite";
  EXPECT_EQ(BatchJob(DefaultPlan(), o).Run().failure, Failure::kSetup);
  o.db_file.clear();
  // Without a checkpoint: a notice, and a run from the first line.
  std::string notices;
  o.on_notice = [&](std::string_view n) { notices.append(n).append("\n"); };
  ASSERT_TRUE(BatchJob(DefaultPlan(), o).Run().ok());
  EXPECT_EQ(notices, absl::StrCat("no checkpoint ", Out(),
                                  ".checkpoint: starting from the first "
                                  "line\n"));
  ExpectSameAsReference(Out());
  // A checkpoint of a run with another --output is refused.
  EXPECT_EXIT(KillAt(Options(Out(), 1), BatchJobPoint::kCheckpointWritten, 2),
              ::testing::KilledBySignal(SIGKILL), "");
  o.output = BatchOutput::kSummary;
  const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
  EXPECT_EQ(r.failure, Failure::kSetup);
  EXPECT_THAT(r.error, HasSubstr("cannot resume: the checkpoint is of a run"));
  EXPECT_TRUE(fs::exists(Out() + ".partial"));
}

TEST_F(BatchJobTest, AWriteErrorFailsTheJobAndKeepsWhatCanBeResumed) {
  // Writes past 20,000 bytes fail (EFBIG), as on a full disk.
  std::signal(SIGXFSZ, SIG_IGN);
  rlimit old;
  getrlimit(RLIMIT_FSIZE, &old);
  rlimit limit = old;
  limit.rlim_cur = 20000;
  setrlimit(RLIMIT_FSIZE, &limit);
  const BatchJobResult r = BatchJob(DefaultPlan(), Options(Out(), 1)).Run();
  setrlimit(RLIMIT_FSIZE, &old);
  EXPECT_EQ(r.failure, Failure::kWrite);
  EXPECT_FALSE(r.completed);
  EXPECT_THAT(r.error, HasSubstr("out.jsonl.partial: write failed: File too "
                                 "large\nno output file was written"));
  EXPECT_FALSE(fs::exists(Out()));
  EXPECT_FALSE(fs::exists(Out() + ".summary"));
  EXPECT_TRUE(fs::exists(Out() + ".partial"));  // for a resume
}

TEST_F(BatchJobTest, AMissingInputIsASetupFailure) {
  BatchJobOptions o = Options(Out(), 1);
  o.input = work_ + "/absent.jsonl";
  const BatchJobResult r = BatchJob(DefaultPlan(), o).Run();
  EXPECT_EQ(r.failure, Failure::kSetup);
  EXPECT_THAT(r.error, HasSubstr("absent.jsonl"));
  EXPECT_TRUE(Files().empty());
}

}  // namespace
}  // namespace divrisk
