// Tests for the schema-walking helpers of engine/doc/doc_reader.h: MapReader
// (unknown, duplicate and missing keys) and the typed scalar readers.

#include <string>
#include <vector>

#include "engine/doc/doc_reader.h"
#include "engine/doc/yaml_parser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

DocNode Yaml(std::string_view text) {
  absl::StatusOr<DocNode> root = ParseYaml(text);
  EXPECT_TRUE(root.ok()) << root.status();
  return root.ok() ? *std::move(root) : DocNode{};
}

// The value of `v` in "v: <text>".
DocNode Value(std::string_view text) {
  DocNode root = Yaml(absl::StrCat("v: ", std::string(text), "\n"));
  EXPECT_EQ(root.fields.size(), 1u);
  return root.fields.empty() ? DocNode{} : root.fields[0].second;
}

std::vector<std::string> Lines(const DocErrors& errors) {
  std::vector<std::string> out;
  for (const DocError& e : errors.list()) out.push_back(e.ToString());
  return out;
}

// --------------------------------------------------------------- MapReader

TEST(MapReader, ReportsUnknownKeysAtTheirPosition) {
  DocNode root = Yaml("name: x\ncolour: red\nsize: 3\n");
  DocErrors errors;
  MapReader m(root, "exporter", &errors);
  ASSERT_TRUE(m.ok());
  ASSERT_NE(m.Optional("name"), nullptr);
  EXPECT_EQ(m.Optional("name")->text, "x");
  m.Optional("size");
  EXPECT_TRUE(errors.empty());
  m.Finish();
  EXPECT_THAT(Lines(errors), ElementsAre("2:1: exporter.colour: unknown key"));
}

TEST(MapReader, TopLevelPathIsTheKeyAlone) {
  DocNode root = Yaml("a: 1\nb: 2\n");
  DocErrors errors;
  MapReader m(root, "", &errors);
  m.Finish();
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:1: a: unknown key", "2:1: b: unknown key"));
}

TEST(MapReader, DuplicateKeyNamesTheFirstLine) {
  DocNode root = Yaml("a: 1\nb: 2\n\na: 3\n");
  DocErrors errors;
  MapReader m(root, "x", &errors);
  EXPECT_THAT(Lines(errors),
              ElementsAre("4:1: x.a: duplicate key (first at line 1)"));
  // The first value is the one read, and the duplicate is not also unknown.
  ASSERT_NE(m.Optional("a"), nullptr);
  EXPECT_EQ(m.Optional("a")->text, "1");
  m.Optional("b");
  m.Finish();
  EXPECT_EQ(errors.size(), 1u);
}

TEST(MapReader, EachLaterDuplicateReportedOnce) {
  DocNode root = Yaml("a: 1\na: 2\na: 3\n");
  DocErrors errors;
  MapReader m(root, "", &errors);
  EXPECT_THAT(Lines(errors),
              ElementsAre("2:1: a: duplicate key (first at line 1)",
                          "3:1: a: duplicate key (first at line 1)"));
}

TEST(MapReader, MissingRequiredFieldAtTheMap) {
  DocNode root = Yaml("outer:\n  name: x\n");
  DocErrors errors;
  MapReader m(root.fields[0].second, "exporter", &errors);
  EXPECT_NE(m.Required("name"), nullptr);
  EXPECT_EQ(m.Required("country"), nullptr);
  EXPECT_THAT(Lines(errors),
              ElementsAre("2:3: exporter.country: missing required field"));
}

TEST(MapReader, NullValueCountsAsAbsent) {
  DocNode root = Yaml("a: ~\nb:\n");
  DocErrors errors;
  MapReader m(root, "", &errors);
  EXPECT_EQ(m.Optional("a"), nullptr);
  EXPECT_EQ(m.Required("b"), nullptr);
  m.Finish();  // both keys were asked for: not unknown
  EXPECT_THAT(Lines(errors), ElementsAre("1:1: b: missing required field"));
}

