// divrisk calibrate on an archive whose truth is known: the generator's
// outcome model (engine/generate/outcome_model.h) draws four driver facts
// with known base rates and the outcome from known log-odds, nothing else.
// Stated tolerance: each driver's fitted log-odds within 0.3 of the truth
// (hidden facts, at their unknown value, attenuate a little), every other
// learned indicator below 0.4; each driver's base rate inside the Wilson
// interval of its prior.

#include "engine/learn/calibration.h"

#include <cmath>
#include <filesystem>
#include <fstream>

#include "engine/batch/line_reader.h"
#include "engine/batch/rule_diff.h"
#include "engine/generate/broken_lines.h"
#include "engine/generate/outcome_model.h"
#include "engine/learn/archive.h"
#include "engine/learn/calibration_report.h"
#include "engine/learn/proposed_rules.h"
#include "engine/doc/file_reader.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk::learn {
namespace {

namespace fs = std::filesystem;

constexpr int kCases = 20000;

std::string RulesDir() { return std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default"; }

class CalibrationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(RulesDir());
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    dir_ = new std::string(testing::TempDir() + "/calibration_test");
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    {
      std::ofstream f(*dir_ + "/archive.jsonl");
      GeneratedLines lines(*plan_->reference, 11, 0);
      lines.set_outcome_model(true);
      std::string line;
      for (int i = 0; i < kCases; ++i) {
        lines.Next(&line);
        f << line << "\n";
      }
    }
    ArchiveOptions o;
    o.threads = 2;
    o.keep_keys = false;
    auto a = LoadArchive(*plan_, *dir_ + "/archive.jsonl", o);
    ASSERT_TRUE(a.ok()) << a.status();
    archive_ = new Archive(std::move(*a));
    CalibrateOptions co;
    co.priors = true;
    auto c = Calibrate(*plan_, *archive_, co);
    ASSERT_TRUE(c.ok()) << c.status();
    calibration_ = new Calibration(std::move(*c));
  }

  static const WeightProposal& Weight(const std::string& id) {
    return calibration_->weights.at(plan_->IndicatorIndex(id));
  }
  static const PriorProposal* Prior(const std::string& id) {
    for (const PriorProposal& p : calibration_->priors) {
      if (p.indicator == plan_->IndicatorIndex(id)) return &p;
    }
    return nullptr;
  }

  static const Plan* plan_;
  static std::string* dir_;
  static Archive* archive_;
  static Calibration* calibration_;
};
const Plan* CalibrationTest::plan_ = nullptr;
std::string* CalibrationTest::dir_ = nullptr;
Archive* CalibrationTest::archive_ = nullptr;
Calibration* CalibrationTest::calibration_ = nullptr;

bool IsDriver(const std::string& id) {
  for (const OutcomeDriver& d : kOutcomeDrivers) {
    if (id == d.indicator) return true;
  }
  return false;
}

TEST_F(CalibrationTest, UsesOnlyCasesWithAKnownOutcome) {
  EXPECT_EQ(calibration_->cases, static_cast<uint64_t>(kCases));
  uint64_t known = 0, yes = 0;
  for (const ArchiveRow& r : archive_->rows) {
    known += r.diversion != DiversionFound::kUnknown;
    yes += r.diversion == DiversionFound::kYes;
  }
  EXPECT_EQ(calibration_->labelled, known);
  EXPECT_EQ(calibration_->diverted, yes);
  EXPECT_GT(known, kCases / 2u);
}

TEST_F(CalibrationTest, RecoversTheTrueLogOddsOfEveryDriver) {
  for (const OutcomeDriver& d : kOutcomeDrivers) {
    const WeightProposal& w = Weight(d.indicator);
    ASSERT_TRUE(w.learned) << d.indicator;
    EXPECT_NEAR(w.beta, d.log_odds, 0.3) << d.indicator;
    EXPECT_NEAR(w.proposed, w.beta * calibration_->points_per_logit, 1e-3);
  }
}

