// Tests of the rule-set compiler (rules/compiler.h): the bundled default rule
// set, a tiny in-memory rule set, every error the compiler reports (with its
// file:line:column and path), and the SHA-256 identity of a rule set.

#include "rules/compiler.h"

#include "tests/rules/compiler_test_util.h"

namespace divrisk {
namespace {

using namespace ::divrisk::test_util;  // NOLINT: the shared helpers

// ---- The bundled default rule set -----------------------------------------

std::string DefaultDir() {
  return std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";
}

TEST(DefaultRuleSet, CompilesWithEveryIndicatorBound) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(DefaultDir());
  ASSERT_TRUE(plan.ok()) << plan.status();
  const Plan& p = **plan;
  EXPECT_EQ(p.name, "att-default");
  EXPECT_FALSE(p.version.empty());
  ASSERT_FALSE(p.indicators.empty());
  for (const IndicatorSpec& spec : p.indicators) {
    EXPECT_NE(spec.kernel, nullptr) << spec.id;
    EXPECT_NE(BuiltinKernels().Find(spec.kernel_name), nullptr) << spec.id;
    EXPECT_GE(spec.unknown_value, 0) << spec.id;
    EXPECT_LE(spec.unknown_value, 1) << spec.id;
    EXPECT_FALSE(spec.refs.empty()) << spec.id;
    EXPECT_FALSE(spec.evidence.empty()) << spec.id;
  }
  EXPECT_EQ(p.weights.rows(), static_cast<Eigen::Index>(p.indicators.size()));
  EXPECT_EQ(p.weights.cols(), static_cast<Eigen::Index>(p.categories.size()));
  EXPECT_EQ(p.weights_fixed.rows(), p.weights.rows());
  EXPECT_EQ(p.weights_fixed.cols(), p.weights.cols());
  EXPECT_EQ(p.categories.size(), 8u);
  ASSERT_EQ(p.bands.size(), 4u);
  EXPECT_FALSE(p.bands.back().below.has_value());
  EXPECT_EQ(p.bands.back().uncertain_recommendation, Recommendation::kRefer);
  EXPECT_EQ(p.gates.size(), 8u);
  for (const GateSpec& g : p.gates) {
    EXPECT_GE(g.indicator, 0);
    EXPECT_LT(g.indicator, static_cast<int>(p.indicators.size()));
  }
  EXPECT_EQ(p.mitigations.size(), 8u);
  ASSERT_TRUE(p.overriding_risk.has_value());
  EXPECT_EQ(p.overriding_risk->category, p.CategoryIndex("art7"));
  ASSERT_NE(p.reference, nullptr);
  EXPECT_GT(p.reference->countries.size(), 200u);
  EXPECT_FALSE(p.reference->embargoes.empty());
  ASSERT_NE(p.screener, nullptr);
  EXPECT_GT(p.screener->indexed_names(), 10u);
  EXPECT_TRUE(IsLowerHex64(p.sha256)) << p.sha256;
}

TEST(DefaultRuleSet, HashIsStableAcrossCompiles) {
  absl::StatusOr<std::unique_ptr<const Plan>> a =
      CompileRuleSetDir(DefaultDir());
  absl::StatusOr<std::unique_ptr<const Plan>> b =
      CompileRuleSetDir(DefaultDir());
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ((*a)->sha256, (*b)->sha256);
}

TEST(CompileRuleSetDir, MissingDirectoryNamesTheRuleSetFile) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir("/nonexistent/divrisk-rules");
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(std::string(plan.status().message()),
              HasSubstr("/nonexistent/divrisk-rules/ruleset.yaml"));
}

// ---- A tiny rule set -------------------------------------------------------