TEST(MapReader, NotAMap) {
  DocNode root = Yaml("v:\n  - 1\n");
  DocErrors errors;
  MapReader m(root.fields[0].second, "goods", &errors);
  EXPECT_FALSE(m.ok());
  EXPECT_EQ(m.Required("x"), nullptr);  // no second error
  m.Finish();
  EXPECT_THAT(Lines(errors),
              ElementsAre("2:3: goods: expected a map, found a list"));
}

TEST(MapReader, PathOf) {
  DocNode root = Yaml("a: 1\n");
  DocErrors errors;
  EXPECT_EQ(MapReader(root, "parties[2]", &errors).PathOf("country"),
            "parties[2].country");
  EXPECT_EQ(MapReader(root, "", &errors).PathOf("id"), "id");
  EXPECT_EQ(JoinPath("a.b", "c"), "a.b.c");
  EXPECT_EQ(IndexPath("transport.legs", 3), "transport.legs[3]");
}

// A lazy path spells out as the eager helpers would, at any depth.
TEST(FieldPath, SpellsOutLikeJoinPathAndIndexPath) {
  const std::string parties = "parties";
  const FieldPath list(parties);
  const FieldPath item(list, size_t{2});
  EXPECT_EQ(FieldPath(item, "country").str(), "parties[2].country");
  EXPECT_EQ(FieldPath(FieldPath(""), "id").str(), "id");
  EXPECT_EQ(FieldPath(FieldPath(item, "aliases"), size_t{0}).str(),
            "parties[2].aliases[0]");
  // The reader's error carries the spelled-out path.
  DocNode root = Yaml("a: true\n");
  DocErrors errors;
  EXPECT_FALSE(ReadString(root.fields[0].second, FieldPath(item, "name"),
                          &errors));
  ASSERT_EQ(errors.list().size(), 1u);
  EXPECT_EQ(errors.list()[0].path, "parties[2].name");
}

// ----------------------------------------------------------------- scalars

TEST(ReadString, AcceptsTextAndNumbersRejectsBooleansAndStructures) {
  DocErrors errors;
  EXPECT_EQ(ReadString(Value("Acme Ltd"), "p", &errors), "Acme Ltd");
  EXPECT_EQ(ReadString(Value("0443"), "p", &errors), "0443");
  EXPECT_EQ(ReadString(Value("NO"), "p", &errors), "NO");
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(ReadString(Value("true"), "p", &errors), std::nullopt);
  EXPECT_EQ(ReadString(Value("{a: 1}"), "q", &errors), std::nullopt);
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: p: expected a string, found a boolean",
                          "1:4: q: expected a string, found a map"));
}

TEST(ReadBool, AcceptsOnlyTrueAndFalse) {
  DocErrors errors;
  EXPECT_EQ(ReadBool(Value("true"), "b", &errors), true);
  EXPECT_EQ(ReadBool(Value("false"), "b", &errors), false);
  EXPECT_TRUE(errors.empty());
  for (const char* word : {"yes", "on", "y", "True", "FALSE", "no", "off",
                           "\"true\"", "1"}) {
    DocErrors e;
    EXPECT_EQ(ReadBool(Value(word), "x.flag", &e), std::nullopt) << word;
    std::string shown = word;
    if (shown.front() == '"') shown = shown.substr(1, shown.size() - 2);
    EXPECT_THAT(Lines(e), ElementsAre(absl::StrCat(
                              "1:4: x.flag: expected true or false, found '",
                              shown, "'")))
        << word;
  }
  DocErrors e;
  ReadBool(Value("[true]"), "f", &e);
  EXPECT_THAT(Lines(e), ElementsAre("1:4: f: expected true or false, found a list"));
}

