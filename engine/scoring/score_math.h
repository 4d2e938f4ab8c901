// The arithmetic from category scores to a case's total, shared by batch
// scoring, score ranges, swings and mitigation suggestions so that they can
// never disagree.
//
//   raw_c      = sum_i x_i * W_ic                 (X * W, Eigen, in batch)
//   capped_c   = clamp(raw_c, 0, cap_c)
//   final_c    = capped_c * prod_{m in case} (1 - lowers_mc)
//   total      = sum_c final_c
//
// Every step is monotone: raising an adverse indicator never lowers the
// total, adding a mitigation never raises it.

#ifndef DIVRISK_ENGINE_SCORING_SCORE_MATH_H_
#define DIVRISK_ENGINE_SCORING_SCORE_MATH_H_

#include <cmath>
#include <cstdint>
#include <span>

#include <Eigen/Core>

#include "engine/model/enums.h"
#include "rules/plan.h"

namespace divrisk {

// Scores are printed and compared in fixed point, 1/10000 of a point, so that
// contributions sum exactly to the score in every output.
inline constexpr double kScoreUnits = 10000.0;
inline int64_t Quantize(double score) {
  return static_cast<int64_t>(std::llround(score * kScoreUnits));
}

// One case's categories after caps and mitigation.
struct CategoryOutcome {
  Eigen::VectorXd raw;
  Eigen::VectorXd capped;
  Eigen::VectorXd final;
  double total = 0;
};

// Category `c`'s score after its cap and the case's mitigations, applied in
// the rule set's order.
double FinalOf(const Plan& plan, int c, double raw, EnumSet<Mitigation> mitigations);

// The total over all categories (summed in category order), without
// allocating: for batch scoring, ranges and what-ifs.
double TotalOf(const Plan& plan, std::span<const double> raw,
               EnumSet<Mitigation> mitigations);

// Caps and mitigates one case's raw category scores, keeping each step.
// Its total equals TotalOf's to the bit.
CategoryOutcome ApplyCapsAndMitigation(const Plan& plan,
                                       const Eigen::VectorXd& raw,
                                       EnumSet<Mitigation> mitigations);

// The band index for a quantized total.
int BandOf(const Plan& plan, int64_t total_q);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_SCORING_SCORE_MATH_H_
