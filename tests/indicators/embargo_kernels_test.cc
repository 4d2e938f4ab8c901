#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// TestReference plus a non-state-actor embargo (LB), a named-person one
// (YE), a political, non-binding regional one (AZ) and a full one by a body
// with a long name (SY).
const ReferenceData& ScopeReference() {
  static const ReferenceData* ref = [] {
    auto* r = new ReferenceData(TestReference());
    auto add = [&](std::string id, std::string body, std::string_view target,
                   EmbargoScope scope, bool binding, std::string_view start) {
      Embargo e = MakeEmbargo(std::move(id), std::move(body), target,
                              std::string(target), start, "test");
      e.scope = scope;
      e.binding = binding;
      r->embargoes.push_back(e);
    };
    add("UN-LB-2006", "UN", "LB", EmbargoScope::kNonStateActors, true,
        "2006-08-11");
    add("UN-YE-2015", "UN", "YE", EmbargoScope::kNamedPersons, true,
        "2015-04-14");
    add("OSCE-AZ-1992", "OSCE (CSCE)", "AZ", EmbargoScope::kSpecificRegions,
        false, "1992-02-28");
    add("LAS-SY-2011", "League of Arab States", "SY", EmbargoScope::kFull, true,
        "2011-12-03");
    return r;
  }();
  return *ref;
}

const Params kUn = {{"bodies", ListParam({"UN"})}};

Case To(std::string_view country) {
  Case c = MinimalCase();
  c.end_user.country = CC(country);
  return c;
}

TEST(Embargo, NoEmbargoIsQuiet) {
  KernelRun r = RunKernel("embargo", MinimalCase(), kUn);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(Embargo, EndUserInTargetFires) {
  KernelRun r = RunKernel("embargo", To("LY"), kUn);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"ref.embargoes[UN-LY-2011]",
                    "UN arms embargo on Libya (UNSCR 1970 (2011)), in force "
                    "since 2011-02-26, scope full, arms to and from the "
                    "target; binding on every state (UN Security Council)"},
                   {"end_user.country", "LY"}}));
}

TEST(Embargo, BodiesSelectTheRegimes) {
  Case ru = To("RU");
  ru.licensing_state = CC("DE");  // bound by EU embargoes
  EXPECT_EQ(
      RunKernel("embargo", To("LY"), {{"bodies", ListParam({"EU"})}}).value, 0);
  EXPECT_EQ(RunKernel("embargo", ru, {{"bodies", ListParam({"eu"})}}).value, 1);
  EXPECT_EQ(RunKernel("embargo", ru, kUn).value, 0);
}

TEST(Embargo, OnlyInForceOnTheAssessmentDate) {
  Case c = To("LY");
  c.assessed_on = D("2011-02-25");
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 0);
  c = To("SO");  // lifted 2023-12-01
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 0);
  c.assessed_on = D("2023-12-01");
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 1);
}

TEST(Embargo, TransitStateFires) {
  KernelRun r = RunKernel("embargo", RouteCase({"LY"}), kUn);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"transport.legs[0].to", "LY"}));
}

TEST(Embargo, ArmsFromTheTarget) {
  Case c = MinimalCase();
  c.exporter.country = CC("LY");
  KernelRun r = RunKernel("embargo", c, kUn);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"exporter.country", "LY"}));
  c = MinimalCase();
  c.transaction = Transaction::kReExport;
  c.goods[0].origin_country = CC("LY");
  r = RunKernel("embargo", c, kUn);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"goods[0].origin_country", "LY"}));
  // The EU embargo on RU covers arms to it only.
  c.goods[0].origin_country = CC("RU");
  EXPECT_EQ(RunKernel("embargo", c, {{"bodies", ListParam({"EU"})}}).value, 0);
}

TEST(Embargo, NonStateActorScope) {
  const ReferenceData& ref = ScopeReference();
  Case c = To("LB");
  KernelRun r = RunKernel("embargo", c, kUn, ref);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.kind"}));
  c.end_user.kind = PartyKind::kArmedForces;
  EXPECT_EQ(RunKernel("embargo", c, kUn, ref).value, 0);
  c.end_user.kind = PartyKind::kCompany;
  r = RunKernel("embargo", c, kUn, ref);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"end_user.kind", "company"}));
}