TEST(ReadInt, RangeAndShape) {
  DocErrors errors;
  EXPECT_EQ(ReadInt(Value("42"), "n", &errors), 42);
  EXPECT_EQ(ReadInt(Value("1"), "n", &errors, 1, 10), 1);
  EXPECT_EQ(ReadInt(Value("10"), "n", &errors, 1, 10), 10);
  EXPECT_EQ(ReadInt(Value("-5"), "n", &errors, -10, 10), -5);
  EXPECT_TRUE(errors.empty());

  EXPECT_EQ(ReadInt(Value("0"), "n", &errors, 1, 10), std::nullopt);
  EXPECT_EQ(ReadInt(Value("11"), "n", &errors, 1, 10), std::nullopt);
  EXPECT_EQ(ReadInt(Value("-1"), "n", &errors), std::nullopt);  // default min 0
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: n: expected a whole number from 1 to 10, found 0",
                          "1:4: n: expected a whole number from 1 to 10, found 11",
                          "1:4: n: expected a whole number from 0 to "
                          "9223372036854775807, found -1"));
}

TEST(ReadInt, RejectsNonIntegers) {
  for (const char* text : {"1.5", "1e3", "ten", "\"12\"", "true"}) {
    DocErrors e;
    EXPECT_EQ(ReadInt(Value(text), "q", &e), std::nullopt) << text;
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_EQ(e.list()[0].path, "q");
    EXPECT_THAT(e.list()[0].message,
                ::testing::StartsWith("expected a whole number, found '"))
        << text;
  }
  DocErrors e;
  ReadInt(Value("{a: 1}"), "q", &e);
  EXPECT_THAT(Lines(e), ElementsAre("1:4: q: expected a whole number, found a map"));
}

TEST(ReadInt, DigitsBeyond64BitsAreOutOfRange) {
  // Digits that do not fit are a whole number out of range, not a
  // malformed one.
  for (const char* text : {"99999999999999999999", "-9223372036854775809"}) {
    DocErrors e;
    EXPECT_EQ(ReadInt(Value(text), "q", &e, 0, 10), std::nullopt) << text;
    EXPECT_THAT(Lines(e), ElementsAre(absl::StrCat(
                              "1:4: q: expected a whole number from 0 to 10, "
                              "found ", text)));
  }
}

TEST(ReadNumber, FiniteNumbersOnly) {
  DocErrors errors;
  EXPECT_EQ(ReadNumber(Value("450.5"), "v", &errors), 450.5);
  EXPECT_EQ(ReadNumber(Value("3"), "v", &errors), 3.0);
  EXPECT_EQ(ReadNumber(Value("-0.25"), "v", &errors), -0.25);
  EXPECT_EQ(ReadNumber(Value("1e3"), "v", &errors), 1000.0);
  EXPECT_TRUE(errors.empty());
  for (const char* text : {".nan", ".NaN", ".inf", "-.inf", "+.inf", "1e400",
                           "\"3\"", "abc"}) {
    DocErrors e;
    EXPECT_EQ(ReadNumber(Value(text), "v", &e), std::nullopt) << text;
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_THAT(e.list()[0].message,
                ::testing::StartsWith("expected a finite number, found '"))
        << text;
  }
  DocErrors e;
  ReadNumber(Value(".nan"), "goods[0].unit_value", &e);
  EXPECT_THAT(Lines(e), ElementsAre("1:4: goods[0].unit_value: expected a "
                                    "finite number, found '.nan'"));
}

TEST(ReadDate, RealCalendarDatesOnly) {
  DocErrors errors;
  EXPECT_EQ(ReadDate(Value("2026-03-14"), "d", &errors), DateFromCivil(2026, 3, 14));
  EXPECT_EQ(ReadDate(Value("2024-02-29"), "d", &errors), DateFromCivil(2024, 2, 29));
  EXPECT_EQ(ReadDate(Value("\"2026-03-14\""), "d", &errors),
            DateFromCivil(2026, 3, 14));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(ReadDate(Value("2026-02-30"), "assessed_on", &errors), std::nullopt);
  EXPECT_EQ(ReadDate(Value("2026-2-3"), "assessed_on", &errors), std::nullopt);
  EXPECT_EQ(ReadDate(Value("[2026]"), "assessed_on", &errors), std::nullopt);
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: assessed_on: expected a calendar date "
                          "YYYY-MM-DD, found '2026-02-30'",
                          "1:4: assessed_on: expected a calendar date "
                          "YYYY-MM-DD, found '2026-2-3'",
                          "1:4: assessed_on: expected a calendar date "
                          "YYYY-MM-DD, found a list"));
}

