// AtomicFile: a file appears under its final name only when complete.
// Private temporaries go when dropped; resumable ones (a batch's partial
// files) stay, are locked, and are reopened holding their checkpointed
// bytes.

#include "engine/batch/atomic_file.h"

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <csignal>

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

// Writes past `bytes` fail with EFBIG while it lives (SIGXFSZ ignored).
class FileSizeLimit {
 public:
  explicit FileSizeLimit(rlim_t bytes) {
    std::signal(SIGXFSZ, SIG_IGN);
    getrlimit(RLIMIT_FSIZE, &old_);
    rlimit limit = old_;
    limit.rlim_cur = bytes;
    setrlimit(RLIMIT_FSIZE, &limit);
  }
  ~FileSizeLimit() { setrlimit(RLIMIT_FSIZE, &old_); }

 private:
  rlimit old_;
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
  Write(Path("full"), "old");
  absl::Status s;
  {
    FileSizeLimit limit(1000);
    s = WriteFileAtomically(Path("full"), std::string(1 << 21, 'x'),
                            TempSuffix(".tmp"));
  }
  EXPECT_EQ(s.code(), absl::StatusCode::kDataLoss);
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("full: write failed: File too large; no output file "
                        "was written"));
  EXPECT_EQ(Read(Path("full")), "old");
  EXPECT_EQ(Entries(), 1u);
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
  AtomicFile f;
  ASSERT_TRUE(f.Open(Path("full"), Resumable()).ok());
  absl::StatusOr<uint64_t> size;
  {
    FileSizeLimit limit(1000);
    f.Write(std::string(1 << 21, 'x'));
    size = f.Sync();
  }
  ASSERT_FALSE(size.ok());
  EXPECT_THAT(std::string(size.status().message()),
              HasSubstr("full.partial: write failed: File too large"));
  EXPECT_FALSE(f.Commit().ok());
  EXPECT_FALSE(fs::exists(Path("full")));
}

// ------------------------------------------- what an output path names

TEST_F(AtomicFileTest, ADirectoryIsNeverReplaced) {
  fs::create_directory(Path("dir"));
  for (bool resumable : {false, true}) {
    AtomicFile f;
    AtomicFileOptions o;
    o.resumable = resumable;
    absl::Status s = f.Open(Path("dir"), o);
    EXPECT_THAT(std::string(s.message()), HasSubstr("is a directory"));
  }
  EXPECT_TRUE(fs::is_directory(Path("dir")));
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AtomicFileTest, ASymlinkIsFollowedToItsFileAndStays) {
  Write(Path("target"), "old");
  fs::create_symlink("target", Path("link"));
  ASSERT_TRUE(WriteFileAtomically(Path("link"), "new").ok());
  EXPECT_TRUE(fs::is_symlink(Path("link")));
  EXPECT_EQ(Read(Path("target")), "new");
  // A symlink to nothing, or to a directory, is refused.
  fs::create_symlink("absent", Path("dangling"));
  absl::Status s = WriteFileAtomically(Path("dangling"), "x");
  EXPECT_THAT(std::string(s.message()), HasSubstr("a symlink to nothing"));
  EXPECT_FALSE(fs::exists(Path("absent")));
  fs::create_directory(Path("dir"));
  fs::create_symlink("dir", Path("dirlink"));
  EXPECT_FALSE(WriteFileAtomically(Path("dirlink"), "x").ok());
  EXPECT_TRUE(fs::is_symlink(Path("dirlink")));
  EXPECT_EQ(Entries(), 5u);
}

TEST_F(AtomicFileTest, ATemporaryIsNeverOpenedThroughASymlink) {
  // A symlink planted at the temporary's name would make the run write,
  // and then truncate, the file it points to.
  Write(Path("victim"), "precious");
  fs::create_symlink("victim", Path("out.partial"));
  AtomicFile f;
  absl::Status s = f.Open(Path("out"), Resumable());
  EXPECT_THAT(std::string(s.message()), HasSubstr("it is a symlink"));
  EXPECT_EQ(Read(Path("victim")), "precious");
  fs::create_directory(Path("x.tmp"));
  EXPECT_FALSE(WriteFileAtomically(Path("x"), "y", TempSuffix(".tmp")).ok());
  EXPECT_TRUE(fs::is_directory(Path("x.tmp")));
}

TEST_F(AtomicFileTest, ADeviceIsWrittenInPlaceNotReplaced) {
  // A device node of our own (never the system's /dev/null): as root only.
  if (geteuid() != 0) GTEST_SKIP() << "mknod needs root";
  ASSERT_EQ(::mknod(Path("null").c_str(), S_IFCHR | 0666, makedev(1, 3)), 0);
  ASSERT_EQ(::mknod(Path("full").c_str(), S_IFCHR | 0666, makedev(1, 7)), 0);
  for (bool resumable : {false, true}) {
    AtomicFile f;
    AtomicFileOptions o;
    o.resumable = resumable;
    ASSERT_TRUE(f.Open(Path("null"), o).ok());
    EXPECT_TRUE(f.in_place());
    f.Write("abc");
    ASSERT_TRUE(f.Commit().ok());
  }
  absl::Status s = WriteFileAtomically(Path("full"), "abc");
  EXPECT_THAT(std::string(s.message()),
              HasSubstr("write failed: No space left on device"));
  struct stat st;
  ASSERT_EQ(::lstat(Path("null").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  ASSERT_EQ(::lstat(Path("full").c_str(), &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(Entries(), 2u);
}

TEST_F(AtomicFileTest, AFifoWithoutAReaderIsRefusedNotWaitedFor) {
  ASSERT_EQ(::mkfifo(Path("fifo").c_str(), 0600), 0);
  AtomicFile f;
  absl::Status s = f.Open(Path("fifo"));
  EXPECT_THAT(std::string(s.message()), HasSubstr("a FIFO with no reader"));
  EXPECT_EQ(Entries(), 1u);
}

}  // namespace
}  // namespace divrisk
