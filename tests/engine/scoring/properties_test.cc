// Properties of the scoring core over many generated cases, scored with the
// default rule set: exact decomposition, ranges that hold the score,
// monotonicity in adverse facts and in mitigation, byte-identical output
// however the cases are batched, and the honesty of unknown facts (issue
// 11): an unknown value never exceeds the indicator's worst known value, a
// document with unknown details never scores above no document, and filling
// in an unknown with its most benign value never raises the score. Cases
// come from RandomCase (every fact present or absent by chance) and from
// the archive generator (engine/generate).

#include <functional>
#include <random>

#include "absl/strings/str_split.h"
#include "engine/explain/assessment.h"
#include "engine/generate/case_generator.h"
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
    // The example authority holds registers and flagged EUC numbers, so
    // every indicator can take its known values (the default holds none of
    // these invented records, and scores alike otherwise).
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                                  "/rules/att-example-authority");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    std::mt19937 rng(20261127);
    cases_ = new std::vector<Case>;
    for (int i = 0; i < kCases; ++i) cases_->push_back(RandomCase(rng, i));
    generated_ = new std::vector<Case>;
    CaseGenerator gen(*plan_->reference, 11);
    for (int i = 0; i < kCases; ++i) generated_->push_back(gen.Next());
  }

  // Both sources, for the invariants of unknown facts.
  static std::vector<const Case*> AllCases() {
    std::vector<const Case*> all;
    for (const Case& c : *cases_) all.push_back(&c);
    for (const Case& c : *generated_) all.push_back(&c);
    return all;
  }

  static CaseResult ScoreOne(const Case& c) {
    Executor executor(*plan_);
    BatchScores scores;
    executor.Score(std::span<const Case>(&c, 1), &scores);
    return scores.results[0];
  }

  static const Plan* plan_;
  static std::vector<Case>* cases_;
  static std::vector<Case>* generated_;
};

const Plan* PropertiesTest::plan_ = nullptr;
std::vector<Case>* PropertiesTest::cases_ = nullptr;
std::vector<Case>* PropertiesTest::generated_ = nullptr;

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
  // A measure lowers only the indicators it names, and only where the case
  // meets its requirements: it bites less often than it is offered.
  EXPECT_GT(lowered, kCases / 4);
}

// ---- Unknown facts, honestly (issue 11) ------------------------------------

// Every indicator: the value it takes while unknown is never above the
// highest value it takes on known facts (its worst known value).
TEST_F(PropertiesTest, AnUnknownValueNeverExceedsTheWorstKnownValue) {
  std::vector<Case> all = *cases_;
  all.insert(all.end(), generated_->begin(), generated_->end());
  Executor executor(*plan_);
  BatchScores scores;
  executor.Score(all, &scores);
  const Eigen::Index k = scores.values.cols();
  int checked = 0;
  for (Eigen::Index i = 0; i < k; ++i) {
    double worst_known = -1;
    bool ever_unknown = false;
    for (Eigen::Index r = 0; r < scores.values.rows(); ++r) {
      const double v = scores.values(r, i);
      if (std::isnan(v)) {
        ever_unknown = true;
      } else {
        worst_known = std::max(worst_known, v);
      }
    }
    if (!ever_unknown) continue;
    ++checked;
    const IndicatorSpec& spec = plan_->indicators[i];
    EXPECT_LE(spec.unknown_value, std::max(worst_known, 0.0)) << spec.id;
  }
  EXPECT_GT(checked, 20);
}

// An end-user document whose details are all unknown, or a record that does
// not say whether there was one, never scores above no document at all;
// likewise a route said to be unknown against no route disclosed.
TEST_F(PropertiesTest, ADocumentWithUnknownDetailsNeverScoresAboveNone) {
  int compared = 0;
  for (const Case* original : AllCases()) {
    Case none = *original;
    none.euc_presence = EucPresence::kNone;
    none.euc = Euc{};
    const CaseResult r_none = ScoreOne(none);
    for (EucKind kind : {EucKind::kGovernmentEuc, EucKind::kCommercialEuc,
                         EucKind::kInternationalImportCertificate}) {
      Case sparse = none;
      sparse.euc_presence = EucPresence::kPresent;
      sparse.euc.kind = kind;
      const CaseResult r = ScoreOne(sparse);
      ASSERT_LE(r.score_q, r_none.score_q) << original->id << " " << EnumWord(kind);
      ASSERT_LE(static_cast<int>(r.recommendation),
                static_cast<int>(r_none.recommendation))
          << original->id << " " << EnumWord(kind);
    }
    Case unknown = none;
    unknown.euc_presence = EucPresence::kUnknown;
    const CaseResult r_unknown = ScoreOne(unknown);
    ASSERT_LE(r_unknown.score_q, r_none.score_q) << original->id;

    Case no_route = *original;
    no_route.transport.reset();
    Case route_unknown = *original;
    route_unknown.transport = Transport{};
    route_unknown.transport->route_disclosure = RouteDisclosure::kUnknown;
    ASSERT_LE(ScoreOne(route_unknown).score_q, ScoreOne(no_route).score_q)
        << original->id;
    ++compared;
  }
  EXPECT_EQ(compared, 2 * kCases);
}

