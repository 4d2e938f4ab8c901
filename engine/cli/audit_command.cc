// divrisk audit verify: checks the service's audit log (engine/service):
// the chain of hashes over every row, then a sample of the rows whose input
// was kept, scored again with the rule set.

#include <iostream>

#include "engine/cli/commands.h"
#include "engine/service/audit_log.h"
#include "engine/service/audit_verify.h"

namespace divrisk::cli {

int RunAuditVerify(const AuditVerifyOptions& o) {
  absl::StatusOr<service::ChainCheck> chain = service::CheckChain(o.db);
  if (!chain.ok()) {
    std::cerr << chain.status().message() << "\n";
    return kExitInvalid;
  }
  if (chain->first_bad_seq != 0) {
    std::cout << o.db << ": chain broken at row " << chain->first_bad_seq
              << ": " << chain->problem << "\n";
    return ExitAfterFlushingStdout(kExitInvalid);
  }
  std::cout << o.db << ": chain intact over " << chain->rows << " rows\n";
  if (o.chain_only) return ExitAfterFlushingStdout(kExitOk);
  service::RescoreOptions options;
  options.rules_dir = o.rules_dir;
  options.lists_dir = o.lists_dir;
  options.access = o.access;
  options.sample = o.sample;
  absl::StatusOr<service::RescoreResult> r =
      service::RescoreSample(o.db, options);
  if (!r.ok()) {
    std::cerr << r.status().message() << "\n";
    return kExitInvalid;
  }
  std::cout << "re-scored " << r->rescored << " of " << r->with_input
            << " rows with their input kept";
  if (r->other_rules > 0) {
    std::cout << " (" << r->other_rules
              << " sampled rows were scored with another rule set: pass its "
                 "directory with --rules to re-score them)";
  }
  std::cout << ": " << r->mismatches.size() << " differ\n";
  for (const std::string& m : r->mismatches) std::cout << "  " << m << "\n";
  return ExitAfterFlushingStdout(r->mismatches.empty() ? kExitOk : kExitInvalid);
}

}  // namespace divrisk::cli