TEST(Embargo, NonStateActorTransitRefers) {
  EXPECT_EQ(
      RunKernel("embargo", RouteCase({"LB"}), kUn, ScopeReference()).value,
      0.5);
}

TEST(Embargo, FullEmbargoSettlesAnUnknownScope) {
  Case c = To("LB");
  c.transport.emplace();
  c.transport->legs = {MakeLeg("GB", "LY"), MakeLeg("LY", "LB")};
  KernelRun r = RunKernel("embargo", c, kUn, ScopeReference());
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.unknown_facts,
            std::vector<std::string>{"end_user.kind"});
}

TEST(Embargo, NamedPersonScopeRefers) {
  Case c = To("YE");
  EXPECT_EQ(RunKernel("embargo", c, kUn, ScopeReference()).value, 0.5);
  Params p = kUn;
  p["partial_scope_value"] = ScalarParam("0.3");
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0.3);
}

TEST(Embargo, BindingOnly) {
  Case c = To("AZ");
  Params p = {{"bodies", ListParam({"OSCE"})}, {"applies", ScalarParam("any")}};
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0);
  p["binding_only"] = ScalarParam("false");
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0.5);
  // A political commitment binds no state: never a gate, always a concern.
  p["applies"] = ScalarParam("binding");
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0);
  p["applies"] = ScalarParam("not_binding");
  KernelRun r = RunKernel("embargo", c, p, ScopeReference());
  EXPECT_EQ(r.value, 0.5);
  EXPECT_NE(r.evidence.facts[0].value.find(
                "not binding on GB: a political commitment"),
            std::string::npos)
      << r.evidence.facts[0].value;
}

TEST(Embargo, BodiesByNameAliasOrInitials) {
  const ReferenceData& ref = ScopeReference();
  const ParamValue any = ScalarParam("any");
  for (const char* body : {"OSCE (CSCE)", "osce", "CSCE"}) {
    Params p = {{"bodies", ListParam({body})},
                {"binding_only", ScalarParam("false")},
                {"applies", any}};
    EXPECT_EQ(RunKernel("embargo", To("AZ"), p, ref).value, 0.5) << body;
  }
  for (const char* body : {"League of Arab States", "LAS"}) {
    EXPECT_EQ(RunKernel("embargo", To("SY"),
                        {{"bodies", ListParam({body})}, {"applies", any}}, ref)
                  .value,
              1)
        << body;
  }
  EXPECT_EQ(RunKernel("embargo", To("SY"),
                      {{"bodies", ListParam({"LA"})}, {"applies", any}}, ref)
                .value,
            0);
  Case c = To("SY");
  c.authorisations.push_back({"LAS", std::nullopt, std::nullopt});
  EXPECT_EQ(RunKernel("embargo", c,
                      {{"bodies", ListParam({"LAS"})}, {"applies", any}}, ref)
                .value,
            0);
}

// ---- The deciding state (issue 11, finding 1) ------------------------------

const Params kEu = {{"bodies", ListParam({"EU"})}};
const Params kEuNotBinding = {{"bodies", ListParam({"EU"})},
                              {"applies", ScalarParam("not_binding")}};

TEST(EmbargoJurisdiction, RegionalEmbargoGatesOnlyItsMembers) {
  Case c = To("RU");
  c.licensing_state = CC("DE");
  KernelRun r = RunKernel("embargo", c, kEu);
  EXPECT_EQ(r.value, 1);
  EXPECT_NE(r.evidence.facts[0].value.find(
                "; binding on DE: EU member state since 1958-01-01"),
            std::string::npos)
      << r.evidence.facts[0].value;
  EXPECT_EQ(RunKernel("embargo", c, kEuNotBinding).value, 0);

  c.licensing_state = CC("CA");
  EXPECT_EQ(RunKernel("embargo", c, kEu).value, 0);
  r = RunKernel("embargo", c, kEuNotBinding);
  EXPECT_EQ(r.value, 1);
  EXPECT_NE(r.evidence.facts[0].value.find(
                "; not binding on CA: not a member of EU on 2026-03-14"),
            std::string::npos)
      << r.evidence.facts[0].value;
}

