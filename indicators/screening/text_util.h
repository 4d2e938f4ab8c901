// Small string helpers on std::string_view (Debian's Abseil has its own
// absl::string_view, which its string functions require).

#ifndef DIVRISK_INDICATORS_SCREENING_TEXT_UTIL_H_
#define DIVRISK_INDICATORS_SCREENING_TEXT_UTIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/string_view.h"

namespace divrisk::screening {

// For Abseil calls (StrCat, hash-map look-ups) that take absl::string_view.
inline absl::string_view Sv(std::string_view s) {
  return absl::string_view(s.data(), s.size());
}

// Splits at any of `delims`, keeping empty parts.
inline std::vector<std::string_view> SplitAny(std::string_view s,
                                              std::string_view delims) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || delims.find(s[i]) != std::string_view::npos) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

inline bool EqualsNoCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

inline std::string Join(const std::vector<std::string_view>& parts,
                        std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out.append(sep);
    out.append(parts[i]);
  }
  return out;
}

// Whether every byte of `s` is ASCII (the fast path of normalisation).
inline bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_TEXT_UTIL_H_
