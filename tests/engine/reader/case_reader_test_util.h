// Shared by the tests split from case_reader_test.cc: the base
// documents and helpers they build on.

#ifndef DIVRISK_TESTS_ENGINE_READER_CASE_READER_TEST_UTIL_H_
#define DIVRISK_TESTS_ENGINE_READER_CASE_READER_TEST_UTIL_H_

#include "engine/reader/case_reader.h"
#include <algorithm>
#include <climits>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/reader/case_decoder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"
#include "tests/shared_data.h"

namespace divrisk::test_util {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// A valid case; tests change or append lines. Line numbers on the right.
constexpr char kBase[] =
    "format: divrisk-case/1\n"                 //  1
    "id: T-0001\n"                             //  2
    "assessed_on: 2026-03-14\n"                //  3
    "exporter:\n"                              //  4
    "  name: Acme Arms Ltd\n"                  //  5
    "  country: GB\n"                          //  6
    "  internal_compliance_programme: true\n"  //  7
    "goods:\n"                                 //  8
    "  - category: small_arms\n"               //  9
    "    description: Assault rifles\n"        // 10
    "    quantity: 100\n"                      // 11
    "    unit_value: 450.5\n"                  // 12
    "end_user:\n"                              // 13
    "  name: Kenya Defence Forces\n"           // 14
    "  country: KE\n"                          // 15
    "  kind: armed_forces\n";                  // 16
// Appended text starts on line 17.

constexpr char kGoodsBlock[] =
    "goods:\n"
    "  - category: small_arms\n"
    "    description: Assault rifles\n"
    "    quantity: 100\n"
    "    unit_value: 450.5\n";

// `text` with the one occurrence of `from` replaced by `to`.
inline std::string With(std::string text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "no '" << from << "' in the case";
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos)
      << "'" << from << "' occurs more than once";
  text.replace(at, from.size(), to);
  return text;
}

inline std::string Append(std::string_view extra) {
  return std::string(kBase) + std::string(extra);
}

// "line:column" of the first occurrence of `needle` in `text`.
inline std::string PosOf(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
  return absl::StrCat(line, ":", at - line_start + 1);
}

class CaseReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<const Plan>> plan = CompileRuleSetDir(
        std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::move(*plan).release();
  }
  static void TearDownTestSuite() {
    delete plan_;
    plan_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(plan_, nullptr) << "the default rule set did not compile";
  }

  static const ReferenceData& Ref() { return *plan_->reference; }

  // Reads `text`; expects success.
  static Case MustRead(std::string_view text,
                       CaseSyntax syntax = CaseSyntax::kYaml) {
    DocErrors errors;
    absl::StatusOr<Case> c = ReadCaseText(text, syntax, "case.yaml", Ref(), &errors);
    EXPECT_TRUE(c.ok()) << c.status();
    EXPECT_TRUE(errors.empty());
    return c.ok() ? *std::move(c) : Case{};
  }

  // Reads `text`; expects failure and returns the errors as
  // "line:column: path: message".
  static std::vector<std::string> Errors(std::string_view text,
                                         CaseSyntax syntax = CaseSyntax::kYaml) {
    DocErrors errors;
    absl::StatusOr<Case> c = ReadCaseText(text, syntax, "case.yaml", Ref(), &errors);
    EXPECT_FALSE(c.ok()) << "read without error";
    std::vector<std::string> out;
    for (const DocError& e : errors.list()) out.push_back(e.ToString());
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
      // The status message holds the same errors, one per line, each
      // prefixed with the file name, in file order.
      std::vector<DocError> sorted = errors.list();
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const DocError& a, const DocError& b) {
                         auto key = [](const DocError& e) {
                           return std::pair(e.line > 0 ? e.line : INT_MAX,
                                            e.column);
                         };
                         return key(a) < key(b);
                       });
      std::vector<std::string> lines;
      for (const DocError& e : sorted) {
        lines.push_back("case.yaml:" + e.ToString());
      }
      EXPECT_EQ(std::string(c.status().message()), absl::StrJoin(lines, "\n"));
    }
    return out;
  }

  inline static const Plan* plan_ = nullptr;
};

}  // namespace divrisk::test_util

#endif  // DIVRISK_TESTS_ENGINE_READER_CASE_READER_TEST_UTIL_H_
