// The report of a calibration, as text for a person and as one JSON object.
// Both carry the current rule set's name, version and SHA-256, and the
// proposed one's when it was written; neither carries a time, so the same
// archive and rule set give the same bytes.

#ifndef DIVRISK_ENGINE_LEARN_CALIBRATION_REPORT_H_
#define DIVRISK_ENGINE_LEARN_CALIBRATION_REPORT_H_

#include <string>

#include "engine/learn/archive.h"
#include "engine/learn/calibration.h"
#include "rules/plan.h"

namespace divrisk::learn {

struct ReportContext {
  std::string archive;          // its path, as given
  uint64_t read = 0, rejected = 0;
  const Plan* proposed = nullptr;  // the proposed rule set, compiled
  std::string proposed_dir;
  std::string rules_dir;
};

// Header lines for the proposed ruleset.yaml: what was fitted on what.
std::string ProposalSummary(const Plan& plan, const Calibration& c,
                            const ReportContext& ctx);

void AppendCalibrationText(const Plan& plan, const Calibration& c,
                           const ReportContext& ctx, std::string* out);
void AppendCalibrationJson(const Plan& plan, const Calibration& c,
                           const ReportContext& ctx, std::string* out);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_CALIBRATION_REPORT_H_
