// AUC, its bootstrap interval, precision/recall, reliability and Wilson
// intervals against values worked out by hand.

#include "engine/learn/fit_metrics.h"

#include <cmath>

#include "gtest/gtest.h"

namespace divrisk::learn {
namespace {

TEST(FitMetricsTest, AucCountsPairsAndHalfTies) {
  const std::vector<double> s = {0.1, 0.4, 0.35, 0.8};
  const std::vector<uint8_t> y = {0, 0, 1, 1};
  // Positives 0.35 (above 0.1 only) and 0.8 (above both): 3 of 4 pairs.
  EXPECT_DOUBLE_EQ(Auc(s, y), 0.75);
  const std::vector<double> tied = {0.5, 0.5, 0.5, 0.5};
  EXPECT_DOUBLE_EQ(Auc(tied, y), 0.5);
  const std::vector<double> reversed = {0.9, 0.8, 0.2, 0.1};
  EXPECT_DOUBLE_EQ(Auc(reversed, y), 0.0);
  const std::vector<uint8_t> one_class = {1, 1, 1, 1};
  EXPECT_TRUE(std::isnan(Auc(s, one_class)));
}

TEST(FitMetricsTest, BootstrapIntervalSurroundsTheAucAndIsReproducible) {
  std::vector<double> s;
  std::vector<uint8_t> y;
  for (int i = 0; i < 400; ++i) {
    y.push_back(i % 3 == 0);
    s.push_back((i * 37 % 101) / 100.0 + (y.back() ? 0.3 : 0));
  }
  const AucInterval a = AucWithInterval(s, y, 200, 1);
  const AucInterval b = AucWithInterval(s, y, 200, 1);
  EXPECT_DOUBLE_EQ(a.auc, Auc(s, y));
  EXPECT_LT(a.low, a.auc);
  EXPECT_GT(a.high, a.auc);
  EXPECT_LT(a.high - a.low, 0.2);
  EXPECT_EQ(a.low, b.low);
  EXPECT_EQ(a.high, b.high);
}

TEST(FitMetricsTest, PrecisionAndRecall) {
  const std::vector<uint8_t> flagged = {1, 1, 0, 0, 1};
  const std::vector<uint8_t> y = {1, 0, 1, 0, 1};
  const PrecisionRecall r = AtThreshold(flagged, y);
  EXPECT_EQ(r.flagged, 3);
  EXPECT_EQ(r.true_positives, 2);
  EXPECT_DOUBLE_EQ(r.precision, 2.0 / 3);
  EXPECT_DOUBLE_EQ(r.recall, 2.0 / 3);
}

TEST(FitMetricsTest, ReliabilityBinsByPredictedProbability) {
  const std::vector<double> p = {0.05, 0.05, 0.95, 0.91, 0.55};
  const std::vector<uint8_t> y = {0, 1, 1, 1, 0};
  const std::vector<ReliabilityBin> bins = Reliability(p, y);
  ASSERT_EQ(bins.size(), 10u);
  EXPECT_EQ(bins[0].cases, 2);
  EXPECT_DOUBLE_EQ(bins[0].observed, 0.5);
  EXPECT_EQ(bins[9].cases, 2);
  EXPECT_DOUBLE_EQ(bins[9].mean_predicted, 0.93);
  EXPECT_EQ(bins[5].cases, 1);
  EXPECT_TRUE(std::isnan(bins[3].observed));
}

TEST(FitMetricsTest, WilsonIntervalMatchesPublishedValues) {
  double low, high;
  WilsonInterval(0, 10, &low, &high);  // 0 of 10: [0, 0.2775]
  EXPECT_NEAR(low, 0, 1e-9);
  EXPECT_NEAR(high, 0.2775, 1e-4);
  WilsonInterval(50, 100, &low, &high);  // 50 of 100: [0.4038, 0.5962]
  EXPECT_NEAR(low, 0.4038, 1e-4);
  EXPECT_NEAR(high, 0.5962, 1e-4);
}

}  // namespace
}  // namespace divrisk::learn