TEST(ReadPartialDate, EarliestAndLatest) {
  DocErrors errors;
  EXPECT_EQ(ReadPartialDate(Value("2011"), "s", &errors, false),
            DateFromCivil(2011, 1, 1));
  EXPECT_EQ(ReadPartialDate(Value("2011"), "s", &errors, true),
            DateFromCivil(2011, 12, 31));
  EXPECT_EQ(ReadPartialDate(Value("2024-02"), "s", &errors, true),
            DateFromCivil(2024, 2, 29));
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(ReadPartialDate(Value("2011-13"), "s", &errors, true), std::nullopt);
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: s: expected a date YYYY, YYYY-MM or "
                          "YYYY-MM-DD, found '2011-13'"));
}

TEST(ReadCountryShape, UpperCaseTwoOrFourLetters) {
  DocErrors errors;
  EXPECT_EQ(ReadCountryShape(Value("GB"), "c", &errors)->view(), "GB");
  EXPECT_EQ(ReadCountryShape(Value("NO"), "c", &errors)->view(), "NO");
  EXPECT_EQ(ReadCountryShape(Value("YUCS"), "c", &errors)->view(), "YUCS");
  // Shape only: ZZ is well formed (the country table decides existence).
  EXPECT_EQ(ReadCountryShape(Value("ZZ"), "c", &errors)->view(), "ZZ");
  EXPECT_TRUE(errors.empty());
  for (const char* text : {"gb", "Gb", "G", "GBR", "GBRXX", "G1", "12", "true",
                           "\"\""}) {
    DocErrors e;
    EXPECT_EQ(ReadCountryShape(Value(text), "parties[2].country", &e),
              std::nullopt)
        << text;
    ASSERT_EQ(e.size(), 1u) << text;
    EXPECT_EQ(e.list()[0].path, "parties[2].country");
  }
  DocErrors e;
  ReadCountryShape(Value("gb"), "exporter.country", &e);
  EXPECT_THAT(Lines(e), ElementsAre("1:4: exporter.country: expected an ISO "
                                    "3166 country code (GB, or YUCS for a "
                                    "former state), found 'gb'"));
}

TEST(ReadEnum, ListsTheWords) {
  DocErrors errors;
  EXPECT_EQ(ReadEnum<RouteDisclosure>(Value("partial"), "r", &errors),
            RouteDisclosure::kPartial);
  EXPECT_TRUE(errors.empty());
  EXPECT_EQ(ReadEnum<RouteDisclosure>(Value("sideways"), "transport.route_disclosure",
                                      &errors),
            std::nullopt);
  EXPECT_EQ(ReadEnum<RouteDisclosure>(Value("Full"), "r", &errors), std::nullopt);
  EXPECT_EQ(ReadEnum<RouteDisclosure>(Value("true"), "r", &errors), std::nullopt);
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: transport.route_disclosure: expected one of "
                          "full, partial, none, unknown; found 'sideways'",
                          "1:4: r: expected one of full, partial, none, "
                          "unknown; found 'Full'",
                          "1:4: r: expected a string, found a boolean"));
}

TEST(ReadEnum, YamlNoAndYesAreWords) {
  DocErrors errors;
  EXPECT_EQ(ReadEnum<DiversionFound>(Value("no"), "d", &errors),
            DiversionFound::kNo);
  EXPECT_EQ(ReadEnum<DiversionFound>(Value("yes"), "d", &errors),
            DiversionFound::kYes);
  EXPECT_TRUE(errors.empty());
}

