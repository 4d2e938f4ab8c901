// Tests for engine/model/date.h: strict ISO parsing, partial dates, and the
// day-count arithmetic against an independent calendar walk.

#include "engine/model/date.h"

#include <cstdio>
#include <string>

#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(DateFromCivil, KnownValues) {
  EXPECT_EQ(DateFromCivil(1970, 1, 1).days, 0);
  EXPECT_EQ(DateFromCivil(1969, 12, 31).days, -1);
  EXPECT_EQ(DateFromCivil(2000, 1, 1).days, 10957);
  EXPECT_EQ(DateFromCivil(2000, 3, 1).days, 11017);
  EXPECT_EQ(DateFromCivil(2024, 2, 29).days, 19782);
  EXPECT_EQ(DateFromCivil(2026, 3, 14).days, 20526);
  EXPECT_EQ(DateFromCivil(1600, 1, 1).days, -135140);
  EXPECT_EQ(DateFromCivil(1, 1, 1).days, -719162);
  EXPECT_EQ(DateFromCivil(9999, 12, 31).days, 2932896);
}

TEST(DateFromCivil, OrdersLikeTheCalendar) {
  EXPECT_LT(DateFromCivil(2025, 12, 31), DateFromCivil(2026, 1, 1));
  EXPECT_GT(DateFromCivil(2026, 3, 1), DateFromCivil(2026, 2, 28));
  EXPECT_EQ(DateFromCivil(2026, 3, 14), (Date{20526}));
}

TEST(ParseIsoDate, ValidDates) {
  EXPECT_EQ(ParseIsoDate("2026-03-14"), DateFromCivil(2026, 3, 14));
  EXPECT_EQ(ParseIsoDate("1970-01-01"), (Date{0}));
  EXPECT_EQ(ParseIsoDate("2000-03-01"), (Date{11017}));
  EXPECT_EQ(ParseIsoDate("2026-12-31"), DateFromCivil(2026, 12, 31));
}

TEST(ParseIsoDate, LeapYears) {
  EXPECT_EQ(ParseIsoDate("2024-02-29"), DateFromCivil(2024, 2, 29));
  EXPECT_EQ(ParseIsoDate("2000-02-29"), DateFromCivil(2000, 2, 29));
  EXPECT_EQ(ParseIsoDate("2100-02-29"), std::nullopt);  // century, not /400
  EXPECT_EQ(ParseIsoDate("1900-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2026-02-29"), std::nullopt);
  EXPECT_EQ(ParseIsoDate("2100-02-28"), DateFromCivil(2100, 2, 28));
}

TEST(ParseIsoDate, RejectsDaysThatDoNotExist) {
  for (const char* text : {"2026-02-30", "2026-04-31", "2026-06-31",
                           "2026-09-31", "2026-11-31", "2026-01-32",
                           "2026-00-10", "2026-13-01", "2026-01-00"}) {
    EXPECT_EQ(ParseIsoDate(text), std::nullopt) << text;
  }
}

TEST(ParseIsoDate, RejectsOtherShapes) {
  for (const char* text : {"", "2026-2-3", "2026-02-3", "2026-2-03",
                           "26-02-03", "20260314", "2026/03/14", "2026-03-14 ",
                           " 2026-03-14", "2026-03-14T00:00:00", "+026-03-14",
                           "2026-0a-14", "2026-03", "2026", "14-03-2026",
                           "2026--3-14"}) {
    EXPECT_EQ(ParseIsoDate(text), std::nullopt) << "'" << text << "'";
  }
}

TEST(ParsePartialDate, YearAlone) {
  EXPECT_EQ(ParsePartialDate("2011", false), DateFromCivil(2011, 1, 1));
  EXPECT_EQ(ParsePartialDate("2011", true), DateFromCivil(2011, 12, 31));
}

TEST(ParsePartialDate, YearAndMonth) {
  EXPECT_EQ(ParsePartialDate("2011-02", false), DateFromCivil(2011, 2, 1));
  EXPECT_EQ(ParsePartialDate("2011-02", true), DateFromCivil(2011, 2, 28));
  EXPECT_EQ(ParsePartialDate("2024-02", true), DateFromCivil(2024, 2, 29));
  EXPECT_EQ(ParsePartialDate("2100-02", true), DateFromCivil(2100, 2, 28));
  EXPECT_EQ(ParsePartialDate("2026-04", true), DateFromCivil(2026, 4, 30));
  EXPECT_EQ(ParsePartialDate("2026-12", true), DateFromCivil(2026, 12, 31));
}

