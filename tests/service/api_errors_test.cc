// The service's errors body: status lines parsed into located errors, and
// the JSON written for them.

#include "engine/service/api_errors.h"

#include <gtest/gtest.h>

#include "engine/doc/json_parser.h"

namespace divrisk::service {
namespace {

TEST(FromErrorLinesTest, ReadsFileLineColumnPathAndMessage) {
  const std::vector<ApiError> e = FromErrorLines(
      "rules/x:y/ruleset.yaml:818:1: not_a_key: unknown key\n"
      "invalid rule set:\n"
      "3:14: assessed_on: expected a date, found 'a: b'\n",
      "request");
  ASSERT_EQ(e.size(), 3u);
  EXPECT_EQ(e[0].file, "rules/x:y/ruleset.yaml");
  EXPECT_EQ(e[0].line, 818);
  EXPECT_EQ(e[0].column, 1);
  EXPECT_EQ(e[0].path, "not_a_key");
  EXPECT_EQ(e[0].message, "unknown key");
  EXPECT_EQ(e[1].line, 0);
  EXPECT_EQ(e[1].message, "invalid rule set:");
  EXPECT_EQ(e[2].file, "request");
  EXPECT_EQ(e[2].line, 3);
  EXPECT_EQ(e[2].column, 14);
  EXPECT_EQ(e[2].path, "assessed_on");
  EXPECT_EQ(e[2].message, "expected a date, found 'a: b'");
}

TEST(FromErrorLinesTest, AMessageWithSpacesBeforeItsColonHasNoPath) {
  const std::vector<ApiError> e =
      FromErrorLines("f.yaml:2:8: invalid JSON: missing comma");
  ASSERT_EQ(e.size(), 1u);
  EXPECT_EQ(e[0].path, "");
  EXPECT_EQ(e[0].message, "invalid JSON: missing comma");
}

TEST(FromErrorLinesTest, NumbersThatAreNotPositionsStayInTheMessage) {
  const std::vector<ApiError> e = FromErrorLines("limit:0:3: x\nsize:12:y: z");
  ASSERT_EQ(e.size(), 2u);
  EXPECT_EQ(e[0].line, 0);
  EXPECT_EQ(e[0].message, "limit:0:3: x");
  EXPECT_EQ(e[1].line, 0);
  EXPECT_EQ(e[1].message, "size:12:y: z");
}

TEST(ErrorsJsonTest, WritesNullPositionsAndEscapes) {
  const std::string json = ErrorsJson(
      {ApiError{"a\"b", 0, 0, "", "line\nbreak"}, ApiError{"f", 2, 5, "p", "m"}});
  absl::StatusOr<DocNode> doc = ParseJson(json);
  ASSERT_TRUE(doc.ok()) << json;
  const DocNode* errors = doc->Find("errors");
  ASSERT_NE(errors, nullptr);
  ASSERT_EQ(errors->items.size(), 2u);
  EXPECT_EQ(errors->items[0].Find("file")->text, "a\"b");
  EXPECT_EQ(errors->items[0].Find("line")->kind, DocNode::Kind::kNull);
  EXPECT_EQ(errors->items[0].Find("message")->text, "line\nbreak");
  EXPECT_EQ(errors->items[1].Find("column")->text, "5");
  EXPECT_EQ(json.back(), '\n');
}

}  // namespace
}  // namespace divrisk::service
