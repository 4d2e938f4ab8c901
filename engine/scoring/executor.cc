#include "engine/scoring/executor.h"

#include <algorithm>
#include <cmath>

#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr double kUnits = 10000.0;  // fixed point of values and weights

double Fixed(double v) { return std::round(v * kUnits); }

Recommendation Worse(Recommendation a, Recommendation b) {
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

}  // namespace

void Executor::Score(std::span<const Case> cases, BatchScores* out) {
  const Eigen::Index n = static_cast<Eigen::Index>(cases.size());
  const Eigen::Index k = static_cast<Eigen::Index>(plan_.indicators.size());
  out->values.resize(n, k);
  out->effective.resize(n, k);
  fixed_.resize(n, k);
  low_.resize(n, k);
  high_.resize(n, k);
  for (Eigen::Index i = 0; i < k; ++i) {
    const IndicatorSpec& spec = plan_.indicators[i];
    double* column = out->values.col(i).data();  // column-major: contiguous
    spec.kernel->EvaluateBatch(cases, std::span<double>(column, n));
    // An indicator's weights share a sign (the compiler checks), so its
    // score-minimising value is 0 for adverse and 1 for mitigating ones.
    const bool adverse = plan_.weights.row(i).sum() >= 0;
    for (Eigen::Index r = 0; r < n; ++r) {
      const double v = column[r];
      const bool unknown = std::isnan(v);
      const double fixed = Fixed(unknown ? spec.unknown_value : v);
      fixed_(r, i) = fixed;
      out->effective(r, i) = fixed / kUnits;
      low_(r, i) = unknown ? (adverse ? 0.0 : kUnits) : fixed;
      high_(r, i) = unknown ? (adverse ? kUnits : 0.0) : fixed;
    }
  }
  // Whole numbers in, whole numbers out (see Plan::weights_fixed).
  out->categories.noalias() = fixed_ * plan_.weights_fixed;
  low_categories_.noalias() = low_ * plan_.weights_fixed;
  high_categories_.noalias() = high_ * plan_.weights_fixed;
  out->categories /= kUnits * kUnits;
  low_categories_ /= kUnits * kUnits;
  high_categories_ /= kUnits * kUnits;

  out->results.assign(n, CaseResult{});
  const Eigen::Index m = static_cast<Eigen::Index>(plan_.categories.size());
  auto row = [m](const RowMatrix& matrix, Eigen::Index r) {
    return std::span<const double>(matrix.row(r).data(), m);
  };
  for (Eigen::Index r = 0; r < n; ++r) {
    const Case& c = cases[r];
    CaseResult& result = out->results[r];
    result.score_q = Quantize(TotalOf(plan_, row(out->categories, r), c.mitigations));
    result.min_q = Quantize(TotalOf(plan_, row(low_categories_, r), c.mitigations));
    result.max_q = Quantize(TotalOf(plan_, row(high_categories_, r), c.mitigations));
    result.band = BandOf(plan_, result.score_q);
    const BandSpec& band = plan_.bands[result.band];
    result.recommendation =
        band.uncertain_recommendation && BandOf(plan_, result.min_q) < result.band
            ? *band.uncertain_recommendation
            : band.recommendation;

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
      } else {
        continue;
      }
      result.gates.push_back(hit);
      result.recommendation = Worse(result.recommendation, hit.action);
    }
    if (plan_.overriding_risk &&
        FinalOf(plan_, plan_.overriding_risk->category,
                out->categories(r, plan_.overriding_risk->category),
                c.mitigations) >= plan_.overriding_risk->threshold) {
      result.overriding_risk = true;
      result.recommendation = Recommendation::kRefuse;
    }
  }
}

}  // namespace divrisk
