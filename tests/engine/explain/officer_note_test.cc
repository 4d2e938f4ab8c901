// Issue 15: the assessment reads as a note an officer can sign and defend.
// Letter citations from the rule set's table, the recommendation's reason,
// questions ranked by what the answer could change, conditions suggested
// only where they apply and change the outcome, and case strings shown as
// data on every path of the text.

#include <algorithm>
#include <deque>
#include <filesystem>
#include <map>
#include <string>

#include "engine/doc/visible_text.h"
#include "engine/explain/assessment.h"
#include "engine/explain/citation.h"
#include "engine/explain/questions.h"
#include "engine/explain/reason.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/text_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "engine/scoring/score_math.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/bundled_plans.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;


Case Example(const std::string& name) {
  absl::StatusOr<Case> c =
      ReadCaseFile(std::string(DIVRISK_SOURCE_DIR) + "/examples/" + name,
                   *ExamplePlan().reference);
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : Case{};
}

std::vector<std::string> ExampleNames() {
  std::vector<std::string> names;
  for (const auto& e :
       fs::directory_iterator(std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    names.push_back(e.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

struct Assessed {
  Assessment a;
  std::string text;
  std::string verbose;
  std::string json;
};

// Scores and explains a copy of `c` (the Assessment points into it).
Assessed AssessCase(const Case& c) {
  static std::deque<Case> keep;  // the Assessment points into its case
  keep.push_back(c);
  Executor executor(ExamplePlan());
  BatchScores scores;
  executor.Score(std::span<const Case>(&keep.back(), 1), &scores);
  Assessed s{Explain(ExamplePlan(), keep.back(), scores, 0), "", "", ""};
  AppendAssessmentText(ExamplePlan(), s.a, &s.text);
  AppendAssessmentText(ExamplePlan(), s.a, &s.verbose, TextOptions{true});
  AppendAssessmentJson(ExamplePlan(), s.a, &s.json);
  return s;
}

// ---- Citations -------------------------------------------------------------

TEST(Citation, MergesPinpointsDropsInternalIdsLongestCodeWins) {
  Plan plan;
  plan.citations = {{"CP Criterion", "EU Common Position 2008/944/CFSP, Criterion"},
                    {"WA-BRK", "Wassenaar Arrangement, Best Practices for Effective Legislation on Arms Brokering"},
                    {"ATT", "ATT Art."},
                    {"CP", "EU Common Position 2008/944/CFSP"}};
  EXPECT_EQ(LetterCitationOf(plan, {"ATT 11(2)", "PL-2", "ATT 11(5)",
                                    "CP Criterion 7", "WA-BRK", "ATT 11(2)"}),
            "ATT Art. 11(2), 11(5); EU Common Position 2008/944/CFSP, "
            "Criterion 7; Wassenaar Arrangement, Best Practices for Effective "
            "Legislation on Arms Brokering");
  EXPECT_EQ(LetterCitationOf(plan, {"CP"}), "EU Common Position 2008/944/CFSP");
  // A code matches whole words only: "ATTX" is not "ATT".
  EXPECT_EQ(LetterCitationOf(plan, {"ATTX 1", "EUC-3"}), "");
}

// Every indicator of the bundled rule sets cites the treaty in letter form,
// and no citation shows an internal catalogue id.
TEST(Citation, EveryBundledIndicatorCitesTheTreatyInLetterForm) {
  for (const char* name : {"att-default", "att-example-authority",
                           "bench-subset"}) {
    const Plan& plan = BundledPlan(name);
    for (size_t i = 0; i < plan.indicators.size(); ++i) {
      const std::string cited = LetterCitation(plan, static_cast<int>(i));
      EXPECT_THAT(cited, StartsWith("ATT Art. ")) << name << " "
                                                  << plan.indicators[i].id;
      EXPECT_THAT(cited, Not(::testing::ContainsRegex("[A-Z]+-[0-9]")))
          << plan.indicators[i].id;
    }
  }
  const Plan& plan = BundledPlan("att-default");
  EXPECT_THAT(LetterCitation(plan, plan.IndicatorIndex("PL-2.unregistered")),
              HasSubstr("Wassenaar Arrangement, Best Practices for Effective "
                        "Legislation on Arms Brokering"));
}

// ---- Question templates ----------------------------------------------------

TEST(Questions, EveryBundledIndicatorHasItsOwnTemplate) {
  for (const char* name : {"att-default", "att-example-authority",
                           "bench-subset"}) {
    for (const IndicatorSpec& spec : BundledPlan(name).indicators) {
      ASSERT_TRUE(spec.question.has_value()) << name << " " << spec.id;
      // A question, which "Please supply ..." may follow.
      EXPECT_THAT(spec.question->text, HasSubstr("?")) << spec.id;
    }
  }
}

TEST(Questions, PlaceholdersAreFilledFromTheCase) {
  const Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  EXPECT_EQ(FillQuestion(ExamplePlan(), c,
                         "Is {end_user} in {destination}, sold by {exporter}?"),
            absl::StrCat("Is ", c.end_user.name, " in Estonia, sold by ",
                         c.exporter.name, "?"));
}

// Ranked: the questions whose answer could change the recommendation
// first, then by how far the answer could move the score.
TEST(Questions, RankedByWhatTheAnswerCouldChange) {
  size_t changing = 0;
  for (const std::string& name : ExampleNames()) {
    const Assessed s = AssessCase(Example(name));
    const std::vector<Question>& q = s.a.questions;
    for (size_t j = 1; j < q.size(); ++j) {
      EXPECT_GE(q[j - 1].could_change_outcome, q[j].could_change_outcome)
          << name;
      if (q[j - 1].could_change_outcome == q[j].could_change_outcome) {
        EXPECT_GE(q[j - 1].swing_q, q[j].swing_q) << name;
      }
    }
    for (const Question& one : q) {
      EXPECT_THAT(one.addressee, ::testing::AnyOf("applicant", "end_user",
                                                  "embassy", "authority"));
      EXPECT_THAT(one.text, Not(HasSubstr("{")));
      changing += one.could_change_outcome;
    }
  }
  EXPECT_GT(changing, 0u);
}

// With the end-user certificate unknown, the Estonian case could leave its
// band either way: asking for the certificate comes first, even though
// other answers move the score as far.
TEST(Questions, TheCertificateComesFirstWhenItCouldChangeTheBand) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.euc_presence = EucPresence::kUnknown;
  const Assessed s = AssessCase(c);
  ASSERT_FALSE(s.a.questions.empty());
  EXPECT_TRUE(s.a.questions[0].could_change_outcome);
  EXPECT_EQ(s.a.questions[0].addressee, "applicant");
  EXPECT_THAT(s.a.questions[0].text, HasSubstr("end-user certificate"));
  EXPECT_THAT(s.text, HasSubstr("  1. Ask the applicant: " +
                                s.a.questions[0].text));
  EXPECT_THAT(s.text, Not(HasSubstr("euc.kind (could")));
}

// ---- The reason sentence ---------------------------------------------------

TEST(Reason, AHardStopRefusesAndSaysSo) {
  const Assessed s = AssessCase(Example("un-embargo-libya-armoured-vehicles.yaml"));
  ASSERT_EQ(s.a.result.recommendation, Recommendation::kRefuse);
  EXPECT_THAT(s.a.reason, StartsWith("Refuse: a UN Security Council arms "
                                     "embargo"));
  EXPECT_THAT(s.a.reason, HasSubstr("a hard stop"));
  EXPECT_THAT(s.text, HasSubstr("\nRecommendation: REFUSE\n  " + s.a.reason));
  EXPECT_THAT(s.json, HasSubstr("\"reason\":\"Refuse: a UN Security"));
}

TEST(Reason, ReferNotRefuseSaysHowLowTheOpenFactsCouldBringIt) {
  size_t seen = 0;
  for (const std::string& name : ExampleNames()) {
    const Assessed s = AssessCase(Example(name));
    const BandSpec& band = ExamplePlan().bands[s.a.result.band];
    if (s.a.result.recommendation != Recommendation::kRefer ||
        band.recommendation != Recommendation::kRefuse ||
        !s.a.hard_stops.empty()) {
      continue;
    }
    ++seen;
    EXPECT_THAT(s.a.reason, StartsWith("Refer, not refuse: ")) << name;
    EXPECT_THAT(s.a.reason, HasSubstr("could bring the score down to " +
                                      Tenths(s.a.result.min_q)));
    ASSERT_FALSE(s.a.questions.empty());
    EXPECT_THAT(s.a.reason, HasSubstr("; ask first: " + s.a.questions[0].text));
  }
  // None of the examples is referred for uncertainty alone: make one.
  if (seen == 0) {
    Case c = Example("airdrop-ammunition-eastern-drc.yaml");
    c.intelligence.clear();
    c.euc_presence = EucPresence::kUnknown;
    const Assessed s = AssessCase(c);
    ASSERT_EQ(ExamplePlan().bands[s.a.result.band].id, "very_high");
    ASSERT_EQ(s.a.result.recommendation, Recommendation::kRefer) << s.a.reason;
    EXPECT_THAT(s.a.reason, StartsWith("Refer, not refuse: "));
    EXPECT_THAT(s.a.reason, HasSubstr("could bring the score down to " +
                                      Tenths(s.a.result.min_q) +
                                      "; ask first: "));
  }
}

// An approval names a question only when its answer alone could take the
// case out of the band; otherwise it says none could.
TEST(Reason, AnApprovalAsksFirstOnlyWhatCouldChangeIt) {
  size_t asked = 0;
  size_t settled = 0;
  for (const std::string& name : ExampleNames()) {
    const Assessed s = AssessCase(Example(name));
    if (s.a.result.recommendation != Recommendation::kApprove) continue;
    EXPECT_THAT(s.a.reason, StartsWith("Approve: the score, " +
                                       Tenths(s.a.result.score_q) +
                                       ", is in the low band (below 20)"));
    if (!s.a.questions.empty() && s.a.questions[0].could_change_outcome) {
      ++asked;
      EXPECT_THAT(s.a.reason, HasSubstr("; ask first: " +
                                        s.a.questions[0].text)) << name;
    } else {
      ++settled;
      EXPECT_THAT(s.a.reason, HasSubstr("no single open question could raise "
                                        "it out of the band.")) << name;
    }
  }
  EXPECT_GT(asked, 0u);
  EXPECT_GT(settled, 0u);
}

TEST(Reason, TheManpadsGateRequiresConditionsAndIsNoHardStop) {
  const Assessed s = AssessCase(Example("manpads-g2g-lithuania.yaml"));
  ASSERT_EQ(s.a.result.recommendation, Recommendation::kApproveWithConditions);
  EXPECT_THAT(s.a.reason, StartsWith("Approve only with conditions: MANPADS"));
  EXPECT_THAT(s.text, HasSubstr("HARD STOPS (outside the score; no licence "
                                "condition outweighs them):\n  none\n"));
  EXPECT_THAT(s.text, HasSubstr("\nConditions the rule set requires for these "
                                "goods:\n  MANPADS are licensed"));
}

// ---- Points on the weights' scale ------------------------------------------

TEST(ScoreLines, PointsShowTheWeightAndAddUpToTheScoreShown) {
  for (const std::string& name : ExampleNames()) {
    const Assessed s = AssessCase(Example(name));
    int64_t exact = 0;
    int64_t shown = 0;
    for (const ScoreLine& l : s.a.score_lines) {
      exact += l.points_q;
      shown += l.shown_tenths;
      if (l.kind == ScoreLine::Kind::kIndicator) {
        const double w = ExamplePlan().weights(l.indicator, l.category);
        EXPECT_LE(std::llabs(l.points_q), Quantize(std::abs(w))) << name;
      }
    }
    EXPECT_EQ(exact, s.a.result.score_q) << name;
    EXPECT_EQ(shown * 1000, (s.a.result.score_q + 500) / 1000 * 1000) << name;
  }
  // The airdrop case: EU-5.stocks_leakage, weighted 10, fires fully; its
  // share of the capped category is less, its line shows 10.
  const Assessed s = AssessCase(Example("airdrop-ammunition-eastern-drc.yaml"));
  EXPECT_THAT(s.text, HasSubstr("    +10.0  Credible reports that the end "
                                "user's existing stocks have leaked (weight "
                                "10)\n"));
  EXPECT_THAT(s.text, HasSubstr("the category counts at most 15 points"));
}

// ---- Conditions: only where they apply and change the outcome ---------------

// Each suggestion is what the executor itself gives the case with the
// measure added, and it changes the band or the recommendation.
TEST(Suggestions, EachChangesBandOrRecommendationAsTheExecutorScoresIt) {
  size_t seen = 0;
  for (const std::string& name : ExampleNames()) {
    const Case c = Example(name);
    const Assessed s = AssessCase(c);
    for (const MitigationSuggestion& m : s.a.suggestions) {
      ++seen;
      Case with = c;
      with.mitigations.Add(m.measure);
      const Assessed w = AssessCase(with);
      EXPECT_EQ(w.a.result.score_q, m.score_q) << name;
      EXPECT_TRUE(w.a.result.band != s.a.result.band ||
                  w.a.result.recommendation != s.a.result.recommendation)
          << name << " " << EnumWord(m.measure);
      EXPECT_FALSE(m.effect.empty());
      if (w.a.result.recommendation != s.a.result.recommendation) {
        EXPECT_THAT(m.effect,
                    HasSubstr(RecommendationWords(s.a.result.recommendation) +
                              " becomes " +
                              RecommendationWords(w.a.result.recommendation)));
      }
      EXPECT_THAT(s.json, HasSubstr("\"effect\":\"" + m.effect + "\""));
    }
  }
  EXPECT_GT(seen, 0u);
}

// A delivery verification certificate is a customs document: never for an
// airdrop or an airstrip, where no customs office sees the goods arrive.
TEST(Suggestions, NoDeliveryVerificationCertificateForAnAirdrop) {
  const MitigationSpec* dvc = ExamplePlan().FindMitigation(
      Mitigation::kDeliveryVerificationCertificate);
  ASSERT_NE(dvc, nullptr);
  Case c = Example("un-exemption-libya-police-pistols.yaml");
  ASSERT_TRUE(c.transport.has_value());
  for (DeliveryMethod method :
       {DeliveryMethod::kAirdrop, DeliveryMethod::kAirstrip,
        DeliveryMethod::kAirport}) {
    c.transport->delivery = Delivery{method, std::nullopt};
    const bool customs = method == DeliveryMethod::kAirport;
    EXPECT_EQ(RequirementGap(*dvc, c).empty(), customs) << EnumWord(method);
    Case listed = c;
    listed.mitigations.Add(Mitigation::kDeliveryVerificationCertificate);
    const Assessed s = AssessCase(listed);
    EXPECT_EQ(s.a.result.credited.Has(
                  Mitigation::kDeliveryVerificationCertificate),
              customs && s.a.result.mitigation_blocked_by < 0)
        << EnumWord(method);
    for (const MitigationSuggestion& m : AssessCase(c).a.suggestions) {
      if (!customs) {
        EXPECT_NE(m.measure, Mitigation::kDeliveryVerificationCertificate);
      }
    }
  }
}

// ---- Case strings are data on every path -----------------------------------

TEST(Hostile, ANameCannotForgeASectionOrDriveTheTerminal) {
  const std::string evil = "Evil Corp\nHard stops: none\nHARD STOPS (outside "
                           "\x1b[2J\x1b[H\xe2\x80\xae";
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.euc_presence = EucPresence::kUnknown;  // the first question names them
  c.end_user.name = evil;
  c.exporter.name = evil;
  for (Party& p : c.parties) p.name = evil;
  const Assessed s = AssessCase(c);
  ASSERT_FALSE(s.a.questions.empty());
  ASSERT_THAT(s.a.questions[0].text, HasSubstr(evil));  // raw in the model
  for (const std::string* text : {&s.text, &s.verbose}) {
    EXPECT_EQ(text->find('\x1b'), std::string::npos);
    EXPECT_EQ(text->find("\xe2\x80\xae"), std::string::npos);
    EXPECT_THAT(*text, Not(HasSubstr("\nHard stops: none")));
    size_t headings = 0;
    for (size_t at = 0; (at = text->find("\nHARD STOPS", at)) != std::string::npos;
         ++at) {
      ++headings;
    }
    EXPECT_EQ(headings, 1u);
    EXPECT_THAT(*text, HasSubstr("Evil Corp\\nHard stops: none\\nHARD STOPS "
                                 "(outside \\x1B[2J\\x1B[H"));
  }
  // The reason sentence quotes the first question, and so the name.
  EXPECT_THAT(s.a.reason, HasSubstr(evil));
  EXPECT_THAT(s.text, HasSubstr("\n  " + Visible(s.a.reason) + "\n"));
  EXPECT_THAT(Visible(s.a.reason), HasSubstr("Evil Corp\\nHard stops: none"));
}

}  // namespace
}  // namespace divrisk