TEST_F(CalibrationTest, FindsNothingInIndicatorsThatDoNotDriveTheOutcome) {
  int learned = 0;
  for (const WeightProposal& w : calibration_->weights) {
    const std::string& id = plan_->indicators[w.indicator].id;
    if (!w.learned || IsDriver(id)) continue;
    ++learned;
    EXPECT_LT(w.beta, 0.4) << id;
  }
  EXPECT_GT(learned, 30);
}

TEST_F(CalibrationTest, NeverLearnsGatesAndNeverProposesANegativeWeight) {
  for (const GateSpec& g : plan_->gates) {
    const WeightProposal& w = calibration_->weights[g.indicator];
    EXPECT_FALSE(w.learned) << plan_->indicators[g.indicator].id;
    EXPECT_EQ(w.kept_because, "gate");
    EXPECT_EQ(w.proposed, w.old_weight);
  }
  for (const WeightProposal& w : calibration_->weights) {
    if (w.old_weight >= 0) {
      EXPECT_GE(w.proposed, 0) << plan_->indicators[w.indicator].id;
      EXPECT_GE(w.low, 0);
    }
    EXPECT_LE(w.low, w.proposed + 1e-6);
    EXPECT_GE(w.high, w.proposed - 1e-6);
  }
}

TEST_F(CalibrationTest, SeparatesOutcomesOutOfFold) {
  // Only the drivers carry signal, and the current rule set weighs them
  // lightly: the fit must beat the current score, with a real interval.
  EXPECT_GT(calibration_->auc.auc, 0.68);
  EXPECT_LT(calibration_->auc.low, calibration_->auc.auc);
  EXPECT_GT(calibration_->auc.high, calibration_->auc.auc);
  EXPECT_GT(calibration_->auc.auc, calibration_->auc_current);
  // Reliability: every well-filled bin predicts its observed rate closely.
  int64_t total = 0;
  for (const ReliabilityBin& b : calibration_->reliability) {
    total += b.cases;
    if (b.cases >= 500) EXPECT_NEAR(b.mean_predicted, b.observed, 0.03);
  }
  EXPECT_EQ(total, static_cast<int64_t>(calibration_->labelled));
  EXPECT_EQ(calibration_->refer_threshold, 40);
  EXPECT_EQ(calibration_->current.positives,
            static_cast<int64_t>(calibration_->diverted));
}

TEST_F(CalibrationTest, PriorsHoldTheTrueBaseRates) {
  for (const OutcomeDriver& d : kOutcomeDrivers) {
    const PriorProposal* p = Prior(d.indicator);
    ASSERT_NE(p, nullptr) << d.indicator;
    EXPECT_LE(p->low, d.base_rate) << d.indicator;
    EXPECT_GE(p->high, d.base_rate) << d.indicator;
    EXPECT_LT(p->high - p->low, 0.02);
    // Hidden at their hidden rate, independently of the value.
    EXPECT_NEAR(static_cast<double>(p->unknown) / kCases, d.hidden_rate, 0.02);
  }
}

TEST_F(CalibrationTest, PriorsNeverExceedTheWorstKnownValueNorCoverGates) {
  for (const PriorProposal& p : calibration_->priors) {
    EXPECT_LE(p.proposed, p.worst_known);
    EXPECT_GT(p.unknown, 0);
    for (const GateSpec& g : plan_->gates) EXPECT_NE(p.indicator, g.indicator);
  }
}

