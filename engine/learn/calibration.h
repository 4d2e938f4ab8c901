// Calibration: indicator weights fitted to an archive's outcomes, and base
// rates for unknown facts (`divrisk calibrate`).
//
// Cases: those whose `outcome.diversion_found` is yes or no (label 1 or 0).
// Columns: the indicators, at their effective values (an unknown fact at its
// unknown_value, unmitigated: the matrix X the Executor builds). Learned:
// every indicator that no gate reads, that the rule set does not mark
// `fixed: true`, that weighs in some category, and whose value varies
// among those cases; the others keep
// their weight, entering the fit as a fixed offset. A learned weight keeps
// its indicator's sign (an adverse indicator is never proposed a negative
// weight).
//
// Scale: a fit gives log-odds; a rule set gives points. Points per unit of
// log-odds are read from the current rule set (1 / slope of a logistic fit
// of the outcome on the current score), unless given; each proposed weight
// is its coefficient times that scale, so the bands keep their meaning.
// Quality: k-fold cross-validation (folds by a hash of the case id), the
// out-of-fold predictions giving the AUC (bootstrap interval), precision
// and recall at the refer threshold, and a reliability table.
//
// Priors: for each indicator (not a gate, not fixed) whose facts are
// unknown in some archive cases, the mean value where known (the share
// adverse, for a yes/no fact), its count and a Wilson interval, proposed as
// the unknown value but never above the worst known value.

#ifndef DIVRISK_ENGINE_LEARN_CALIBRATION_H_
#define DIVRISK_ENGINE_LEARN_CALIBRATION_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/learn/archive.h"
#include "engine/learn/fit_metrics.h"
#include "rules/plan.h"

namespace divrisk::learn {

struct CalibrateOptions {
  int folds = 5;
  double l2 = 1.0;
  int bootstrap = 200;
  std::optional<double> points_per_logit;  // default: from the current score
  bool priors = false;
  uint64_t seed = 1;  // bootstrap resampling
};

struct WeightProposal {
  int indicator = 0;
  double old_weight = 0;  // sum over categories
  bool learned = false;
  // "gate", "fixed", "no category weight", "no variation"
  std::string kept_because;
  double beta = 0, beta_low = 0, beta_high = 0;  // log-odds
  double proposed = 0, low = 0, high = 0;        // points
};

struct PriorProposal {
  int indicator = 0;
  int64_t known = 0, unknown = 0;
  double adverse = 0;  // sum of known values (count adverse, for yes/no)
  double rate = 0, low = 0, high = 0;
  double worst_known = 0;
  double old_value = 0, proposed = 0;
};

struct Calibration {
  uint64_t cases = 0;      // valid archive cases
  uint64_t labelled = 0;   // diversion_found yes or no
  uint64_t diverted = 0;
  int folds = 0;
  double l2 = 0;
  double points_per_logit = 0;
  bool scale_from_archive = true;
  double intercept = 0;
  bool converged = true;
  AucInterval auc;          // proposed weights, out of fold
  double auc_current = 0;   // the current score on the same cases
  double refer_threshold = 0;
  PrecisionRecall current;   // recommendation refer or refuse now
  PrecisionRecall proposed;  // out-of-fold points at or above the threshold
  std::vector<ReliabilityBin> reliability;
  std::vector<WeightProposal> weights;  // one per indicator, in plan order
  std::vector<PriorProposal> priors;    // with options.priors
};

// Fails (InvalidArgument) when the archive has no labelled case of each
// kind or too few for the folds.
absl::StatusOr<Calibration> Calibrate(const Plan& plan, const Archive& archive,
                                      const CalibrateOptions& options);

// The points from which the rule set refers a case (the lower bound of the
// first band that recommends refer or refuse).
double ReferThreshold(const Plan& plan);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_CALIBRATION_H_
