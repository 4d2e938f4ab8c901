// Replays, through the fuzz targets, every input that once broke one
// (tests/data/regressions/<target>/) and the hand-written hostile seeds
// (tests/fuzz/corpus/<target>/). A target aborts on a broken invariant, so
// a regression fails this test (and, in the DIVRISK_SANITIZE build, any
// memory error or undefined behaviour does too).

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "engine/doc/file_reader.h"
#include "gtest/gtest.h"
#include "tests/fuzz/fuzz_targets.h"

namespace divrisk::fuzz {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    if (e.is_regular_file() && e.path().filename().string()[0] != '.') {
      files.push_back(e.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

class FuzzRegression : public ::testing::TestWithParam<Target> {};

TEST_P(FuzzRegression, EveryKnownInputPasses) {
  const Target& target = GetParam();
  const fs::path src(DIVRISK_SOURCE_DIR);
  size_t replayed = 0;
  for (const fs::path& dir :
       {src / "tests" / "data" / "regressions" / target.name,
        src / "tests" / "fuzz" / "corpus" / target.name}) {
    for (const fs::path& file : FilesIn(dir)) {
      SCOPED_TRACE(file.string());
      absl::StatusOr<std::string> bytes =
          ReadFileToString(file.string(), size_t{64} << 20);
      ASSERT_TRUE(bytes.ok()) << bytes.status();
      EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(bytes->data()),
                           bytes->size()),
                0);
      ++replayed;
    }
  }
  // The empty input, always.
  EXPECT_EQ(target.run(reinterpret_cast<const uint8_t*>(""), 0), 0);
  RecordProperty("replayed", static_cast<int>(replayed));
}

INSTANTIATE_TEST_SUITE_P(Targets, FuzzRegression,
                         ::testing::ValuesIn(Targets().begin(),
                                             Targets().end()),
                         [](const ::testing::TestParamInfo<Target>& info) {
                           return std::string(info.param.name);
                         });

}  // namespace
}  // namespace divrisk::fuzz
