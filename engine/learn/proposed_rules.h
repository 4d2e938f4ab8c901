// The proposed rule set of a calibration: a copy of the current rule-set
// directory whose ruleset.yaml has the proposed weights (and, with priors,
// unknown values), a new version, and the fit's summary as a header
// comment. Only the numbers change: every other line, comment and file is
// the current rule set's, so `divrisk diff --old CURRENT --new PROPOSED`
// shows exactly what the change would do.

#ifndef DIVRISK_ENGINE_LEARN_PROPOSED_RULES_H_
#define DIVRISK_ENGINE_LEARN_PROPOSED_RULES_H_

#include <string>

#include "absl/status/status.h"
#include "engine/learn/calibration.h"
#include "rules/plan.h"

namespace divrisk::learn {

// The version the proposed rule set carries: "<current>-calibrated".
std::string ProposedVersion(const Plan& plan);

// Writes the proposal into `out_dir`, which must not exist yet (it is built
// under a temporary name beside it and renamed when complete). `summary`
// lines become the header comment.
absl::Status WriteProposedRuleSet(const Plan& plan, const std::string& rules_dir,
                                  const Calibration& calibration,
                                  const std::string& summary,
                                  const std::string& version,
                                  const std::string& out_dir);

// The text of ruleset.yaml with the proposal applied (exposed for tests).
absl::StatusOr<std::string> ApplyProposal(const Plan& plan,
                                          const std::string& yaml,
                                          const Calibration& calibration,
                                          const std::string& summary,
                                          const std::string& version);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_PROPOSED_RULES_H_
