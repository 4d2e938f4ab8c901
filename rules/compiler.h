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
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/doc/doc_tree.h"
#include "indicators/registry.h"
#include "rules/plan.h"

namespace divrisk {

// Reads a file of the rule set by its path relative to the rule-set root.
using RuleFileReader =
    std::function<absl::StatusOr<std::string>(const std::string& relative)>;

// Upper bounds on a rule set beyond the parser's (DocLimits: file size,
// nesting, string length). A list longer than its limit is refused with
// "indicators: more than the limit of 1000 entries" and not read; a number
// beyond `max_magnitude` is refused where it stands. They keep the weight
// matrix (indicators x categories) small and every score far from the
// limits of the fixed-point arithmetic (Plan::weights_fixed).
struct RuleSetLimits {
  size_t categories = 64;
  size_t indicators = 1000;
  size_t bands = 32;
  size_t gates = 1000;
  size_t mitigations = 100;
  size_t refs = 100;              // refs of one indicator, gate or measure
  double max_magnitude = 1e6;     // weights, caps, band bounds, thresholds
};

// Which files a rule set on disk may name (reference files, screening
// lists). A rule set comes from whoever wrote it: untrusted, every path it
// names must resolve, symbolic links followed, inside the rule-set
// directory or one of `data_dirs`; anything else is refused without being
// opened ("PATH: outside the rule-set directory ..."). `trusted` lifts the
// check; the command line sets it with --trust-rules and adds data
// directories with --data-dir (README, "Rule sets and the files they name").
struct RuleFileAccess {
  bool trusted = false;
  std::vector<std::string> data_dirs;
};

// What a compile takes from outside the rule set.
struct CompileOptions {
  // The directory of the lists `divrisk lists update` installed
  // (rules/installed_lists.h). A rule set whose `screening.installed_lists`
  // names lists screens against those found there; "" uses none, whatever
  // the rule set asks (tests and goldens do not depend on the machine).
  std::string lists_dir;
  // Which files the rule set may name besides its own directory's.
  RuleFileAccess access;
  // The deciding state for every case (`--authority`): it wins over the
  // case's licensing_state and the rule set's authority.state
  // (engine/model/deciding_state.h). It must be in the country table.
  std::optional<CountryCode> authority;
};

// Compiles the rule set whose files `read` returns. `origin` prefixes
// file names in errors (the directory, for a rule set on disk).
absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSet(
    const RuleFileReader& read, const std::string& origin,
    const KernelRegistry& registry = BuiltinKernels(),
    const RuleSetLimits& limits = {}, const CompileOptions& options = {});

// Compiles the rule set in directory `dir`.
absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const KernelRegistry& registry = BuiltinKernels());
absl::StatusOr<std::unique_ptr<const Plan>> CompileRuleSetDir(
    const std::string& dir, const CompileOptions& options,
    const KernelRegistry& registry = BuiltinKernels());

// Reads rule-set file `rel` (relative to `dir` unless it starts with '/')
// within `access`: the reader CompileRuleSetDir uses.
absl::StatusOr<std::string> ReadRuleFile(const std::string& dir,
                                         const std::string& rel,
                                         const RuleFileAccess& access);

}  // namespace divrisk

#endif  // DIVRISK_RULES_COMPILER_H_
