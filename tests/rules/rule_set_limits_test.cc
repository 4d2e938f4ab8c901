// Hostile rule sets: every limit of the rule-set compiler (RuleSetLimits and
// the parser's DocLimits) is hit and refused with the file, line and limit;
// numbers that are NaN, infinite or out of range; anchors, NUL bytes,
// invalid UTF-8, byte-order marks and CRLF line ends (README "Limits").

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::StartsWith;

using Files = std::map<std::string, std::string>;

constexpr const char* kCountries = R"yaml(source:
  title: "Test countries"
  as_of: "2026-01-01"
countries:
  - {code: "GB", name: "United Kingdom"}
  - {code: "NO", name: "Norway"}
)yaml";

// Line 8 holds the categories, line 9 the bands, 10 the indicators; the
// placeholders are filled by each test.
constexpr const char* kRuleSet =
    "format: divrisk-rules/1\n"                                        // 1
    "name: tiny\n"                                                     // 2
    "version: \"1.0\"\n"                                               // 3
    "reference:\n"                                                     // 4
    "  countries: countries.yaml\n"                                    // 5
    "gates: GATES\n"                                                   // 6
    "mitigations: MITIGATIONS\n"                                       // 7
    "categories: CATEGORIES\n"                                         // 8
    "bands: BANDS\n"                                                   // 9
    "indicators: INDICATORS\n";                                        // 10

struct Parts {
  std::string gates = "[]";
  std::string mitigations = "[]";
  std::string categories = "[{id: euc, name: EUC, cap: 25}]";
  std::string bands =
      "[{id: low, below: 20, recommendation: approve}, "
      "{id: high, recommendation: refuse}]";
  std::string indicators =
      "[{id: EUC-1, kernel: euc_absent, weights: {euc: 20}, "
      "unknown_value: 0.5, refs: [EUC-1], evidence: none}]";
};

std::string Replace(std::string text, const std::string& from,
                    const std::string& to) {
  text.replace(text.find(from), from.size(), to);
  return text;
}

std::string RuleSet(const Parts& p) {
  std::string s = kRuleSet;
  s = Replace(s, "GATES", p.gates);
  s = Replace(s, "MITIGATIONS", p.mitigations);
  s = Replace(s, "CATEGORIES", p.categories);
  s = Replace(s, "BANDS", p.bands);
  return Replace(s, "INDICATORS", p.indicators);
}

absl::StatusOr<std::unique_ptr<const Plan>> Compile(const std::string& ruleset,
                                                    const std::string& countries =
                                                        kCountries) {
  Files files = {{"ruleset.yaml", ruleset}, {"countries.yaml", countries}};
  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) return absl::NotFoundError("no such file");
    return it->second;
  };
  return CompileRuleSet(read, "mem");
}

// The error text of compiling, without the "invalid rule set:\n" header.
std::string Errors(const std::string& ruleset,
                   const std::string& countries = kCountries) {
  auto plan = Compile(ruleset, countries);
  if (plan.ok()) {
    ADD_FAILURE() << "the rule set compiled";
    return "";
  }
  std::string text(plan.status().message());
  const std::string header = "invalid rule set:\n";
  if (text.rfind(header, 0) == 0) text = text.substr(header.size());
  return text;
}

// "[x, x, ...]" with n items, "{}" in `item` replaced by the index.
std::string Flow(size_t n, const std::string& item) {
  std::vector<std::string> items;
  for (size_t i = 0; i < n; ++i) {
    std::string s = item;
    while (s.find("{}") != std::string::npos) {
      s = Replace(s, "{}", absl::StrCat(i));
    }
    items.push_back(s);
  }
  return absl::StrCat("[", absl::StrJoin(items, ", "), "]");
}

TEST(RuleSetLimits, TheTinyRuleSetCompiles) {
  auto plan = Compile(RuleSet(Parts{}));
  EXPECT_TRUE(plan.ok()) << plan.status();
}

TEST(RuleSetLimits, DefaultsAreTheDocumentedValues) {
  const RuleSetLimits limits;
  EXPECT_EQ(limits.categories, 64u);
  EXPECT_EQ(limits.indicators, 1000u);
  EXPECT_EQ(limits.bands, 32u);
  EXPECT_EQ(limits.gates, 1000u);
  EXPECT_EQ(limits.mitigations, 100u);
  EXPECT_EQ(limits.refs, 100u);
  EXPECT_EQ(limits.max_magnitude, 1e6);
}

