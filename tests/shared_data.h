// Tests that read ../shared (the project's shared data and specification).
//
// Outside CI such a test skips when ../shared is absent, saying so. Under
// CI (the environment variable CI set to anything but "" or "false", as
// every CI service sets CI=true) it fails instead: a CI run that silently
// skips the shared-data tests proves nothing. Every test that needs ../shared
// goes through DIVRISK_REQUIRE_SHARED, so there is one rule.

#ifndef DIVRISK_TESTS_SHARED_DATA_H_
#define DIVRISK_TESTS_SHARED_DATA_H_

#include <cstdlib>
#include <filesystem>
#include <string>
#include <string_view>

#include "gtest/gtest.h"

namespace divrisk::testing {

// True when the environment says this is a CI run.
inline bool RunningInCi() {
  const char* ci = std::getenv("CI");
  if (ci == nullptr) return false;
  const std::string_view v(ci);
  return !v.empty() && v != "false" && v != "0";
}

// The path of `rel` under ../shared.
inline std::string SharedPath(std::string_view rel) {
  return std::string(DIVRISK_SHARED_DIR) + "/" + std::string(rel);
}

}  // namespace divrisk::testing

// In a test body or SetUp: skips (fails under CI) when `path` is absent.
#define DIVRISK_REQUIRE_SHARED(path)                                     \
  do {                                                                   \
    const std::string divrisk_required_path_ = (path);                   \
    if (!std::filesystem::exists(divrisk_required_path_)) {              \
      if (::divrisk::testing::RunningInCi()) {                           \
        FAIL() << divrisk_required_path_                                 \
               << " is absent, and CI must not skip shared-data tests";  \
      }                                                                  \
      GTEST_SKIP() << divrisk_required_path_ << " is absent";            \
    }                                                                    \
  } while (false)

#endif  // DIVRISK_TESTS_SHARED_DATA_H_
