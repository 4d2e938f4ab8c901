// AtomicFile: a file appears under its final name only when complete.
// Private temporaries go when dropped; resumable ones (a batch's partial
// files) stay, are locked, and are reopened holding their checkpointed
// bytes.

#include "engine/batch/atomic_file.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/divrisk_atomic_file_" +
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
  size_t Entries() const {
    return static_cast<size_t>(std::distance(fs::directory_iterator(dir_),
                                             fs::directory_iterator()));
  }
  std::string dir_;
};

AtomicFileOptions Resumable() {
  AtomicFileOptions o;
  o.resumable = true;
  return o;
}

AtomicFileOptions Keep(uint64_t bytes) {
  AtomicFileOptions o = Resumable();
  o.keep = bytes;
  return o;
}

AtomicFileOptions TempSuffix(const std::string& suffix) {
  AtomicFileOptions o;
  o.temp_suffix = suffix;
  return o;
}

// ---------------------------------------------------------------- private

TEST_F(AtomicFileTest, APrivateFileAppearsOnlyOnCommit) {
  AtomicFile f;
  ASSERT_TRUE(f.Open(Path("out")).ok());
  EXPECT_EQ(f.temp_path(), absl::StrCat(Path("out"), ".tmp-", getpid()));
  f.Write("abc\n");
  EXPECT_FALSE(fs::exists(Path("out")));
  ASSERT_TRUE(f.Commit().ok());
  EXPECT_EQ(Read(Path("out")), "abc\n");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AtomicFileTest, ADroppedPrivateFileLeavesNothingAndTheOldFileStays) {
  Write(Path("out"), "old");
  {
    AtomicFile f;
    ASSERT_TRUE(f.Open(Path("out")).ok());
    f.Write("new");
  }
  EXPECT_EQ(Read(Path("out")), "old");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AtomicFileTest, WriteFileAtomicallyReplacesTheFile) {
  Write(Path("cp"), "old");
  Write(Path("cp.tmp"), "left by a killed run");
  ASSERT_TRUE(WriteFileAtomically(Path("cp"), "new", TempSuffix(".tmp"))
                  .ok());
  EXPECT_EQ(Read(Path("cp")), "new");
  EXPECT_FALSE(fs::exists(Path("cp.tmp")));
}

TEST_F(AtomicFileTest, APrivateWriteErrorLeavesNoFile) {
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  fs::create_symlink("/dev/full", Path("full.tmp"));
  absl::Status s =
      WriteFileAtomically(Path("full"), "x", TempSuffix(".tmp"));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("full: write failed: No space left on device; no "
                        "output file was written"));
  EXPECT_FALSE(fs::exists(Path("full")));
}

// -------------------------------------------------------------- resumable

TEST_F(AtomicFileTest, PartialFileAppearsUnderItsNameOnlyOnCommit) {
  AtomicFile f;
  ASSERT_TRUE(f.Open(Path("out.jsonl"), Resumable()).ok());
  EXPECT_EQ(f.temp_path(), Path("out.jsonl.partial"));
  f.Write("abc\n");
  EXPECT_TRUE(fs::exists(Path("out.jsonl.partial")));
  EXPECT_FALSE(fs::exists(Path("out.jsonl")));
  absl::StatusOr<uint64_t> size = f.Sync();
  ASSERT_TRUE(size.ok());
  EXPECT_EQ(*size, 4u);
  ASSERT_TRUE(f.Commit().ok());
  EXPECT_EQ(Read(Path("out.jsonl")), "abc\n");
  EXPECT_FALSE(fs::exists(Path("out.jsonl.partial")));
}

TEST_F(AtomicFileTest, AnUncommittedPartialFileStaysForAResume) {
  {
    AtomicFile f;
    ASSERT_TRUE(f.Open(Path("out"), Resumable()).ok());
    f.Write("line 1\nline 2\nhalf a li");
  }
  EXPECT_EQ(Read(Path("out.partial")), "line 1\nline 2\nhalf a li");
  // A resume keeps the checkpointed bytes, drops the rest, and appends.
  AtomicFile f;
  ASSERT_TRUE(f.Open(Path("out"), Keep(14)).ok());
  f.Write("line 3\n");
  ASSERT_TRUE(f.Commit().ok());
  EXPECT_EQ(Read(Path("out")), "line 1\nline 2\nline 3\n");
  // A fresh open empties it.
  Write(Path("x.partial"), "old");
  AtomicFile g;
  ASSERT_TRUE(g.Open(Path("x"), Resumable()).ok());
  ASSERT_TRUE(g.Sync().ok());
  EXPECT_EQ(Read(Path("x.partial")), "");
}

TEST_F(AtomicFileTest, APartialFileShorterThanItsCheckpointIsRefused) {
  Write(Path("out.partial"), "short");
  AtomicFile f;
  absl::Status s = f.Open(Path("out"), Keep(100));
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("holds 5 bytes, fewer than the 100 its checkpoint"));
  EXPECT_EQ(Read(Path("out.partial")), "short");
}

TEST_F(AtomicFileTest, TwoRunsCannotWriteTheSameOutput) {
  AtomicFile a, b;
  ASSERT_TRUE(a.Open(Path("out"), Resumable()).ok());
  absl::Status s = b.Open(Path("out"), Resumable());
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("another divrisk batch is writing it"));
}

TEST_F(AtomicFileTest, AWriteErrorIsReportedNotSwallowed) {
  // /dev/full accepts the open and fails every write with ENOSPC.
  if (!fs::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  AtomicFile f;
  // The partial name of "/dev/full" is not writable; use a symlink.
  fs::create_symlink("/dev/full", Path("full.partial"));
  ASSERT_TRUE(f.Open(Path("full"), Resumable()).ok());
  f.Write(std::string(1 << 21, 'x'));
  absl::StatusOr<uint64_t> size = f.Sync();
  ASSERT_FALSE(size.ok());
  EXPECT_THAT(std::string(size.status().message()),
              HasSubstr("full.partial: write failed: No space left on device"));
  EXPECT_FALSE(f.Commit().ok());
}

}  // namespace
}  // namespace divrisk
