#include "indicators/screening/delimited.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk::screening {
namespace {

using ::testing::ElementsAre;

std::vector<std::vector<std::string>> ReadAll(std::string_view text,
                                              char delimiter = ',') {
  DelimitedReader r(text, delimiter);
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> f;
  while (r.Next(&f)) rows.push_back(f);
  return rows;
}

TEST(DelimitedReaderTest, LfAndCrlfLineEnds) {
  EXPECT_THAT(ReadAll("a,b\nc,d\n"),
              ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d")));
  EXPECT_THAT(ReadAll("a,b\r\nc,d\r\n"),
              ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d")));
}

TEST(DelimitedReaderTest, LastLineWithoutLineEnd) {
  EXPECT_THAT(ReadAll("a,b\r\nc,d"),
              ElementsAre(ElementsAre("a", "b"), ElementsAre("c", "d")));
}

TEST(DelimitedReaderTest, TrailingDosEndOfFileByteIsNotARecord) {
  // OFAC's add.csv (2022), sdn.csv (2024) and cons_prim.csv end so.
  EXPECT_THAT(ReadAll("1,x\r\n\x1a"), ElementsAre(ElementsAre("1", "x")));
  EXPECT_THAT(ReadAll("1,x\n\x1a"), ElementsAre(ElementsAre("1", "x")));
}

TEST(DelimitedReaderTest, ByteOrderMarkIsSkipped) {
  EXPECT_THAT(ReadAll("\xEF\xBB\xBFname\nx\n"),
              ElementsAre(ElementsAre("name"), ElementsAre("x")));
}

TEST(DelimitedReaderTest, QuotedFieldsWithDelimitersQuotesAndNewlines) {
  EXPECT_THAT(
      ReadAll("173,\"ANGLO-CARIBBEAN CO., LTD.\",\"say \"\"hi\"\"\"\n"
              "2,\"two\nlines\",x\n"),
      ElementsAre(ElementsAre("173", "ANGLO-CARIBBEAN CO., LTD.", "say \"hi\""),
                  ElementsAre("2", "two\nlines", "x")));
}

TEST(DelimitedReaderTest, BlankLinesAreSkippedAndLinesCounted) {
  DelimitedReader r("a\n\n\r\nb\n", ',');
  std::vector<std::string> f;
  ASSERT_TRUE(r.Next(&f));
  EXPECT_EQ(r.line(), 1);
  ASSERT_TRUE(r.Next(&f));
  EXPECT_THAT(f, ElementsAre("b"));
  EXPECT_EQ(r.line(), 4);
  EXPECT_FALSE(r.Next(&f));
}

TEST(DelimitedReaderTest, EmptyFieldsAreKept) {
  EXPECT_THAT(ReadAll(",a,,\n"), ElementsAre(ElementsAre("", "a", "", "")));
}

TEST(DelimitedReaderTest, TabSeparatedWithQuotes) {
  EXPECT_THAT(ReadAll("\"Name\"\t\"City\"\n\"A, B\"\t\"\"\n", '\t'),
              ElementsAre(ElementsAre("Name", "City"), ElementsAre("A, B", "")));
}

TEST(OfacFieldTest, DashZeroDashIsEmptyWithOrWithoutTrailingSpace) {
  EXPECT_EQ(OfacField("-0- "), "");
  EXPECT_EQ(OfacField("-0-"), "");
  EXPECT_EQ(OfacField(" CUBA "), "CUBA");
  EXPECT_EQ(OfacField("-0-x"), "-0-x");
}

TEST(TrimAsciiTest, TrimsSpacesTabsAndLineEnds) {
  EXPECT_EQ(TrimAscii(" \tx y\r\n"), "x y");
  EXPECT_EQ(TrimAscii("   "), "");
}

}  // namespace
}  // namespace divrisk::screening
