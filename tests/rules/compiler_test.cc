// Tests of the rule-set compiler (rules/compiler.h): the bundled default rule
// set, a tiny in-memory rule set, every error the compiler reports (with its
// file:line:column and path), and the SHA-256 identity of a rule set.

#include "rules/compiler.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "indicators/screening/screener.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/model/case.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/registry.h"
#include "rules/plan.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

using Files = std::map<std::string, std::string>;

constexpr const char* kCountries = R"yaml(source:
  title: "Test countries"
  as_of: "2026-01-01"
countries:
  - {code: "GB", name: "United Kingdom"}
  - {code: "NO", name: "Norway"}
  - {code: "LY", name: "Libya"}
)yaml";

constexpr const char* kEmbargoes = R"yaml(source:
  title: "Test embargoes"
  as_of: "2026-01-01"
embargoes:
  - id: "UN-LY-2011"
    imposing_body: "UN"
    target: "LY"
    target_name: "Libya"
    scope: "full"
    direction: "both"
    binding: true
    status: "in_force"
    start: "2011-02-26"
    instrument: "UNSCR 1970 (2011)"
    source: "test"
)yaml";

constexpr const char* kRuleSet = R"yaml(# A tiny rule set for the compiler tests.
format: divrisk-rules/1
name: tiny
version: "1.0"
reference:
  countries: countries.yaml
  embargoes: embargoes.yaml
categories:
  - {id: euc, name: "EUC", cap: 25}
  - {id: goods, name: "Goods", cap: 10}
bands:
  - {id: low, below: 20, recommendation: approve}
  - {id: high, recommendation: refuse, uncertain_recommendation: refer}
gates:
  - id: G1
    indicator: GC-1.portable
    refuse_at: 1
    refs: ["ATT 6(1)"]
    reason: "Portable goods"
mitigations:
  - measure: marking_and_record_keeping
    lowers: {goods: 0.4}
    refs: ["MIT-3"]
    condition: "Mark every item"
overriding_risk:
  category: euc
  threshold: 25
  refs: ["ATT 7(3)"]
  reason: "Overriding"
indicators:
  - id: EUC-1.absent
    kernel: euc_absent
    weights: {euc: 20}
    unknown_value: 0.5
    refs: ["ATT 11(2)", "EUC-1"]
    evidence: "No end-user certificate was supplied"
  - id: GC-1.portable
    kernel: goods_portable_attractive
    params: {categories: [small_arms, ammunition]}
    weights: {goods: 5}
    unknown_value: 0
    refs: ["GC-1"]
    evidence: "Portable, attractive items"
)yaml";

Files TinyFiles() {
  return {{"ruleset.yaml", kRuleSet},
          {"countries.yaml", kCountries},
          {"embargoes.yaml", kEmbargoes}};
}

absl::StatusOr<std::unique_ptr<const Plan>> Compile(const Files& files) {
  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) return absl::NotFoundError("no such file");
    return it->second;
  };
  return CompileRuleSet(read, "mem");
}

// `text` with the one occurrence of `from` replaced by `to`.
std::string Replace(std::string text, std::string_view from,
                    std::string_view to) {
  const size_t at = text.find(from);
  if (at == std::string::npos ||
      text.find(from, at + 1) != std::string::npos) {
    ADD_FAILURE() << "expected exactly one '" << from << "' in:\n" << text;
    return text;
  }
  text.replace(at, from.size(), to);
  return text;
}

// "line:column" (1-based) of the first occurrence of `needle` in `text`.
std::string Pos(std::string_view text, std::string_view needle) {
  const size_t at = text.find(needle);
  if (at == std::string_view::npos) {
    ADD_FAILURE() << "'" << needle << "' not in the text";
    return "?:?";
  }
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return absl::StrCat(line, ":", at - line_start + 1);
}

// The tiny rule set with ruleset.yaml edited.
Files WithRuleSet(std::string_view from, std::string_view to) {
  Files files = TinyFiles();
  files["ruleset.yaml"] = Replace(files["ruleset.yaml"], from, to);
  return files;
}

// The compile's error text; fails the test if the rule set compiled.
std::string Errors(const Files& files) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  if (plan.ok()) {
    ADD_FAILURE() << "the rule set compiled";
    return "";
  }
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(plan.status().message());
}

// "mem/ruleset.yaml:L:C: " for `needle` in the edited ruleset.yaml.
std::string At(const Files& files, std::string_view needle) {
  return absl::StrCat("mem/ruleset.yaml:",
                      Pos(files.at("ruleset.yaml"), needle), ": ");
}

std::string Sha(const Files& files) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  if (!plan.ok()) {
    ADD_FAILURE() << plan.status();
    return "";
  }
  return (*plan)->sha256;
}

bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char ch : s) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

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
  EXPECT_EQ(p.gates.size(), 4u);
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
  EXPECT_EQ(p.mitigations[0].lowers,
            (std::vector<std::pair<int, double>>{{1, 0.4}}));
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

// ---- Errors: gates ---------------------------------------------------------

TEST(CompilerErrors, GateNamingAMissingIndicator) {
  Files f = WithRuleSet("indicator: GC-1.portable", "indicator: GC-9.none");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "GC-9.none"),
                             "gates[0].indicator: unknown indicator "
                             "'GC-9.none'\n")));
}

TEST(CompilerErrors, GateWithoutThresholds) {
  Files f = WithRuleSet("    refuse_at: 1\n", "");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "id: G1"),
                             "gates[0]: a gate needs refuse_at or "
                             "refer_at\n")));
}

TEST(CompilerErrors, GateReferIfUnknownMustBeABoolean) {
  Files f = WithRuleSet("    refuse_at: 1\n",
                        "    refuse_at: 1\n    refer_if_unknown: yes\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "yes"),
                             "gates[0].refer_if_unknown: expected true or "
                             "false, found 'yes'\n")));
}

// ---- Errors: bands ---------------------------------------------------------

TEST(CompilerErrors, BandsNotAscending) {
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n",
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: mid, below: 15, recommendation: refer}\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: mid"),
                             "bands[1].below: bands must be in ascending "
                             "order\n")));
}

TEST(CompilerErrors, EqualBandBoundsAreNotAscending) {
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n",
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: mid, below: 20, recommendation: refer}\n");
  EXPECT_THAT(Errors(f),
              HasSubstr("bands[1].below: bands must be in ascending order\n"));
}

TEST(CompilerErrors, TopBandWithBelow) {
  Files f = WithRuleSet("{id: high, recommendation: refuse,",
                        "{id: high, below: 90, recommendation: refuse,");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: high"),
                             "bands[1].below: the top band takes no upper "
                             "bound\n")));
}

TEST(CompilerErrors, LowerBandWithoutBelow) {
  Files f = WithRuleSet("{id: low, below: 20,", "{id: low,");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "{id: low"),
                             "bands[0].below: every band but the top one "
                             "needs `below`\n")));
}

TEST(CompilerErrors, NoBands) {
  // A plan without bands cannot place any score in a band.
  Files f = WithRuleSet(
      "  - {id: low, below: 20, recommendation: approve}\n"
      "  - {id: high, recommendation: refuse, uncertain_recommendation: "
      "refer}\n",
      "");
  f["ruleset.yaml"] = Replace(f["ruleset.yaml"], "bands:\n", "bands: []\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "[]"), "bands: expected at least one "
                                          "band\n")));
}

TEST(CompilerErrors, UnknownRecommendationWord) {
  Files f = WithRuleSet("recommendation: approve}", "recommendation: allow}");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "allow"),
                  "bands[0].recommendation: expected one of approve, "
                  "approve_with_conditions, refer, refuse; found 'allow'\n")));
}

TEST(CompilerErrors, UnknownUncertainRecommendationWord) {
  Files f = WithRuleSet("uncertain_recommendation: refer",
                        "uncertain_recommendation: ask");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "ask}"),
                             "bands[1].uncertain_recommendation: expected one "
                             "of approve, approve_with_conditions, refer, "
                             "refuse; found 'ask'\n")));
}

// ---- Errors: mitigations and overriding risk -------------------------------

TEST(CompilerErrors, MitigationMeasureNotAWord) {
  Files f = WithRuleSet("measure: marking_and_record_keeping",
                        "measure: marking");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(
                  At(f, "marking\n"),
                  "mitigations[0].measure: expected one of "
                  "post_shipment_verification, "
                  "delivery_verification_certificate, "
                  "government_to_government, staged_delivery, "
                  "marking_and_record_keeping, destruction_of_surplus, "
                  "end_user_training, re_export_ban_condition; found "
                  "'marking'\n")));
}

TEST(CompilerErrors, MitigationListedTwice) {
  Files f = WithRuleSet("    condition: \"Mark every item\"\n",
                        "    condition: \"Mark every item\"\n"
                        "  - measure: marking_and_record_keeping\n"
                        "    lowers: {goods: 0.1}\n"
                        "    refs: [\"MIT-3\"]\n"
                        "    condition: \"Again\"\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "marking_and_record_keeping\n    lowers: "
                                   "{goods: 0.1}"),
                             "mitigations[1].measure: measure defined "
                             "twice\n")));
}

TEST(CompilerErrors, MitigationFractionAboveOne) {
  Files f = WithRuleSet("lowers: {goods: 0.4}", "lowers: {goods: 1.2}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "1.2"),
                             "mitigations[0].lowers.goods: expected a "
                             "fraction from 0 to 1\n")));
}

