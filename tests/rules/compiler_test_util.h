// Shared by the tests split from compiler_test.cc: the base
// documents and helpers they build on.

#ifndef DIVRISK_TESTS_RULES_COMPILER_TEST_UTIL_H_
#define DIVRISK_TESTS_RULES_COMPILER_TEST_UTIL_H_

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
#include "absl/strings/str_split.h"
#include "absl/strings/str_join.h"
#include "engine/doc/visible_text.h"
#include "engine/model/case.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/registry.h"
#include "rules/plan.h"

namespace divrisk::test_util {

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
    mitigates: {GC-1.portable: 0.4}
    requires: [state_end_user]
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

inline Files TinyFiles() {
  return {{"ruleset.yaml", kRuleSet},
          {"countries.yaml", kCountries},
          {"embargoes.yaml", kEmbargoes}};
}

inline absl::StatusOr<std::unique_ptr<const Plan>> Compile(const Files& files) {
  RuleFileReader read =
      [&files](const std::string& rel) -> absl::StatusOr<std::string> {
    auto it = files.find(rel);
    if (it == files.end()) return absl::NotFoundError("no such file");
    return it->second;
  };
  return CompileRuleSet(read, "mem");
}

// `text` with the one occurrence of `from` replaced by `to`.
inline std::string Replace(std::string text, std::string_view from,
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
inline std::string Pos(std::string_view text, std::string_view needle) {
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
inline Files WithRuleSet(std::string_view from, std::string_view to) {
  Files files = TinyFiles();
  files["ruleset.yaml"] = Replace(files["ruleset.yaml"], from, to);
  return files;
}

// The compile's error text; fails the test if the rule set compiled.
inline std::string Errors(const Files& files) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  if (plan.ok()) {
    ADD_FAILURE() << "the rule set compiled";
    return "";
  }
  EXPECT_EQ(plan.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(plan.status().message());
}

// "mem/ruleset.yaml:L:C: " for `needle` in the edited ruleset.yaml.
inline std::string At(const Files& files, std::string_view needle) {
  return absl::StrCat("mem/ruleset.yaml:",
                      Pos(files.at("ruleset.yaml"), needle), ": ");
}

inline std::string Sha(const Files& files) {
  absl::StatusOr<std::unique_ptr<const Plan>> plan = Compile(files);
  if (!plan.ok()) {
    ADD_FAILURE() << plan.status();
    return "";
  }
  return (*plan)->sha256;
}

inline bool IsLowerHex64(const std::string& s) {
  if (s.size() != 64) return false;
  for (char ch : s) {
    if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) return false;
  }
  return true;
}

}  // namespace divrisk::test_util

#endif  // DIVRISK_TESTS_RULES_COMPILER_TEST_UTIL_H_