TEST(EmbargoJurisdiction, MembershipIsJudgedOnTheAssessmentDate) {
  Case c = To("RU");  // GB exporter: GB decides (derived)
  c.assessed_on = D("2019-06-01");
  EXPECT_EQ(RunKernel("embargo", c, kEu).value, 1);
  c.assessed_on = D("2020-01-30");
  EXPECT_EQ(RunKernel("embargo", c, kEu).value, 1);
  c.assessed_on = D("2020-01-31");  // left on that day
  EXPECT_EQ(RunKernel("embargo", c, kEu).value, 0);
  EXPECT_EQ(RunKernel("embargo", c, kEuNotBinding).value, 1);
}

TEST(EmbargoJurisdiction, UnEmbargoBindsEveryState) {
  Case c = To("LY");
  c.licensing_state = CC("CA");
  KernelRun r = RunKernel("embargo", c, kUn);
  EXPECT_EQ(r.value, 1);
  EXPECT_NE(r.evidence.facts[0].value.find(
                "; binding on every state (UN Security Council)"),
            std::string::npos);
  EXPECT_EQ(RunKernel("embargo", c,
                      {{"bodies", ListParam({"UN"})},
                       {"applies", ScalarParam("not_binding")}})
                .value,
            0);
}

TEST(EmbargoJurisdiction, FlagWinsOverCaseAndRuleSet) {
  ReferenceData ref = TestReference();
  ref.authority_state = CC("CA");
  Case c = To("RU");
  EXPECT_EQ(RunKernel("embargo", c, kEu, ref).value, 0);  // rule set: CA
  c.licensing_state = CC("DE");
  EXPECT_EQ(RunKernel("embargo", c, kEu, ref).value, 1);  // case: DE
  ref.authority_override = CC("CA");
  EXPECT_EQ(RunKernel("embargo", c, kEu, ref).value, 0);  // flag: CA
}

TEST(EmbargoJurisdiction, UndeterminedDecidingStateIsUnknown) {
  Case c = RouteCase({"AE", "BF"});
  c.end_user.country = CC("RU");
  c.transport->legs.back().to = CC("RU");
  c.transaction = Transaction::kTransit;
  KernelRun r = RunKernel("embargo", c, kEu);
  EXPECT_TRUE(IsUnknownWith(r, {"licensing_state"}));
  // The UN's embargoes need no deciding state.
  c.end_user.country = CC("LY");
  c.transport->legs.back().to = CC("LY");
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 1);
}

// An exemption from the imposing body settles the embargo even when who
// decides is not known.
TEST(EmbargoJurisdiction, ExemptionSettlesItWhoeverDecides) {
  Case c = RouteCase({"AE", "BF"});
  c.end_user.country = CC("RU");
  c.transport->legs.back().to = CC("RU");
  c.transaction = Transaction::kTransit;  // undetermined
  c.authorisations.push_back({"EU", "EU-EX-1", std::nullopt});
  KernelRun r = RunKernel("embargo", c, kEu);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.unknown_facts.empty());
  EXPECT_EQ(RunKernel("embargo", c, kEuNotBinding).value, 0);
}

TEST(EmbargoJurisdiction, NoMembershipsOfTheBodyIsUnknown) {
  KernelRun r = RunKernel("embargo", To("SY"), {{"bodies", ListParam({"LAS"})}},
                          ScopeReference());
  EXPECT_TRUE(IsUnknownWith(r, {"ref.memberships[League of Arab States]"}));
}

