// Tests for ParseYaml: core-schema scalar types, positions, refusals (anchors,
// aliases, depth, size, NUL, invalid UTF-8, several documents) and syntax
// errors with their line:column.

#include <chrono>
#include <string>

#include "engine/doc/yaml_parser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ::testing::StartsWith;

using Kind = DocNode::Kind;
using Type = DocNode::ScalarType;

DocNode MustParse(std::string_view text, const DocLimits& limits = {}) {
  absl::StatusOr<DocNode> root = ParseYaml(text, limits);
  EXPECT_TRUE(root.ok()) << root.status();
  return root.ok() ? *std::move(root) : DocNode{};
}

std::string ErrorOf(std::string_view text, const DocLimits& limits = {}) {
  absl::StatusOr<DocNode> root = ParseYaml(text, limits);
  EXPECT_FALSE(root.ok()) << "parsed: " << text;
  if (root.ok()) return "";
  EXPECT_EQ(root.status().code(), absl::StatusCode::kInvalidArgument);
  return std::string(root.status().message());
}

// Nested flow sequences, `depth` deep: [[[]]] for 3.
std::string NestedSequences(int depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

// ---------------------------------------------------------------- scalars

TEST(YamlScalars, CoreSchemaTypes) {
  DocNode root = MustParse(
      "a: NO\n"
      "b: yes\n"
      "c: true\n"
      "d: false\n"
      "e: 12\n"
      "f: \"12\"\n"
      "g: '12'\n"
      "h: True\n"
      "i: on\n"
      "j: y\n"
      "k: -3.5e2\n"
      "l: 2026-03-14\n"
      "m: \"true\"\n");
  ASSERT_EQ(root.kind, Kind::kMap);
  struct Expect {
    const char* key;
    Type type;
    const char* text;
  };
  const Expect expected[] = {
      {"a", Type::kString, "NO"},    {"b", Type::kString, "yes"},
      {"c", Type::kBool, "true"},    {"d", Type::kBool, "false"},
      {"e", Type::kNumber, "12"},    {"f", Type::kString, "12"},
      {"g", Type::kString, "12"},    {"h", Type::kString, "True"},
      {"i", Type::kString, "on"},    {"j", Type::kString, "y"},
      {"k", Type::kNumber, "-3.5e2"}, {"l", Type::kString, "2026-03-14"},
      {"m", Type::kString, "true"},
  };
  ASSERT_EQ(root.fields.size(), std::size(expected));
  for (const Expect& e : expected) {
    const DocNode* v = root.Find(e.key);
    ASSERT_NE(v, nullptr) << e.key;
    EXPECT_EQ(v->kind, Kind::kScalar) << e.key;
    EXPECT_EQ(v->type, e.type) << e.key;
    EXPECT_EQ(v->text, e.text) << e.key;
  }
}

TEST(YamlScalars, NullsAreNullNodes) {
  DocNode root = MustParse("a: ~\nb: null\nc:\nd: \"null\"\n");
  EXPECT_EQ(root.Find("a")->kind, Kind::kNull);
  EXPECT_EQ(root.Find("b")->kind, Kind::kNull);
  EXPECT_EQ(root.Find("c")->kind, Kind::kNull);
  // Quoted, it is the word null.
  EXPECT_EQ(root.Find("d")->kind, Kind::kScalar);
  EXPECT_EQ(root.Find("d")->type, Type::kString);
}

TEST(YamlScalars, StrTagIsAString) {
  // Only untagged plain scalars are typed by the core schema; `!!str` says
  // what quotes say and is the one tag accepted.
  DocNode root = MustParse("a: !!str 12\n");
  EXPECT_EQ(root.Find("a")->type, Type::kString);
  EXPECT_EQ(root.Find("a")->text, "12");
}

TEST(YamlRefusals, TagsRefused) {
  // Issue 13 item 14: `!!binary aGVsbG8=` was read as the text aGVsbG8=.
  EXPECT_EQ(ErrorOf("id: !!binary aGVsbG8=\n"),
            "1:5: YAML tag '!!binary' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("n: !!int \"12\"\n"),
            "1:4: YAML tag '!!int' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("a: !local x\n"),
            "1:4: YAML tag '!local' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("a: !!map {b: 1}\n"),
            "1:4: YAML tag '!!map' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("a: !!seq\n  - 1\n"),
            "1:4: YAML tag '!!seq' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("!!set {a}\n"),
            "1:1: YAML tag '!!set' is not accepted (only !!str is)");
  EXPECT_EQ(ErrorOf("? !!binary aGk=\n: 1\n"),
            "1:3: YAML tag '!!binary' is not accepted (only !!str is)");
}