TEST(TinyRuleSet, CompilesEveryPart) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(TinyFiles());
  ASSERT_TRUE(plan.ok()) << plan.status();
  const Plan& p = **plan;
  EXPECT_EQ(p.name, "tiny");
  EXPECT_EQ(p.version, "1.0");
  ASSERT_EQ(p.categories.size(), 2u);
  EXPECT_EQ(p.categories[0].id, "euc");
  EXPECT_EQ(p.categories[0].name, "EUC");
  EXPECT_EQ(p.categories[0].cap, 25);
  EXPECT_EQ(p.categories[1].cap, 10);

  ASSERT_EQ(p.indicators.size(), 2u);
  EXPECT_EQ(p.indicators[0].id, "EUC-1.absent");
  EXPECT_EQ(p.indicators[0].kernel_name, "euc_absent");
  EXPECT_EQ(p.indicators[0].unknown_value, 0.5);
  EXPECT_EQ(p.indicators[0].refs,
            (std::vector<std::string>{"ATT 11(2)", "EUC-1"}));
  EXPECT_EQ(p.indicators[0].evidence, "No end-user certificate was supplied");
  EXPECT_EQ(p.IndicatorIndex("GC-1.portable"), 1);
  EXPECT_EQ(p.IndicatorIndex("nope"), -1);

  ASSERT_EQ(p.weights.rows(), 2);
  ASSERT_EQ(p.weights.cols(), 2);
  EXPECT_EQ(p.weights(0, 0), 20);
  EXPECT_EQ(p.weights(0, 1), 0);
  EXPECT_EQ(p.weights(1, 0), 0);
  EXPECT_EQ(p.weights(1, 1), 5);
  EXPECT_EQ(p.weights_fixed(0, 0), 200000);
  EXPECT_EQ(p.weights_fixed(1, 1), 50000);

  ASSERT_EQ(p.bands.size(), 2u);
  EXPECT_EQ(p.bands[0].id, "low");
  EXPECT_EQ(p.bands[0].below, 20);
  EXPECT_EQ(p.bands[0].recommendation, Recommendation::kApprove);
  EXPECT_FALSE(p.bands[0].uncertain_recommendation.has_value());
  EXPECT_FALSE(p.bands[1].below.has_value());
  EXPECT_EQ(p.bands[1].recommendation, Recommendation::kRefuse);
  EXPECT_EQ(p.bands[1].uncertain_recommendation, Recommendation::kRefer);

  ASSERT_EQ(p.gates.size(), 1u);
  EXPECT_EQ(p.gates[0].id, "G1");
  EXPECT_EQ(p.gates[0].indicator, 1);
  EXPECT_EQ(p.gates[0].refuse_at, 1);
  EXPECT_FALSE(p.gates[0].refer_at.has_value());
  EXPECT_FALSE(p.gates[0].refer_if_unknown);
  EXPECT_EQ(p.gates[0].reason, "Portable goods");

  ASSERT_EQ(p.mitigations.size(), 1u);
  EXPECT_EQ(p.mitigations[0].measure, Mitigation::kMarkingAndRecordKeeping);
  EXPECT_EQ(p.mitigations[0].mitigates,
            (std::vector<std::pair<int, double>>{{1, 0.4}}));
  EXPECT_EQ(p.mitigations[0].requirements,
            std::vector<MitigationRequirement>{
                MitigationRequirement::kStateEndUser});
  EXPECT_EQ(p.mitigations[0].condition, "Mark every item");
  EXPECT_NE(p.FindMitigation(Mitigation::kMarkingAndRecordKeeping), nullptr);
  EXPECT_EQ(p.FindMitigation(Mitigation::kStagedDelivery), nullptr);

  ASSERT_TRUE(p.overriding_risk.has_value());
  EXPECT_EQ(p.overriding_risk->category, 0);
  EXPECT_EQ(p.overriding_risk->threshold, 25);

  ASSERT_NE(p.reference, nullptr);
  EXPECT_EQ(p.reference->countries.size(), 3u);
  EXPECT_EQ(p.reference->embargoes.size(), 1u);
  EXPECT_TRUE(IsLowerHex64(p.sha256));
}

// The deciding state: the rule set's authority.state, and the run's
// --authority (CompileOptions), which does not change the rule set's hash.
TEST(TinyRuleSet, AuthorityStateAndOverride) {
  Files files = TinyFiles();
  auto plain = Compile(files);
  ASSERT_TRUE(plain.ok()) << plain.status();
  EXPECT_FALSE((*plain)->reference->authority_state.has_value());
  files["ruleset.yaml"] =
      Replace(files["ruleset.yaml"], "version: \"1.0\"\n",
              "version: \"1.0\"\nauthority: {state: \"NO\"}\n");
  auto with = Compile(files);
  ASSERT_TRUE(with.ok()) << with.status();
  EXPECT_EQ((*with)->reference->authority_state, CountryCode::FromText("NO"));
  EXPECT_NE((*with)->sha256, (*plain)->sha256);

  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) return absl::NotFoundError("no such file");
    return it->second;
  };
  CompileOptions options;
  options.authority = CountryCode::FromText("GB");
  auto flagged = CompileRuleSet(read, "mem", BuiltinKernels(), {}, options);
  ASSERT_TRUE(flagged.ok()) << flagged.status();
  EXPECT_EQ((*flagged)->reference->authority_override,
            CountryCode::FromText("GB"));
  EXPECT_EQ((*flagged)->sha256, (*with)->sha256);
  options.authority = CountryCode::FromText("ZZ");
  auto bad = CompileRuleSet(read, "mem", BuiltinKernels(), {}, options);
  ASSERT_FALSE(bad.ok());
  EXPECT_THAT(std::string(bad.status().message()),
              ::testing::HasSubstr("--authority: 'ZZ' is not in the rule "
                                   "set's country table"));

  files["ruleset.yaml"] = Replace(files["ruleset.yaml"], "{state: \"NO\"}",
                                  "{state: \"ZZ\", court: x}");
  auto wrong = Compile(files);
  ASSERT_FALSE(wrong.ok());
  EXPECT_THAT(std::string(wrong.status().message()),
              ::testing::HasSubstr("authority.state: 'ZZ' is not in the "
                                   "country table"));
  EXPECT_THAT(std::string(wrong.status().message()),
              ::testing::HasSubstr("authority.court: unknown key"));
}

