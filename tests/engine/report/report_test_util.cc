#include "tests/engine/report/report_test_util.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <span>

#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gtest/gtest.h"
#include "tests/bundled_plans.h"
#include "rules/compiler.h"

namespace divrisk {


Assessed AssessCase(const Case& c) {
  Assessed out;
  out.c = std::make_unique<Case>(c);
  Executor executor(ExamplePlan());
  BatchScores scores;
  executor.Score(std::span<const Case>(out.c.get(), 1), &scores);
  out.a = Explain(ExamplePlan(), *out.c, scores, 0);
  return out;
}

Assessed AssessFile(const std::string& path) {
  absl::StatusOr<Case> c = ReadCaseFile(path, *ExamplePlan().reference);
  if (!c.ok()) {
    ADD_FAILURE() << c.status();
    std::abort();
  }
  return AssessCase(*c);
}

std::vector<std::string> ExampleFiles() {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(
           std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace divrisk
