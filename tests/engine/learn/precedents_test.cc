// Precedents: an approval is flagged when most close precedents were
// refused or found diverted (ATT 7(1)), not otherwise; the text and JSON
// sections say so and name the cases.

#include "engine/learn/precedents.h"

#include "engine/doc/json_parser.h"
#include "engine/scoring/executor.h"
#include "learn_test_util.h"
#include "rules/compiler.h"

namespace divrisk::learn {
namespace {

class PrecedentsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::move(*plan);
    // The first generated case the rule set recommends approving.
    Executor e(*plan_);
    for (const Case& c : Generated(*plan_->reference, 31, 200)) {
      e.Score(std::span<const Case>(&c, 1), &scores_);
      if (scores_.results[0].recommendation == Recommendation::kApprove) {
        query_ = c;
        break;
      }
    }
    ASSERT_FALSE(query_.id.empty());
    e.Score(std::span<const Case>(&query_, 1), &scores_);
    filler_ = Generated(*plan_->reference, 32, 40);
  }

  // An archive of the filler and three copies of the query decided `d`.
  PrecedentReport Run(Decision d, DiversionFound found, Recommendation rec) {
    std::vector<Case> cases = filler_;
    for (int i = 0; i < 3; ++i) {
      Case copy = query_;
      copy.id = "COPY-" + std::to_string(i);
      copy.outcome = Outcome{d, std::nullopt, found};
      cases.push_back(copy);
    }
    archive_ = LoadOrDie(*plan_, WriteArchive(cases, "precedents.jsonl"));
    similar_ = std::make_unique<SimilarityIndex>(*plan_, archive_);
    parties_ = std::make_unique<PartyIndex>(archive_);
    return FindPrecedents(archive_, *similar_, *parties_, query_, scores_.values,
                          0, rec, 5);
  }

  std::unique_ptr<const Plan> plan_;
  BatchScores scores_;
  Case query_;
  std::vector<Case> filler_;
  Archive archive_;
  std::unique_ptr<SimilarityIndex> similar_;
  std::unique_ptr<PartyIndex> parties_;
};

TEST_F(PrecedentsTest, FlagsAnApprovalAgainstRefusedPrecedents) {
  const PrecedentReport r =
      Run(Decision::kRefused, DiversionFound::kUnknown, Recommendation::kApprove);
  ASSERT_EQ(r.precedents.size(), 5u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(r.precedents[i].case_id.rfind("COPY-", 0), 0u);
    EXPECT_DOUBLE_EQ(r.precedents[i].distance, 0.0);
  }
  EXPECT_GE(r.adverse, 3u);
  EXPECT_TRUE(r.inconsistent);
  std::string text;
  AppendPrecedentsText(r, &text);
  EXPECT_NE(text.find("WARNING: this case is recommended for approval"), std::string::npos);
  EXPECT_NE(text.find("COPY-0"), std::string::npos);
  const std::string json = PrecedentsJson(r);
  auto doc = ParseJson(json, DocLimits{});
  ASSERT_TRUE(doc.ok()) << doc.status() << json;
  EXPECT_NE(json.find("\"inconsistent_approval\":true"), std::string::npos);
}

TEST_F(PrecedentsTest, FlagsAnApprovalAgainstDivertedPrecedents) {
  EXPECT_TRUE(Run(Decision::kApproved, DiversionFound::kYes,
                  Recommendation::kApproveWithConditions).inconsistent);
}

TEST_F(PrecedentsTest, DoesNotFlagConsistentOrStricterRecommendations) {
  EXPECT_FALSE(Run(Decision::kApproved, DiversionFound::kNo,
                   Recommendation::kApprove).inconsistent);
  EXPECT_FALSE(Run(Decision::kRefused, DiversionFound::kUnknown,
                   Recommendation::kRefer).inconsistent);
}

}  // namespace
}  // namespace divrisk::learn
