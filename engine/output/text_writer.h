// The assessment for a person, in plain words: the recommendation and the
// reason for it first, then the hard stops, the licence conditions, what
// drives the score (points on the weights' scale, one decimal, adding up to
// the score shown), the questions to ask next and the conditions that would
// change the outcome. Every rule-set and case string is shown as data
// (Visible()). Internal ids (indicator, gate and catalogue ids, field paths
// of open questions) only with `verbose`.

#ifndef DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_

#include <string>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

struct TextOptions {
  bool verbose = false;  // show internal ids and raw refs
};

// REQUIRES: `a` built with Detail::kFull.
void AppendAssessmentText(const Plan& plan, const Assessment& a,
                          std::string* out, const TextOptions& options = {});

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_
