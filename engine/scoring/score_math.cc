#include "engine/scoring/score_math.h"

#include <algorithm>

namespace divrisk {

double FinalOf(const Plan& plan, int c, double raw,
               EnumSet<Mitigation> mitigations) {
  double v = std::clamp(raw, 0.0, plan.categories[c].cap);
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!mitigations.Has(spec.measure)) continue;
    for (const auto& [category, fraction] : spec.lowers) {
      if (category == c) v *= 1 - fraction;
    }
  }
  return v;
}

double TotalOf(const Plan& plan, std::span<const double> raw,
               EnumSet<Mitigation> mitigations) {
  double total = 0;
  for (size_t c = 0; c < raw.size(); ++c) {
    total += FinalOf(plan, static_cast<int>(c), raw[c], mitigations);
  }
  return total;
}

CategoryOutcome ApplyCapsAndMitigation(const Plan& plan,
                                       const Eigen::VectorXd& raw,
                                       EnumSet<Mitigation> mitigations) {
  CategoryOutcome out;
  const Eigen::Index m = raw.size();
  out.raw = raw;
  out.capped.resize(m);
  out.final.resize(m);
  for (Eigen::Index c = 0; c < m; ++c) {
    out.capped[c] = std::clamp(raw[c], 0.0, plan.categories[c].cap);
    out.final[c] = FinalOf(plan, static_cast<int>(c), raw[c], mitigations);
    out.total += out.final[c];
  }
  return out;
}

int BandOf(const Plan& plan, int64_t total_q) {
  for (size_t b = 0; b + 1 < plan.bands.size(); ++b) {
    if (total_q < Quantize(*plan.bands[b].below)) return static_cast<int>(b);
  }
  return static_cast<int>(plan.bands.size()) - 1;
}

}  // namespace divrisk
