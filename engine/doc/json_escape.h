// Internal to the document layer (engine/doc): the one implementation of
// JSON string escaping, written once for any byte sink so that
// AppendJsonString (to a std::string) and JsonWriter (through its buffer)
// produce the same bytes by construction. Not for use outside engine/doc.
//
// A byte is escaped when it is below 0x20, '"' or '\\'; '\n', '\r' and '\t'
// as themselves, other controls as \u00XX; everything else (UTF-8 included)
// is copied as is. Clean runs, nearly all of the text, are found sixteen
// bytes at a time with SSE2 (else eight with plain integers) and copied whole:
// the writers spend most of their time here.

#ifndef DIVRISK_ENGINE_DOC_JSON_ESCAPE_H_
#define DIVRISK_ENGINE_DOC_JSON_ESCAPE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace divrisk::doc_internal {

// Whether one of the eight bytes of `w` needs escaping (exact as to whether;
// bytes of 0x80 and above, UTF-8, never count).
inline bool WordNeedsJsonEscape(uint64_t w) {
  constexpr uint64_t k01 = 0x0101010101010101ULL;
  constexpr uint64_t k80 = 0x8080808080808080ULL;
  auto has_zero = [&](uint64_t v) { return (v - k01) & ~v & k80; };
  return (((w - k01 * 0x20) & ~w & k80) | has_zero(w ^ (k01 * '"')) |
          has_zero(w ^ (k01 * '\\'))) != 0;
}

inline bool NeedsJsonEscape(unsigned char c) {
  return c < 0x20 || c == '"' || c == '\\';
}

// The index of the first byte from `i` on that needs escaping, or `n`.
inline size_t NextJsonSpecial(const char* p, size_t i, size_t n) {
#if defined(__SSE2__)
  const __m128i max_control = _mm_set1_epi8(0x1f);
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i backslash = _mm_set1_epi8('\\');
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i special = _mm_or_si128(
        _mm_cmpeq_epi8(_mm_max_epu8(v, max_control), max_control),
        _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
    if (const int mask = _mm_movemask_epi8(special)) {
      return i + static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
    }
    i += 16;
  }
#endif
  for (;;) {
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, p + i, 8);
      if (WordNeedsJsonEscape(w)) break;
      i += 8;
    }
    const size_t end = std::min(n, i + 8);
    for (; i < end; ++i) {
      if (NeedsJsonEscape(static_cast<unsigned char>(p[i]))) return i;
    }
    if (i >= n) return n;
  }
}

// Appends `text` as a JSON string literal, quotes included, to `out`, which
// has Put(char) and Put(const char*, size_t).
template <typename Sink>
void EscapeJsonString(std::string_view text, Sink& out) {
  static constexpr char kHex[] = "0123456789abcdef";
  const char* p = text.data();
  const size_t n = text.size();
  out.Put('"');
  size_t run = 0;  // start of the bytes not yet appended
  for (size_t i = NextJsonSpecial(p, 0, n); i < n;
       i = NextJsonSpecial(p, i + 1, n)) {
    out.Put(p + run, i - run);
    run = i + 1;
    const unsigned char c = static_cast<unsigned char>(p[i]);
    switch (c) {
      case '"': out.Put("\\\"", 2); break;
      case '\\': out.Put("\\\\", 2); break;
      case '\n': out.Put("\\n", 2); break;
      case '\r': out.Put("\\r", 2); break;
      case '\t': out.Put("\\t", 2); break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.Put(esc, 6);
      }
    }
  }
  out.Put(p + run, n - run);
  out.Put('"');
}

}  // namespace divrisk::doc_internal

#endif  // DIVRISK_ENGINE_DOC_JSON_ESCAPE_H_
