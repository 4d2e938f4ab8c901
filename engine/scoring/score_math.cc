#include "engine/scoring/score_math.h"

#include <algorithm>

#include "absl/strings/str_cat.h"

namespace divrisk {
namespace {

bool StateBody(const std::optional<PartyKind>& kind) {
  return kind == PartyKind::kArmedForces || kind == PartyKind::kPolice ||
         kind == PartyKind::kOtherGovernment;
}

}  // namespace

EnumSet<Mitigation> MeasuresInPlace(const Case& c) {
  EnumSet<Mitigation> in_place = c.mitigations;
  if (StateBody(c.exporter.kind) && StateBody(c.end_user.kind)) {
    in_place.Add(Mitigation::kGovernmentToGovernment);
  }
  return in_place;
}

bool RequirementMet(MitigationRequirement r, const Case& c) {
  switch (r) {
    case MitigationRequirement::kEucOnSiteInspection:
      return c.euc_presence == EucPresence::kPresent && c.euc.clauses &&
             c.euc.clauses->Has(EucClause::kOnSiteInspection);
    case MitigationRequirement::kStateEndUser:
      return StateBody(c.end_user.kind);
    case MitigationRequirement::kVerifiableDestruction:
      return c.end_user.surplus_disposal != SurplusDisposal::kDestroyedUnverified;
    case MitigationRequirement::kCustomsDelivery:
      return !c.transport || !c.transport->delivery ||
             (c.transport->delivery->method != DeliveryMethod::kAirdrop &&
              c.transport->delivery->method != DeliveryMethod::kAirstrip);
  }
  return false;
}

Recommendation Worse(Recommendation a, Recommendation b) {
  return static_cast<int>(a) > static_cast<int>(b) ? a : b;
}

Recommendation BandRecommendation(const Plan& plan, int64_t score_q,
                                  int64_t min_q, int* band_out) {
  const int band = BandOf(plan, score_q);
  if (band_out != nullptr) *band_out = band;
  const BandSpec& spec = plan.bands[band];
  return spec.uncertain_recommendation && BandOf(plan, min_q) < band
             ? *spec.uncertain_recommendation
             : spec.recommendation;
}

std::string RequirementGap(const MitigationSpec& spec, const Case& c) {
  for (MitigationRequirement r : spec.requirements) {
    if (RequirementMet(r, c)) continue;
    switch (r) {
      case MitigationRequirement::kEucOnSiteInspection:
        return "the EUC gives no consent to on-site inspection";
      case MitigationRequirement::kStateEndUser:
        return "the end user is not a state body";
      case MitigationRequirement::kVerifiableDestruction:
        return "the case says the surplus was destroyed without verification";
      case MitigationRequirement::kCustomsDelivery:
        return "the goods are delivered by airdrop or to an airstrip, where no "
               "customs office can certify their arrival";
    }
  }
  return "";
}

int MitigationBlocker(const Plan& plan,
                      const std::function<double(int)>& value) {
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const std::optional<double>& at = plan.indicators[i].unmitigable_at;
    if (!at) continue;
    const double v = value(static_cast<int>(i));
    if (!std::isnan(v) && v >= *at) return static_cast<int>(i);
  }
  return -1;
}

EnumSet<Mitigation> CreditedMeasures(const Plan& plan, const Case& c,
                                     EnumSet<Mitigation> in_place,
                                     int blocker) {
  EnumSet<Mitigation> credited;
  if (in_place.empty() || blocker >= 0) return credited;
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!in_place.Has(spec.measure)) continue;
    if (!RequirementGap(spec, c).empty()) continue;
    credited.Add(spec.measure);
  }
  return credited;
}

std::vector<double> MitigationFactors(const Plan& plan,
                                      EnumSet<Mitigation> credited) {
  std::vector<double> factors(plan.indicators.size(), 1.0);
  if (credited.empty()) return factors;
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!credited.Has(spec.measure)) continue;
    for (const auto& [i, fraction] : spec.mitigates) factors[i] *= 1 - fraction;
  }
  return factors;
}

Eigen::VectorXd CategoriesOf(const Plan& plan, std::span<const double> fixed,
                             std::span<const double> factors) {
  const Eigen::Index m = plan.weights_fixed.cols();
  Eigen::VectorXd out = Eigen::VectorXd::Zero(m);
  for (size_t i = 0; i < fixed.size(); ++i) {
    const double x = MitigatedFixed(fixed[i], factors[i]);
    if (x == 0) continue;
    for (Eigen::Index k = 0; k < m; ++k) {
      out[k] += x * plan.weights_fixed(static_cast<Eigen::Index>(i), k);
    }
  }
  return out / (kScoreUnits * kScoreUnits);
}

double TotalOf(const Plan& plan, std::span<const double> mitigated) {
  double total = 0;
  for (size_t c = 0; c < mitigated.size(); ++c) {
    total += std::clamp(mitigated[c], 0.0, plan.categories[c].cap);
  }
  return total;
}

CategoryOutcome ApplyCaps(const Plan& plan, const Eigen::VectorXd& raw,
                          const Eigen::VectorXd& mitigated) {
  CategoryOutcome out;
  const Eigen::Index m = raw.size();
  out.raw = raw;
  out.mitigated = mitigated;
  out.capped.resize(m);
  out.final.resize(m);
  for (Eigen::Index c = 0; c < m; ++c) {
    out.capped[c] = std::clamp(raw[c], 0.0, plan.categories[c].cap);
    out.final[c] = std::clamp(mitigated[c], 0.0, plan.categories[c].cap);
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
