// The files of a resumable batch run: checkpoints, the case ids read back
// from a partial output, and an input moved past the lines already done.
// (The partial files themselves: atomic_file_test.cc.)

#include "engine/batch/batch_files.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "engine/batch/line_reader.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class BatchFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/divrisk_batch_files_" +
           std::to_string(getpid()) + "_" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Path(const std::string& name) const { return dir_ + "/" + name; }
  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  static void Write(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
  }
  std::string dir_;
};

TEST_F(BatchFilesTest, CheckpointRoundTrips) {
  BatchCheckpoint c;
  c.input = "arch\"ive.jsonl";
  c.input_size = 123456;
  c.rule_set_sha256 = "ab12";
  c.output = "summary";
  c.position = 9999;
  c.output_bytes = 777;
  c.rejects_bytes = 55;
  c.stats.read = 10;
  c.stats.scored = 7;
  c.stats.rejected = 3;
  c.stats.per_band = {1, 2, 4};
  c.stats.per_recommendation = {1, 2, 3, 1};
  c.done = true;
  ASSERT_TRUE(WriteCheckpoint(Path("cp"), c).ok());
  EXPECT_FALSE(fs::exists(Path("cp.tmp")));
  auto read = ReadCheckpoint(Path("cp"), 3);
  ASSERT_TRUE(read.ok()) << read.status();
  ASSERT_TRUE(read->has_value());
  const BatchCheckpoint& r = **read;
  EXPECT_EQ(r.ToJson(), c.ToJson());
  EXPECT_EQ(r.input, c.input);
  EXPECT_EQ(r.stats.per_band, c.stats.per_band);
  EXPECT_TRUE(r.done);
}

TEST_F(BatchFilesTest, MissingAndDamagedCheckpoints) {
  auto none = ReadCheckpoint(Path("absent"), 3);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  Write(Path("bad"), "{\"format\":\"divrisk-batch-checkpoint/1\",\"inp");
  auto bad = ReadCheckpoint(Path("bad"), 3);
  EXPECT_EQ(bad.status().code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(bad.status().message()),
              HasSubstr("not a valid checkpoint"));
  // Counts that do not add up.
  BatchCheckpoint c;
  c.stats.read = 5;
  c.stats.per_band = {0, 0, 0};
  ASSERT_TRUE(WriteCheckpoint(Path("cp"), c).ok());
  EXPECT_THAT(std::string(ReadCheckpoint(Path("cp"), 3).status().message()),
              HasSubstr("read != scored + rejected"));
  // A rule set with another number of bands.
  EXPECT_THAT(std::string(ReadCheckpoint(Path("cp"), 4).status().message()),
              HasSubstr("per_band"));
}

TEST_F(BatchFilesTest, CaseIdsAreReadBackFromAPartialOutput) {
  const std::string out =
      "{\"case_id\":\"A-1\",\"score\":1}\n"
      "{\"case_id\":\"q\\\"uo\\\\te\\u00e9\",\"x\":{\"case_id\":\"no\"}}\n"
      "{\"case_id\":\"B-2\"}\n";
  Write(Path("out.partial"), out + "{\"case_id\":\"half");
  std::vector<uint64_t> hashes;
  ASSERT_TRUE(CollectCaseIdHashes(Path("out.partial"), out.size(), &hashes).ok());
  EXPECT_EQ(hashes, (std::vector<uint64_t>{CaseIdHash("A-1"),
                                           CaseIdHash("q\"uo\\te\xC3\xA9"),
                                           CaseIdHash("B-2")}));
  // A checkpoint that does not end a line, or a line that is not output.
  hashes.clear();
  EXPECT_FALSE(CollectCaseIdHashes(Path("out.partial"), 10, &hashes).ok());
  Write(Path("other"), "{\"line\":3,\"errors\":[]}\n");
  EXPECT_THAT(std::string(CollectCaseIdHashes(Path("other"), 24, &hashes)
                              .message()),
              HasSubstr("other:1: not a divrisk batch output line"));
}

TEST_F(BatchFilesTest, AFileInputSeeksPastTheLinesDone) {
  Write(Path("in"), "\xEF\xBB\xBF" "a\nbb\nccc\nd");
  for (int pipe : {0, 1}) {
    SCOPED_TRACE(pipe ? "pipe" : "file");
    std::FILE* in = pipe ? popen(("cat " + Path("in")).c_str(), "r")
                         : std::fopen(Path("in").c_str(), "rb");
    ASSERT_NE(in, nullptr);
    LineReader reader(in, 100);
    ASSERT_TRUE(reader.SkipTo(2, 8).ok());  // BOM + "a\n" + "bb\n"
    std::vector<InputLine> lines;
    ASSERT_EQ(reader.ReadChunk(10, &lines), 2u);
    EXPECT_EQ(lines[0].number, 3u);
    EXPECT_EQ(lines[0].text, "ccc");
    EXPECT_EQ(lines[1].text, "d");
    EXPECT_EQ(reader.position(), 13u);
    pipe ? pclose(in) : std::fclose(in);
  }
  // Where no line starts, or past the end: the input has changed.
  std::FILE* in = std::fopen(Path("in").c_str(), "rb");
  LineReader reader(in, 100, /*owns_file=*/true);
  EXPECT_THAT(std::string(reader.SkipTo(2, 7).message()),
              HasSubstr("the input has changed"));
  std::FILE* in2 = std::fopen(Path("in").c_str(), "rb");
  LineReader reader2(in2, 100, /*owns_file=*/true);
  EXPECT_FALSE(reader2.SkipTo(4, 99).ok());
  // At the very end, after a last line without a newline.
  std::FILE* in3 = std::fopen(Path("in").c_str(), "rb");
  LineReader reader3(in3, 100, /*owns_file=*/true);
  ASSERT_TRUE(reader3.SkipTo(4, 13).ok());
  std::vector<InputLine> lines;
  EXPECT_EQ(reader3.ReadChunk(10, &lines), 0u);
}

}  // namespace
}  // namespace divrisk
