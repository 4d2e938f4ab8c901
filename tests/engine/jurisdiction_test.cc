// The deciding state (issue 11, findings 1 and 5), on the bundled default
// rule set and its real reference data: a regional embargo gates only where
// it binds the state that decides; elsewhere it is a weighted concern that
// says so. A UN embargo binds every state.

#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "engine/explain/assessment.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gtest/gtest.h"
#include "tests/bundled_plans.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

std::unique_ptr<const Plan> CompileDefault() {
  auto p =
      CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
  EXPECT_TRUE(p.ok()) << p.status();
  return p.ok() ? std::move(*p) : nullptr;
}


struct Result {
  Case c;
  Assessment a;
};

// Assesses a YAML case under `plan`.
std::unique_ptr<Result> Assess(const Plan& plan, const std::string& yaml) {
  auto r = std::make_unique<Result>();
  absl::StatusOr<Case> c =
      ReadCaseText(yaml, CaseSyntax::kYaml, "case.yaml", *plan.reference);
  EXPECT_TRUE(c.ok()) << c.status();
  if (!c.ok()) return r;
  r->c = *std::move(c);
  Executor executor(plan);
  BatchScores scores;
  executor.Score(std::span<const Case>(&r->c, 1), &scores);
  r->a = Explain(plan, r->c, scores, 0);
  return r;
}

bool HasGate(const Plan& plan, const Assessment& a, std::string_view id) {
  for (const HardStop& h : a.hard_stops) {
    if (plan.gates[h.gate].id == id) return true;
  }
  return false;
}

// The evidence of indicator `id`'s contribution, as "path: value" lines, or
// empty when it does not contribute.
std::string EvidenceOf(const Plan& plan, const Assessment& a,
                       std::string_view id) {
  for (const Contribution& line : a.contributions) {
    if (line.indicator < 0 || plan.indicators[line.indicator].id != id) {
      continue;
    }
    std::string out;
    for (const Fact& f : line.evidence.facts) {
      absl::StrAppend(&out, f.path, ": ", f.value, "\n");
    }
    return out.empty() ? "(no evidence)" : out;
  }
  return "";
}

std::string CaseYaml(const std::string& exporter, const std::string& end_user,
                     const std::string& assessed_on,
                     const std::string& extra = "") {
  return absl::StrCat(R"(format: divrisk-case/1
id: T-1
assessed_on: )",
                      assessed_on, R"(
exporter: {name: Test Exporter Ltd, country: ")",
                      exporter, R"(", kind: company}
goods:
  - {category: small_arms, description: assault rifles, quantity: 100}
end_user: {name: Ministry of Defence, country: ")",
                      end_user, R"(", kind: armed_forces}
)",
                      extra);
}

// A Canadian exporter to South Sudan in June 2018: the EU embargo (from
// 2011) was in force, the UN one (resolution 2428, 13 Jul 2018) not yet.
TEST(Jurisdiction, CanadianExportToSouthSudan2018IsNotGatedByTheEuEmbargo) {
  const Plan& plan = DefaultPlan();
  auto ca = Assess(plan, CaseYaml("CA", "SS", "2018-06-15"));
  EXPECT_FALSE(HasGate(plan, ca->a, "A6-2"));
  EXPECT_FALSE(HasGate(plan, ca->a, "A6-1"));
  const std::string concern =
      EvidenceOf(plan, ca->a, "A6-2.embargo_not_binding");
  EXPECT_NE(concern.find("ref.embargoes[EU-SS-2011]: EU arms embargo on South "
                         "Sudan"),
            std::string::npos)
      << concern;
  EXPECT_NE(concern.find("not binding on CA: not a member of EU on 2018-06-15"),
            std::string::npos)
      << concern;
  // The same application decided by Germany is refused on the EU embargo.
  auto de = Assess(plan, CaseYaml("DE", "SS", "2018-06-15"));
  EXPECT_TRUE(HasGate(plan, de->a, "A6-2"));
  EXPECT_EQ(de->a.result.recommendation, Recommendation::kRefuse);
  EXPECT_EQ(EvidenceOf(plan, de->a, "A6-2.embargo_not_binding"), "");
  // After resolution 2428 the UN embargo binds Canada too.
  auto ca_later = Assess(plan, CaseYaml("CA", "SS", "2018-08-01"));
  EXPECT_TRUE(HasGate(plan, ca_later->a, "A6-1"));
}

