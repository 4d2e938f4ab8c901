// The rule-set compiler: a rule-set directory -> an immutable Plan.
//
// Reads `ruleset.yaml` (format documented in rules/README.md) and the
// reference files it names, resolves every name (kernels, categories,
// indicators, mitigation words), binds every kernel with its parameters and
// rejects a bad rule set with all its errors, each as
// "file:line:column: path: message". Compile once, then score any number of
// batches against the Plan from any number of threads.

#ifndef DIVRISK_RULES_COMPILER_H_
#define DIVRISK_RULES_COMPILER_H_

#include <functional>
#include <memory>
#include <string>

#include "absl/status/statusor.h"
#include "indicators/registry.h"
#include "rules/plan.h"

namespace divrisk {

// Reads a file of the rule set by its path relative to the rule-set root.
using RuleFileReader =
    std::function<absl::StatusOr<std::string>(const std::string& relative)>;

// Compiles the rule set whose files `read` returns. `origin` prefixes
// file names in errors (the directory, for a rule set on disk).
absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSet(
    const RuleFileReader& read, const std::string& origin,
    const KernelRegistry& registry = BuiltinKernels());

// Compiles the rule set in directory `dir`.
absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const KernelRegistry& registry = BuiltinKernels());

// Reads a whole file; NotFound / InvalidArgument with the path on failure.
absl::StatusOr<std::string> ReadFileToString(const std::string& path);

}  // namespace divrisk

#endif  // DIVRISK_RULES_COMPILER_H_
