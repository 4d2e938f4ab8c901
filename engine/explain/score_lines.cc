#include "engine/explain/score_lines.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>

#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr int64_t kTenth = 1000;  // 1/10000 units in 0.1 point

int64_t FloorDiv(int64_t a, int64_t b) {
  const int64_t d = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? d - 1 : d;
}

// Rounds the values `q` to tenths so that they sum to `target` tenths:
// floors first, then one tenth more to the values with the largest
// remainders (earlier ones first on ties).
std::vector<int64_t> ShareTenths(const std::vector<int64_t>& q,
                                 int64_t target) {
  std::vector<int64_t> tenths(q.size());
  std::vector<size_t> order(q.size());
  int64_t floors = 0;
  for (size_t j = 0; j < q.size(); ++j) {
    tenths[j] = FloorDiv(q[j], kTenth);
    floors += tenths[j];
    order[j] = j;
  }
  std::stable_sort(order.begin(), order.end(), [&](size_t x, size_t y) {
    return q[x] - tenths[x] * kTenth > q[y] - tenths[y] * kTenth;
  });
  int64_t need = target - floors;  // 0 <= need <= q.size()
  for (size_t j = 0; j < order.size() && need > 0; ++j, --need) {
    ++tenths[order[j]];
  }
  return tenths;
}

}  // namespace

int64_t RoundedTenths(int64_t q) {
  return q >= 0 ? (q + kTenth / 2) / kTenth : -((-q + kTenth / 2) / kTenth);
}

std::vector<ScoreLine> WeightScaleLines(const Plan& plan,
                                        const Eigen::RowVectorXd& effective,
                                        EnumSet<Mitigation> credited,
                                        const CategoryOutcome& cats,
                                        int64_t score_q) {
  const int m = static_cast<int>(plan.categories.size());
  std::vector<std::vector<ScoreLine>> by_cat(m);
  // Indicators: value x weight, per category it weighs in.
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    const double v = effective[static_cast<Eigen::Index>(i)];
    for (int k = 0; k < m; ++k) {
      const int64_t q =
          Quantize(v * plan.weights(static_cast<Eigen::Index>(i), k));
      if (q == 0) continue;
      ScoreLine line;
      line.category = k;
      line.indicator = static_cast<int>(i);
      line.points_q = q;
      by_cat[k].push_back(line);
    }
  }
  // Measures: the points each takes off each category, in the rule set's
  // order, as MitigationFactors applies them.
  std::vector<double> factor(plan.indicators.size(), 1.0);
  for (const MitigationSpec& spec : plan.mitigations) {
    if (!credited.Has(spec.measure)) continue;
    std::vector<double> took(m, 0.0);
    for (const auto& [i, fraction] : spec.mitigates) {
      const double before = factor[i];
      factor[i] *= 1 - fraction;
      for (int k = 0; k < m; ++k) {
        took[k] += effective[i] * plan.weights(i, k) * (before - factor[i]);
      }
    }
    for (int k = 0; k < m; ++k) {
      const int64_t q = -Quantize(took[k]);
      if (q == 0) continue;
      ScoreLine line;
      line.kind = ScoreLine::Kind::kMeasure;
      line.category = k;
      line.measure = spec.measure;
      line.points_q = q;
      by_cat[k].push_back(line);
    }
  }
  // Each category's lines sum to its final points: a cap line takes off
  // what passes the cap (or lifts what falls below 0); a rounding residual
  // goes to the category's largest line.
  int64_t sum = 0;
  for (int k = 0; k < m; ++k) {
    std::vector<ScoreLine>& lines = by_cat[k];
    const int64_t final_q = Quantize(cats.final[k]);
    int64_t lines_q = 0;
    for (const ScoreLine& l : lines) lines_q += l.points_q;
    const double mitigated = cats.mitigated[k];
    if (mitigated > plan.categories[k].cap || mitigated < 0) {
      ScoreLine cap;
      cap.kind = ScoreLine::Kind::kCap;
      cap.category = k;
      cap.points_q = final_q - lines_q;
      if (cap.points_q != 0) lines.push_back(cap);
    } else if (!lines.empty() && final_q != lines_q) {
      auto largest = std::max_element(
          lines.begin(), lines.end(), [](const auto& x, const auto& y) {
            return std::llabs(x.points_q) < std::llabs(y.points_q);
          });
      largest->points_q += final_q - lines_q;
    }
    sum += final_q;
  }
  // The total is quantized once, the categories each: a residual of a few
  // 1/10000 goes to the largest line overall.
  for (auto& lines : by_cat) {
    std::stable_sort(lines.begin(), lines.end(),
                     [](const ScoreLine& x, const ScoreLine& y) {
                       if (x.kind != y.kind) return x.kind < y.kind;
                       return x.points_q > y.points_q;
                     });
  }
  if (sum != score_q) {
    ScoreLine* largest = nullptr;
    for (auto& lines : by_cat) {
      for (ScoreLine& l : lines) {
        if (largest == nullptr ||
            std::llabs(l.points_q) > std::llabs(largest->points_q)) {
          largest = &l;
        }
      }
    }
    if (largest != nullptr) largest->points_q += score_q - sum;
  }
  // Tenths: the categories first, so that they add up to the score shown
  // (and none shows more than its cap), then each category's lines.
  std::vector<int64_t> cat_q(m, 0);
  for (int k = 0; k < m; ++k) {
    for (const ScoreLine& l : by_cat[k]) cat_q[k] += l.points_q;
  }
  const std::vector<int64_t> cat_tenths =
      ShareTenths(cat_q, RoundedTenths(score_q));
  std::vector<ScoreLine> out;
  for (int k = 0; k < m; ++k) {
    std::vector<int64_t> q;
    for (const ScoreLine& l : by_cat[k]) q.push_back(l.points_q);
    const std::vector<int64_t> t = ShareTenths(q, cat_tenths[k]);
    for (size_t j = 0; j < t.size(); ++j) by_cat[k][j].shown_tenths = t[j];
    out.insert(out.end(), by_cat[k].begin(), by_cat[k].end());
  }
  // Categories by their shown total, largest first (stable: rule-set order).
  std::vector<int64_t> shown(m, 0);
  for (const ScoreLine& l : out) shown[l.category] += l.shown_tenths;
  std::stable_sort(out.begin(), out.end(),
                   [&](const ScoreLine& x, const ScoreLine& y) {
                     return shown[x.category] > shown[y.category];
                   });
  return out;
}

}  // namespace divrisk
