// Tests for ParseJson: node types, positions of keys and values, the
// first_line offset for JSON Lines, errors with line:column, and limits.

#include <chrono>
#include <string>

#include "engine/doc/json_parser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

using Kind = DocNode::Kind;
using Type = DocNode::ScalarType;

DocNode MustParse(std::string_view text, const DocLimits& limits = {},
                  int first_line = 1) {
  absl::StatusOr<DocNode> root = ParseJson(text, limits, first_line);
  EXPECT_TRUE(root.ok()) << root.status();
  return root.ok() ? *std::move(root) : DocNode{};
}

std::string ErrorOf(std::string_view text, const DocLimits& limits = {},
                    int first_line = 1) {
  absl::StatusOr<DocNode> root = ParseJson(text, limits, first_line);
  EXPECT_FALSE(root.ok()) << "parsed: " << text;
  if (root.ok()) return "";
  EXPECT_EQ(root.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(root.status().message());
}

std::string NestedArrays(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

// ------------------------------------------------------------------ types

TEST(JsonTypes, ScalarsKeepTheirJsonType) {
  DocNode root = MustParse(
      R"({"s": "NO", "n": 12, "f": -2.50, "e": 1.5E+3, "t": true, )"
      R"("b": false, "z": null, "q": "12", "w": "true"})");
  ASSERT_EQ(root.kind, Kind::kMap);
  ASSERT_EQ(root.fields.size(), 9u);
  struct Expect {
    const char* key;
    Type type;
    const char* text;
  };
  for (const Expect& e : {Expect{"s", Type::kString, "NO"},
                          Expect{"n", Type::kNumber, "12"},
                          Expect{"f", Type::kNumber, "-2.50"},
                          Expect{"e", Type::kNumber, "1.5E+3"},
                          Expect{"t", Type::kBool, "true"},
                          Expect{"b", Type::kBool, "false"},
                          Expect{"q", Type::kString, "12"},
                          Expect{"w", Type::kString, "true"}}) {
    const DocNode* v = root.Find(e.key);
    ASSERT_NE(v, nullptr) << e.key;
    EXPECT_EQ(v->kind, Kind::kScalar) << e.key;
    EXPECT_EQ(v->type, e.type) << e.key;
    EXPECT_EQ(v->text, e.text) << e.key;
  }
  EXPECT_EQ(root.Find("z")->kind, Kind::kNull);
}

TEST(JsonTypes, ContainersAndOrder) {
  DocNode root = MustParse(R"({"zeta": [1, "a", [], {}], "alpha": {"x": {"y": 2}}})");
  ASSERT_EQ(root.fields.size(), 2u);
  EXPECT_EQ(root.fields[0].first.text, "zeta");
  EXPECT_EQ(root.fields[1].first.text, "alpha");
  const DocNode& list = root.fields[0].second;
  ASSERT_EQ(list.kind, Kind::kSequence);
  ASSERT_EQ(list.items.size(), 4u);
  EXPECT_EQ(list.items[0].type, Type::kNumber);
  EXPECT_EQ(list.items[1].type, Type::kString);
  EXPECT_EQ(list.items[2].kind, Kind::kSequence);
  EXPECT_TRUE(list.items[2].items.empty());
  EXPECT_EQ(list.items[3].kind, Kind::kMap);
  EXPECT_TRUE(list.items[3].fields.empty());
  EXPECT_EQ(root.Find("alpha")->Find("x")->Find("y")->text, "2");
}

TEST(JsonTypes, EscapesAreDecoded) {
  DocNode root = MustParse(R"({"k\"ey": "a\nb\t\u00e9\"\\/"})");
  ASSERT_EQ(root.fields.size(), 1u);
  EXPECT_EQ(root.fields[0].first.text, "k\"ey");
  EXPECT_EQ(root.fields[0].second.text, "a\nb\t\xc3\xa9\"\\/");
}

TEST(JsonTypes, DuplicateKeysStayInTheTree) {
  DocNode root = MustParse(R"({"a": 1, "b": 2, "a": 3})");
  ASSERT_EQ(root.fields.size(), 3u);
  EXPECT_EQ(root.fields[2].first.text, "a");
  EXPECT_EQ(root.fields[2].second.text, "3");
  EXPECT_EQ(root.Find("a")->text, "1");
}

TEST(JsonTypes, TrailingWhitespaceAccepted) {
  EXPECT_EQ(MustParse("{\"a\": 1}\n\n  \t\r\n").fields.size(), 1u);
  EXPECT_EQ(MustParse("[1, 2] ").items.size(), 2u);
}

// -------------------------------------------------------------- positions

TEST(JsonPositions, KeysAndValuesOnMultiLineInput) {
  DocNode root = MustParse(
      "{\n"
      "  \"a\": 1,\n"
      "  \"bb\" :  \"x\",\n"
      "  \"c\": [true, null, 2.50 ],\n"
      "\"d\": {\"e\": false}\n"
      "}");
  EXPECT_EQ(root.line, 1);
  EXPECT_EQ(root.column, 1);
  ASSERT_EQ(root.fields.size(), 4u);
  auto expect_at = [](const DocNode& n, int line, int column) {
    EXPECT_EQ(n.line, line) << n.text;
    EXPECT_EQ(n.column, column) << n.text;
  };
  expect_at(root.fields[0].first, 2, 3);   // "a"
  expect_at(root.fields[0].second, 2, 8);  // 1
  expect_at(root.fields[1].first, 3, 3);   // "bb"
  expect_at(root.fields[1].second, 3, 11); // "x"
  expect_at(root.fields[2].first, 4, 3);   // "c"
  const DocNode& c = root.fields[2].second;
  expect_at(c, 4, 8);
  expect_at(c.items[0], 4, 9);
  expect_at(c.items[1], 4, 15);
  expect_at(c.items[2], 4, 21);
  EXPECT_EQ(c.items[2].text, "2.50");
  expect_at(root.fields[3].first, 5, 1);   // "d"
  const DocNode& d = root.fields[3].second;
  expect_at(d, 5, 6);
  expect_at(d.fields[0].first, 5, 7);      // "e"
  expect_at(d.fields[0].second, 5, 12);
}

TEST(JsonPositions, KeyWithEscapedQuoteLocatedAtItsOpeningQuote) {
  DocNode root = MustParse("{\"x\": 0,\n  \"a\\\"b\" : 1}");
  ASSERT_EQ(root.fields.size(), 2u);
  EXPECT_EQ(root.fields[1].first.text, "a\"b");
  EXPECT_EQ(root.fields[1].first.line, 2);
  EXPECT_EQ(root.fields[1].first.column, 3);
  EXPECT_EQ(root.fields[1].second.column, 12);
}

TEST(JsonPositions, PositionsAfterMultiByteCharactersCountBytes) {
  DocNode root = MustParse("{\"n\": \"\xc3\xa9\", \"m\": 2}");
  EXPECT_EQ(root.fields[1].first.column, 13);
  EXPECT_EQ(root.fields[1].second.column, 18);
}

TEST(JsonPositions, FirstLineOffsetsEveryLine) {
  DocNode root = MustParse("{\"a\": 1,\n \"b\": [2]}", {}, 7);
  EXPECT_EQ(root.line, 7);
  EXPECT_EQ(root.fields[0].first.line, 7);
  EXPECT_EQ(root.fields[0].first.column, 2);
  EXPECT_EQ(root.fields[0].second.line, 7);
  EXPECT_EQ(root.fields[0].second.column, 7);
  EXPECT_EQ(root.fields[1].first.line, 8);
  EXPECT_EQ(root.fields[1].first.column, 2);
  EXPECT_EQ(root.fields[1].second.items[0].line, 8);
  EXPECT_EQ(root.fields[1].second.items[0].column, 8);
}

TEST(JsonPositions, FirstLineOffsetsErrors) {
  EXPECT_THAT(ErrorOf("{\"a\": tru}", {}, 5), MatchesRegex("5:7: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("{\"a\": 1} x", {}, 40),
              "40:10: invalid JSON: unexpected content after the document");
}

// ----------------------------------------------------------------- errors

TEST(JsonErrors, TruncatedDocument) {
  EXPECT_THAT(ErrorOf("{\n\"a\": [1,\n2"), MatchesRegex("3:1: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("{\n\"a\": {\"b\": 1}"), MatchesRegex("2:[0-9]+: invalid JSON: .+"));
}

TEST(JsonErrors, UnclosedStringAtItsOpeningQuote) {
  EXPECT_THAT(ErrorOf("{\n\"a\": \"abc"),
              MatchesRegex("2:6: invalid JSON: .*never closed.*"));
}

TEST(JsonErrors, TrailingGarbage) {
  EXPECT_EQ(ErrorOf("{\"a\": 1} x"),
            "1:10: invalid JSON: unexpected content after the document");
  EXPECT_EQ(ErrorOf("{\"a\": 1}}"),
            "1:9: invalid JSON: unexpected content after the document");
  // Two JSON Lines records given as one document.
  EXPECT_EQ(ErrorOf("{\"a\": 1}\n{\"b\": 2}"),
            "2:1: invalid JSON: unexpected content after the document");
}

TEST(JsonErrors, InvalidUtf8AtTheBadByte) {
  EXPECT_THAT(ErrorOf("{\n\"a\": 1,\n\"b\": \"caf\xe9\"}"),
              MatchesRegex("3:10: invalid JSON: .*UTF-8.*"));
  // Overlong encoding and a lone continuation byte.
  EXPECT_THAT(ErrorOf("{\"b\": \"\xc0\xaf\"}"), MatchesRegex("1:8: invalid JSON: .*UTF-8.*"));
  EXPECT_THAT(ErrorOf("[\"ok\", \"\x80\"]"), MatchesRegex("1:9: invalid JSON: .*UTF-8.*"));
}

TEST(JsonErrors, UnescapedControlCharacterAtItsPosition) {
  EXPECT_THAT(ErrorOf("{\n\"a\": 1,\n\"b\": \"x\ty\"}"),
              MatchesRegex("3:8: invalid JSON: .*unescaped.*"));
  EXPECT_THAT(ErrorOf(std::string("{\"a\": \"x\0y\"}", 12)),
              MatchesRegex("1:9: invalid JSON: .*unescaped.*"));
}

TEST(JsonErrors, BadLiteralAndNumbers) {
  EXPECT_THAT(ErrorOf("{\n\"a\": 1,\n\"b\": tru\n}"), MatchesRegex("3:6: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("{\"a\": 01}"), MatchesRegex("1:7: invalid JSON: .*number.*"));
  EXPECT_THAT(ErrorOf("{\"a\": 1e400}"), MatchesRegex("1:7: invalid JSON: .*number.*"));
}

TEST(JsonErrors, StructureErrors) {
  EXPECT_THAT(ErrorOf("{\n\"a\": 1\n\"b\": 2\n}"), MatchesRegex("2:[0-9]+: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("[1,]"), MatchesRegex("1:[0-9]+: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("{a: 1}"), MatchesRegex("1:[0-9]+: invalid JSON: .+"));
}

TEST(JsonErrors, EmptyInput) {
  EXPECT_THAT(ErrorOf(""), MatchesRegex("1:1: invalid JSON: .+"));
  EXPECT_THAT(ErrorOf("  \n"), MatchesRegex("1:1: invalid JSON: .+"));
}

// ----------------------------------------------------------------- limits

TEST(JsonLimits, DepthAtTheLimitAccepted) {
  DocNode root = MustParse(NestedArrays(64));
  int depth = 1;
  for (const DocNode* n = &root; !n->items.empty(); n = &n->items[0]) ++depth;
  EXPECT_EQ(depth, 64);
}

TEST(JsonLimits, DepthBeyondTheLimitRefused) {
  EXPECT_EQ(ErrorOf(NestedArrays(65)),
            "1:65: invalid JSON: nesting deeper than the limit of 64");
  EXPECT_THAT(ErrorOf(NestedArrays(100000)),
              HasSubstr("nesting deeper than the limit of 64"));
}

TEST(JsonLimits, CustomDepthCountsMapsToo) {
  DocLimits limits;
  limits.max_depth = 2;
  EXPECT_TRUE(ParseJson(R"({"a": {"b": 1}})", limits).ok());
  EXPECT_EQ(ErrorOf("{\"a\": {\n  \"b\": {\"c\": 1}}}", limits),
            "2:8: invalid JSON: nesting deeper than the limit of 2");
}

TEST(JsonLimits, OversizedStringRefused) {
  DocLimits limits;
  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(ParseJson(R"({"a": "abcd"})", limits).ok());
  EXPECT_EQ(ErrorOf(R"({"a": "abcde"})", limits),
            "1:7: invalid JSON: string longer than the limit of 4 bytes");
}

TEST(JsonLimits, OversizedKeyRefused) {
  // Issue 13 item 14: keys are strings too.
  DocLimits limits;
  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(ParseJson(R"({"abcd": 1})", limits).ok());
  EXPECT_EQ(ErrorOf(R"({"a": 1, "abcde": 1})", limits),
            "1:10: invalid JSON: key longer than the limit of 4 bytes");
  // The default limit, 64 KiB.
  const std::string key((1 << 16) + 1, 'k');
  EXPECT_EQ(ErrorOf("{\"" + key + "\": 1}"),
            "1:2: invalid JSON: key longer than the limit of 65536 bytes");
}

TEST(JsonLimits, SixteenMebibytesOfBracketsRefusedQuickly) {
  // Issue 13 item 7, the JSON path: refused at the 65th bracket, fast.
  const std::string deep((16 << 20) - 1, '[');
  const auto start = std::chrono::steady_clock::now();
  EXPECT_EQ(ErrorOf(deep), "1:65: invalid JSON: nesting deeper than the limit of 64");
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(3));
}

TEST(JsonLimits, OversizedDocumentRefused) {
  DocLimits limits;
  limits.max_bytes = 8;
  EXPECT_TRUE(ParseJson(R"({"a":12})", limits).ok());  // 8 bytes
  EXPECT_EQ(ErrorOf(R"({"a":123})", limits, 3),
            "3:1: document larger than the limit of 8 bytes");
}

TEST(JsonLimits, TooManyNodesRefused) {
  DocLimits limits;
  limits.max_nodes = 3;
  EXPECT_TRUE(ParseJson("[1, 2]", limits).ok());
  EXPECT_EQ(ErrorOf("[1, 2, 3]", limits), "1:8: invalid JSON: more than 3 nodes");
}

}  // namespace
}  // namespace divrisk
