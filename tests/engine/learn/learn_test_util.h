// Archives for the engine/learn tests: generated cases, constructed ones,
// written as JSON Lines and loaded.

#ifndef DIVRISK_TESTS_ENGINE_LEARN_LEARN_TEST_UTIL_H_
#define DIVRISK_TESTS_ENGINE_LEARN_LEARN_TEST_UTIL_H_

#include <fstream>
#include <string>
#include <vector>

#include "engine/generate/case_generator.h"
#include "engine/learn/archive.h"
#include "engine/output/case_json_writer.h"
#include "gtest/gtest.h"

namespace divrisk::learn {

inline std::string WriteArchive(const std::vector<Case>& cases,
                                const std::string& name) {
  const std::string path = testing::TempDir() + "/" + name;
  std::ofstream f(path, std::ios::trunc);
  for (const Case& c : cases) {
    std::string line;
    AppendCaseJson(c, &line);
    f << line << "\n";
  }
  return path;
}

inline Archive LoadOrDie(const Plan& plan, const std::string& path) {
  ArchiveOptions o;
  o.threads = 2;
  auto a = LoadArchive(plan, path, o);
  EXPECT_TRUE(a.ok()) << a.status();
  return a.ok() ? std::move(*a) : Archive();
}

inline std::vector<Case> Generated(const ReferenceData& ref, uint64_t seed, int n) {
  CaseGenerator g(ref, seed);
  std::vector<Case> out;
  for (int i = 0; i < n; ++i) out.push_back(g.Next());
  return out;
}

}  // namespace divrisk::learn

#endif  // DIVRISK_TESTS_ENGINE_LEARN_LEARN_TEST_UTIL_H_