TEST(YamlRefusals, OversizedKeyRefused) {
  // Issue 13 item 14: keys fall under the string limit too.
  DocLimits limits;
  limits.max_scalar_bytes = 4;
  EXPECT_TRUE(ParseYaml("abcd: 1\n", limits).ok());
  EXPECT_EQ(ErrorOf("a: 1\nabcde: 1\n", limits),
            "2:1: string longer than the limit of 4 bytes");
  EXPECT_EQ(ErrorOf("a: 1\n? abcde\n: 1\n", limits),
            "2:3: string longer than the limit of 4 bytes");
  // yaml-cpp takes an implicit key of at most 1024 characters; an explicit
  // one (`? key`) had no limit.
  const std::string key((1 << 16) + 1, 'k');
  EXPECT_EQ(ErrorOf("? \"" + key + "\"\n: 1\n"),
            "1:3: string longer than the limit of 65536 bytes");
  EXPECT_EQ(ErrorOf("a:\n  ? " + key + "\n  : 1\n"),
            "2:5: string longer than the limit of 65536 bytes");
}

TEST(YamlScalars, ClassifyPlainScalar) {
  for (const char* number : {"0", "12", "-7", "+5", "1.5", ".5", "1.", "1e3",
                             "-2.5E-3", "0x1F", "0o17", ".inf", "-.inf",
                             ".nan", ".NaN"}) {
    EXPECT_EQ(ClassifyPlainScalar(number), Type::kNumber) << number;
  }
  for (const char* word : {"", "NO", "no", "yes", "Yes", "on", "off", "y", "n",
                           "True", "FALSE", "TRUE", "1_000", "12a", "1.2.3",
                           "2026-03-14", "nan", "inf", "0x", "e3", "+"}) {
    EXPECT_EQ(ClassifyPlainScalar(word), Type::kString) << word;
  }
  EXPECT_EQ(ClassifyPlainScalar("true"), Type::kBool);
  EXPECT_EQ(ClassifyPlainScalar("false"), Type::kBool);
}

TEST(YamlScalars, MultiByteUtf8IsKept) {
  DocNode root = MustParse("name: \"Ejército del Perú\"\nalias: Société Générale\n");
  EXPECT_EQ(root.Find("name")->text, "Ejército del Perú");
  EXPECT_EQ(root.Find("alias")->text, "Société Générale");
}

// -------------------------------------------------------------- positions

TEST(YamlPositions, OneBasedLineAndColumnOfKeysAndValues) {
  DocNode root = MustParse(
      "# comment\n"
      "top:\n"
      "  - x: 1\n"
      "    y: [a, bc]\n"
      "  - {p: q}\n");
  ASSERT_EQ(root.kind, Kind::kMap);
  EXPECT_EQ(root.line, 2);
  EXPECT_EQ(root.column, 1);
  const auto& [top_key, top] = root.fields[0];
  EXPECT_EQ(top_key.text, "top");
  EXPECT_EQ(top_key.line, 2);
  EXPECT_EQ(top_key.column, 1);
  ASSERT_EQ(top.kind, Kind::kSequence);
  EXPECT_EQ(top.line, 3);
  EXPECT_EQ(top.column, 3);
  ASSERT_EQ(top.items.size(), 2u);

  const DocNode& first = top.items[0];
  ASSERT_EQ(first.kind, Kind::kMap);
  EXPECT_EQ(first.line, 3);
  EXPECT_EQ(first.column, 5);
  EXPECT_EQ(first.fields[0].first.line, 3);
  EXPECT_EQ(first.fields[0].first.column, 5);
  EXPECT_EQ(first.fields[0].second.line, 3);
  EXPECT_EQ(first.fields[0].second.column, 8);
  const DocNode& y = first.fields[1].second;
  EXPECT_EQ(first.fields[1].first.line, 4);
  EXPECT_EQ(first.fields[1].first.column, 5);
  ASSERT_EQ(y.kind, Kind::kSequence);
  EXPECT_EQ(y.line, 4);
  EXPECT_EQ(y.column, 8);
  EXPECT_EQ(y.items[0].column, 9);
  EXPECT_EQ(y.items[1].text, "bc");
  EXPECT_EQ(y.items[1].line, 4);
  EXPECT_EQ(y.items[1].column, 12);

  const DocNode& second = top.items[1];
  ASSERT_EQ(second.kind, Kind::kMap);
  EXPECT_EQ(second.line, 5);
  EXPECT_EQ(second.column, 5);
  EXPECT_EQ(second.fields[0].first.column, 6);
  EXPECT_EQ(second.fields[0].second.column, 9);
}

