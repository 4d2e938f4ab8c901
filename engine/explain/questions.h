// "What to ask next": the unknown facts of an assessment turned into
// questions from the rule set's templates (IndicatorSpec::question),
// addressed to the applicant, the end user, the embassy or the authority's
// own records, and ranked by what the answer could change.

#ifndef DIVRISK_ENGINE_EXPLAIN_QUESTIONS_H_
#define DIVRISK_ENGINE_EXPLAIN_QUESTIONS_H_

#include <string>
#include <vector>

#include "engine/explain/assessment.h"
#include "engine/model/case.h"
#include "rules/plan.h"

namespace divrisk {

// The question template of indicator `indicator`, or, when the rule set
// gives none, the fallback: the applicant is asked to confirm or rule out
// the indicator's evidence sentence.
QuestionTemplate QuestionFor(const Plan& plan, int indicator);

// `text` with {end_user}, {exporter} and {destination} replaced by the
// case's end-user name, exporter name and destination country name (raw:
// writers show the result with Visible()).
std::string FillQuestion(const Plan& plan, const Case& c,
                         const std::string& text);

// The questions for a.unknowns: one per distinct question (facts that lead
// to the same question are merged, the largest swing kept), the ones whose
// answer could change the recommendation first (a gate held open by the
// fact, or an answer, benign or adverse, that would take the score into
// another band while no known hard stop decides the case), then by swing,
// largest first.
std::vector<Question> RankQuestions(const Plan& plan, const Case& c,
                                    const Assessment& a);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_EXPLAIN_QUESTIONS_H_
