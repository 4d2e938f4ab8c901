// The logistic fit on data drawn from a known model, and its sign rule.

#include "engine/learn/logistic_fit.h"

#include <cmath>
#include <random>

#include "gtest/gtest.h"

namespace divrisk::learn {
namespace {

struct Data {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};

// Binary features with P(1) = 0.3, outcome from intercept b0 and `beta`.
Data Draw(double b0, const std::vector<double>& beta, int n, uint64_t seed) {
  std::mt19937_64 rng(seed);
  auto unit = [&] { return static_cast<double>(rng() >> 11) * 0x1.0p-53; };
  Data d{Eigen::MatrixXd(n, static_cast<int>(beta.size())), Eigen::VectorXd(n)};
  for (int i = 0; i < n; ++i) {
    double z = b0;
    for (size_t j = 0; j < beta.size(); ++j) {
      d.x(i, static_cast<int>(j)) = unit() < 0.3 ? 1 : 0;
      z += beta[j] * d.x(i, static_cast<int>(j));
    }
    d.y(i) = unit() < 1 / (1 + std::exp(-z)) ? 1 : 0;
  }
  return d;
}

TEST(LogisticFitTest, RecoversKnownCoefficientsWithIntervalsAroundThem) {
  const std::vector<double> beta = {1.5, 0.0, -1.0};
  const Data d = Draw(-1.0, beta, 40000, 3);
  FitOptions o;
  o.l2 = 1e-3;
  const LogisticFit f = FitLogistic(d.x, d.y, Eigen::VectorXd::Zero(d.y.size()),
                                    {0, 0, 0}, o);
  ASSERT_TRUE(f.converged);
  EXPECT_NEAR(f.intercept, -1.0, 0.1);
  for (size_t j = 0; j < beta.size(); ++j) {
    EXPECT_NEAR(f.beta(static_cast<int>(j)), beta[j], 0.1) << j;
    EXPECT_LT(f.low(static_cast<int>(j)), beta[j] + 0.05);
    EXPECT_GT(f.high(static_cast<int>(j)), beta[j] - 0.05);
  }
}

TEST(LogisticFitTest, HoldsAnAdverseCoefficientAtZeroInsteadOfNegative) {
  const Data d = Draw(-1.0, {1.5, -1.0}, 20000, 5);
  const LogisticFit f = FitLogistic(d.x, d.y, Eigen::VectorXd::Zero(d.y.size()),
                                    {1, 1}, FitOptions());
  EXPECT_NEAR(f.beta(0), 1.5, 0.15);
  EXPECT_EQ(f.beta(1), 0.0);
  EXPECT_EQ(f.low(1), 0.0);
  // A mitigating column (-1) may go negative, never positive.
  const LogisticFit g = FitLogistic(d.x, d.y, Eigen::VectorXd::Zero(d.y.size()),
                                    {0, -1}, FitOptions());
  EXPECT_NEAR(g.beta(1), -1.0, 0.15);
  const LogisticFit h = FitLogistic(d.x, d.y, Eigen::VectorXd::Zero(d.y.size()),
                                    {-1, 0}, FitOptions());
  EXPECT_EQ(h.beta(0), 0.0);
}

TEST(LogisticFitTest, PenaltyShrinksTowardZero) {
  const Data d = Draw(-1.0, {1.5}, 2000, 7);
  const Eigen::VectorXd zero = Eigen::VectorXd::Zero(d.y.size());
  FitOptions weak, strong;
  weak.l2 = 1e-6;
  strong.l2 = 1e4;
  const double b_weak = FitLogistic(d.x, d.y, zero, {0}, weak).beta(0);
  const double b_strong = FitLogistic(d.x, d.y, zero, {0}, strong).beta(0);
  EXPECT_GT(b_weak, 1.0);
  EXPECT_LT(std::abs(b_strong), 0.3 * b_weak);
}

TEST(LogisticFitTest, AnOffsetIsTakenAsGiven) {
  // Outcome from 1.0 * x0 + 2.0 * x1; with 2.0 * x1 given as the offset the
  // fit of x0 alone still finds 1.0.
  const Data d = Draw(-1.0, {1.0, 2.0}, 40000, 9);
  const Eigen::VectorXd offset = 2.0 * d.x.col(1);
  const Eigen::MatrixXd x0 = d.x.col(0);
  FitOptions o;
  o.l2 = 1e-3;
  const LogisticFit f = FitLogistic(x0, d.y, offset, {0}, o);
  EXPECT_NEAR(f.beta(0), 1.0, 0.1);
  EXPECT_NEAR(f.intercept, -1.0, 0.1);
}

}  // namespace
}  // namespace divrisk::learn
