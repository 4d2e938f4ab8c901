// Tests for ReadFileToString (issue 13 item 9): a FIFO, a socket, a device
// or a directory is refused at once with its path, never waited on.

#include "engine/doc/file_reader.h"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;

class FileReaderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("divrisk_file_reader_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
    // A read that blocks fails the test instead of hanging it.
    ::alarm(20);
  }
  void TearDown() override {
    ::alarm(0);
    std::filesystem::remove_all(dir_);
  }
  std::string Path(const std::string& name) const {
    return (dir_ / name).string();
  }
  std::filesystem::path dir_;
};

TEST_F(FileReaderTest, RegularFileIsRead) {
  std::ofstream(Path("a.yaml")) << "id: X\n";
  auto text = ReadFileToString(Path("a.yaml"));
  ASSERT_TRUE(text.ok()) << text.status();
  EXPECT_EQ(*text, "id: X\n");
}

TEST_F(FileReaderTest, FifoWithoutWriterRefusedAtOnce) {
  ASSERT_EQ(::mkfifo(Path("fifo").c_str(), 0600), 0);
  const auto start = std::chrono::steady_clock::now();
  auto text = ReadFileToString(Path("fifo"));
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().message(),
            Path("fifo") + ": not a regular file (a FIFO (named pipe)); case "
                           "files, rule-set files and lists are read from "
                           "regular files only");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));
}

TEST_F(FileReaderTest, DevicesDirectoriesAndSocketsRefused) {
  EXPECT_THAT(std::string(ReadFileToString("/dev/zero").status().message()),
              HasSubstr("/dev/zero: not a regular file (a character device)"));
  EXPECT_THAT(std::string(ReadFileToString(dir_.string()).status().message()),
              HasSubstr(": not a regular file (a directory)"));
  const int s = ::socket(AF_UNIX, SOCK_STREAM, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  const std::string sock = Path("sock");
  if (sock.size() < sizeof addr.sun_path) {
    std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sock.c_str());
    ASSERT_EQ(::bind(s, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
    // open() itself refuses a socket.
    auto text = ReadFileToString(sock);
    ASSERT_FALSE(text.ok());
    EXPECT_THAT(std::string(text.status().message()), HasSubstr("sock: "));
  }
  ::close(s);
}

TEST_F(FileReaderTest, SymlinkToAFifoRefused) {
  ASSERT_EQ(::mkfifo(Path("fifo").c_str(), 0600), 0);
  std::filesystem::create_symlink(Path("fifo"), Path("link.yaml"));
  EXPECT_THAT(std::string(ReadFileToString(Path("link.yaml")).status().message()),
              HasSubstr("link.yaml: not a regular file (a FIFO"));
}

TEST_F(FileReaderTest, ControlCharactersInThePathAreShownEscaped) {
  auto text = ReadFileToString(Path("x\x1b[2J.yaml"));
  ASSERT_FALSE(text.ok());
  EXPECT_THAT(std::string(text.status().message()),
              HasSubstr("x\\x1B[2J.yaml: cannot open"));
}

TEST_F(FileReaderTest, LargerThanTheLimitRefused) {
  std::ofstream(Path("big")) << std::string(101, 'x');
  EXPECT_EQ(ReadFileToString(Path("big"), 100).status().message(),
            Path("big") + ": file larger than the limit of 100 bytes");
  EXPECT_TRUE(ReadFileToString(Path("big"), 101).ok());
}

}  // namespace
}  // namespace divrisk
