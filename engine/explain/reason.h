// The recommendation's reason in one sentence, as an officer would put it
// in a note: what decides the case (a hard stop, the Art. 7(3) rule, a
// referral gate, the licence conditions or the band), and, where the open
// questions matter, the one to ask first.
//   "Refer, not refuse: six facts not yet known could bring the score down
//    to 47.0; ask first: ..."

#ifndef DIVRISK_ENGINE_EXPLAIN_REASON_H_
#define DIVRISK_ENGINE_EXPLAIN_REASON_H_

#include <string>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

// REQUIRES: a.questions ranked (RankQuestions). Case strings in the
// sentence (through the first question) are raw: show it with Visible().
std::string RecommendationReason(const Plan& plan, const Assessment& a);

// "approve with conditions" for kApproveWithConditions.
std::string RecommendationWords(Recommendation r);

// One decimal: "47.0".
std::string Tenths(int64_t q);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_EXPLAIN_REASON_H_