TEST(YamlPositions, KeysKeepDocumentOrder) {
  DocNode root = MustParse("zeta: 1\nalpha: 2\nmid: 3\n");
  ASSERT_EQ(root.fields.size(), 3u);
  EXPECT_EQ(root.fields[0].first.text, "zeta");
  EXPECT_EQ(root.fields[1].first.text, "alpha");
  EXPECT_EQ(root.fields[2].first.text, "mid");
}

TEST(YamlPositions, DuplicateKeysStayInTheTree) {
  DocNode root = MustParse("a: 1\nb: 2\na: 3\n");
  ASSERT_EQ(root.fields.size(), 3u);
  EXPECT_EQ(root.fields[0].first.text, "a");
  EXPECT_EQ(root.fields[0].first.line, 1);
  EXPECT_EQ(root.fields[2].first.text, "a");
  EXPECT_EQ(root.fields[2].first.line, 3);
  EXPECT_EQ(root.fields[2].second.text, "3");
  // Find returns the first.
  EXPECT_EQ(root.Find("a")->text, "1");
}

// --------------------------------------------------------------- refusals

TEST(YamlRefusals, AnchorRefusedWithPosition) {
  EXPECT_EQ(ErrorOf("a: 1\nb: &x 2\n"), "2:4: anchors (&name) are not accepted");
}

TEST(YamlRefusals, AnchorOnAMapRefused) {
  EXPECT_EQ(ErrorOf("base: &b\n  x: 1\nother: *b\n"),
            "1:7: anchors (&name) are not accepted");
}

TEST(YamlRefusals, AliasRefused) {
  // The anchor is refused first; an alias never gets expanded.
  EXPECT_THAT(ErrorOf("a: &x 1\nb: *x\n"), HasSubstr("are not accepted"));
  // An alias without its anchor is refused too (by yaml-cpp or by us).
  EXPECT_THAT(ErrorOf("a: 1\nb: *x\n"), StartsWith("2:"));
}

TEST(YamlRefusals, BillionLaughsRefusedQuickly) {
  std::string doc = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                    "\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string prev(1, static_cast<char>(c - 1));
    doc += std::string(1, c) + ": &" + std::string(1, c) + " [*" + prev +
           ",*" + prev + ",*" + prev + ",*" + prev + ",*" + prev + ",*" +
           prev + ",*" + prev + ",*" + prev + ",*" + prev + "]\n";
  }
  const auto start = std::chrono::steady_clock::now();
  std::string error = ErrorOf(doc);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  EXPECT_EQ(error, "1:4: anchors (&name) are not accepted");
  EXPECT_LT(elapsed, std::chrono::milliseconds(500));
}

TEST(YamlRefusals, NestingAtTheLimitAccepted) {
  DocNode root = MustParse(NestedSequences(64));
  int depth = 0;
  for (const DocNode* n = &root; n->kind == Kind::kSequence;
       n = n->items.empty() ? nullptr : &n->items[0]) {
    ++depth;
    if (n->items.empty()) break;
  }
  EXPECT_EQ(depth, 64);
}

TEST(YamlRefusals, NestingBeyondTheLimitRefused) {
  EXPECT_EQ(ErrorOf(NestedSequences(65)),
            "1:65: nesting deeper than the limit of 64");
}

