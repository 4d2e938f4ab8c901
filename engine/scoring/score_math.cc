#include "engine/scoring/score_math.h"

#include <algorithm>

namespace divrisk {

CategoryOutcome ApplyCapsAndMitigation(const Plan& plan,
                                       const Eigen::VectorXd& raw,
                                       EnumSet<Mitigation> mitigations) {
  CategoryOutcome out;
  const Eigen::Index m = raw.size();
  out.raw = raw;
  out.capped.resize(m);
  for (Eigen::Index c = 0; c < m; ++c) {
    out.capped[c] = std::clamp(raw[c], 0.0, plan.categories[c].cap);
  }
  out.final = out.capped;
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!mitigations.Has(spec.measure)) continue;
    for (const auto& [c, fraction] : spec.lowers) out.final[c] *= 1 - fraction;
  }
  out.total = out.final.sum();
  return out;
}

int BandOf(const Plan& plan, int64_t total_q) {
  for (size_t b = 0; b + 1 < plan.bands.size(); ++b) {
    if (total_q < Quantize(*plan.bands[b].below)) return static_cast<int>(b);
  }
  return static_cast<int>(plan.bands.size()) - 1;
}

}  // namespace divrisk
