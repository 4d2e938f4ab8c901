// Cases for benchmarks: the bundled examples, read once and repeated to the
// size a benchmark asks for, with the default rule set compiled once.

#ifndef DIVRISK_BENCH_BENCH_CASES_H_
#define DIVRISK_BENCH_BENCH_CASES_H_

#include <string>
#include <vector>

#include "engine/model/case.h"
#include "rules/plan.h"

namespace divrisk::bench {

const Plan& DefaultPlan();
// The example files' texts (YAML) and as JSON lines.
const std::vector<std::string>& ExampleYaml();
const std::vector<std::string>& ExampleJsonLines();
// `n` cases cycling through the examples.
std::vector<Case> ExampleCases(size_t n);

}  // namespace divrisk::bench

#endif  // DIVRISK_BENCH_BENCH_CASES_H_
