#include "engine/learn/fit_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace divrisk::learn {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// AUC over cases in `order` (ascending score), each counted `weight` times.
double WeightedAuc(std::span<const double> score, std::span<const uint8_t> label,
                   const std::vector<size_t>& order,
                   const std::vector<uint32_t>* weight) {
  double negatives_below = 0, pairs = 0, pos = 0, neg = 0;
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    double group_pos = 0, group_neg = 0;
    while (j < order.size() && score[order[j]] == score[order[i]]) {
      const double w = weight ? (*weight)[order[j]] : 1.0;
      (label[order[j]] ? group_pos : group_neg) += w;
      ++j;
    }
    pairs += group_pos * (negatives_below + 0.5 * group_neg);
    negatives_below += group_neg;
    pos += group_pos;
    neg += group_neg;
    i = j;
  }
  return pos > 0 && neg > 0 ? pairs / (pos * neg) : kNaN;
}

std::vector<size_t> Ascending(std::span<const double> score) {
  std::vector<size_t> order(score.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return score[a] < score[b]; });
  return order;
}

}  // namespace

double Auc(std::span<const double> score, std::span<const uint8_t> label) {
  return WeightedAuc(score, label, Ascending(score), nullptr);
}

AucInterval AucWithInterval(std::span<const double> score,
                            std::span<const uint8_t> label, int rounds,
                            uint64_t seed) {
  AucInterval r;
  const std::vector<size_t> order = Ascending(score);
  r.auc = WeightedAuc(score, label, order, nullptr);
  if (score.empty() || rounds <= 0) {
    r.low = r.high = r.auc;
    return r;
  }
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> weight(score.size());
  std::vector<double> aucs;
  for (int b = 0; b < rounds; ++b) {
    std::fill(weight.begin(), weight.end(), 0u);
    for (size_t i = 0; i < score.size(); ++i) ++weight[rng() % score.size()];
    const double a = WeightedAuc(score, label, order, &weight);
    if (!std::isnan(a)) aucs.push_back(a);
  }
  if (aucs.empty()) {
    r.low = r.high = kNaN;
    return r;
  }
  std::sort(aucs.begin(), aucs.end());
  auto at = [&](double q) {
    return aucs[std::min(aucs.size() - 1,
                         static_cast<size_t>(q * (aucs.size() - 1) + 0.5))];
  };
  r.low = at(0.025);
  r.high = at(0.975);
  return r;
}

PrecisionRecall AtThreshold(std::span<const uint8_t> flagged,
                            std::span<const uint8_t> label) {
  PrecisionRecall r;
  for (size_t i = 0; i < flagged.size(); ++i) {
    r.flagged += flagged[i];
    r.positives += label[i];
    r.true_positives += flagged[i] && label[i];
  }
  r.precision = r.flagged ? static_cast<double>(r.true_positives) / r.flagged : kNaN;
  r.recall = r.positives ? static_cast<double>(r.true_positives) / r.positives : kNaN;
  return r;
}

std::vector<ReliabilityBin> Reliability(std::span<const double> probability,
                                        std::span<const uint8_t> label) {
  constexpr int kBins = 10;
  std::vector<ReliabilityBin> bins(kBins);
  std::vector<double> positives(kBins, 0);
  for (int b = 0; b < kBins; ++b) {
    bins[b].from = b / double{kBins};
    bins[b].to = (b + 1) / double{kBins};
  }
  for (size_t i = 0; i < probability.size(); ++i) {
    const int b = std::clamp(static_cast<int>(probability[i] * kBins), 0, kBins - 1);
    ++bins[b].cases;
    bins[b].mean_predicted += probability[i];
    positives[b] += label[i];
  }
  for (int b = 0; b < kBins; ++b) {
    if (bins[b].cases == 0) {
      bins[b].mean_predicted = bins[b].observed = kNaN;
      continue;
    }
    bins[b].mean_predicted /= bins[b].cases;
    bins[b].observed = positives[b] / bins[b].cases;
  }
  return bins;
}

void WilsonInterval(double successes, double n, double* low, double* high) {
  if (n <= 0) {
    *low = 0;
    *high = 1;
    return;
  }
  constexpr double z = 1.959963984540054;
  const double p = successes / n;
  const double denom = 1 + z * z / n;
  const double centre = (p + z * z / (2 * n)) / denom;
  const double half = z * std::sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom;
  *low = std::max(0.0, centre - half);
  *high = std::min(1.0, centre + half);
}

}  // namespace divrisk::learn
