// Re-scoring a sample of the audit log: each sampled row whose input was
// kept is read and scored again with the rule set it names, and the case
// id, deciding state, recommendation and score must come out as recorded
// (`divrisk audit verify`). The chain of hashes is checked by CheckChain
// (audit_log.h).

#ifndef DIVRISK_ENGINE_SERVICE_AUDIT_VERIFY_H_
#define DIVRISK_ENGINE_SERVICE_AUDIT_VERIFY_H_

#include <cstdint>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "rules/compiler.h"

namespace divrisk::service {

struct RescoreOptions {
  std::string rules_dir;
  std::string lists_dir;
  RuleFileAccess access;
  int64_t sample = 100;  // rows re-scored at most, spread over the log
};

struct RescoreResult {
  int64_t with_input = 0;    // rows that kept their input
  int64_t rescored = 0;      // of those, scored again
  int64_t other_rules = 0;   // sampled, but recorded under another rule set
  std::vector<std::string> mismatches;  // "row N: ..." for each that differs
};

absl::StatusOr<RescoreResult> RescoreSample(const std::string& db_path,
                                            const RescoreOptions& options);

}  // namespace divrisk::service

#endif  // DIVRISK_ENGINE_SERVICE_AUDIT_VERIFY_H_