// Each fill sets one absent fact to its most benign value (and does nothing
// when the fact is known).
const std::vector<std::pair<const char*, std::function<void(Case&)>>>
    kBenignFills = {
        {"euc: unknown -> a sound EUC",
         [](Case& c) {
           if (c.euc_presence != EucPresence::kUnknown) return;
           c.euc_presence = EucPresence::kPresent;
           c.euc = Euc{};
           Euc& e = c.euc;
           e.number = "BENIGN-0001";
           e.issuer_country = c.end_user.country;
           e.issued_on = Date{c.assessed_on.days + (-30)};
           e.valid_until = Date{c.assessed_on.days + (365)};
           e.original_seen = true;
           e.authentication = Authentication::kConfirmed;
           e.template_on_file = true;
           e.end_user_named = c.end_user.name;
           std::vector<EucGoods> goods;
           for (const GoodsLine& g : c.goods) goods.push_back({g.category, g.quantity});
           e.goods = goods;
           EnumSet<EucClause> all;
           for (size_t i = 0; i < kEnumWords<EucClause>.size(); ++i) {
             all.Add(static_cast<EucClause>(i));
           }
           e.clauses = all;
           e.reissued_after_objection = false;
         }},
        {"euc details",
         [](Case& c) {
           if (c.euc_presence != EucPresence::kPresent) return;
           Euc& e = c.euc;
           if (!e.original_seen) e.original_seen = true;
           if (!e.authentication) e.authentication = Authentication::kConfirmed;
           if (!e.template_on_file) e.template_on_file = true;
           if (!e.end_user_named) e.end_user_named = c.end_user.name;
           if (!e.reissued_after_objection) e.reissued_after_objection = false;
           if (!e.issued_on && !e.valid_until) e.issued_on = Date{c.assessed_on.days + (-30)};
         }},
        {"end user kind", [](Case& c) {
           if (!c.end_user.kind) c.end_user.kind = PartyKind::kArmedForces;
         }},
        {"force size", [](Case& c) {
           if (!c.end_user.force_size) c.end_user.force_size = 1000000000;
         }},
        {"stockpile security", [](Case& c) {
           if (c.end_user.stockpile_security != StockpileSecurity::kWeak)
             c.end_user.stockpile_security = StockpileSecurity::kAdequate;
         }},
        {"stocks leaked", [](Case& c) {
           if (!c.end_user.diversion_from_stocks_reported)
             c.end_user.diversion_from_stocks_reported = false;
         }},
        {"replaces stocks", [](Case& c) {
           if (!c.end_user.replaces_existing_stocks)
             c.end_user.replaces_existing_stocks = false;
         }},
        {"incorporation, ICP, violations", [](Case& c) {
           auto fill = [&](Party& p) {
             if (!p.incorporated_on) p.incorporated_on = Date{c.assessed_on.days + (-7300)};
             if (!p.internal_compliance_programme) p.internal_compliance_programme = true;
             if (!p.prior_violations) p.prior_violations = 0;
           };
           fill(c.exporter);
           for (Party& p : c.parties) fill(p);
         }},
        {"goods", [](Case& c) {
           for (GoodsLine& g : c.goods) {
             if (!g.marked) g.marked = true;
             if (!g.manpads) g.manpads = false;
             if (!g.condition) g.condition = GoodsCondition::kNew;
           }
         }},
        {"legs", [](Case& c) {
           if (!c.transport) return;
           for (Leg& l : c.transport->legs) {
             if (!l.transshipment) l.transshipment = false;
             if (!l.free_trade_zone) l.free_trade_zone = false;
             if (!l.service) l.service = CarrierService::kScheduled;
             if (!l.shipper_owned_sealed_containers) l.shipper_owned_sealed_containers = false;
           }
           if (!c.transport->delivery) c.transport->delivery = Delivery{};
         }},
        {"documents declared as arms", [](Case& c) {
           for (Document& d : c.documents) {
             if (!d.declared_as_arms) d.declared_as_arms = true;
           }
         }},
        {"history", [](Case& c) {
           if (!c.history) c.history.emplace();
           History& h = *c.history;
           if (!h.prior_refusals_to_end_user) h.prior_refusals_to_end_user = 0;
           if (!h.denial_notifications) h.denial_notifications = 0;
           if (!h.condition_breaches) h.condition_breaches = 0;
           if (!h.post_shipment_check_failed) h.post_shipment_check_failed = false;
         }},
};

TEST_F(PropertiesTest, FillingInAnUnknownWithItsMostBenignValueNeverRaises) {
  int lowered = 0;
  for (const auto& [name, fill] : kBenignFills) {
    for (const Case* original : AllCases()) {
      Case filled = *original;
      fill(filled);
      const CaseResult before = ScoreOne(*original);
      const CaseResult after = ScoreOne(filled);
      ASSERT_LE(after.score_q, before.score_q) << name << " " << original->id;
      ASSERT_LE(static_cast<int>(after.recommendation),
                static_cast<int>(before.recommendation))
          << name << " " << original->id;
      lowered += after.score_q < before.score_q;
    }
  }
  EXPECT_GT(lowered, kCases);  // the fills do bite
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
