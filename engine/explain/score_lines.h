// The score on the weights' scale, for people. Assessment::contributions
// share each capped category out among its indicators, so an indicator
// weighted 8 may show 4.878; an officer reads a weight of 8 as 8 points.
// Here each indicator shows value x weight, each credited measure what it
// takes off each category, and each category whose points pass its cap (or
// fall below 0) a line taking off the excess: the lines sum exactly to the
// score. Shown to one decimal, the lines are rounded by largest remainder so
// that they still add up to the score shown (RoundedTenths).

#ifndef DIVRISK_ENGINE_EXPLAIN_SCORE_LINES_H_
#define DIVRISK_ENGINE_EXPLAIN_SCORE_LINES_H_

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "engine/explain/assessment.h"
#include "rules/plan.h"

namespace divrisk {

// A score in 1/10000 points, rounded to tenths (half away from zero).
int64_t RoundedTenths(int64_t q);

// The lines of a case whose effective indicator values are `effective`,
// its credited measures `credited`, its categories `cats` and its score
// `score_q`. Ordered by category (largest shown total first), then
// indicators by points, measures, the cap.
std::vector<ScoreLine> WeightScaleLines(const Plan& plan,
                                        const Eigen::RowVectorXd& effective,
                                        EnumSet<Mitigation> credited,
                                        const CategoryOutcome& cats,
                                        int64_t score_q);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_EXPLAIN_SCORE_LINES_H_