TEST(RuleSetLimits, CategoriesBeyondTheLimitRefused) {
  Parts p;
  p.categories = Flow(65, "{id: c{}, name: C, cap: 1}");
  EXPECT_EQ(Errors(RuleSet(p)),
            "mem/ruleset.yaml:8:13: categories: more than the limit of 64 "
            "entries\n"
            "mem/ruleset.yaml:10:56: indicators[0].weights.euc: unknown "
            "category 'euc'\n");
  p.categories = Flow(64, "{id: c{}, name: C, cap: 1}");
  p.indicators = Replace(Parts{}.indicators, "euc: 20", "c0: 20");
  EXPECT_TRUE(Compile(RuleSet(p)).ok());
}

TEST(RuleSetLimits, IndicatorsBeyondTheLimitRefused) {
  Parts p;
  const std::string item =
      "{id: I{}, kernel: euc_absent, weights: {euc: 1}, unknown_value: 0, "
      "refs: [x], evidence: e}";
  p.indicators = Flow(1001, item);
  EXPECT_EQ(Errors(RuleSet(p)),
            "mem/ruleset.yaml:10:13: indicators: more than the limit of 1000 "
            "entries\n");
  p.indicators = Flow(1000, item);
  EXPECT_TRUE(Compile(RuleSet(p)).ok());
}

TEST(RuleSetLimits, BandsGatesMitigationsAndRefsBeyondTheirLimits) {
  Parts p;
  p.bands = Flow(32, "{id: b{}, below: {}.5, recommendation: approve}");
  p.bands = p.bands.substr(0, p.bands.size() - 1) +
            ", {id: top, recommendation: refuse}]";
  EXPECT_THAT(Errors(RuleSet(p)),
              HasSubstr("mem/ruleset.yaml:9:8: bands: more than the limit of "
                        "32 entries"));
  p = Parts{};
  p.gates = Flow(1001, "{id: g{}, indicator: EUC-1, refuse_at: 1, refs: [x], "
                       "reason: r}");
  EXPECT_EQ(Errors(RuleSet(p)),
            "mem/ruleset.yaml:6:8: gates: more than the limit of 1000 "
            "entries\n");
  p = Parts{};
  p.mitigations = Flow(101, "{measure: staged_delivery, lowers: {euc: 0.1}, "
                            "refs: [x], condition: c}");
  EXPECT_EQ(Errors(RuleSet(p)),
            "mem/ruleset.yaml:7:14: mitigations: more than the limit of 100 "
            "entries\n");
  p = Parts{};
  p.indicators = Replace(p.indicators, "refs: [EUC-1]",
                         "refs: " + Flow(101, "r{}"));
  EXPECT_EQ(Errors(RuleSet(p)),
            "mem/ruleset.yaml:10:92: indicators[0].refs: more than the limit "
            "of 100 entries\n");
}

TEST(RuleSetLimits, NumbersOutOfRangeRefused) {
  struct Bad {
    std::string from, to, error;
  };
  const std::vector<Bad> cases = {
      {"euc: 20", "euc: 1e7",
       "10:61: indicators[0].weights.euc: expected a number from -1000000 to "
       "1000000, found 1e7"},
      {"euc: 20", "euc: -2000000",
       "10:61: indicators[0].weights.euc: expected a number from -1000000 to "
       "1000000, found -2000000"},
      {"euc: 20", "euc: .nan",
       "10:61: indicators[0].weights.euc: expected a finite number, found "
       "'.nan'"},
      {"cap: 25", "cap: .inf",
       "8:40: categories[0].cap: expected a finite number, found '.inf'"},
      {"cap: 25", "cap: 1e300",
       "8:40: categories[0].cap: expected a number from -1000000 to 1000000, "
       "found 1e300"},
      {"below: 20", "below: 1e999",
       "9:26: bands[0].below: expected a finite number, found '1e999'"},
  };
  for (const Bad& b : cases) {
    SCOPED_TRACE(b.to);
    Parts p;
    std::string text = RuleSet(p);
    text = Replace(text, b.from, b.to);
    EXPECT_THAT(Errors(text), HasSubstr("mem/ruleset.yaml:" + b.error + "\n"));
  }
}