TEST(CompilerErrors, MitigationUnknownCategory) {
  Files f = WithRuleSet("lowers: {goods: 0.4}", "lowers: {gods: 0.4}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "gods"),
                             "mitigations[0].lowers.gods: unknown category "
                             "'gods'\n")));
}

TEST(CompilerErrors, OverridingRiskUnknownCategory) {
  Files f = WithRuleSet("category: euc", "category: art7");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "art7"),
                             "overriding_risk.category: unknown category "
                             "'art7'\n")));
}

// ---- Errors: header, references and reference files -----------------------

TEST(CompilerErrors, WrongFormat) {
  Files f = WithRuleSet("format: divrisk-rules/1", "format: divrisk-rules/2");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "divrisk-rules/2"),
                             "format: expected 'divrisk-rules/1', found "
                             "'divrisk-rules/2'\n")));
}

TEST(CompilerErrors, UnknownTopLevelKey) {
  Files f = WithRuleSet("name: tiny\n", "name: tiny\nowner: MoD\n");
  EXPECT_THAT(Errors(f),
              HasSubstr(absl::StrCat(At(f, "owner"), "owner: unknown key\n")));
}

TEST(CompilerErrors, MissingHeaderFields) {
  Files f = WithRuleSet("name: tiny\nversion: \"1.0\"\n", "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(At(f, "format: "),
                                             "name: missing required "
                                             "field\n")));
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(At(f, "format: "),
                                             "version: missing required "
                                             "field\n")));
}

TEST(CompilerErrors, MissingReferenceFileNamesTheFile) {
  Files f = TinyFiles();
  f.erase("embargoes.yaml");
  EXPECT_THAT(Errors(f), HasSubstr("mem/embargoes.yaml: no such file\n"));
}

TEST(CompilerErrors, MissingReferenceFileOnDiskNamesTheFile) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      absl::StrCat("divrisk_compiler_test_", ::getpid());
  std::filesystem::create_directories(dir);
  for (const auto& [rel, text] : TinyFiles()) {
    if (rel == "embargoes.yaml") continue;
    std::ofstream(dir / rel) << text;
  }
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(dir.string());
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(plan.ok());
  const std::string message(plan.status().message());
  EXPECT_THAT(message, HasSubstr((dir / "embargoes.yaml").string()));
  EXPECT_THAT(message, HasSubstr("cannot open"));
}

TEST(CompilerErrors, ReferenceKindThatIsNotAWord) {
  Files f = WithRuleSet("  embargoes: embargoes.yaml\n",
                        "  embargoes: embargoes.yaml\n  sanctions: s.yaml\n");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             At(f, "sanctions"),
                             "reference.sanctions: unknown key\n")));
}

TEST(CompilerErrors, ReferenceWithoutCountries) {
  Files f = WithRuleSet("  countries: countries.yaml\n", "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("reference.countries: missing required "
                                "field\n"));
  // Every code in the other files is then unknown.
  EXPECT_THAT(errors, HasSubstr(absl::StrCat(
                          "mem/embargoes.yaml:",
                          Pos(f["embargoes.yaml"], "\"LY\""),
                          ": embargoes[0].target: 'LY' is not in the country "
                          "table\n")));
}

TEST(CompilerErrors, MissingReferenceSection) {
  Files f = WithRuleSet(
      "reference:\n  countries: countries.yaml\n  embargoes: "
      "embargoes.yaml\n",
      "");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("reference: missing required field\n"));
  // The indicators are still read and checked, not reported as unknown.
  EXPECT_THAT(errors, Not(HasSubstr("indicators: unknown key")));
}

TEST(CompilerErrors, ReferenceFileWithUnknownKey) {
  Files f = TinyFiles();
  f["countries.yaml"] =
      Replace(f["countries.yaml"], "{code: \"NO\", name: \"Norway\"}",
              "{code: \"NO\", name: \"Norway\", capital: \"Oslo\"}");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             "mem/countries.yaml:",
                             Pos(f["countries.yaml"], "capital"),
                             ": countries[1].capital: unknown key\n")));
}

TEST(CompilerErrors, ReferenceFileWithCodeNotInTheTable) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "target: \"LY\"", "target: \"SO\"");
  EXPECT_THAT(Errors(f), HasSubstr(absl::StrCat(
                             "mem/embargoes.yaml:",
                             Pos(f["embargoes.yaml"], "\"SO\""),
                             ": embargoes[0].target: 'SO' is not in the "
                             "country table\n")));
}

TEST(CompilerErrors, YamlSyntaxErrorInAReferenceFileNamesTheFile) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "target: \"LY\"", "target: [\"LY\"");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("mem/embargoes.yaml:"));
  EXPECT_THAT(errors, Not(HasSubstr("mem/ruleset.yaml")));
}

