// Golden data tests: every example case is assessed with the example
// authority's rule set (rules/att-example-authority: the default with the
// invented registers, templates, forged EUC numbers and denials the examples
// were written against) and its JSON compared byte for byte with
// tests/data/golden/<name>.json.
// After an intended change, regenerate with DIVRISK_UPDATE_GOLDEN=1 and
// review the diff like code.

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "engine/doc/file_reader.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;

const Plan& ExamplePlan() {
  static const Plan* plan = [] {
    auto p = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                               "/rules/att-example-authority");
    if (!p.ok()) {
      ADD_FAILURE() << p.status();
      std::abort();
    }
    return p->release();
  }();
  return *plan;
}

std::string AssessJson(const std::string& path) {
  absl::StatusOr<Case> c = ReadCaseFile(path, *ExamplePlan().reference);
  EXPECT_TRUE(c.ok()) << c.status();
  if (!c.ok()) return "";
  Executor executor(ExamplePlan());
  BatchScores scores;
  executor.Score(std::span<const Case>(&*c, 1), &scores);
  std::string out;
  AppendAssessmentJson(ExamplePlan(), Explain(ExamplePlan(), *c, scores, 0),
                       &out);
  return out;
}

std::vector<std::string> ExampleFiles() {
  std::vector<std::string> files;
  for (const auto& e :
       fs::directory_iterator(std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(GoldenTest, EveryExampleMatchesItsGoldenJson) {
  const bool update = std::getenv("DIVRISK_UPDATE_GOLDEN") != nullptr;
  const std::vector<std::string> files = ExampleFiles();
  ASSERT_GE(files.size(), 10u);
  for (const std::string& file : files) {
    const std::string golden = std::string(DIVRISK_SOURCE_DIR) +
                               "/tests/data/golden/" +
                               fs::path(file).stem().string() + ".json";
    const std::string actual = AssessJson(file);
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      continue;
    }
    absl::StatusOr<std::string> expected = ReadFileToString(golden);
    ASSERT_TRUE(expected.ok()) << expected.status()
                               << " (run with DIVRISK_UPDATE_GOLDEN=1)";
    EXPECT_EQ(actual, *expected) << file;
  }
}

class SharedExamples : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::string(DIVRISK_SHARED_DIR) + "/spec/examples";
    if (!fs::exists(dir_)) GTEST_SKIP() << dir_ << " is absent";
  }
  std::string dir_;
};

// The acceptance: the clean government transfer is approved.
TEST_F(SharedExamples, CleanGovernmentTransferIsApproved) {
  const std::string json = AssessJson(dir_ + "/clean-government-transfer.yaml");
  EXPECT_THAT(json, ::testing::HasSubstr("\"recommendation\":\"approve\""));
  EXPECT_THAT(json, ::testing::HasSubstr("\"band\":\"low\""));
  EXPECT_THAT(json, ::testing::HasSubstr("\"hard_stops\":[]"));
}

// ... and the brokered small-arms case is refused or referred, high, with
// each of its concerns explained by an indicator and its evidence.
TEST_F(SharedExamples, BrokeredSmallArmsIsHighRiskWithEveryConcernExplained) {
  const std::string json =
      AssessJson(dir_ + "/brokered-small-arms-high-risk.yaml");
  EXPECT_THAT(json, ::testing::AnyOf(
                        ::testing::HasSubstr("\"recommendation\":\"refuse\""),
                        ::testing::HasSubstr("\"recommendation\":\"refer\"")));
  EXPECT_THAT(json, ::testing::ContainsRegex("\"band\":\"(high|very_high)\""));
  const std::vector<std::pair<const char*, const char*>> concerns = {
      {"EUC-2.not_valid", "euc.valid_until"},  // expired 2026-04-30
      {"EUC-3.original_not_seen", "euc.original_seen"},
      {"EUC-3.not_authenticated", "euc.authentication"},
      {"EUC-4.goods_mismatch", "euc.goods"},   // 5000 rifles, 3000 on the EUC
      {"EUC-4.end_user_mismatch", "euc.end_user_named"},
      {"PL-1.denied_party", "parties[0].name"},  // Eastgate: a denial
      {"PL-4.recently_incorporated", "parties[0].incorporated_on"},
      {"PL-5.prior_violations", "exporter.prior_violations"},
      {"TR-2.transshipment", "transport.legs[0].transshipment"},
      {"TR-2.free_trade_zone", "transport.legs[0].free_trade_zone"},
      {"EU-2.quantity_vs_force", "end_user.force_size"},
      {"EU-5.stocks_leakage", "end_user.diversion_from_stocks_reported"},
      {"RS-2.stockpile_security", "end_user.stockpile_security"},
      {"EU-5.diversion_intelligence", "intelligence[0]"},
      {"PL-1.denial_notifications", "history.denial_notifications"},
  };
  for (const auto& [indicator, path] : concerns) {
    const size_t at = json.find(absl::StrCat("\"indicator\":\"", indicator, "\""));
    ASSERT_NE(at, std::string::npos) << indicator;
    const size_t next = json.find("\"indicator\":", at + 1);
    EXPECT_NE(json.substr(at, next - at).find(path), std::string::npos)
        << indicator << " lacks evidence at " << path;
  }
}

}  // namespace
}  // namespace divrisk
