// Shared by the batch tests: the bundled rule set, compiled once, and the
// bundled YAML examples as JSON lines.

#ifndef DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_
#define DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_

#include <string>
#include <vector>

#include "rules/plan.h"
#include "tests/bundled_plans.h"

namespace divrisk {

// A whole file's bytes ("" when it cannot be read), and a file written
// with exactly `bytes`: the batch tests' view of their outputs.
std::string Read(const std::string& path);
void Write(const std::string& path, const std::string& bytes);

// The YAML examples in file-name order as compact JSON lines, `copies`
// times, each id made unique per copy ("X" -> "X-k").
std::vector<std::string> ExampleLines(int copies);

}  // namespace divrisk

#endif  // DIVRISK_TESTS_ENGINE_BATCH_EXAMPLE_LINES_H_
