#include "engine/doc/fixed_point.h"

namespace divrisk {

char* WriteFixed(int64_t q, char* end) {
  // By hand rather than with StrFormat: every score and contribution of
  // every case passes here.
  const uint64_t a = q < 0 ? -static_cast<uint64_t>(q) : q;
  char* p = end;
  uint64_t fraction = a % 10000;
  for (int i = 0; i < 4; ++i, fraction /= 10) {
    *--p = static_cast<char>('0' + fraction % 10);
  }
  *--p = '.';
  uint64_t whole = a / 10000;
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  if (q < 0) *--p = '-';
  return p;
}

void AppendFixed(int64_t q, std::string* out) {
  char digits[kMaxFixedChars];
  char* end = digits + sizeof(digits);
  const char* begin = WriteFixed(q, end);
  out->append(begin, end - begin);
}

std::string FormatFixed(int64_t q) {
  std::string out;
  AppendFixed(q, &out);
  return out;
}

}  // namespace divrisk