TEST_F(CalibrationTest, FixedIndicatorsAreNotLearned) {
  const std::string rules = *dir_ + "/rules-fixed";
  fs::remove_all(rules);
  fs::copy(RulesDir(), rules, fs::copy_options::recursive);
  auto yaml = ReadFileToString(rules + "/ruleset.yaml");
  ASSERT_TRUE(yaml.ok());
  const std::string id_line = "  - id: EU-5.stocks_leakage\n";
  const size_t at = yaml->find(id_line);
  ASSERT_NE(at, std::string::npos);
  yaml->insert(at + id_line.size(), "    fixed: true\n");
  std::ofstream(rules + "/ruleset.yaml") << *yaml;
  auto plan = CompileRuleSetDir(rules);
  ASSERT_TRUE(plan.ok()) << plan.status();
  CalibrateOptions co;
  co.priors = true;
  co.bootstrap = 0;
  auto c = Calibrate(**plan, *archive_, co);
  ASSERT_TRUE(c.ok()) << c.status();
  const int i = (*plan)->IndicatorIndex("EU-5.stocks_leakage");
  EXPECT_FALSE(c->weights[i].learned);
  EXPECT_EQ(c->weights[i].kept_because, "fixed");
  EXPECT_EQ(c->weights[i].proposed, 10);
  for (const PriorProposal& p : c->priors) EXPECT_NE(p.indicator, i);
  // The other drivers are still found.
  EXPECT_NEAR(c->weights[(*plan)->IndicatorIndex("EU-5.post_shipment_check_failed")].beta,
              2.0, 0.3);
}

TEST_F(CalibrationTest, TheProposedRuleSetCarriesTheProposalAndDiffRunsOnIt) {
  const std::string out = *dir_ + "/proposed";
  fs::remove_all(out);
  ReportContext ctx;
  ctx.archive = "archive.jsonl";
  const std::string summary = ProposalSummary(*plan_, *calibration_, ctx);
  ASSERT_TRUE(WriteProposedRuleSet(*plan_, RulesDir(), *calibration_, summary,
                                   ProposedVersion(*plan_), out)
                  .ok());
  EXPECT_FALSE(WriteProposedRuleSet(*plan_, RulesDir(), *calibration_, summary,
                                    ProposedVersion(*plan_), out)
                   .ok());  // never overwritten
  auto proposed = CompileRuleSetDir(out);
  ASSERT_TRUE(proposed.ok()) << proposed.status();
  EXPECT_EQ((*proposed)->version, plan_->version + "-calibrated");
  EXPECT_NE((*proposed)->sha256, plan_->sha256);
  auto yaml = ReadFileToString(out + "/ruleset.yaml");
  ASSERT_TRUE(yaml.ok());
  EXPECT_EQ(yaml->rfind("# Proposed by divrisk calibrate from att-default", 0), 0u);
  EXPECT_NE(yaml->find("Out-of-fold AUC"), std::string::npos);
  for (const WeightProposal& w : calibration_->weights) {
    EXPECT_NEAR((*proposed)->weights.row(w.indicator).sum(), w.proposed, 1e-3)
        << plan_->indicators[w.indicator].id;
  }
  for (const PriorProposal& p : calibration_->priors) {
    EXPECT_NEAR((*proposed)->indicators[p.indicator].unknown_value, p.proposed, 1e-9);
  }
  std::FILE* in = std::fopen((*dir_ + "/archive.jsonl").c_str(), "rb");
  ASSERT_NE(in, nullptr);
  LineReader reader(in, 1 << 20, /*owns_file=*/true);
  DiffReport report;
  DiffOptions o;
  o.threads = 2;
  ASSERT_TRUE(DiffRuleSets(*plan_, **proposed, reader, o, &report).ok());
  EXPECT_EQ(report.scored, static_cast<uint64_t>(kCases));
  EXPECT_GT(report.changed_score, 0u);
}

TEST(CalibrationErrorsTest, RefusesAnArchiveWithoutBothOutcomes) {
  auto plan = CompileRuleSetDir(RulesDir());
  ASSERT_TRUE(plan.ok());
  Archive a;
  a.values = FloatRows::Zero(3, static_cast<Eigen::Index>((*plan)->indicators.size()));
  for (int i = 0; i < 3; ++i) {
    ArchiveRow r;
    r.id = "C" + std::to_string(i);
    r.diversion = DiversionFound::kNo;
    a.rows.push_back(r);
  }
  auto c = Calibrate(**plan, a, CalibrateOptions());
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("0 yes and 3 no"), std::string::npos);
}

}  // namespace
}  // namespace divrisk::learn
