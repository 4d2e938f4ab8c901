// Executor: scores a batch of cases against a Plan.
//
// Kernels fill X (cases x indicators) column by column; the core multiplies
// by W (indicators x categories) with Eigen, three times: with unknown facts
// at their rule-set value, at the values that minimise the score, and at
// those that maximise it (the score range), each after the measures credited
// for the case; and once unmitigated. Then caps, bands, gates and the
// overriding-risk rule, case by case. Scoring one case is a
// batch of one. An Executor keeps its matrices between calls; use one per
// thread (the Plan is shared).

#ifndef DIVRISK_ENGINE_SCORING_EXECUTOR_H_
#define DIVRISK_ENGINE_SCORING_EXECUTOR_H_

#include <span>
#include <vector>

#include <Eigen/Core>

#include "engine/model/case.h"
#include "indicators/case_context.h"
#include "rules/plan.h"

namespace divrisk {

// A gate that fired for a case: a hard stop (refuse) or a referral.
struct GateHit {
  int gate = 0;  // index into Plan::gates
  Recommendation action = Recommendation::kRefuse;
  bool on_unknown = false;  // fired because its facts are unknown
};

struct CaseResult {
  int64_t score_q = 0;  // quantized total (see score_math.h)
  int64_t min_q = 0;    // lowest total once unknown facts are learned
  int64_t max_q = 0;    // highest
  int band = 0;
  Recommendation recommendation = Recommendation::kApprove;
  std::vector<GateHit> gates;
  bool overriding_risk = false;  // Art. 7(3) threshold reached
  // Licence conditions: the measures credited for the case (in place, their
  // requirements met, no unmitigable concern present).
  EnumSet<Mitigation> credited;
  int mitigation_blocked_by = -1;  // the indicator that bars every measure
  // Without the credited measures the recommendation would be stricter: the
  // case is approved only with them as conditions.
  bool rests_on_conditions = false;
};

// Row-major so one case's values sit together for the per-case steps.
using RowMatrix =
    Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

struct BatchScores {
  Eigen::MatrixXd values;     // cases x indicators; NaN = unknown
  Eigen::MatrixXd effective;  // unknowns at their unknown_value, unmitigated
  RowMatrix raw;              // cases x categories, unmitigated (X * W)
  RowMatrix categories;       // cases x categories, mitigated (X' * W)
  std::vector<CaseResult> results;
  // What the kernels derived from each case (its screening, normalised
  // names, ...), so that explaining the case does not derive it again.
  // contexts[r].c() is the case scored in row r.
  std::vector<CaseContext> contexts;
};

class Executor {
 public:
  explicit Executor(const Plan& plan) : plan_(plan) {}

  // Scores `cases` into *out (its storage is reused between calls).
  void Score(std::span<const Case> cases, BatchScores* out);

 private:
  const Plan& plan_;
  Eigen::MatrixXd fixed_;  // effective values in 1/10000, whole numbers
  Eigen::MatrixXd mitigated_;  // the same after the credited measures
  Eigen::MatrixXd low_;   // unknowns at the score-minimising end
  Eigen::MatrixXd high_;  // unknowns at the score-maximising end
  RowMatrix low_categories_;
  RowMatrix high_categories_;
  std::vector<double> column_;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_SCORING_EXECUTOR_H_
