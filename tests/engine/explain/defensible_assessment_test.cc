// Issue 11: assessments an authority can defend. Each test reproduces one
// finding of the issue on a bundled example or a variant of one, scored with
// the default rule set: unknown facts never weigh more than known bad ones,
// registers apply to the parties they cover, Art. 6(3) and Art. 7(3) as the
// treaty reads, mitigation as licence conditions with preconditions.

#include <string>

#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/text_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "tests/bundled_plans.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

// The examples are judged under ExamplePlan() (tests/bundled_plans.h), which
// scores as the default does.
Case Example(const std::string& name) {
  absl::StatusOr<Case> c =
      ReadCaseFile(std::string(DIVRISK_SOURCE_DIR) + "/examples/" + name,
                   *ExamplePlan().reference);
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : Case{};
}

Case FromYaml(const std::string& text) {
  absl::StatusOr<Case> c = ReadCaseText(text, CaseSyntax::kYaml, "test.yaml",
                                        *ExamplePlan().reference);
  EXPECT_TRUE(c.ok()) << c.status();
  return c.ok() ? *c : Case{};
}

struct Scored {
  CaseResult result;
  std::string json;
  std::string text;
  double contribution(const std::string& indicator) const {
    const size_t at = json.find("\"indicator\":\"" + indicator + "\"");
    if (at == std::string::npos) return 0;
    const size_t c = json.find("\"contribution\":", at);
    return std::stod(json.substr(c + 15));
  }
};

Scored Assess(const Case& c) {
  Executor executor(ExamplePlan());
  BatchScores scores;
  executor.Score(std::span<const Case>(&c, 1), &scores);
  Assessment a = Explain(ExamplePlan(), c, scores, 0);
  Scored s;
  s.result = a.result;
  AppendAssessmentJson(ExamplePlan(), a, &s.json);
  AppendAssessmentText(ExamplePlan(), a, &s.text);
  return s;
}

int Rank(Recommendation r) { return static_cast<int>(r); }

// ---- Finding 2: unknown facts weigh more than known bad facts -------------

// The same application with no EUC, with a sparse government EUC (nothing
// on it recorded), and with `euc: unknown`: supplying nothing must never
// do better than supplying a document, nor than a silent record.
TEST(UnknownFacts, NoEucIsNeverBetterThanASparseOrUnrecordedOne) {
  for (const char* name : {"g2g-artillery-ammunition-estonia.yaml",
                           "commercial-euc-pistols-private-security-kenya.yaml",
                           "expired-euc-police-pistols-ghana.yaml"}) {
    Case none = Example(name);
    none.euc_presence = EucPresence::kNone;
    none.euc = Euc{};
    Case sparse = none;
    sparse.euc_presence = EucPresence::kPresent;
    sparse.euc.kind = EucKind::kGovernmentEuc;
    Case unknown = none;
    unknown.euc_presence = EucPresence::kUnknown;
    const int64_t s_none = Assess(none).result.score_q;
    EXPECT_LE(Assess(sparse).result.score_q, s_none) << name;
    EXPECT_LE(Assess(unknown).result.score_q, s_none) << name;
  }
}

TEST(UnknownFacts, TextSaysNotKnownInPlainWords) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.euc_presence = EucPresence::kUnknown;
  const Scored s = Assess(c);
  EXPECT_THAT(s.text, Not(HasSubstr("prior")));
  EXPECT_THAT(s.text, HasSubstr("not yet known; counted at how often it is "
                                "found"));
}

// A state body is not in a register of companies.
TEST(Registers, AStateBodyIsNotUnregistered) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.exporter.name = "Defence Equipment and Support";
  c.exporter.kind = PartyKind::kOtherGovernment;
  c.exporter.register_id.reset();
  EXPECT_EQ(Assess(c).contribution("PL-2.unregistered"), 0);
}

// A register the rule set does not hold: the fact is not known, never
// "no such entry" and never "not registered".
TEST(Registers, ARegisterNotHeldMakesTheFactUnknown) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.exporter.country = *CountryCode::FromText("NO");
  c.exporter.register_id.reset();
  const Scored s = Assess(c);
  EXPECT_THAT(s.json, Not(HasSubstr("none: not registered")));
  EXPECT_THAT(s.json, Not(HasSubstr("no such entry")));
  EXPECT_LT(s.contribution("PL-2.unregistered"), 1);
}

// Finding 5, register part: the applicant of a brokering licence is a
// broker and answers to the brokers' register, not the exporters'.
TEST(Registers, ARegisteredBrokerIsNotUnregisteredForBrokering) {
  const Scored s = Assess(Example("brokering-mortar-bombs-bulgaria-to-peru.yaml"));
  EXPECT_EQ(s.contribution("PL-2.unregistered"), 0);
  EXPECT_THAT(s.json, Not(HasSubstr("no such entry")));
}

