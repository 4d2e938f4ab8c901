// How well scores separate outcomes: AUC with a bootstrap interval,
// precision and recall at a threshold, and a reliability table.

#ifndef DIVRISK_ENGINE_LEARN_FIT_METRICS_H_
#define DIVRISK_ENGINE_LEARN_FIT_METRICS_H_

#include <cstdint>
#include <span>
#include <vector>

namespace divrisk::learn {

// The area under the ROC curve: the chance that a random positive scores
// above a random negative (ties count half). NaN without both classes.
double Auc(std::span<const double> score, std::span<const uint8_t> label);

struct AucInterval {
  double auc = 0;
  double low = 0, high = 0;  // 2.5 % and 97.5 % of the bootstrap AUCs
};
// `rounds` bootstrap resamples of the cases, drawn from `seed` (mt19937_64:
// the same interval on every platform).
AucInterval AucWithInterval(std::span<const double> score,
                            std::span<const uint8_t> label, int rounds,
                            uint64_t seed);

struct PrecisionRecall {
  int64_t flagged = 0, true_positives = 0, positives = 0;
  double precision = 0, recall = 0;  // NaN when undefined
};
PrecisionRecall AtThreshold(std::span<const uint8_t> flagged,
                            std::span<const uint8_t> label);

struct ReliabilityBin {
  double from = 0, to = 0;  // predicted probability range
  int64_t cases = 0;
  double mean_predicted = 0;
  double observed = 0;  // share of positives; NaN when empty
};
// Ten bins of equal width over the predicted probability.
std::vector<ReliabilityBin> Reliability(std::span<const double> probability,
                                        std::span<const uint8_t> label);

// Wilson score interval (95 %) for `successes` of `n` (fractional allowed).
void WilsonInterval(double successes, double n, double* low, double* high);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_FIT_METRICS_H_