TEST(YamlRefusals, VeryDeepNestingRefusedWithoutCrashing) {
  EXPECT_THAT(ErrorOf(NestedSequences(100000)),
              HasSubstr("nesting deeper than the limit of 64"));
}

TEST(YamlRefusals, SixteenMebibytesOfBracketsRefusedBeforeBuilding) {
  // Issue 13 item 7: yaml-cpp reads a flow collection that may be a key to
  // its end before it reports it, at about 240 bytes a token: 16 MiB of `[`
  // cost 3.9 GB and 10 s before the depth was seen. Now refused at the 65th.
  for (const std::string prefix : {"", "a: ", "- ", "a: [1, {b: "}) {
    const std::string deep =
        prefix + std::string((16 << 20) - 1 - prefix.size(), '[');
    const auto start = std::chrono::steady_clock::now();
    const std::string error = ErrorOf(deep);
    EXPECT_THAT(error, HasSubstr("nesting deeper than the limit of 64"))
        << prefix;
    EXPECT_LT(std::chrono::steady_clock::now() - start,
              std::chrono::seconds(2))
        << prefix;
  }
  EXPECT_EQ(ErrorOf(std::string((16 << 20) - 1, '[')),
            "1:65: nesting deeper than the limit of 64");
  // Spread over lines and between comments, still refused at the 65th.
  std::string lines;
  for (int i = 0; i < 100000; ++i) lines += "[ # x ]\n";
  EXPECT_EQ(ErrorOf(lines), "65:1: nesting deeper than the limit of 64");
}

TEST(YamlRefusals, LongFlowCollectionReadAheadIsBounded) {
  // A flow sequence at the top of a document is read to its end before any
  // of it is reported: its tokens are bounded (DocLimits).
  DocLimits limits;
  limits.max_lookahead_tokens = 50000;
  std::string flat = "[";
  for (int i = 0; i < 30000; ++i) flat += "1, ";
  flat += "1]";
  EXPECT_EQ(ErrorOf(flat, limits),
            "1:1: more than 50000 tokens before the end of this flow "
            "collection ([...] or {...}) at the top or in key position; "
            "write it in block style");
  // Within the limit, or as a value (reported as it is read): accepted.
  limits.max_lookahead_tokens = 70000;
  EXPECT_TRUE(ParseYaml(flat, limits).ok());
  limits.max_lookahead_tokens = 1000;
  EXPECT_TRUE(ParseYaml("a: " + flat, limits).ok());
  // Quoted scalars and comments are one token or none: a long string, or
  // brackets inside one, are no nesting.
  const std::string brackets(60000, '[');
  EXPECT_TRUE(ParseYaml("[\"" + brackets + "\", '" + brackets + "', 'it''s']",
                        limits)
                  .ok());
  EXPECT_TRUE(ParseYaml("[a, # " + brackets + "\n b]", limits).ok());
  EXPECT_TRUE(ParseYaml("a: |\n  " + brackets + "\nb: [x]\n", limits).ok());
  EXPECT_TRUE(
      ParseYaml("- a: >-\n    " + brackets.substr(0, 30000) + "\n\n    " +
                    brackets.substr(0, 30000) + "\n  b: 1\n",
                limits)
          .ok());
  // A block scalar ends where its owner's indentation comes back: what
  // follows it is read again.
  const std::string deep((1 << 20), '[');
  for (const std::string& before :
       {std::string("- a: |\n    x\n  b: "), std::string("a:\n  |\n  x\nb: "),
        std::string("a: |\n  x\n\n\"q\": ")}) {
    EXPECT_THAT(ErrorOf(before + brackets + deep),
                HasSubstr("nesting deeper than the limit of 64"))
        << before;
  }
}

TEST(YamlRefusals, BlockNestingBeyondCustomLimitRefused) {
  DocLimits limits;
  limits.max_depth = 2;
  EXPECT_TRUE(ParseYaml("a:\n  b: 1\n", limits).ok());
  EXPECT_EQ(ErrorOf("a:\n  b:\n    c: 1\n", limits),
            "3:5: nesting deeper than the limit of 2");
}

