// Shared by the batch tests: the bundled rule set, compiled once, and the
// bundled YAML examples as JSON lines.

#ifndef DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_
#define DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_

#include <string>
#include <vector>

#include "rules/plan.h"

namespace divrisk {

// rules/att-default, compiled on first use (aborts if it does not compile).
const Plan& DefaultPlan();

// The YAML examples in file-name order as compact JSON lines, `copies`
// times, each id made unique per copy ("X" -> "X-k").
std::vector<std::string> ExampleLines(int copies);

}  // namespace divrisk

#endif  // DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_
