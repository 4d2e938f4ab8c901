// Shared by the report tests: the example authority's rule set, and the
// bundled examples scored and explained as `divrisk assess` does.

#ifndef DIVRISK_TESTS_ENGINE_REPORT_REPORT_TEST_UTIL_H_
#define DIVRISK_TESTS_ENGINE_REPORT_REPORT_TEST_UTIL_H_

#include <memory>
#include <string>
#include <vector>

#include "engine/explain/assessment.h"
#include "engine/model/case.h"
#include "rules/plan.h"
#include "tests/bundled_plans.h"

namespace divrisk {

// One case and its assessment (which points into the case).
struct Assessed {
  std::unique_ptr<Case> c;
  Assessment a;
};
Assessed AssessCase(const Case& c);
Assessed AssessFile(const std::string& path);
// The bundled examples (examples/), sorted.
std::vector<std::string> ExampleFiles();

}  // namespace divrisk

#endif  // DIVRISK_TESTS_ENGINE_REPORT_REPORT_TEST_UTIL_H_