TEST(RuleSetLimits, ReferenceIntegerOverflowRefused) {
  const std::string att =
      "source: {title: t, as_of: '2026-01-01'}\n"
      "states:\n"
      "  - {code: GB, status: state_party, deposit_year: 99999999999999999999}\n";
  std::string rs = Replace(RuleSet(Parts{}), "  countries: countries.yaml\n",
                           "  countries: countries.yaml\n  att: att.yaml\n");
  Files files = {{"ruleset.yaml", rs}, {"countries.yaml", kCountries},
                 {"att.yaml", att}};
  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) return absl::NotFoundError("no such file");
    return it->second;
  };
  auto plan = CompileRuleSet(read, "mem");
  ASSERT_FALSE(plan.ok());
  EXPECT_THAT(std::string(plan.status().message()),
              HasSubstr("mem/att.yaml:3:51: states[0].deposit_year: expected a "
                        "whole number from 2013 to 2100, found "
                        "99999999999999999999"));
}

TEST(RuleSetLimits, ParserLimitsApplyToEveryFile) {
  const std::string base = RuleSet(Parts{});
  // Depth.
  std::string deep = "description: ";
  for (int i = 0; i < 70; ++i) deep += "[";
  for (int i = 0; i < 70; ++i) deep += "]";
  EXPECT_EQ(Errors(base + deep + "\n"),
            "mem/ruleset.yaml:11:77: nesting deeper than the limit of 64\n");
  // String length.
  EXPECT_EQ(Errors(base + "description: " + std::string((64 << 10) + 1, 'x') +
                   "\n"),
            "mem/ruleset.yaml:11:14: string longer than the limit of 65536 "
            "bytes\n");
  // Size.
  EXPECT_EQ(Errors(base + "#" + std::string(16 << 20, 'x') + "\n"),
            "mem/ruleset.yaml:1:1: document larger than the limit of 16777216 "
            "bytes\n");
  // A reference file is held to the same limits.
  std::string countries = kCountries;
  countries.insert(countries.find("Norway"), 1, '\0');
  EXPECT_EQ(Errors(base, countries),
            "mem/countries.yaml:6:25: the document contains a NUL byte\n");
}

TEST(RuleSetLimits, AnchorsAndBillionLaughsRefusedFast) {
  std::string bomb = "description: &a [lol, lol, lol, lol, lol, lol, lol, lol]\n";
  for (char c = 'b'; c <= 'z'; ++c) {
    const std::string p(1, static_cast<char>(c - 1));
    bomb += absl::StrCat("x", std::string(1, c), ": &", std::string(1, c),
                         " [*", p, ", *", p, ", *", p, ", *", p, ", *", p,
                         ", *", p, ", *", p, ", *", p, "]\n");
  }
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(Errors(RuleSet(Parts{}) + bomb),
            "mem/ruleset.yaml:11:14: anchors (&name) are not accepted\n");
  EXPECT_LT(std::chrono::steady_clock::now() - start,
            std::chrono::milliseconds(200));
}

TEST(RuleSetLimits, EncodingsRefusedOrAccepted) {
  const std::string base = RuleSet(Parts{});
  // Invalid UTF-8, NUL.
  EXPECT_EQ(Errors(Replace(base, "name: tiny", "name: ti\xFFny")),
            "mem/ruleset.yaml:2:9: the document is not valid UTF-8\n");
  EXPECT_EQ(Errors(Replace(base, "name: tiny", std::string("name: ti\0ny", 11))),
            "mem/ruleset.yaml:2:9: the document contains a NUL byte\n");
  // A byte-order mark and CRLF line ends change nothing, not even the
  // rule set's identity.
  auto plain = Compile(base);
  ASSERT_TRUE(plain.ok()) << plain.status();
  auto bom = Compile("\xEF\xBB\xBF" + base);
  ASSERT_TRUE(bom.ok()) << bom.status();
  EXPECT_EQ((*bom)->sha256, (*plain)->sha256);
  std::string crlf;
  for (char c : base) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  auto with_crlf = Compile(crlf);
  ASSERT_TRUE(with_crlf.ok()) << with_crlf.status();
  EXPECT_EQ((*with_crlf)->sha256, (*plain)->sha256);
}

TEST(RuleSetLimits, RuleSetFileLargerThanTheLimitRefusedBeforeReading) {
  const std::string dir = ::testing::TempDir() + "/divrisk_rule_limits_" +
                          std::to_string(getpid());
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir + "/ruleset.yaml", std::ios::binary);
    out << RuleSet(Parts{});
    const std::string filler(1 << 20, '#');
    for (int i = 0; i < 16; ++i) out << filler;
  }
  auto plan = CompileRuleSetDir(dir);
  std::filesystem::remove_all(dir);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.status().message(),
            "invalid rule set:\n" + dir +
                "/ruleset.yaml: file larger than the limit of 16777216 "
                "bytes\n");
}

}  // namespace
}  // namespace divrisk