TEST(EmbargoJurisdiction, NotLegallyBindingBeforeBindingFrom) {
  ReferenceData ref = TestReference();
  ref.embargoes[1].binding_from = D("2026-06-01");  // EU-RU-2014
  Case c = To("RU");
  c.licensing_state = CC("DE");
  EXPECT_EQ(RunKernel("embargo", c, kEu, ref).value, 0);
  KernelRun r = RunKernel("embargo", c, kEuNotBinding, ref);
  EXPECT_EQ(r.value, 1);
  EXPECT_NE(r.evidence.facts[0].value.find(
                "not binding on DE: not legally binding before 2026-06-01"),
            std::string::npos);
  c.assessed_on = D("2026-06-01");
  EXPECT_EQ(RunKernel("embargo", c, kEu, ref).value, 1);
}

TEST(EmbargoJurisdiction, MembersOfAnOrganisationAsTargetsAndGoodsCategories) {
  ReferenceData ref = TestReference();
  Membership bf;
  bf.organisation = "ECOWAS";
  bf.country = CC("BF");
  bf.joined = D("1975-05-28");
  bf.left = D("2025-01-29");
  ref.memberships.push_back(bf);
  Embargo e = MakeEmbargo("ECOWAS-SALW-2009", "ECOWAS", "BF", "ECOWAS members",
                          "2009-09-29", "ECOWAS SALW Convention");
  e.target.reset();
  e.target_members_of = "ECOWAS";
  e.scope = EmbargoScope::kPartial;
  e.direction = EmbargoDirection::kBoth;
  e.categories = {GoodsCategory::kSmallArms, GoodsCategory::kLightWeapons,
                  GoodsCategory::kAmmunition};
  ref.embargoes.push_back(e);
  const Params ecowas = {{"bodies", ListParam({"ECOWAS"})},
                         {"applies", ScalarParam("not_binding")}};
  Case c = To("BF");
  c.assessed_on = D("2024-06-01");
  KernelRun r = RunKernel("embargo", c, ecowas, ref);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts[1],
            (Fact{"end_user.country", "BF (ECOWAS member)"}));
  EXPECT_EQ(r.evidence.facts[2], (Fact{"goods[0].category", "small_arms"}));
  c.goods[0].category = GoodsCategory::kBattleTanks;
  EXPECT_EQ(RunKernel("embargo", c, ecowas, ref).value, 0);
  c.goods[0].category = GoodsCategory::kSmallArms;
  c.assessed_on = D("2025-02-01");  // BF left ECOWAS on 2025-01-29
  EXPECT_EQ(RunKernel("embargo", c, ecowas, ref).value, 0);
  // An ECOWAS member deciding is bound by it.
  c.assessed_on = D("2024-06-01");
  c.licensing_state = CC("BF");
  EXPECT_EQ(
      RunKernel("embargo", c, {{"bodies", ListParam({"ECOWAS"})}}, ref).value,
      0.5);
}

TEST(Embargo, AuthorisationFromTheImposingBodyExempts) {
  Case c = To("LY");
  c.authorisations.push_back({"EU", "EU-EX-1", std::nullopt});
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 1);
  c.authorisations.push_back({"un", "S/AC.52/2026/3", D("2026-03-01")});
  KernelRun r = RunKernel("embargo", c, kUn);
  EXPECT_EQ(r.value, 0);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"authorisations[1]",
                    "un authorisation S/AC.52/2026/3: exempts "
                    "UN-LY-2011, not counted"}}));
  c.authorisations[1].date = D("2026-03-20");  // after the decision
  EXPECT_EQ(RunKernel("embargo", c, kUn).value, 1);
}

TEST(Embargo, ParameterErrors) {
  std::vector<std::string> missing = ParamErrors("embargo");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("params.bodies: missing parameter"),
            std::string::npos);
  std::vector<std::string> wrong = ParamErrors(
      "embargo",
      {{"bodies", ListParam({"UN"})}, {"binding_only", ScalarParam("no")}});
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_NE(wrong[0].find("'no' is not one of: false, true"),
            std::string::npos);
  wrong = ParamErrors("embargo", {{"bodies", ListParam({"UN"})},
                                  {"applies", ScalarParam("members")}});
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_NE(wrong[0].find("'members' is not one of: binding, not_binding, any"),
            std::string::npos)
      << wrong[0];
}

}  // namespace
}  // namespace divrisk::testing
