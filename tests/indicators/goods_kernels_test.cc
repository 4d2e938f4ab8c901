#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

TEST(GoodsPortableAttractive, FiresForSmallArms) {
  KernelRun r = RunKernel("goods_portable_attractive", MinimalCase());
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 1u);
  EXPECT_EQ(r.evidence.facts[0].path, "goods[0].category");
  EXPECT_EQ(r.evidence.facts[0].value, "small_arms");
}

TEST(GoodsPortableAttractive, QuietForVehicles) {
  Case c = MinimalCase();
  c.goods[0].category = GoodsCategory::kArmouredCombatVehicles;
  EXPECT_EQ(RunKernel("goods_portable_attractive", c).value, 0);
}

TEST(GoodsPortableAttractive, CategoriesParameterNarrowsTheSet) {
  KernelRun r = RunKernel("goods_portable_attractive", MinimalCase(),
                          {{"categories", ListParam({"ammunition"})}});
  EXPECT_EQ(r.value, 0);
}

TEST(GoodsPortableAttractive, RejectsUnknownCategoryWord) {
  std::vector<std::string> errors = ParamErrors(
      "goods_portable_attractive", {{"categories", ListParam({"rifles"})}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'rifles' is not one of"), std::string::npos);
}

TEST(GoodsManpads, UnknownForLightWeaponsWithoutFlag) {
  Case c = MinimalCase();
  c.goods[0].category = GoodsCategory::kLightWeapons;
  KernelRun r = RunKernel("goods_manpads", c);
  EXPECT_TRUE(IsUnknownWith(r, {"goods[0].manpads"}));
}

TEST(GoodsManpads, FiresWhenFlagged) {
  Case c = MinimalCase();
  c.goods[0].category = GoodsCategory::kMissilesAndLaunchers;
  c.goods[0].manpads = true;
  EXPECT_EQ(RunKernel("goods_manpads", c).value, 1);
}

TEST(GoodsManpads, SmallArmsAreNotManpads) {
  EXPECT_EQ(RunKernel("goods_manpads", MinimalCase()).value, 0);
}

TEST(GoodsUnmarked, UnknownThenFiresThenQuiet) {
  Case c = MinimalCase();
  EXPECT_TRUE(IsUnknown(RunKernel("goods_unmarked", c).value));
  c.goods[0].marked = false;
  EXPECT_EQ(RunKernel("goods_unmarked", c).value, 1);
  c.goods[0].marked = true;
  EXPECT_EQ(RunKernel("goods_unmarked", c).value, 0);
}

TEST(GoodsCondition, SurplusFiresNewDoesNot) {
  Case c = MinimalCase();
  Params p = {{"conditions", ListParam({"surplus", "second_hand"})}};
  EXPECT_TRUE(IsUnknown(RunKernel("goods_condition", c, p).value));
  c.goods[0].condition = GoodsCondition::kSurplus;
  EXPECT_EQ(RunKernel("goods_condition", c, p).value, 1);
  c.goods[0].condition = GoodsCondition::kNew;
  EXPECT_EQ(RunKernel("goods_condition", c, p).value, 0);
}

}  // namespace
}  // namespace divrisk::testing