TEST(TinyRuleSet, KernelsAreBoundWithTheirParameters) {
  Files files = TinyFiles();
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  ASSERT_TRUE(plan.ok()) << plan.status();
  Case c;
  c.goods.push_back(GoodsLine{});
  c.goods[0].category = GoodsCategory::kAmmunition;
  Evidence ev;
  EXPECT_EQ((*plan)->indicators[1].kernel->Explain(c, &ev), 1);
  // light_weapons is portable by default, but not in this rule's list.
  c.goods[0].category = GoodsCategory::kLightWeapons;
  EXPECT_EQ((*plan)->indicators[1].kernel->Explain(c, nullptr), 0);
}

TEST(TinyRuleSet, KernelsReadThePlansReferenceData) {
  Files files = WithRuleSet("    params: {categories: [small_arms, ammunition]}\n",
                            "");
  files["ruleset.yaml"] = Replace(files["ruleset.yaml"],
                                  "kernel: goods_portable_attractive",
                                  "kernel: embargo\n    params: {bodies: [UN]}");
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  ASSERT_TRUE(plan.ok()) << plan.status();
  Case c;
  c.assessed_on = DateFromCivil(2020, 1, 1);
  c.end_user.country = *CountryCode::FromText("LY");
  c.exporter.country = *CountryCode::FromText("GB");
  EXPECT_EQ((*plan)->indicators[1].kernel->Explain(c, nullptr), 1);
  c.assessed_on = DateFromCivil(2011, 2, 25);  // the day before it began
  EXPECT_EQ((*plan)->indicators[1].kernel->Explain(c, nullptr), 0);
}

TEST(TinyRuleSet, OptionalSectionsMayBeLeftOut) {
  Files files = TinyFiles();
  std::string& text = files["ruleset.yaml"];
  const size_t gates = text.find("gates:");
  const size_t indicators = text.find("indicators:");
  text.erase(gates, indicators - gates);
  files.erase("embargoes.yaml");
  text = Replace(text, "  embargoes: embargoes.yaml\n", "");
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_TRUE((*plan)->gates.empty());
  EXPECT_TRUE((*plan)->mitigations.empty());
  EXPECT_FALSE((*plan)->overriding_risk.has_value());
  EXPECT_TRUE((*plan)->reference->embargoes.empty());
}

// ---- Errors: kernels and parameters ----------------------------------------

TEST(CompilerErrors, UnknownKernelListsTheKnownOnes) {
  Files f = WithRuleSet("kernel: euc_absent", "kernel: euc_missing");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "euc_missing"),
                  "indicators[0].kernel: unknown kernel 'euc_missing'; known: ",
                  absl::StrJoin(BuiltinKernels().Names(), ", "), "\n")));
}

TEST(CompilerErrors, MissingParameter) {
  // goods_condition requires `conditions`.
  Files f = WithRuleSet("kernel: euc_absent", "kernel: goods_condition");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "goods_condition"),
                  "indicators[0].params.conditions: missing parameter\n")));
}

TEST(CompilerErrors, UnknownParameter) {
  Files f = WithRuleSet("kernel: euc_absent",
                        "kernel: euc_absent\n    params: {strict: true}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "true}"),
                  "indicators[0].params.strict: unknown parameter for this "
                  "kernel\n")));
}

TEST(CompilerErrors, BadParameterWord) {
  Files f = WithRuleSet("[small_arms, ammunition]", "[small_arms, rifles]");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "[small_arms, rifles]"),
                  "indicators[1].params.categories: 'rifles' is not one of: "
                  "battle_tanks, ")));
}

TEST(CompilerErrors, BadParameterNumber) {
  Files f = WithRuleSet("kernel: euc_absent",
                        "kernel: party_recently_incorporated\n"
                        "    params: {min_age_days: a year}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "a year"),
                  "indicators[0].params.min_age_days: expected a finite "
                  "number, found 'a year'\n")));
}

