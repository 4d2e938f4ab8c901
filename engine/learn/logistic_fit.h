// L2-regularised logistic regression with sign constraints, by Newton's
// method (Eigen), for `divrisk calibrate`.
//
//   P(y = 1) = 1 / (1 + exp(-(b0 + offset + X b)))
//   minimise  -loglik + (l2 / 2) |b|^2      (b0 is not penalised)
//   subject to sign[j] * b[j] >= 0 where sign[j] != 0
//
// The constraints are kept by an active set: a coefficient that leaves its
// sign is held at 0 and the rest refitted, and one held at 0 is freed again
// while its gradient points into the allowed side, until neither happens.
// Interval: b +- 1.96 standard errors from the inverse penalised Hessian at
// the solution, cut to the allowed side.

#ifndef DIVRISK_ENGINE_LEARN_LOGISTIC_FIT_H_
#define DIVRISK_ENGINE_LEARN_LOGISTIC_FIT_H_

#include <vector>

#include <Eigen/Core>

namespace divrisk::learn {

struct FitOptions {
  double l2 = 1.0;
  int max_newton = 50;
  double tolerance = 1e-8;  // on the largest coefficient change
};

struct LogisticFit {
  double intercept = 0;
  Eigen::VectorXd beta;       // per column of X
  Eigen::VectorXd low, high;  // 95 % Wald interval, within the sign
  int iterations = 0;         // Newton steps in all
  bool converged = false;
};

// REQUIRES: y of 0s and 1s, offset and y as long as X has rows, sign as
// long as X has columns (+1, -1 or 0).
LogisticFit FitLogistic(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                        const Eigen::VectorXd& offset,
                        const std::vector<int>& sign, const FitOptions& o);

// The linear predictor b0 + offset + X b of a fit.
Eigen::VectorXd LinearPredictor(const LogisticFit& fit, const Eigen::MatrixXd& X,
                                const Eigen::VectorXd& offset);

}  // namespace divrisk::learn

#endif  // DIVRISK_ENGINE_LEARN_LOGISTIC_FIT_H_