// ---- Finding 3: Art. 6(3) and Art. 7(3) ------------------------------------

Case WithIntel(Case c, IntelSource source, IntelFinding finding,
               Confidence confidence) {
  c.intelligence.push_back({source, "end_user", finding, c.assessed_on, confidence});
  return c;
}

bool HasGate(const Scored& s, const std::string& gate) {
  return s.json.find("\"gate\":\"" + gate + "\"") != std::string::npos;
}

TEST(Art7, TrainingDoesNotTurnAnOverridingRiskIntoAReferral) {
  Case c = WithIntel(Example("g2g-artillery-ammunition-estonia.yaml"),
                     IntelSource::kUnPanel, IntelFinding::kSeriousIhlViolations,
                     Confidence::kConfirmed);
  const Scored before = Assess(c);
  ASSERT_TRUE(before.result.overriding_risk);
  ASSERT_EQ(before.result.recommendation, Recommendation::kRefuse);
  c.mitigations.Add(Mitigation::kEndUserTraining);
  const Scored after = Assess(c);
  EXPECT_TRUE(after.result.overriding_risk);
  EXPECT_EQ(after.result.recommendation, Recommendation::kRefuse);
}

TEST(Art7, ACredibleFindingAgainstTheEndUserRefersAtLeast) {
  for (IntelFinding f : {IntelFinding::kSeriousIhlViolations,
                         IntelFinding::kSeriousIhrlViolations}) {
    const Scored s = Assess(WithIntel(Example("g2g-artillery-ammunition-estonia.yaml"),
                                      IntelSource::kMedia, f, Confidence::kCredible));
    EXPECT_GE(Rank(s.result.recommendation), Rank(Recommendation::kRefer))
        << EnumWord(f);
  }
}

TEST(Art7, TheAuthoritysOwnFindingRefersAtLeast) {
  const Scored s = Assess(WithIntel(Example("g2g-artillery-ammunition-estonia.yaml"),
                                    IntelSource::kGovernment,
                                    IntelFinding::kSeriousIhrlViolations,
                                    Confidence::kUnverified));
  EXPECT_GE(Rank(s.result.recommendation), Rank(Recommendation::kRefer));
}

// Art. 7 risk (serious violations) is not Art. 6(3) knowledge.
TEST(Art6_3, SeriousIhlViolationsAreArt7NotArt6_3) {
  const Scored s = Assess(WithIntel(Example("g2g-artillery-ammunition-estonia.yaml"),
                                    IntelSource::kUnPanel,
                                    IntelFinding::kSeriousIhlViolations,
                                    Confidence::kConfirmed));
  EXPECT_FALSE(HasGate(s, "A6-3"));
  EXPECT_EQ(s.result.recommendation, Recommendation::kRefuse);  // Art. 7(3)
}

TEST(Art6_3, KnowledgeOfWarCrimesOrAttacksOnCiviliansIsAHardStop) {
  for (const char* finding : {"genocide", "crimes_against_humanity",
                              "grave_breaches", "attacks_on_civilians",
                              "war_crimes"}) {
    Case c = Example("g2g-artillery-ammunition-estonia.yaml");
    std::optional<IntelFinding> f = ParseEnumWord<IntelFinding>(finding);
    ASSERT_TRUE(f.has_value()) << finding;
    const Scored confirmed =
        Assess(WithIntel(c, IntelSource::kUnPanel, *f, Confidence::kConfirmed));
    EXPECT_TRUE(HasGate(confirmed, "A6-3")) << finding;
    EXPECT_EQ(confirmed.result.recommendation, Recommendation::kRefuse);
  }
}

// ---- Finding 4: mitigation --------------------------------------------------

TEST(Mitigation, NothingMitigatesADoublePaperTrail) {
  Case c = Example("double-paper-trail-ammunition-niger-libya.yaml");
  const Scored before = Assess(c);
  for (Mitigation m : {Mitigation::kGovernmentToGovernment,
                       Mitigation::kPostShipmentVerification,
                       Mitigation::kDeliveryVerificationCertificate}) {
    c.mitigations.Add(m);
  }
  const Scored after = Assess(c);
  EXPECT_EQ(after.result.score_q, before.result.score_q);
  EXPECT_EQ(after.result.recommendation, before.result.recommendation);
}

