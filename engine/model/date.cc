#include "engine/model/date.h"

#include <cstdio>

#include "absl/strings/str_format.h"

namespace divrisk {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Reads exactly `n` ASCII digits at `text[pos]`.
bool ReadDigits(std::string_view text, size_t pos, size_t n, int* out) {
  if (pos + n > text.size()) return false;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
    v = v * 10 + (text[i] - '0');
  }
  *out = v;
  return true;
}

}  // namespace

Date DateFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return Date{era * 146097 + static_cast<int>(doe) - 719468};
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  int y, m, d;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !ReadDigits(text, 0, 4, &y) || !ReadDigits(text, 5, 2, &m) ||
      !ReadDigits(text, 8, 2, &d)) {
    return std::nullopt;
  }
  if (m < 1 || m > 12 || d < 1 || d > DaysInMonth(y, m)) return std::nullopt;
  return DateFromCivil(y, m, d);
}

std::optional<Date> ParsePartialDate(std::string_view text, bool latest) {
  int y, m;
  if (text.size() == 4 && ReadDigits(text, 0, 4, &y)) {
    return latest ? DateFromCivil(y, 12, 31) : DateFromCivil(y, 1, 1);
  }
  if (text.size() == 7 && text[4] == '-' && ReadDigits(text, 0, 4, &y) &&
      ReadDigits(text, 5, 2, &m) && m >= 1 && m <= 12) {
    return DateFromCivil(y, m, latest ? DaysInMonth(y, m) : 1);
  }
  return ParseIsoDate(text);
}

CivilDate CivilFromDate(Date date) {
  // Howard Hinnant's algorithm, the inverse of DateFromCivil.
  const int z = date.days + 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(yoe) + era * 400 + (m <= 2),
                   static_cast<int>(m), static_cast<int>(d)};
}

std::string FormatDate(Date date) {
  const CivilDate c = CivilFromDate(date);
  return absl::StrFormat("%04d-%02d-%02d", c.year, c.month, c.day);
}

}  // namespace divrisk