TEST(CompilerErrors, YamlSyntaxErrorInTheRuleSet) {
  Files f = WithRuleSet("name: tiny\n", "name: [tiny\n");
  EXPECT_THAT(Errors(f), HasSubstr("mem/ruleset.yaml:"));
}

TEST(CompilerErrors, SeveralErrorsReportedTogether) {
  Files f = WithRuleSet("kernel: euc_absent", "kernel: euc_missing");
  std::string& text = f["ruleset.yaml"];
  text = Replace(text, "weights: {goods: 5}", "weights: {gods: 5}");
  text = Replace(text, "recommendation: approve}", "recommendation: allow}");
  text = Replace(text, "name: tiny\n", "name: tiny\nowner: MoD\n");
  f["countries.yaml"] =
      Replace(f["countries.yaml"], "{code: \"NO\", name: \"Norway\"}",
              "{code: \"NO\", name: \"Norway\", capital: \"Oslo\"}");
  const std::string errors = Errors(f);
  EXPECT_THAT(errors, HasSubstr("invalid rule set:\n"));
  EXPECT_THAT(errors, HasSubstr("owner: unknown key"));
  EXPECT_THAT(errors, HasSubstr("unknown kernel 'euc_missing'"));
  EXPECT_THAT(errors, HasSubstr("unknown category 'gods'"));
  EXPECT_THAT(errors, HasSubstr("found 'allow'"));
  EXPECT_THAT(errors, HasSubstr("countries[1].capital: unknown key"));
  // One line per error, the ruleset's in file order.
  EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 6);
  EXPECT_LT(errors.find("owner: unknown key"), errors.find("found 'allow'"));
  EXPECT_LT(errors.find("found 'allow'"), errors.find("unknown kernel"));
  EXPECT_LT(errors.find("unknown kernel"), errors.find("'gods'"));
}

// ---- Identity --------------------------------------------------------------

constexpr const char* kRuleSetRelaidOut = R"yaml(# Same rule set, other layout.
name: "tiny"    # quoted now
format: "divrisk-rules/1"
version: "1.0"

indicators:
  - kernel: euc_absent
    id: EUC-1.absent
    unknown_value: 0.5
    weights:
      euc: 20
    evidence: No end-user certificate was supplied
    refs:
      - ATT 11(2)
      - EUC-1
  - {id: GC-1.portable, kernel: goods_portable_attractive,
     params: {categories: [small_arms, ammunition]}, weights: {goods: 5},
     unknown_value: 0, refs: [GC-1], evidence: "Portable, attractive items"}

overriding_risk: {category: euc, threshold: 25, refs: ["ATT 7(3)"], reason: Overriding}
mitigations:
  - {measure: marking_and_record_keeping, lowers: {goods: 0.4},
     refs: [MIT-3], condition: Mark every item}
gates:
  - {id: G1, indicator: GC-1.portable, refuse_at: 1, refs: ["ATT 6(1)"],
     reason: Portable goods}
bands:
  - id: low
    below: 20
    recommendation: approve
  - id: high
    recommendation: refuse
    uncertain_recommendation: refer
categories:
  - id: euc
    name: EUC
    cap: 25
  - id: goods
    name: Goods
    cap: 10
reference:
  embargoes: embargoes.yaml
  countries: countries.yaml
)yaml";

TEST(Identity, CommentsKeyOrderAndLayoutKeepTheHash) {
  Files relaid = TinyFiles();
  relaid["ruleset.yaml"] = kRuleSetRelaidOut;
  relaid["countries.yaml"] = R"yaml(# countries, block style
countries:
  - code: GB
    name: United Kingdom
  - name: Norway
    code: "NO"
  - {name: Libya, code: LY}
source: {as_of: "2026-01-01", title: Test countries}
)yaml";
  EXPECT_EQ(Sha(relaid), Sha(TinyFiles()));
}

TEST(Identity, OneWeightChangesTheHash) {
  EXPECT_NE(Sha(WithRuleSet("weights: {euc: 20}", "weights: {euc: 21}")),
            Sha(TinyFiles()));
}

TEST(Identity, OneReferenceFactChangesTheHash) {
  Files f = TinyFiles();
  f["embargoes.yaml"] =
      Replace(f["embargoes.yaml"], "2011-02-26", "2011-02-27");
  EXPECT_NE(Sha(f), Sha(TinyFiles()));
}

TEST(Identity, OneEvidenceStringChangesTheHash) {
  EXPECT_NE(Sha(WithRuleSet("\"Portable, attractive items\"",
                            "\"Portable and attractive items\"")),
            Sha(TinyFiles()));
}

TEST(Identity, DescriptiveTextIsPartOfTheHash) {
  // `description` and reference `notes` are not read, but they are hashed.
  EXPECT_NE(Sha(WithRuleSet("name: tiny\n",
                            "name: tiny\ndescription: a test\n")),
            Sha(TinyFiles()));
}

}  // namespace
}  // namespace divrisk
