// The assessment for a person: recommendation and band first, then hard
// stops, the contributions that matter, what to ask next, and suggested
// licence conditions.

#ifndef DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_

#include <string>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

void AppendAssessmentText(const Plan& plan, const Assessment& a,
                          std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_TEXT_WRITER_H_
