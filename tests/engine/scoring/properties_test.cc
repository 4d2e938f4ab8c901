// Properties of the scoring core over many generated cases, scored with the
// default rule set: exact decomposition, ranges that hold the score,
// monotonicity in adverse facts and in mitigation, and byte-identical output
// however the cases are batched.

#include <functional>
#include <random>

#include "absl/strings/str_split.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/scoring/executor.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"
#include "tests/engine/scoring/random_case.h"

namespace divrisk::testing {
namespace {

constexpr int kCases = 2000;

class PropertiesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                                  "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    std::mt19937 rng(20261127);
    cases_ = new std::vector<Case>;
    for (int i = 0; i < kCases; ++i) cases_->push_back(RandomCase(rng, i));
  }

  static CaseResult ScoreOne(const Case& c) {
    Executor executor(*plan_);
    BatchScores scores;
    executor.Score(std::span<const Case>(&c, 1), &scores);
    return scores.results[0];
  }

  static const Plan* plan_;
  static std::vector<Case>* cases_;
};

const Plan* PropertiesTest::plan_ = nullptr;
std::vector<Case>* PropertiesTest::cases_ = nullptr;

TEST_F(PropertiesTest, ContributionsSumExactlyToTheScore) {
  Executor executor(*plan_);
  BatchScores scores;
  executor.Score(*cases_, &scores);
  int with_caps_binding = 0;
  for (int r = 0; r < kCases; ++r) {
    Assessment a = Explain(*plan_, (*cases_)[r], scores, r);
    int64_t sum = 0;
    for (const Contribution& line : a.contributions) sum += line.contribution_q;
    ASSERT_EQ(sum, a.result.score_q) << (*cases_)[r].id;
    with_caps_binding += (a.categories.capped.array() < a.categories.raw.array()).any();
  }
  // The generator must exercise the cap scaling, or this test proves little.
  EXPECT_GT(with_caps_binding, kCases / 20);
}

TEST_F(PropertiesTest, RangeHoldsTheScore) {
  Executor executor(*plan_);
  BatchScores scores;
  executor.Score(*cases_, &scores);
  int open_ranges = 0;
  for (const CaseResult& r : scores.results) {
    ASSERT_LE(r.min_q, r.score_q);
    ASSERT_LE(r.score_q, r.max_q);
    open_ranges += r.min_q < r.max_q;
  }
  EXPECT_GT(open_ranges, kCases / 2);
}

// Each mutation makes one fact adverse (or adds an adverse fact).
const std::vector<std::pair<const char*, std::function<void(Case&)>>>
    kAdverseFacts = {
        {"euc authentication failed",
         [](Case& c) {
           if (c.euc_presence == EucPresence::kPresent)
             c.euc.authentication = Authentication::kFailed;
         }},
        {"cash payment", [](Case& c) { c.conduct.Add(Conduct::kCashPayment); }},
        {"weak stockpile",
         [](Case& c) { c.end_user.stockpile_security = StockpileSecurity::kWeak; }},
        {"stocks leaked",
         [](Case& c) { c.end_user.diversion_from_stocks_reported = true; }},
        {"diversion traced",
         [](Case& c) {
           c.intelligence.push_back({IntelSource::kUnPanel, "end_user",
                                     IntelFinding::kDivertedItemsTraced,
                                     c.assessed_on, Confidence::kConfirmed});
         }},
        {"failed post-shipment check",
         [](Case& c) {
           if (!c.history) c.history.emplace();
           c.history->post_shipment_check_failed = true;
         }},
        {"goods unmarked",
         [](Case& c) {
           for (GoodsLine& g : c.goods) g.marked = false;
         }},
        {"objection",
         [](Case& c) {
           c.consultations.push_back({c.end_user.country, std::nullopt,
                                      ConsultationSubject::kEndUser,
                                      ConsultationResult::kObjection});
         }},
};

TEST_F(PropertiesTest, AnAdverseFactNeverLowersTheScoreOrTheRecommendation) {
  int raised = 0;
  for (const auto& [name, mutate] : kAdverseFacts) {
    for (const Case& original : *cases_) {
      Case worse = original;
      mutate(worse);
      CaseResult before = ScoreOne(original);
      CaseResult after = ScoreOne(worse);
      ASSERT_GE(after.score_q, before.score_q) << name << " " << original.id;
      ASSERT_GE(static_cast<int>(after.recommendation),
                static_cast<int>(before.recommendation))
          << name << " " << original.id;
      raised += after.score_q > before.score_q;
    }
  }
  EXPECT_GT(raised, kCases);  // the mutations do bite
}

TEST_F(PropertiesTest, AMitigationNeverRaisesTheScore) {
  int lowered = 0;
  for (const Case& original : *cases_) {
    const CaseResult before = ScoreOne(original);
    for (size_t m = 0; m < kEnumWords<Mitigation>.size(); ++m) {
      Case better = original;
      better.mitigations.Add(static_cast<Mitigation>(m));
      CaseResult after = ScoreOne(better);
      ASSERT_LE(after.score_q, before.score_q) << original.id;
      lowered += after.score_q < before.score_q;
    }
  }
  EXPECT_GT(lowered, kCases);
}

std::string AllJson(const Plan& plan, const std::vector<Case>& cases,
                    size_t chunk) {
  std::string out;
  Executor executor(plan);
  BatchScores scores;
  for (size_t start = 0; start < cases.size(); start += chunk) {
    std::span<const Case> batch(cases.data() + start,
                                std::min(chunk, cases.size() - start));
    executor.Score(batch, &scores);
    for (size_t r = 0; r < batch.size(); ++r) {
      AppendAssessmentJson(plan, Explain(plan, batch[r], scores, r), &out);
    }
  }
  return out;
}

// The first line where two outputs differ, or -1.
int FirstDifferentLine(const std::string& a, const std::string& b) {
  std::vector<std::string> la = absl::StrSplit(a, '\n');
  std::vector<std::string> lb = absl::StrSplit(b, '\n');
  for (size_t i = 0; i < std::max(la.size(), lb.size()); ++i) {
    if (i >= la.size() || i >= lb.size() || la[i] != lb[i]) return i;
  }
  return -1;
}

TEST_F(PropertiesTest, SameInputSameBytesWhateverTheBatching) {
  const std::string one_batch = AllJson(*plan_, *cases_, kCases);
  EXPECT_EQ(FirstDifferentLine(one_batch, AllJson(*plan_, *cases_, 1)), -1);
  EXPECT_EQ(FirstDifferentLine(one_batch, AllJson(*plan_, *cases_, 97)), -1);
  EXPECT_EQ(FirstDifferentLine(one_batch, AllJson(*plan_, *cases_, kCases)),
            -1);
}

}  // namespace
}  // namespace divrisk::testing
