#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// end_user_kind

TEST(EndUserKind, UnknownFiresQuiet) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("end_user_kind", c);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.kind"}));
  c.end_user.kind = PartyKind::kCompany;
  r = RunKernel("end_user_kind", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"end_user.kind", "company"}}));
  c.end_user.kind = PartyKind::kArmedForces;
  EXPECT_EQ(RunKernel("end_user_kind", c).value, 0);
}

TEST(EndUserKind, KindsParameter) {
  Case c = MinimalCase();
  c.end_user.kind = PartyKind::kPolice;
  EXPECT_EQ(
      RunKernel("end_user_kind", c, {{"kinds", ListParam({"police"})}}).value,
      1);
}

// quantity_vs_force

TEST(QuantityVsForce, NoSalwIsQuietEvenWithoutForceSize) {
  Case c = MinimalCase();
  c.goods[0].category = GoodsCategory::kArmouredCombatVehicles;
  EXPECT_EQ(RunKernel("quantity_vs_force", c).value, 0);
  c.goods[0].category = GoodsCategory::kSmallArms;
  c.goods[0].quantity_unit = QuantityUnit::kCrates;  // not a head count
  EXPECT_EQ(RunKernel("quantity_vs_force", c).value, 0);
}

TEST(QuantityVsForce, UnknownWithoutForceSize) {
  KernelRun r = RunKernel("quantity_vs_force", MinimalCase());
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.force_size"}));
}

TEST(QuantityVsForce, GradedAboveTheLimit) {
  Case c = MinimalCase();
  c.end_user.force_size = 10;  // 10 items: 1 per person
  EXPECT_EQ(RunKernel("quantity_vs_force", c).value, 0);
  c.goods[0].quantity = 15;  // exactly the limit
  EXPECT_EQ(RunKernel("quantity_vs_force", c).value, 0);
  GoodsLine lw = c.goods[0];
  lw.category = GoodsCategory::kLightWeapons;
  lw.quantity = 7;
  c.goods.push_back(lw);  // 22 items: 2.2 per person
  KernelRun r = RunKernel("quantity_vs_force", c);
  EXPECT_NEAR(r.value, (2.2 - 1.5) / 1.5, 1e-12);
  ASSERT_EQ(r.evidence.facts.size(), 3u);
  EXPECT_EQ(r.evidence.facts[0],
            (Fact{"end_user.force_size",
                  "10 personnel for 22 small arms and light weapons: 2.2 "
                  "per person, limit 1.5"}));
  EXPECT_EQ(r.evidence.facts[2],
            (Fact{"goods[1].quantity", "7 light_weapons"}));
  EXPECT_EQ(RunKernel("quantity_vs_force", c,
                      {{"items_per_person", ScalarParam("1.1")}})
                .value,
            1);
}

TEST(QuantityVsForce, ZeroForceFires) {
  Case c = MinimalCase();
  c.end_user.force_size = 0;
  EXPECT_EQ(RunKernel("quantity_vs_force", c).value, 1);
}

// stockpile_security, stocks_leakage

TEST(StockpileSecurity, WeakAdequateUnknown) {
  Case c = MinimalCase();
  EXPECT_TRUE(IsUnknown(RunKernel("stockpile_security", c).value));
  c.end_user.stockpile_security = StockpileSecurity::kUnknown;
  KernelRun r = RunKernel("stockpile_security", c);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.stockpile_security"}));
  c.end_user.stockpile_security = StockpileSecurity::kWeak;
  r = RunKernel("stockpile_security", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"end_user.stockpile_security", "weak"}}));
  c.end_user.stockpile_security = StockpileSecurity::kAdequate;
  EXPECT_EQ(RunKernel("stockpile_security", c).value, 0);
}

TEST(StocksLeakage, TrueFalseAbsent) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("stocks_leakage", c);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.diversion_from_stocks_reported"}));
  c.end_user.diversion_from_stocks_reported = true;
  r = RunKernel("stocks_leakage", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0].path,
            "end_user.diversion_from_stocks_reported");
  c.end_user.diversion_from_stocks_reported = false;
  EXPECT_EQ(RunKernel("stocks_leakage", c).value, 0);
}

