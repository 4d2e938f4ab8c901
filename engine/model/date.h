// Calendar dates as days since 1970-01-01 (proleptic Gregorian).
//
// Dates in cases and reference data are ISO 8601 calendar dates. A Date is a
// plain value so that kernels compare dates with integer arithmetic.

#ifndef DIVRISK_ENGINE_MODEL_DATE_H_
#define DIVRISK_ENGINE_MODEL_DATE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace divrisk {

struct Date {
  int32_t days = 0;  // days since 1970-01-01

  friend auto operator<=>(const Date&, const Date&) = default;
};

// A calendar date by its parts (proleptic Gregorian).
struct CivilDate {
  int year = 1970;
  int month = 1;  // 1..12
  int day = 1;    // 1..31

  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Days from civil date (Howard Hinnant's algorithm). REQUIRES: valid date.
Date DateFromCivil(int year, int month, int day);

// Civil date from days: the inverse of DateFromCivil, for every Date.
CivilDate CivilFromDate(Date date);

// Parses "YYYY-MM-DD" strictly: returns nullopt for any other shape or for a
// day that does not exist in that month (2026-02-30).
std::optional<Date> ParseIsoDate(std::string_view text);

// Parses a possibly partial date ("YYYY", "YYYY-MM" or "YYYY-MM-DD"), as the
// reference tables give them. `latest` picks the last day the partial date
// could mean instead of the first, so that an embargo whose start is known
// only by year counts from January 1 and one whose end is known only by year
// counts until December 31 (the cautious reading for a prohibition).
std::optional<Date> ParsePartialDate(std::string_view text, bool latest);

// "YYYY-MM-DD".
std::string FormatDate(Date date);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_DATE_H_