TEST(Mitigation, PostShipmentVerificationNeedsOnSiteConsentInTheEuc) {
  Case c = Example("rifles-mexico-state-police-ultimate-end-users.yaml");
  ASSERT_EQ(c.euc_presence, EucPresence::kPresent);
  EnumSet<EucClause> clauses;
  clauses.Add(EucClause::kEndUseStatement);
  c.euc.clauses = clauses;  // no on_site_inspection
  c.mitigations = {};
  const Scored without = Assess(c);
  c.mitigations.Add(Mitigation::kPostShipmentVerification);
  const Scored with = Assess(c);
  EXPECT_EQ(with.result.score_q, without.result.score_q);
  EXPECT_THAT(with.json, HasSubstr("\"mitigations_not_credited\":[{\"measure\":"
                                   "\"post_shipment_verification\""));
  // ... and it is not suggested either.
  EXPECT_THAT(without.json.substr(without.json.find("\"mitigation_suggestions\"")),
              Not(HasSubstr("\"measure\":\"post_shipment_verification\"")));
}

TEST(Mitigation, UnverifiedDestructionOfSurplusIsNotCredited) {
  Case c = Example("rifles-mexico-state-police-ultimate-end-users.yaml");
  c.end_user.replaces_existing_stocks = true;
  c.end_user.surplus_disposal = SurplusDisposal::kDestroyedUnverified;
  c.mitigations = {};
  const Scored without = Assess(c);
  c.mitigations.Add(Mitigation::kDestructionOfSurplus);
  EXPECT_EQ(Assess(c).result.score_q, without.result.score_q);
}

TEST(Mitigation, GovernmentToGovernmentIsNotSuggestedForAG2gSale) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.exporter.name = "Defence Equipment and Support";
  c.exporter.kind = PartyKind::kOtherGovernment;
  c.mitigations = {};  // the sale is g2g by its parties, not by a listed measure
  c.euc.authentication = Authentication::kPending;  // something to mitigate
  const Scored s = Assess(c);
  const std::string suggestions =
      s.json.substr(s.json.find("\"mitigation_suggestions\""));
  EXPECT_THAT(suggestions,
              Not(HasSubstr("\"measure\":\"government_to_government\"")));
}

// The MANPADS case is low only because of its four licence conditions: it
// is approved with those conditions, and the output lists them.
TEST(Mitigation, ARecommendationThatRestsOnConditionsListsThem) {
  Case c = Example("manpads-g2g-lithuania.yaml");
  const Scored with = Assess(c);
  Case bare = c;
  bare.mitigations = {};
  const Scored without = Assess(bare);
  ASSERT_GT(Rank(without.result.recommendation), Rank(Recommendation::kApprove));
  EXPECT_EQ(with.result.recommendation, Recommendation::kApproveWithConditions);
  EXPECT_THAT(with.json, HasSubstr("\"conditions\":[{"));
  EXPECT_THAT(with.text, HasSubstr("Licence conditions"));
}

// Four credited conditions bring a medium case into the low band: it is
// approved only with them, and the output lists them (finding 4).
TEST(Mitigation, ACaseLowOnlyThanksToItsConditionsIsApprovedWithThem) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.mitigations = {};
  c.end_user.stockpile_security = StockpileSecurity::kWeak;
  c.end_user.diversion_from_stocks_reported = true;
  c.euc.clauses->Add(EucClause::kOnSiteInspection);
  const Scored bare = Assess(c);
  ASSERT_EQ(bare.result.recommendation, Recommendation::kApproveWithConditions);
  ASSERT_EQ(bare.result.band, 1);  // medium
  for (Mitigation m : {Mitigation::kPostShipmentVerification,
                       Mitigation::kEndUserTraining, Mitigation::kStagedDelivery,
                       Mitigation::kMarkingAndRecordKeeping}) {
    c.mitigations.Add(m);
  }
  const Scored with = Assess(c);
  EXPECT_EQ(with.result.band, 0);  // low
  EXPECT_TRUE(with.result.rests_on_conditions);
  EXPECT_EQ(with.result.recommendation, Recommendation::kApproveWithConditions);
  EXPECT_THAT(with.json, HasSubstr("\"rests_on_conditions\":true"));
  EXPECT_THAT(with.json, HasSubstr("{\"measure\":\"post_shipment_verification\","
                                   "\"condition\":"));
  EXPECT_THAT(with.text, HasSubstr("Licence conditions (the recommendation "
                                   "rests on them)"));
}

// A category over its cap is not lowered by a measure that only trims the
// excess: mitigation applies before the cap, so the score says what is left.
TEST(Mitigation, AMeasureThatOnlyTrimsTheExcessOverTheCapChangesNothing) {
  Case c = Example("g2g-artillery-ammunition-estonia.yaml");
  c.mitigations = {};
  c.end_user.stockpile_security = StockpileSecurity::kWeak;
  c.end_user.diversion_from_stocks_reported = true;
  const Scored bare = Assess(c);
  c.mitigations.Add(Mitigation::kEndUserTraining);
  EXPECT_EQ(Assess(c).result.score_q, bare.result.score_q);
}

}  // namespace
}  // namespace divrisk