// surplus_disposal

TEST(SurplusDisposal, NotReplacingIsQuietAbsentUnknown) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("surplus_disposal", c);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.replaces_existing_stocks"}));
  c.end_user.replaces_existing_stocks = false;
  c.end_user.surplus_disposal = SurplusDisposal::kResold;  // irrelevant
  EXPECT_EQ(RunKernel("surplus_disposal", c).value, 0);
}

TEST(SurplusDisposal, ByDisposal) {
  Case c = MinimalCase();
  c.end_user.replaces_existing_stocks = true;
  KernelRun r = RunKernel("surplus_disposal", c);
  EXPECT_TRUE(IsUnknownWith(r, {"end_user.surplus_disposal"}));
  c.end_user.surplus_disposal = SurplusDisposal::kUnknown;
  EXPECT_TRUE(IsUnknown(RunKernel("surplus_disposal", c).value));
  c.end_user.surplus_disposal = SurplusDisposal::kDestroyedVerified;
  EXPECT_EQ(RunKernel("surplus_disposal", c).value, 0);
  c.end_user.surplus_disposal = SurplusDisposal::kDestroyedUnverified;
  EXPECT_EQ(RunKernel("surplus_disposal", c).value, 0.5);
  c.end_user.surplus_disposal = SurplusDisposal::kRetained;
  EXPECT_EQ(RunKernel("surplus_disposal", c).value, 0.5);
  EXPECT_EQ(RunKernel("surplus_disposal", c,
                      {{"retained_value", ScalarParam("0.25")}})
                .value,
            0.25);
  c.end_user.surplus_disposal = SurplusDisposal::kResold;
  r = RunKernel("surplus_disposal", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"end_user.replaces_existing_stocks", "true"},
                   {"end_user.surplus_disposal", "resold"}}));
}

// redistribution

TEST(Redistribution, NoneNamedGovernmentUnitsSubNational) {
  Case c = MinimalCase();
  EXPECT_EQ(RunKernel("redistribution", c).value, 0);
  c.end_user.ultimate_end_users.push_back(
      {"2nd Brigade", PartyKind::kArmedForces, std::nullopt});
  KernelRun r = RunKernel("redistribution", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"end_user.ultimate_end_users", "1 named"}}));
  c.end_user.ultimate_end_users.push_back(
      {"State police", PartyKind::kPolice, "MX-GRO"});
  r = RunKernel("redistribution", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(),
            (Fact{"end_user.ultimate_end_users[1].region", "MX-GRO"}));
}

TEST(Redistribution, CompanyAmongThemFires) {
  Case c = MinimalCase();
  c.end_user.ultimate_end_users.push_back(
      {"Guardian Security SARL", PartyKind::kCompany, std::nullopt});
  KernelRun r = RunKernel("redistribution", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(),
            (Fact{"end_user.ultimate_end_users[0].kind", "company"}));
}

// end_use_vague

TEST(EndUseVague, AbsentShortSpecific) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("end_use_vague", c);
  // The applicant must state the end use: none stated is a known gap.
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"end_user.stated_end_use", "none stated"}}));
  c.end_user.stated_end_use = "Security  - purposes";
  r = RunKernel("end_use_vague", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"end_user.stated_end_use",
                                      "\"Security  - purposes\": 2 words"}}));
  c.end_user.stated_end_use = "";
  EXPECT_EQ(RunKernel("end_use_vague", c).value, 1);
  c.end_user.stated_end_use = "Re-equipping border police units";
  EXPECT_EQ(RunKernel("end_use_vague", c).value, 0);
  EXPECT_EQ(
      RunKernel("end_use_vague", c, {{"min_words", ScalarParam("5")}}).value,
      1);
}

}  // namespace
}  // namespace divrisk::testing
