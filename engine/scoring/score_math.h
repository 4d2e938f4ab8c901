// The arithmetic from indicator values to a case's total, shared by batch
// scoring, score ranges, swings and mitigation suggestions so that they can
// never disagree.
//
//   x'_i       = x_i * prod_{m credited} (1 - mitigates_mi)   (fixed point)
//   raw_c      = sum_i x_i  * W_ic                 unmitigated (X * W)
//   mitigated_c= sum_i x'_i * W_ic                 (X' * W, Eigen, in batch)
//   final_c    = clamp(mitigated_c, 0, cap_c)
//   total      = sum_c final_c
//
// A measure lowers the indicators it names, by the fraction it names, and
// only where the case meets its requirements (CreditedMeasures). Every step
// is monotone: raising an adverse indicator never lowers the total, crediting
// a measure never raises it.

#ifndef DIVRISK_ENGINE_SCORING_SCORE_MATH_H_
#define DIVRISK_ENGINE_SCORING_SCORE_MATH_H_

#include <cmath>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "engine/model/case.h"
#include "engine/model/enums.h"
#include "rules/plan.h"

namespace divrisk {

// Scores are printed and compared in fixed point, 1/10000 of a point, so that
// contributions sum exactly to the score in every output.
inline constexpr double kScoreUnits = 10000.0;
inline int64_t Quantize(double score) {
  return static_cast<int64_t>(std::llround(score * kScoreUnits));
}

// One case's categories before and after mitigation and caps.
struct CategoryOutcome {
  Eigen::VectorXd raw;        // unmitigated, uncapped
  Eigen::VectorXd capped;     // unmitigated, capped
  Eigen::VectorXd mitigated;  // after the credited measures, uncapped
  Eigen::VectorXd final;      // after the credited measures and the cap
  double total = 0;
};

// The measures the case has: those it lists, and those its parties make
// inherent (a sale between two state bodies is government to government).
EnumSet<Mitigation> MeasuresInPlace(const Case& c);

// Whether requirement `r` holds for the case.
bool RequirementMet(MitigationRequirement r, const Case& c);

// Why measure `spec` cannot be credited for the case (empty when it can),
// leaving aside blocking indicators.
std::string RequirementGap(const MitigationSpec& spec, const Case& c);

// The first indicator whose known value reaches its `unmitigable_at`, or -1.
// `value(i)` is indicator i's kernel value (NaN when unknown).
int MitigationBlocker(const Plan& plan, const std::function<double(int)>& value);

// The measures credited for the case: in place, defined by the rule set,
// their requirements met, and no unmitigable concern present (blocker < 0).
EnumSet<Mitigation> CreditedMeasures(const Plan& plan, const Case& c,
                                     EnumSet<Mitigation> in_place, int blocker);

// Per indicator, the factor prod (1 - fraction) of the credited measures.
std::vector<double> MitigationFactors(const Plan& plan,
                                      EnumSet<Mitigation> credited);

// A fixed-point value (units of 1/10000) after its mitigation factor.
inline double MitigatedFixed(double fixed, double factor) {
  return std::round(fixed * factor);
}

// Category scores (points) of fixed-point values, each after its factor:
// the same whole-number arithmetic as the batch's X' * W.
Eigen::VectorXd CategoriesOf(const Plan& plan, std::span<const double> fixed,
                             std::span<const double> factors);

// The total over all categories (summed in category order) of mitigated
// category scores: caps only.
double TotalOf(const Plan& plan, std::span<const double> mitigated);

// Caps one case's categories, keeping each step. Its total equals TotalOf's
// over `mitigated` to the bit.
CategoryOutcome ApplyCaps(const Plan& plan, const Eigen::VectorXd& raw,
                          const Eigen::VectorXd& mitigated);

// The stricter of two recommendations.
Recommendation Worse(Recommendation a, Recommendation b);

// The recommendation of a total by the bands, before gates: the band's, or
// its uncertain_recommendation when the lowest total `min_q` lies in a lower
// band. Stores the band index in *band_out when not null.
Recommendation BandRecommendation(const Plan& plan, int64_t score_q,
                                  int64_t min_q, int* band_out);

// The band index for a quantized total.
int BandOf(const Plan& plan, int64_t total_q);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_SCORING_SCORE_MATH_H_