TEST(YamlRefusals, OversizedScalarRefused) {
  DocLimits limits;
  limits.max_scalar_bytes = 8;
  EXPECT_TRUE(ParseYaml("a: \"12345678\"\n", limits).ok());
  EXPECT_EQ(ErrorOf("a: 1\nb: \"123456789\"\n", limits),
            "2:4: string longer than the limit of 8 bytes");
}

TEST(YamlRefusals, OversizedDocumentRefused) {
  DocLimits limits;
  limits.max_bytes = 10;
  EXPECT_TRUE(ParseYaml("a: 1234567", limits).ok());  // exactly 10 bytes
  EXPECT_EQ(ErrorOf("a: 12345678", limits),
            "1:1: document larger than the limit of 10 bytes");
}

TEST(YamlRefusals, TooManyNodesRefused) {
  DocLimits limits;
  limits.max_nodes = 3;  // map, key a, value 1
  EXPECT_TRUE(ParseYaml("a: 1\n", limits).ok());
  EXPECT_EQ(ErrorOf("a: 1\nb: 2\n", limits), "2:1: more than 3 nodes");
}

TEST(YamlRefusals, NulByteRefusedWithPosition) {
  EXPECT_EQ(ErrorOf(std::string("a: 1\nb: x\0y\n", 11)),
            "2:5: the document contains a NUL byte");
}

TEST(YamlRefusals, InvalidUtf8RefusedWithPosition) {
  // Latin-1 "é" (0xE9) is not UTF-8.
  EXPECT_EQ(ErrorOf("a: ok\nname: Soci\xe9t\xe9\n"),
            "2:11: the document is not valid UTF-8");
  // A truncated sequence at the very end, and an overlong encoding of '/'.
  EXPECT_EQ(ErrorOf("a: \xc3"), "1:4: the document is not valid UTF-8");
  EXPECT_EQ(ErrorOf("a: \xc0\xaf\n"), "1:4: the document is not valid UTF-8");
}

TEST(YamlRefusals, MultipleDocumentsRefused) {
  EXPECT_EQ(ErrorOf("a: 1\n---\nb: 2\n"),
            "2:1: the file holds more than one YAML document");
  EXPECT_EQ(ErrorOf("a: 1\n---\n"),
            "2:1: the file holds more than one YAML document");
}

TEST(YamlRefusals, ExplicitSingleDocumentAccepted) {
  EXPECT_EQ(MustParse("---\na: 1\n").Find("a")->text, "1");
  EXPECT_EQ(MustParse("a: 1\n...\n").Find("a")->text, "1");
}

TEST(YamlRefusals, EmptyDocumentRefused) {
  EXPECT_EQ(ErrorOf(""), "1:1: the document is empty");
  EXPECT_EQ(ErrorOf("# nothing but a comment\n\n"), "1:1: the document is empty");
}

TEST(YamlRefusals, NullDocumentIsANullRoot) {
  EXPECT_EQ(MustParse("~\n").kind, Kind::kNull);
}

TEST(YamlRefusals, NonScalarMapKeyRefusedAtTheKey) {
  EXPECT_EQ(ErrorOf("a: 1\n? [x, y]\n: z\n"),
            "2:3: map keys must be strings");
  EXPECT_EQ(ErrorOf("{[x]: y}"), "1:2: map keys must be strings");
}

// ----------------------------------------------------------- syntax errors

TEST(YamlSyntax, UnclosedFlowSequenceReportsLineAndColumn) {
  EXPECT_THAT(ErrorOf("a: [1, 2\nb: 3\n"),
              MatchesRegex("2:[0-9]+: .*sequence.*"));
}

TEST(YamlSyntax, BadIndentationReportsLineAndColumn) {
  EXPECT_THAT(ErrorOf("a:\n  - b\n c: d\n"), MatchesRegex("3:[0-9]+: .+"));
}

TEST(YamlSyntax, IllegalMapValueReportsLineAndColumn) {
  EXPECT_THAT(ErrorOf("ok: 1\nkey: b: c\n"), MatchesRegex("2:[0-9]+: .+"));
}

}  // namespace
}  // namespace divrisk
