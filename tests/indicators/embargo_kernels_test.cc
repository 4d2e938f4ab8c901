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
                    "target"},
                   {"end_user.country", "LY"}}));
}

TEST(Embargo, BodiesSelectTheRegimes) {
  EXPECT_EQ(
      RunKernel("embargo", To("LY"), {{"bodies", ListParam({"EU"})}}).value, 0);
  EXPECT_EQ(
      RunKernel("embargo", To("RU"), {{"bodies", ListParam({"eu"})}}).value, 1);
  EXPECT_EQ(RunKernel("embargo", To("RU"), kUn).value, 0);
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
  Params p = {{"bodies", ListParam({"OSCE"})}};
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0);
  p["binding_only"] = ScalarParam("false");
  EXPECT_EQ(RunKernel("embargo", c, p, ScopeReference()).value, 0.5);
}

TEST(Embargo, BodiesByNameAliasOrInitials) {
  const ReferenceData& ref = ScopeReference();
  for (const char* body : {"OSCE (CSCE)", "osce", "CSCE"}) {
    Params p = {{"bodies", ListParam({body})},
                {"binding_only", ScalarParam("false")}};
    EXPECT_EQ(RunKernel("embargo", To("AZ"), p, ref).value, 0.5) << body;
  }
  for (const char* body : {"League of Arab States", "LAS"}) {
    EXPECT_EQ(
        RunKernel("embargo", To("SY"), {{"bodies", ListParam({body})}}, ref)
            .value,
        1)
        << body;
  }
  EXPECT_EQ(RunKernel("embargo", To("SY"), {{"bodies", ListParam({"LA"})}}, ref)
                .value,
            0);
  Case c = To("SY");
  c.authorisations.push_back({"LAS", std::nullopt, std::nullopt});
  EXPECT_EQ(
      RunKernel("embargo", c, {{"bodies", ListParam({"LAS"})}}, ref).value, 0);
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
}

}  // namespace
}  // namespace divrisk::testing
