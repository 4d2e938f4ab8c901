#include "engine/scoring/executor.h"

#include <algorithm>
#include <cmath>

#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr double kUnits = 10000.0;  // fixed point of values and weights

double Fixed(double v) { return std::round(v * kUnits); }

}  // namespace

void Executor::Score(std::span<const Case> cases, BatchScores* out) {
  const Eigen::Index n = static_cast<Eigen::Index>(cases.size());
  const Eigen::Index k = static_cast<Eigen::Index>(plan_.indicators.size());
  out->values.resize(n, k);
  out->effective.resize(n, k);
  fixed_.resize(n, k);
  mitigated_.resize(n, k);
  low_.resize(n, k);
  high_.resize(n, k);
  // Contexts are reset, not rebuilt: their storage serves the next batch.
  out->contexts.resize(cases.size());
  for (size_t r = 0; r < cases.size(); ++r) out->contexts[r].Reset(cases[r]);
  const std::span<const CaseContext> contexts(out->contexts);
  for (Eigen::Index i = 0; i < k; ++i) {
    const IndicatorSpec& spec = plan_.indicators[i];
    double* column = out->values.col(i).data();  // column-major: contiguous
    spec.kernel->EvaluateBatch(contexts, std::span<double>(column, n));
    for (Eigen::Index r = 0; r < n; ++r) {
      const double v = column[r];
      const double fixed = Fixed(std::isnan(v) ? spec.unknown_value : v);
      fixed_(r, i) = fixed;
      out->effective(r, i) = fixed / kUnits;
    }
  }

  // The measures credited for each case, and the values after them. An
  // indicator's weights share a sign (the compiler checks), so its
  // score-minimising value is 0 for adverse and 1 for mitigating ones.
  out->results.assign(n, CaseResult{});
  for (Eigen::Index r = 0; r < n; ++r) {
    const Case& c = cases[r];
    CaseResult& result = out->results[r];
    const EnumSet<Mitigation> in_place = MeasuresInPlace(c);
    if (!in_place.empty()) {
      result.mitigation_blocked_by = MitigationBlocker(
          plan_, [&](int i) { return out->values(r, i); });
      result.credited = CreditedMeasures(plan_, c, in_place,
                                         result.mitigation_blocked_by);
    }
    std::vector<double> factors;
    if (!result.credited.empty()) {
      factors = MitigationFactors(plan_, result.credited);
    }
    for (Eigen::Index i = 0; i < k; ++i) {
      const double f = factors.empty() ? 1.0 : factors[i];
      const bool unknown = std::isnan(out->values(r, i));
      const bool adverse = plan_.weights.row(i).sum() >= 0;
      mitigated_(r, i) = MitigatedFixed(fixed_(r, i), f);
      low_(r, i) = unknown ? (adverse ? 0.0 : MitigatedFixed(kUnits, f))
                           : mitigated_(r, i);
      high_(r, i) = unknown ? (adverse ? MitigatedFixed(kUnits, f) : 0.0)
                            : mitigated_(r, i);
    }
  }

  // Whole numbers in, whole numbers out (see Plan::weights_fixed).
  out->raw.noalias() = fixed_ * plan_.weights_fixed;
  out->categories.noalias() = mitigated_ * plan_.weights_fixed;
  low_categories_.noalias() = low_ * plan_.weights_fixed;
  high_categories_.noalias() = high_ * plan_.weights_fixed;
  out->raw /= kUnits * kUnits;
  out->categories /= kUnits * kUnits;
  low_categories_ /= kUnits * kUnits;
  high_categories_ /= kUnits * kUnits;

  const Eigen::Index m = static_cast<Eigen::Index>(plan_.categories.size());
  auto row = [m](const RowMatrix& matrix, Eigen::Index r) {
    return std::span<const double>(matrix.row(r).data(), m);
  };
  const OverridingRiskSpec* overriding =
      plan_.overriding_risk ? &*plan_.overriding_risk : nullptr;
  auto overriding_reached = [&](const RowMatrix& matrix, Eigen::Index r) {
    return overriding != nullptr &&
           std::clamp(matrix(r, overriding->category), 0.0,
                      plan_.categories[overriding->category].cap) >=
               overriding->threshold;
  };
  for (Eigen::Index r = 0; r < n; ++r) {
    CaseResult& result = out->results[r];
    result.score_q = Quantize(TotalOf(plan_, row(out->categories, r)));
    result.min_q = Quantize(TotalOf(plan_, row(low_categories_, r)));
    result.max_q = Quantize(TotalOf(plan_, row(high_categories_, r)));
    result.recommendation =
        BandRecommendation(plan_, result.score_q, result.min_q, &result.band);

    // Would the case fare worse without its licence conditions? The range
    // of the unmitigated score is not computed: its lowest end is taken as
    // the mitigated one's, which can only make "worse" rarer.
    if (!result.credited.empty()) {
      Recommendation bare = BandRecommendation(
          plan_, Quantize(TotalOf(plan_, row(out->raw, r))),
          Quantize(TotalOf(plan_, row(out->raw, r))) -
              (result.score_q - result.min_q),
          nullptr);
      if (overriding_reached(out->raw, r)) bare = Recommendation::kRefuse;
      if (static_cast<int>(bare) > static_cast<int>(result.recommendation)) {
        result.rests_on_conditions = true;
        result.recommendation = Worse(result.recommendation,
                                      Recommendation::kApproveWithConditions);
      }
    }

    for (size_t g = 0; g < plan_.gates.size(); ++g) {
      const GateSpec& gate = plan_.gates[g];
      const double v = out->values(r, gate.indicator);
      GateHit hit{static_cast<int>(g), Recommendation::kApprove, false};
      if (std::isnan(v)) {
        if (!gate.refer_if_unknown) continue;
        hit.action = Recommendation::kRefer;
        hit.on_unknown = true;
      } else if (gate.refuse_at && v >= *gate.refuse_at) {
        hit.action = Recommendation::kRefuse;
      } else if (gate.refer_at && v >= *gate.refer_at) {
        hit.action = Recommendation::kRefer;
      } else if (gate.conditions_at && v >= *gate.conditions_at) {
        hit.action = Recommendation::kApproveWithConditions;
      } else {
        continue;
      }
      result.gates.push_back(hit);
      result.recommendation = Worse(result.recommendation, hit.action);
    }
    // Art. 7(3): the category after only the measures that mitigate its
    // indicators (X' holds no other), mitigated before the cap applies.
    if (overriding_reached(out->categories, r)) {
      result.overriding_risk = true;
      result.recommendation = Recommendation::kRefuse;
    }
  }
}

}  // namespace divrisk
