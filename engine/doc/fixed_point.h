// Fixed-point numbers as text: scores, contributions and swings are held as
// integers in units of 1/10000 and written with exactly four decimals
// ("41.2500" for 412500), from integers, so the same number gives the same
// bytes on any machine. Used by the JSON and the text writers.

#ifndef DIVRISK_ENGINE_DOC_FIXED_POINT_H_
#define DIVRISK_ENGINE_DOC_FIXED_POINT_H_

#include <cstddef>
#include <cstdint>
#include <string>

namespace divrisk {

// Room WriteFixed needs: a sign, 15 whole digits, '.', four decimals.
inline constexpr size_t kMaxFixedChars = 24;

// Writes `q` as text ending just before `end` and returns where it begins.
// REQUIRES: kMaxFixedChars bytes of room before `end`.
char* WriteFixed(int64_t q, char* end);

// "41.2500" for 412500, "-0.0005" for -5.
std::string FormatFixed(int64_t q);
void AppendFixed(int64_t q, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_DOC_FIXED_POINT_H_
