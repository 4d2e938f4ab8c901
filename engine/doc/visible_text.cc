#include "engine/doc/visible_text.h"

#include <cstdint>

#include "absl/strings/str_format.h"

namespace divrisk {
namespace {

// Unicode 15.1, General_Category=Cf, plus U+2028 and U+2029 (Zl, Zp) and
// the C1 controls; sorted, inclusive.
constexpr char32_t kInvisible[][2] = {
    {0x0080, 0x009F},   {0x00AD, 0x00AD},   {0x0600, 0x0605},
    {0x061C, 0x061C},   {0x06DD, 0x06DD},   {0x070F, 0x070F},
    {0x0890, 0x0891},   {0x08E2, 0x08E2},   {0x180E, 0x180E},
    {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x2064},
    {0x2066, 0x206F},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},
    {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F},
    {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0001, 0xE0001},
    {0xE0020, 0xE007F},
};

// Length of the well-formed UTF-8 sequence at text[i] and its code point,
// or 0 when the byte there does not start one.
size_t DecodeUtf8(std::string_view text, size_t i, char32_t* cp) {
  const auto byte = [&](size_t k) {
    return static_cast<unsigned char>(text[i + k]);
  };
  const unsigned char b0 = byte(0);
  size_t n;
  char32_t c;
  char32_t min;
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  } else if (b0 >= 0xC2 && b0 <= 0xDF) {
    n = 2, c = b0 & 0x1F, min = 0x80;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    n = 3, c = b0 & 0x0F, min = 0x800;
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    n = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((byte(k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  *cp = c;
  return n;
}

}  // namespace

bool IsInvisibleCodePoint(char32_t c) {
  if (c < 0x20 || c == 0x7F) return true;
  for (const auto& range : kInvisible) {
    if (c < range[0]) return false;
    if (c <= range[1]) return true;
  }
  return false;
}

void AppendVisible(std::string_view text, std::string* out) {
  size_t run = 0;  // start of the bytes not yet appended
  size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x20 && b < 0x7F && b != '\\') {  // the common case
      ++i;
      continue;
    }
    char32_t cp = 0;
    const size_t n = DecodeUtf8(text, i, &cp);
    if (n > 0 && b != '\\' && !IsInvisibleCodePoint(cp)) {
      i += n;
      continue;
    }
    out->append(text.data() + run, i - run);
    if (n == 0) {
      absl::StrAppendFormat(out, "\\x%02X", b);
      i += 1;
    } else if (cp == '\\') {
      out->append("\\\\");
      i += 1;
    } else if (cp == '\n') {
      out->append("\\n");
      i += 1;
    } else if (cp == '\r') {
      out->append("\\r");
      i += 1;
    } else if (cp == '\t') {
      out->append("\\t");
      i += 1;
    } else if (cp < 0x80) {
      absl::StrAppendFormat(out, "\\x%02X", static_cast<unsigned>(cp));
      i += 1;
    } else {
      absl::StrAppendFormat(out, "\\u{%04X}", static_cast<uint32_t>(cp));
      i += n;
    }
    run = i;
  }
  out->append(text.data() + run, text.size() - run);
}

std::string Visible(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  AppendVisible(text, &out);
  return out;
}

std::string Excerpt(std::string_view text, size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  size_t cut = max_bytes;
  // Back up to the start of a UTF-8 sequence.
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
    --cut;
  }
  return std::string(text.substr(0, cut)) + "...";
}

std::string VisibleExcerpt(std::string_view text, size_t max_bytes) {
  return Visible(Excerpt(text, max_bytes));
}

}  // namespace divrisk