TEST(CompilerErrors, ParameterThatIsAMap) {
  Files f = WithRuleSet("{categories: [small_arms, ammunition]}",
                        "{categories: {a: b}}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "{a: b}"),
                  "indicators[1].params.categories: expected a scalar or a "
                  "list of scalars\n")));
}

// ---- Errors: indicators ----------------------------------------------------

TEST(CompilerErrors, UnknownCategoryInWeights) {
  Files f = WithRuleSet("weights: {euc: 20}", "weights: {eu: 20}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "eu: 20"),
                             "indicators[0].weights.eu: unknown category "
                             "'eu'\n")));
}

TEST(CompilerErrors, WeightNotANumber) {
  Files f = WithRuleSet("weights: {euc: 20}", "weights: {euc: high}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "high}"),
                             "indicators[0].weights.euc: expected a finite "
                             "number, found 'high'\n")));
}

TEST(CompilerErrors, QuotedWeightIsNotANumber) {
  Files f = WithRuleSet("weights: {euc: 20}", "weights: {euc: \"20\"}");
  EXPECT_THAT(Errors(f), HasSubstr("indicators[0].weights.euc: expected a "
                                   "finite number, found '20'"));
}

TEST(CompilerErrors, WeightsOfMixedSign) {
  Files f = WithRuleSet("weights: {euc: 20}", "weights: {euc: 20, goods: -2}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "{euc: 20, goods: -2}"),
                  "indicators[0].weights: weights of one indicator must share "
                  "a sign, so that the score range is exact\n")));
}

TEST(CompilerErrors, NegativeWeightsOfOneSignAreAccepted) {
  Files f = WithRuleSet("weights: {euc: 20}", "weights: {euc: -3, goods: -2}");
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(f);
  ASSERT_TRUE(plan.ok()) << plan.status();
  EXPECT_EQ((*plan)->weights(0, 0), -3);
  EXPECT_EQ((*plan)->weights(0, 1), -2);
}

TEST(CompilerErrors, UnknownValueOutsideZeroToOne) {
  for (const char* bad : {"1.5", "-0.1"}) {
    Files f = WithRuleSet("unknown_value: 0.5",
                          absl::StrCat("unknown_value: ", bad));
    EXPECT_THAT(Errors(f), HasSubstr("indicators[0].unknown_value: expected a "
                                     "value from 0 to 1\n"))
        << bad;
  }
}

TEST(CompilerErrors, UnknownValueBoundsAreIncluded) {
  Files f = WithRuleSet("unknown_value: 0.5", "unknown_value: 1");
  EXPECT_TRUE(Compile(f).ok());
}

TEST(CompilerErrors, DuplicateIndicatorId) {
  Files f = WithRuleSet("- id: GC-1.portable", "- id: EUC-1.absent");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "EUC-1.absent\n    kernel: goods"),
                  "indicators[1].id: indicator defined twice\n")));
}

TEST(CompilerErrors, MissingIndicatorFields) {
  Files f = WithRuleSet("    refs: [\"GC-1\"]\n    evidence: \"Portable, "
                        "attractive items\"\n",
                        "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("indicators[1].refs: missing required field"));
  EXPECT_THAT(errors,
              HasSubstr("indicators[1].evidence: missing required field"));
}

TEST(CompilerErrors, UnknownIndicatorKey) {
  Files f = WithRuleSet("unknown_value: 0\n", "unknown_value: 0\n    weigth: 3\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(At(f, "weigth"),
                                                "indicators[1].weigth: "
                                                "unknown key\n")));
}

// ---- Errors: categories ----------------------------------------------------

TEST(CompilerErrors, DuplicateCategory) {
  Files f = WithRuleSet("{id: goods, name: \"Goods\", cap: 10}",
                        "{id: euc, name: \"Goods\", cap: 10}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "euc, name: \"Goods\""),
                             "categories[1].id: category defined twice\n")));
}

TEST(CompilerErrors, CategoryWithoutCap) {
  Files f = WithRuleSet(", cap: 10}", "}");
  EXPECT_THAT(Errors(f),
              HasSubstr("categories[1].cap: missing required field\n"));
}

TEST(CompilerErrors, NegativeCap) {
  Files f = WithRuleSet("cap: 10}", "cap: -1}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "-1}"),
                             "categories[1].cap: expected a cap of 0 or "
                             "more\n")));
}

TEST(CompilerErrors, ZeroCapIsAccepted) {
  EXPECT_TRUE(Compile(WithRuleSet("cap: 10}", "cap: 0}")).ok());
}

}  // namespace
}  // namespace divrisk
