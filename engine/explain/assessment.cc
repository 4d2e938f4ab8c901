#include "engine/explain/assessment.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <span>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/explain/questions.h"
#include "engine/explain/reason.h"
#include "engine/explain/score_lines.h"

namespace divrisk {
namespace {

constexpr double kUnits = 10000.0;

// Splits the case's total into per-indicator and per-measure lines.
// Indicator lines carry their share of each category's unmitigated capped
// score; the measures' lines carry what the credited measures took off each
// capped category, split between the measures by the points each took off
// its indicators (in the rule set's order, as MitigationFactors applies
// them).
void Decompose(const Plan& plan, const Eigen::RowVectorXd& x,
               EnumSet<Mitigation> credited, const CategoryOutcome& cats,
               std::vector<Contribution>* out) {
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
  if (!credited.empty()) {
    // Points each measure took off each category, before caps.
    std::vector<double> factor(plan.indicators.size(), 1.0);
    std::vector<std::pair<Mitigation, Eigen::VectorXd>> took;
    Eigen::VectorXd total_took = Eigen::VectorXd::Zero(m);
    for (const MitigationSpec& spec : plan.mitigations) {
      if (!credited.Has(spec.measure)) continue;
      Eigen::VectorXd t = Eigen::VectorXd::Zero(m);
      for (const auto& [i, fraction] : spec.mitigates) {
        const double before = factor[i];
        factor[i] *= 1 - fraction;
        for (Eigen::Index k = 0; k < m; ++k) {
          t[k] += x[i] * plan.weights(i, k) * (before - factor[i]);
        }
      }
      total_took += t;
      took.emplace_back(spec.measure, std::move(t));
    }
    for (auto& [measure, t] : took) {
      double taken = 0;
      for (Eigen::Index k = 0; k < m; ++k) {
        const double off = cats.capped[k] - cats.final[k];
        if (off != 0 && total_took[k] != 0) taken += off * t[k] / total_took[k];
      }
      if (taken == 0) continue;
      Contribution line;
      line.mitigation = measure;
      out->push_back(std::move(line));
      exact.push_back(-taken);
    }
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
// their rule-set values, the credited measures applied.
void RankUnknowns(const Plan& plan, const CaseContext& c,
                  const BatchScores& scores, int row, const CaseResult& result,
                  const std::vector<double>& factors,
                  std::vector<UnknownFact>* out) {
  std::map<std::string, UnknownFact> by_fact;
  const Eigen::Index m = static_cast<Eigen::Index>(plan.categories.size());
  std::vector<double> high(m), low(m);
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const Eigen::Index ii = static_cast<Eigen::Index>(i);
    if (!std::isnan(scores.values(row, ii))) continue;
    const double u = plan.indicators[i].unknown_value;
    const double f = factors[i];
    for (Eigen::Index k = 0; k < m; ++k) {
      const double base = scores.categories(row, k);
      high[k] = base + (1 - u) * f * plan.weights(ii, k);
      low[k] = base - u * f * plan.weights(ii, k);
    }
    int64_t high_q = Quantize(TotalOf(plan, high));
    int64_t low_q = Quantize(TotalOf(plan, low));
    if (high_q < low_q) std::swap(high_q, low_q);  // a mitigating indicator
    const int64_t swing = high_q - low_q;
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
      if (u_fact.fact.empty()) {
        u_fact.low_q = low_q;
        u_fact.high_q = high_q;
      }
      u_fact.fact = fact;
      u_fact.swing_q = std::max(u_fact.swing_q, swing);
      u_fact.low_q = std::min(u_fact.low_q, low_q);
      u_fact.high_q = std::max(u_fact.high_q, high_q);
      u_fact.indicators.push_back(static_cast<int>(i));
      u_fact.gates.insert(u_fact.gates.end(), gates.begin(), gates.end());
    }
  }
  for (auto& [fact, u] : by_fact) out->push_back(std::move(u));
  std::stable_sort(out->begin(), out->end(), [](const auto& a, const auto& b) {
    return a.swing_q > b.swing_q;
  });
}

// The case's effective values in fixed point.
std::vector<double> FixedRow(const BatchScores& scores, int row) {
  std::vector<double> fixed(scores.effective.cols());
  for (Eigen::Index i = 0; i < scores.effective.cols(); ++i) {
    fixed[i] = std::round(scores.effective(row, i) * kUnits);
  }
  return fixed;
}


// The recommendation the case would get with the credited measures
// `credited`: the executor's steps (bands with the uncertain rule, the
// licence conditions' floor, gates, Art. 7(3)) on the values of `row`.
Recommendation RecommendationWith(const Plan& plan, const BatchScores& scores,
                                  int row, const CaseResult& result,
                                  EnumSet<Mitigation> credited,
                                  int64_t* score_out, int* band_out) {
  const std::vector<double> fixed = FixedRow(scores, row);
  std::vector<double> low = fixed;
  for (size_t i = 0; i < low.size(); ++i) {
    if (!std::isnan(scores.values(row, static_cast<Eigen::Index>(i)))) continue;
    const bool adverse = plan.weights.row(static_cast<Eigen::Index>(i)).sum() >= 0;
    low[i] = adverse ? 0.0 : kUnits;
  }
  const std::vector<double> f = MitigationFactors(plan, credited);
  const Eigen::VectorXd cats = CategoriesOf(plan, fixed, f);
  const Eigen::VectorXd low_cats = CategoriesOf(plan, low, f);
  auto total = [&](const Eigen::VectorXd& v) {
    return Quantize(TotalOf(plan, std::span<const double>(v.data(), v.size())));
  };
  const int64_t score = total(cats);
  const int64_t min = total(low_cats);
  Recommendation rec = BandRecommendation(plan, score, min, band_out);
  const Eigen::VectorXd raw = scores.raw.row(row).transpose();
  const int64_t raw_total = total(raw);
  auto overriding = [&](const Eigen::VectorXd& v) {
    if (!plan.overriding_risk) return false;
    const OverridingRiskSpec& o = *plan.overriding_risk;
    return std::clamp(v[o.category], 0.0, plan.categories[o.category].cap) >=
           o.threshold;
  };
  if (!credited.empty()) {
    Recommendation bare =
        BandRecommendation(plan, raw_total, raw_total - (score - min), nullptr);
    if (overriding(raw)) bare = Recommendation::kRefuse;
    if (static_cast<int>(bare) > static_cast<int>(rec)) {
      rec = Worse(rec, Recommendation::kApproveWithConditions);
    }
  }
  for (const GateHit& hit : result.gates) rec = Worse(rec, hit.action);
  if (overriding(cats)) rec = Recommendation::kRefuse;
  *score_out = score;
  return rec;
}

// Suggestions: measures not in place whose requirements the case meets,
// where no unmitigable concern bars them and no known hard stop refuses,
// that would change the band or the recommendation; each says how.
void Suggest(const Plan& plan, const Case& c, const BatchScores& scores,
             int row, Assessment* a) {
  if (a->mitigation_blocker >= 0) return;
  for (const HardStop& stop : a->hard_stops) {
    if (!stop.on_unknown && stop.action == Recommendation::kRefuse) return;
  }
  const EnumSet<Mitigation> in_place = MeasuresInPlace(c);
  for (const MitigationSpec& spec : plan.mitigations) {
    if (in_place.Has(spec.measure) || !RequirementGap(spec, c).empty()) {
      continue;
    }
    EnumSet<Mitigation> with = a->result.credited;
    with.Add(spec.measure);
    int64_t score = 0;
    int band = 0;
    const Recommendation rec =
        RecommendationWith(plan, scores, row, a->result, with, &score, &band);
    if (score >= a->result.score_q) continue;
    std::vector<std::string> effect;
    if (band != a->result.band) {
      effect.push_back(absl::StrCat("band ", plan.bands[a->result.band].id,
                                    " to ", plan.bands[band].id));
    }
    if (rec != a->result.recommendation) {
      effect.push_back(absl::StrCat(RecommendationWords(a->result.recommendation),
                                    " becomes ", RecommendationWords(rec)));
    }
    if (effect.empty()) continue;  // it would change nothing the officer decides on
    a->suggestions.push_back({spec.measure, score, absl::StrJoin(effect, "; ")});
  }
  std::stable_sort(a->suggestions.begin(), a->suggestions.end(),
                   [](const auto& x, const auto& y) {
                     return x.score_q < y.score_q;
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
  // The kernels' evidence from what scoring derived from the case, when
  // the row was scored from this very case (else derived afresh).
  const size_t r = static_cast<size_t>(row);
  std::optional<CaseContext> own;
  const CaseContext& context =
      r < scores.contexts.size() && &scores.contexts[r].c() == &c
          ? scores.contexts[r]
          : own.emplace(c);
  Assessment a;
  a.c = &c;
  a.result = scores.results[row];
  const Eigen::VectorXd raw = scores.raw.row(row).transpose();
  const Eigen::VectorXd mitigated = scores.categories.row(row).transpose();
  a.categories = ApplyCaps(plan, raw, mitigated);

  Decompose(plan, scores.effective.row(row), a.result.credited, a.categories,
            &a.contributions);
  // Sorted before the evidence is added: the lines are light to move then.
  std::stable_sort(a.contributions.begin(), a.contributions.end(),
                   [](const Contribution& x, const Contribution& y) {
                     return std::llabs(x.contribution_q) >
                            std::llabs(y.contribution_q);
                   });
  for (Contribution& line : a.contributions) {
    if (line.indicator < 0) continue;
    line.unknown = std::isnan(scores.values(row, line.indicator));
    if (full) {
      plan.indicators[line.indicator].kernel->Explain(context, &line.evidence);
    }
  }

  for (const GateHit& hit : a.result.gates) {
    HardStop stop{hit.gate, hit.action, hit.on_unknown, {}};
    if (full) {
      plan.indicators[plan.gates[hit.gate].indicator].kernel->Explain(
          context, &stop.evidence);
    }
    a.hard_stops.push_back(std::move(stop));
  }

  // The licence conditions, and the measures offered but not credited.
  for (const MitigationSpec& spec : plan.mitigations) {
    if (a.result.credited.Has(spec.measure)) a.conditions.push_back(spec.measure);
  }
  if (!full) return a;
  for (size_t m = 0; m < kEnumWords<Mitigation>.size(); ++m) {
    const Mitigation measure = static_cast<Mitigation>(m);
    if (!c.mitigations.Has(measure) || a.result.credited.Has(measure)) continue;
    const MitigationSpec* spec = plan.FindMitigation(measure);
    std::string reason;
    if (spec == nullptr) {
      reason = "the rule set does not define this measure";
    } else if (a.result.mitigation_blocked_by >= 0) {
      reason = absl::StrCat(
          "no condition answers ",
          plan.indicators[a.result.mitigation_blocked_by].id, ": ",
          plan.indicators[a.result.mitigation_blocked_by].evidence);
    } else {
      reason = RequirementGap(*spec, c);
    }
    a.not_credited.push_back({measure, std::move(reason)});
  }

  const std::vector<double> factors =
      MitigationFactors(plan, a.result.credited);
  RankUnknowns(plan, context, scores, row, a.result, factors, &a.unknowns);

  a.score_lines = WeightScaleLines(plan, scores.effective.row(row),
                                   a.result.credited, a.categories,
                                   a.result.score_q);
  a.mitigation_blocker =
      MitigationBlocker(plan, [&](int i) { return scores.values(row, i); });
  Suggest(plan, c, scores, row, &a);
  a.questions = RankQuestions(plan, c, a);
  a.reason = RecommendationReason(plan, a);
  return a;
}

Assessment AssessOne(const Plan& plan, const Case& c) {
  Executor executor(plan);
  BatchScores scores;
  executor.Score(std::span<const Case>(&c, 1), &scores);
  return Explain(plan, c, scores, 0);
}

}  // namespace divrisk
