#include "engine/explain/assessment.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>

#include "absl/strings/str_cat.h"

namespace divrisk {
namespace {

// Splits the case's total into per-indicator and per-mitigation lines.
// Indicator lines carry their share of each capped category; a mitigation
// line carries what it took off each category, measures applied in the rule
// set's order (the same order ApplyCapsAndMitigation uses).
void Decompose(const Plan& plan, const Case& c, const Eigen::RowVectorXd& x,
               const CategoryOutcome& cats, std::vector<Contribution>* out) {
  const Eigen::Index m = cats.raw.size();
  Eigen::VectorXd scale(m);
  for (Eigen::Index k = 0; k < m; ++k) {
    scale[k] = cats.raw[k] > 0 ? cats.capped[k] / cats.raw[k] : 0.0;
  }
  std::vector<double> exact;
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const double v = x[static_cast<Eigen::Index>(i)];
    double share = 0;
    for (Eigen::Index k = 0; k < m; ++k) {
      share += v * plan.weights(static_cast<Eigen::Index>(i), k) * scale[k];
    }
    if (share == 0) continue;
    Contribution line;
    line.indicator = static_cast<int>(i);
    line.value = v;
    line.weight = plan.weights.row(static_cast<Eigen::Index>(i)).sum();
    out->push_back(std::move(line));
    exact.push_back(share);
  }
  Eigen::VectorXd remaining = cats.capped;
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!c.mitigations.Has(spec.measure)) continue;
    double taken = 0;
    for (const auto& [k, fraction] : spec.lowers) {
      taken += remaining[k] * fraction;
      remaining[k] *= 1 - fraction;
    }
    if (taken == 0) continue;
    Contribution line;
    line.mitigation = spec.measure;
    out->push_back(std::move(line));
    exact.push_back(-taken);
  }
  // Quantize each line, then give the rounding residual to the largest line
  // so that the lines sum exactly to the quantized total.
  int64_t sum = 0;
  size_t largest = 0;
  for (size_t j = 0; j < exact.size(); ++j) {
    (*out)[j].contribution_q = Quantize(exact[j]);
    sum += (*out)[j].contribution_q;
    if (std::abs(exact[j]) > std::abs(exact[largest])) largest = j;
  }
  if (!exact.empty()) (*out)[largest].contribution_q += Quantize(cats.total) - sum;
}

// The unknown facts, with how far each could move the score: the total with
// the indicator at 1 less the total with it at 0, other unknowns held at
// their rule-set values.
void RankUnknowns(const Plan& plan, const Case& c, const BatchScores& scores,
                  int row, const CaseResult& result,
                  std::vector<UnknownFact>* out) {
  std::map<std::string, UnknownFact> by_fact;
  const Eigen::Index m = static_cast<Eigen::Index>(plan.categories.size());
  std::vector<double> high(m), low(m);
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Eigen::Index ii = static_cast<Eigen::Index>(i);
    if (!std::isnan(scores.values(row, ii))) continue;
    const double u = plan.indicators[i].unknown_value;
    for (Eigen::Index k = 0; k < m; ++k) {
      const double base = scores.categories(row, k);
      high[k] = base + (1 - u) * plan.weights(ii, k);
      low[k] = base - u * plan.weights(ii, k);
    }
    const int64_t swing =
        std::llabs(Quantize(TotalOf(plan, high, c.mitigations)) -
                   Quantize(TotalOf(plan, low, c.mitigations)));
    std::vector<int> gates;
    for (const GateHit& hit : result.gates) {
      if (hit.on_unknown && plan.gates[hit.gate].indicator == static_cast<int>(i)) {
        gates.push_back(hit.gate);
      }
    }
    if (swing == 0 && gates.empty()) continue;
    Evidence ev;
    plan.indicators[i].kernel->Explain(c, &ev);
    if (ev.unknown_facts.empty()) ev.unknown_facts.push_back(plan.indicators[i].id);
    for (const std::string& fact : ev.unknown_facts) {
      UnknownFact& u_fact = by_fact[fact];
      u_fact.fact = fact;
      u_fact.swing_q = std::max(u_fact.swing_q, swing);
      u_fact.indicators.push_back(static_cast<int>(i));
      u_fact.gates.insert(u_fact.gates.end(), gates.begin(), gates.end());
    }
  }
  for (auto& [fact, u] : by_fact) out->push_back(std::move(u));
  std::stable_sort(out->begin(), out->end(), [](const auto& a, const auto& b) {
    return a.swing_q > b.swing_q;
  });
}

}  // namespace

std::string ContributionName(const Plan& plan, const Contribution& line) {
  return line.mitigation
             ? absl::StrCat("mitigation:", EnumWord(*line.mitigation))
             : plan.indicators[line.indicator].id;
}

Assessment Explain(const Plan& plan, const Case& c, const BatchScores& scores,
                   int row, Detail detail) {
  const bool full = detail == Detail::kFull;
  Assessment a;
  a.c = &c;
  a.result = scores.results[row];
  const Eigen::VectorXd raw = scores.categories.row(row).transpose();
  a.categories = ApplyCapsAndMitigation(plan, raw, c.mitigations);

  Decompose(plan, c, scores.effective.row(row), a.categories, &a.contributions);
  // Sorted before the evidence is added: the lines are light to move then.
  std::stable_sort(a.contributions.begin(), a.contributions.end(),
                   [](const Contribution& x, const Contribution& y) {
                     return std::llabs(x.contribution_q) >
                            std::llabs(y.contribution_q);
                   });
  for (Contribution& line : a.contributions) {
    if (line.indicator < 0) continue;
    line.unknown = std::isnan(scores.values(row, line.indicator));
    if (full) plan.indicators[line.indicator].kernel->Explain(c, &line.evidence);
  }

  for (const GateHit& hit : a.result.gates) {
    HardStop stop{hit.gate, hit.action, hit.on_unknown, {}};
    if (full) {
      plan.indicators[plan.gates[hit.gate].indicator].kernel->Explain(
          c, &stop.evidence);
    }
    a.hard_stops.push_back(std::move(stop));
  }
  if (!full) return a;

  RankUnknowns(plan, c, scores, row, a.result, &a.unknowns);

  for (const MitigationSpec& spec : plan.mitigations) {
    if (c.mitigations.Has(spec.measure)) continue;
    EnumSet<Mitigation> with = c.mitigations;
    with.Add(spec.measure);
    const int64_t score = Quantize(
        TotalOf(plan, std::span<const double>(raw.data(), raw.size()), with));
    if (score < a.result.score_q) a.suggestions.push_back({spec.measure, score});
  }
  std::stable_sort(a.suggestions.begin(), a.suggestions.end(),
                   [](const auto& x, const auto& y) {
                     return x.score_q < y.score_q;
                   });
  return a;
}

}  // namespace divrisk