TEST(ParsePartialDate, FullDateIgnoresLatest) {
  EXPECT_EQ(ParsePartialDate("2024-02-29", false), DateFromCivil(2024, 2, 29));
  EXPECT_EQ(ParsePartialDate("2024-02-29", true), DateFromCivil(2024, 2, 29));
}

TEST(ParsePartialDate, RejectsBadShapesAndDays) {
  for (const char* text : {"", "201", "20111", "2011-13", "2011-00", "2011-1",
                           "2011-", "2100-02-29", "2026-02-30", "2011-1-01",
                           "abcd"}) {
    EXPECT_EQ(ParsePartialDate(text, false), std::nullopt) << text;
    EXPECT_EQ(ParsePartialDate(text, true), std::nullopt) << text;
  }
}

TEST(FormatDate, KnownValues) {
  EXPECT_EQ(FormatDate(Date{0}), "1970-01-01");
  EXPECT_EQ(FormatDate(Date{-1}), "1969-12-31");
  EXPECT_EQ(FormatDate(Date{11017}), "2000-03-01");
  EXPECT_EQ(FormatDate(Date{19782}), "2024-02-29");
  EXPECT_EQ(FormatDate(Date{-719162}), "0001-01-01");
  EXPECT_EQ(FormatDate(Date{2932896}), "9999-12-31");
}

TEST(CivilFromDate, KnownValues) {
  EXPECT_EQ(CivilFromDate(Date{0}), (CivilDate{1970, 1, 1}));
  EXPECT_EQ(CivilFromDate(Date{-1}), (CivilDate{1969, 12, 31}));
  EXPECT_EQ(CivilFromDate(Date{11016}), (CivilDate{2000, 2, 29}));
  EXPECT_EQ(CivilFromDate(Date{11017}), (CivilDate{2000, 3, 1}));
  EXPECT_EQ(CivilFromDate(Date{19782}), (CivilDate{2024, 2, 29}));
  EXPECT_EQ(CivilFromDate(Date{20526}), (CivilDate{2026, 3, 14}));
  EXPECT_EQ(CivilFromDate(Date{-135140}), (CivilDate{1600, 1, 1}));
  EXPECT_EQ(CivilFromDate(Date{-719162}), (CivilDate{1, 1, 1}));
  EXPECT_EQ(CivilFromDate(Date{-719163}), (CivilDate{0, 12, 31}));
  EXPECT_EQ(CivilFromDate(Date{2932896}), (CivilDate{9999, 12, 31}));
  EXPECT_EQ(CivilFromDate(Date{2932897}), (CivilDate{10000, 1, 1}));
}

// Every day from 0000-01-01 to 10000-12-31 goes back to the day it came from.
TEST(CivilFromDate, InvertsDateFromCivil) {
  const int32_t first = DateFromCivil(0, 1, 1).days;
  const int32_t last = DateFromCivil(10000, 12, 31).days;
  for (int32_t days = first; days <= last; ++days) {
    const CivilDate c = CivilFromDate(Date{days});
    ASSERT_EQ(DateFromCivil(c.year, c.month, c.day).days, days)
        << c.year << "-" << c.month << "-" << c.day;
  }
}

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Walks the calendar day by day from 1600-01-01 to 2400-12-31 with a naive
// counter, and checks every day against DateFromCivil, FormatDate and
// ParseIsoDate.
TEST(FormatDate, RoundTripsEveryDayOfEightCenturies) {
  static constexpr int kMonthDays[12] = {31, 28, 31, 30, 31, 30,
                                         31, 31, 30, 31, 30, 31};
  int32_t days = DateFromCivil(1600, 1, 1).days;
  ASSERT_EQ(days, -135140);
  int checked = 0;
  char expected[48];
  for (int y = 1600; y <= 2400; ++y) {
    for (int m = 1; m <= 12; ++m) {
      const int month_days = m == 2 && IsLeapYear(y) ? 29 : kMonthDays[m - 1];
      for (int d = 1; d <= month_days; ++d, ++days) {
        std::snprintf(expected, sizeof expected, "%04d-%02d-%02d", y, m, d);
        const Date date{days};
        ASSERT_EQ(DateFromCivil(y, m, d), date) << expected;
        ASSERT_EQ(FormatDate(date), expected);
        ASSERT_EQ(CivilFromDate(date), (CivilDate{y, m, d})) << expected;
        ASSERT_EQ(ParseIsoDate(expected), date) << expected;
        ++checked;
      }
    }
  }
  EXPECT_EQ(days, DateFromCivil(2401, 1, 1).days);
  EXPECT_EQ(checked, 292560);  // 801 years, 195 of them leap
}

}  // namespace
}  // namespace divrisk