TEST(ReadEnumSet, CollectsWordsAndReportsBadItems) {
  DocErrors errors;
  std::optional<EnumSet<Mitigation>> set = ReadEnumSet<Mitigation>(
      Value("[staged_delivery, teleportation, end_user_training]"),
      "mitigations", &errors);
  ASSERT_TRUE(set.has_value());
  EXPECT_TRUE(set->Has(Mitigation::kStagedDelivery));
  EXPECT_TRUE(set->Has(Mitigation::kEndUserTraining));
  EXPECT_FALSE(set->Has(Mitigation::kGovernmentToGovernment));
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.list()[0].path, "mitigations[1]");
  EXPECT_EQ(errors.list()[0].column, 22);
  EXPECT_THAT(errors.list()[0].message,
              ::testing::EndsWith("; found 'teleportation'"));

  DocErrors e;
  EXPECT_EQ(ReadEnumSet<Mitigation>(Value("staged_delivery"), "mitigations", &e),
            std::nullopt);
  EXPECT_THAT(Lines(e), ElementsAre("1:4: mitigations: expected a list, found "
                                    "a string"));
}

TEST(ReadList, ItemsOrError) {
  DocErrors errors;
  DocNode list = Value("[a, b]");
  const std::vector<DocNode>* items = ReadList(list, "l", &errors);
  ASSERT_NE(items, nullptr);
  EXPECT_EQ(items->size(), 2u);
  EXPECT_EQ(ReadList(Value("{a: 1}"), "goods", &errors), nullptr);
  EXPECT_THAT(Lines(errors),
              ElementsAre("1:4: goods: expected a list, found a map"));
}

// ---------------------------------------------------------------- DocError

TEST(DocError, ToStringLeavesOutMissingParts) {
  EXPECT_EQ((DocError{12, 5, "parties[2].country", "bad"}).ToString(),
            "12:5: parties[2].country: bad");
  EXPECT_EQ((DocError{0, 0, "parties[2].country", "bad"}).ToString(),
            "parties[2].country: bad");
  EXPECT_EQ((DocError{3, 1, "", "bad"}).ToString(), "3:1: bad");
  EXPECT_EQ((DocError{0, 0, "", "bad"}).ToString(), "bad");
}

TEST(DocErrors, FormatPrefixesEachLineWithTheFile) {
  DocErrors errors;
  EXPECT_EQ(errors.Format("case.yaml"), "");
  errors.Add(DocError{12, 5, "id", "missing required field"});
  errors.Add(DocError{0, 0, "", "1:1: the document is empty"});
  EXPECT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors.Format("case.yaml"),
            "case.yaml:12:5: id: missing required field\n"
            "case.yaml:1:1: the document is empty\n");
}

TEST(DocErrors, FormatListsErrorsInFileOrderUnpositionedLast) {
  DocErrors errors;
  errors.Add(DocError{0, 0, "", "no position"});
  errors.Add(DocError{12, 5, "b", "second"});
  errors.Add(DocError{3, 9, "a", "first, later column"});
  errors.Add(DocError{3, 1, "a", "first"});
  EXPECT_EQ(errors.Format("f.yaml"),
            "f.yaml:3:1: a: first\n"
            "f.yaml:3:9: a: first, later column\n"
            "f.yaml:12:5: b: second\n"
            "f.yaml:no position\n");
  // list() keeps the order in which they were found.
  EXPECT_EQ(errors.list()[0].message, "no position");
}

TEST(DocErrors, AddTakesTheNodePosition) {
  DocNode n;
  n.line = 7;
  n.column = 9;
  DocErrors errors;
  errors.Add(n, "a.b", "oops");
  EXPECT_THAT(Lines(errors), ElementsAre("7:9: a.b: oops"));
  EXPECT_THAT(Lines(DocErrors{}), IsEmpty());
}

}  // namespace
}  // namespace divrisk
