#include "engine/learn/logistic_fit.h"

#include <cmath>

#include <Eigen/Cholesky>

namespace divrisk::learn {

namespace {

double Sigmoid(double z) { return 1 / (1 + std::exp(-z)); }

// The penalised Hessian [1 X_F]^T W [1 X_F] + l2 (not on the intercept) at
// the probabilities `p`, over the columns `free`.
Eigen::MatrixXd Hessian(const Eigen::MatrixXd& X, const std::vector<int>& free,
                        const Eigen::VectorXd& p, double l2) {
  const Eigen::Index n = X.rows();
  const Eigen::Index m = static_cast<Eigen::Index>(free.size()) + 1;
  Eigen::MatrixXd A(n, m);
  const Eigen::ArrayXd w = (p.array() * (1 - p.array())).sqrt();
  A.col(0) = w.matrix();
  for (Eigen::Index k = 1; k < m; ++k) {
    A.col(k) = (X.col(free[k - 1]).array() * w).matrix();
  }
  Eigen::MatrixXd H = Eigen::MatrixXd::Zero(m, m);
  H.selfadjointView<Eigen::Lower>().rankUpdate(A.transpose());
  H = H.selfadjointView<Eigen::Lower>();
  for (Eigen::Index k = 1; k < m; ++k) H(k, k) += l2;
  return H;
}

}  // namespace

Eigen::VectorXd LinearPredictor(const LogisticFit& fit, const Eigen::MatrixXd& X,
                                const Eigen::VectorXd& offset) {
  Eigen::VectorXd z = X * fit.beta + offset;
  z.array() += fit.intercept;
  return z;
}

LogisticFit FitLogistic(const Eigen::MatrixXd& X, const Eigen::VectorXd& y,
                        const Eigen::VectorXd& offset,
                        const std::vector<int>& sign, const FitOptions& o) {
  const Eigen::Index p = X.cols();
  LogisticFit fit;
  fit.beta = Eigen::VectorXd::Zero(p);
  const double mean = y.size() > 0 ? y.mean() : 0.5;
  fit.intercept = std::log(std::clamp(mean, 1e-6, 1 - 1e-6) /
                           (1 - std::clamp(mean, 1e-6, 1 - 1e-6)));
  std::vector<bool> held(static_cast<size_t>(p), false);
  Eigen::VectorXd prob;
  for (int round = 0; round < 4 * p + 4; ++round) {
    std::vector<int> free;
    for (Eigen::Index j = 0; j < p; ++j) {
      if (!held[j]) free.push_back(static_cast<int>(j));
    }
    // Newton on the free columns.
    fit.converged = false;
    for (int it = 0; it < o.max_newton; ++it) {
      ++fit.iterations;
      prob = LinearPredictor(fit, X, offset).unaryExpr(&Sigmoid);
      const Eigen::VectorXd r = y - prob;
      Eigen::VectorXd g(free.size() + 1);
      g(0) = r.sum();
      for (size_t k = 0; k < free.size(); ++k) {
        g(k + 1) = X.col(free[k]).dot(r) - o.l2 * fit.beta(free[k]);
      }
      const Eigen::VectorXd step = Hessian(X, free, prob, o.l2).ldlt().solve(g);
      fit.intercept += step(0);
      for (size_t k = 0; k < free.size(); ++k) fit.beta(free[k]) += step(k + 1);
      if (step.cwiseAbs().maxCoeff() < o.tolerance) {
        fit.converged = true;
        break;
      }
    }
    // Hold every coefficient that left its side; free those whose gradient
    // at 0 points into it.
    bool changed = false;
    for (Eigen::Index j = 0; j < p; ++j) {
      if (sign[j] == 0) continue;
      if (!held[j] && sign[j] * fit.beta(j) < 0) {
        held[j] = true;
        fit.beta(j) = 0;
        changed = true;
      }
    }
    if (!changed) {
      prob = LinearPredictor(fit, X, offset).unaryExpr(&Sigmoid);
      const Eigen::VectorXd r = y - prob;
      for (Eigen::Index j = 0; j < p; ++j) {
        if (held[j] && sign[j] * X.col(j).dot(r) > 1e-6 * (1 + X.rows())) {
          held[j] = false;
          changed = true;
        }
      }
    }
    if (!changed) break;
  }
  // Wald intervals from the Hessian over every column.
  std::vector<int> all(static_cast<size_t>(p));
  for (Eigen::Index j = 0; j < p; ++j) all[j] = static_cast<int>(j);
  prob = LinearPredictor(fit, X, offset).unaryExpr(&Sigmoid);
  const Eigen::MatrixXd H = Hessian(X, all, prob, o.l2);
  const Eigen::MatrixXd cov =
      H.ldlt().solve(Eigen::MatrixXd::Identity(p + 1, p + 1));
  fit.low.resize(p);
  fit.high.resize(p);
  for (Eigen::Index j = 0; j < p; ++j) {
    const double se = std::sqrt(std::max(0.0, cov(j + 1, j + 1)));
    fit.low(j) = fit.beta(j) - 1.96 * se;
    fit.high(j) = fit.beta(j) + 1.96 * se;
    if (sign[j] > 0) fit.low(j) = std::max(0.0, fit.low(j));
    if (sign[j] < 0) fit.high(j) = std::min(0.0, fit.high(j));
  }
  return fit;
}

}  // namespace divrisk::learn
