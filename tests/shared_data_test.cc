// The rule of tests/shared_data.h: which values of CI make a run a CI run.

#include "tests/shared_data.h"

#include <cstdlib>

#include "gtest/gtest.h"

namespace divrisk::testing {
namespace {

TEST(SharedData, CiIsSetByAnyValueButEmptyZeroOrFalse) {
  const char* saved = std::getenv("CI");
  const std::string keep = saved ? saved : "";
  for (const char* v : {"true", "1", "yes"}) {
    setenv("CI", v, 1);
    EXPECT_TRUE(RunningInCi()) << v;
  }
  for (const char* v : {"", "0", "false"}) {
    setenv("CI", v, 1);
    EXPECT_FALSE(RunningInCi()) << v;
  }
  unsetenv("CI");
  EXPECT_FALSE(RunningInCi());
  if (saved) setenv("CI", keep.c_str(), 1);
}

TEST(SharedData, AnAbsentPathSkipsOutsideCi) {
  const char* saved = std::getenv("CI");
  if (saved != nullptr && RunningInCi()) GTEST_SKIP() << "CI is set";
  DIVRISK_REQUIRE_SHARED(SharedPath("no/such/file"));
  ADD_FAILURE() << "not skipped";
}

}  // namespace
}  // namespace divrisk::testing