// Nigeria decides on a transshipment at Lagos of Russian armoured vehicles
// for Cameroon: the EU embargo on arms from Russia does not bind Nigeria,
// and Nigeria is not a transit state of its own decision.
TEST(Jurisdiction, NigerianTransshipmentDecisionIsNotGatedByTheEuEmbargo) {
  const Plan& plan = DefaultPlan();
  const std::string yaml = R"(format: divrisk-case/1
id: NG-T-1
transaction: transshipment
assessed_on: 2024-05-02
exporter: {name: Test Consignor JSC, country: "RU", kind: company}
goods:
  - {category: armoured_combat_vehicles, description: armoured personnel carriers, quantity: 12}
end_user: {name: Cameroon Armed Forces, country: "CM", kind: armed_forces}
transport:
  route_disclosure: full
  legs:
    - {from: "RU", to: "NG", mode: sea, transshipment: true}
    - {from: "NG", to: "CM", mode: sea}
)";
  auto ng = Assess(plan, yaml);
  EXPECT_FALSE(HasGate(plan, ng->a, "A6-2"));
  const std::string concern =
      EvidenceOf(plan, ng->a, "A6-2.embargo_not_binding");
  EXPECT_NE(concern.find("ref.embargoes[EU-RU-2014]"), std::string::npos)
      << concern;
  EXPECT_NE(concern.find("not binding on NG: not a member of EU on 2024-05-02"),
            std::string::npos)
      << concern;
  EXPECT_NE(concern.find("exporter.country: RU"), std::string::npos);
  // Nigeria is not a transit state of its own decision.
  EXPECT_EQ(EvidenceOf(plan, ng->a, "TT-1.transit_not_authorised"), "");
  EXPECT_EQ(EvidenceOf(plan, ng->a, "TT-2.transit_controls"), "");
  EXPECT_EQ(EvidenceOf(plan, ng->a, "TR-2.transshipment"), "");
}

// A US export to the Somali armed forces: the EU embargo does not bind the
// US (the UN regime, partial since resolution 2093, still asks for a check).
TEST(Jurisdiction, UsExportToSomaliaIsNotGatedByTheEuEmbargo) {
  const Plan& plan = DefaultPlan();
  auto us = Assess(plan, CaseYaml("US", "SO", "2025-03-03"));
  EXPECT_FALSE(HasGate(plan, us->a, "A6-2"));
  const std::string concern =
      EvidenceOf(plan, us->a, "A6-2.embargo_not_binding");
  EXPECT_NE(concern.find("ref.embargoes[EU-SO-2002]"), std::string::npos)
      << concern;
  EXPECT_NE(concern.find("not binding on US"), std::string::npos) << concern;
  // An EU member deciding the same export is referred by A6-2.
  auto it = Assess(plan, CaseYaml("IT", "SO", "2025-03-03"));
  EXPECT_TRUE(HasGate(plan, it->a, "A6-2"));
}

// The state that decides need not be the exporter's: the case's
// licensing_state, then the run's --authority, win over the derivation.
TEST(Jurisdiction, AuthorityDecidesWhichRegionalEmbargoesGate) {
  std::unique_ptr<const Plan> plan = CompileDefault();
  ASSERT_NE(plan, nullptr);
  // A DE exporter to Venezuela (EU embargo since 2017, no UN embargo).
  const std::string yaml = CaseYaml("DE", "VE", "2026-05-04");
  plan->reference->authority_override = *CountryCode::FromText("CA");
  auto ca = Assess(*plan, yaml);
  EXPECT_FALSE(HasGate(*plan, ca->a, "A6-2"));
  EXPECT_NE(EvidenceOf(*plan, ca->a, "A6-2.embargo_not_binding")
                .find("not binding on CA"),
            std::string::npos);
  plan->reference->authority_override = *CountryCode::FromText("DE");
  auto de = Assess(*plan, yaml);
  EXPECT_TRUE(HasGate(*plan, de->a, "A6-2"));
  EXPECT_EQ(de->a.result.recommendation, Recommendation::kRefuse);
}

}  // namespace
}  // namespace divrisk
