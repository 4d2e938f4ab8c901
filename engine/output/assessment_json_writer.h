// The assessment as one JSON object on one line (schema in README.md).
//
// Numbers are fixed point with four decimals, printed from integers
// (engine/doc/fixed_point.h), so the same assessment gives the same bytes on
// any machine and thread count, and contributions visibly sum to the score.
// Cases themselves are written by case_json_writer.h.

#ifndef DIVRISK_ENGINE_OUTPUT_ASSESSMENT_JSON_WRITER_H_
#define DIVRISK_ENGINE_OUTPUT_ASSESSMENT_JSON_WRITER_H_

#include <span>
#include <string>
#include <utility>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

// Appends the full assessment object and a newline to *out. `extra` are
// members added at the end by layers above (`precedents` of assess
// --archive): each a key and its value as JSON text.
void AppendAssessmentJson(
    const Plan& plan, const Assessment& a, std::string* out,
    std::span<const std::pair<std::string, std::string>> extra = {});

// Appends the summary object (batch --output summary) and a newline:
// case_id, rule_set_sha256, score, score_range, band, recommendation,
// hard_stops (gate ids) and the non-zero contributions. REQUIRES: `a` built
// with at least Detail::kSummary.
void AppendSummaryJson(const Plan& plan, const Assessment& a,
                       std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_OUTPUT_ASSESSMENT_JSON_WRITER_H_
