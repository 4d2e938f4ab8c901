// Names written to slip past screening, seen through: invisible and
// format characters dropped, look-alike letters of another script read as
// the Latin letters they imitate (ICU spoof-checker skeletons, UTS #39),
// digits inside words read as letters; what was found is recorded as the
// name's disguise (normalize.h: Unmask, DigitsToLetters, DisguiseText).

#include "indicators/screening/normalize.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/utf8.h>

#include <array>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

// Characters that show nothing: format characters (Cf: U+200B..U+200F,
// U+202A..U+202E, U+2060..U+2064, U+2066..U+2069, U+FEFF, U+00AD, ...),
// default-ignorable code points (variation selectors, the Hangul fillers,
// U+034F, U+180B..U+180F, tags) and bidi controls.
bool IsInvisible(UChar32 c) {
  return u_charType(c) == U_FORMAT_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL);
}

bool IsSpaceLike(UChar32 c) {
  const int8_t type = u_charType(c);
  return type == U_SPACE_SEPARATOR || type == U_LINE_SEPARATOR ||
         type == U_PARAGRAPH_SEPARATOR || type == U_CONTROL_CHAR;
}

UScriptCode ScriptOf(UChar32 c) {
  UErrorCode err = U_ZERO_ERROR;
  const UScriptCode sc = uscript_getScript(c, &err);
  return U_FAILURE(err) ? USCRIPT_COMMON : sc;
}

// Scripts whose letters imitate Latin ones in spoofed names.
bool LookAlikeScript(UScriptCode sc) {
  return sc == USCRIPT_CYRILLIC || sc == USCRIPT_GREEK ||
         sc == USCRIPT_ARMENIAN || sc == USCRIPT_CHEROKEE ||
         sc == USCRIPT_COPTIC || sc == USCRIPT_LISU;
}

// One ICU spoof checker per thread (uspoof_getSkeleton is not documented
// as thread-safe on a shared checker).
USpoofChecker* SpoofChecker() {
  struct Holder {
    USpoofChecker* checker = nullptr;
    bool failed = false;
    ~Holder() {
      if (checker != nullptr) uspoof_close(checker);
    }
  };
  thread_local Holder h;
  if (h.checker == nullptr && !h.failed) {
    UErrorCode err = U_ZERO_ERROR;
    h.checker = uspoof_open(&err);
    if (U_FAILURE(err)) {
      h.checker = nullptr;
      h.failed = true;
    }
  }
  return h.checker;
}

// The UTS #39 skeleton of one code point (empty on failure).
std::u16string SkeletonOf(USpoofChecker* checker, UChar32 c) {
  UChar in[2];
  int32_t n = 0;
  U16_APPEND_UNSAFE(in, n, c);
  UChar out[16];
  UErrorCode err = U_ZERO_ERROR;
  const int32_t len = uspoof_getSkeleton(checker, 0, in, n, out, 16, &err);
  if (U_FAILURE(err) || len <= 0) return {};
  return std::u16string(reinterpret_cast<const char16_t*>(out),
                        static_cast<size_t>(len));
}

// The Latin letter (lower case) that letter `c` of a look-alike script
// imitates: the one with the same UTS #39 skeleton, of the same case when
// there is one ("І" is an I, not the l that shares its skeleton); 0 when it
// imitates none.
char LatinLookAlike(UChar32 c) {
  thread_local absl::flat_hash_map<UChar32, char> cache;
  auto [it, inserted] = cache.try_emplace(c, 0);
  if (!inserted) return it->second;
  USpoofChecker* checker = SpoofChecker();
  if (checker == nullptr) return 0;
  thread_local std::array<std::u16string, 52> latin;  // A-Z, a-z
  if (latin[0].empty()) {
    for (int i = 0; i < 52; ++i) {
      latin[static_cast<size_t>(i)] =
          SkeletonOf(checker, i < 26 ? 'A' + i : 'a' + i - 26);
    }
  }
  const std::u16string skeleton = SkeletonOf(checker, c);
  if (skeleton.empty()) return 0;
  const bool upper = u_isupper(c);
  for (int pass = 0; pass < 2 && it->second == 0; ++pass) {
    const int from = (upper == (pass == 0)) ? 0 : 26;
    for (int i = from; i < from + 26; ++i) {
      if (latin[static_cast<size_t>(i)] == skeleton) {
        it->second = static_cast<char>('a' + i % 26);
        break;
      }
    }
  }
  return it->second;
}

}  // namespace

std::string DisguiseText(uint8_t bits) {
  std::string out;
  auto add = [&](std::string_view what) {
    if (!out.empty()) out += ", ";
    out += what;
  };
  if (bits & kInvisibleCharacters) add("invisible characters");
  if (bits & kLookAlikeLetters) add("look-alike letters of another script");
  if (bits & kDigitsForLetters) add("digits for letters");
  return out;
}

std::string Unmask(std::string_view utf8, uint8_t* disguise) {
  if (IsAscii(utf8)) return std::string(utf8);
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  std::vector<UChar32> cps;
  cps.reserve(utf8.size());
  bool invisible = false, latin = false, look_alike_script = false;
  for (int32_t i = 0; i < n;) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0) continue;  // ill-formed: dropped
    if (c < 0x80) {
      latin |= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      cps.push_back(c == '\t' || c == '\n' || c == '\r' ? ' ' : c);
      continue;
    }
    if (IsInvisible(c)) {
      invisible = true;
      continue;
    }
    if (IsSpaceLike(c)) {
      cps.push_back(' ');
      continue;
    }
    if (u_isalpha(c)) {
      const UScriptCode sc = ScriptOf(c);
      latin |= sc == USCRIPT_LATIN;
      look_alike_script |= LookAlikeScript(sc);
    }
    cps.push_back(c);
  }
  // Look-alikes: only in a name that has Latin letters, in a word with
  // Latin letters or a word made only of look-alikes.
  bool looked_alike = false;
  std::vector<std::string> replacement;  // per code point; empty: keep
  if (latin && look_alike_script) {
    replacement.assign(cps.size(), std::string());
    for (size_t i = 0; i < cps.size();) {
      if (!u_isalnum(cps[i]) && u_charType(cps[i]) != U_NON_SPACING_MARK) {
        ++i;
        continue;
      }
      size_t j = i;
      bool has_latin = false, all_map = true, any_other = false;
      while (j < cps.size() &&
             (u_isalnum(cps[j]) || u_charType(cps[j]) == U_NON_SPACING_MARK)) {
        const UChar32 c = cps[j];
        if (u_isalpha(c)) {
          const UScriptCode sc = c < 0x80 ? USCRIPT_LATIN : ScriptOf(c);
          if (sc == USCRIPT_LATIN) {
            has_latin = true;
          } else if (LookAlikeScript(sc)) {
            any_other = true;
            all_map &= LatinLookAlike(c) != 0;
          } else {
            all_map = false;
          }
        }
        ++j;
      }
      if (any_other && (has_latin || all_map)) {
        for (size_t k = i; k < j; ++k) {
          if (cps[k] < 0x80 || !u_isalpha(cps[k])) continue;
          if (!LookAlikeScript(ScriptOf(cps[k]))) continue;
          const char l = LatinLookAlike(cps[k]);
          if (l == 0) continue;
          replacement[k] = std::string(1, l);
          looked_alike = true;
        }
      }
      i = j;
    }
  }
  std::string out;
  out.reserve(utf8.size());
  bool other_script = false;
  for (size_t i = 0; i < cps.size(); ++i) {
    if (!replacement.empty() && !replacement[i].empty()) {
      out += replacement[i];
      continue;
    }
    const UChar32 c = cps[i];
    if (c >= 0x80 && u_isalpha(c)) {
      const UScriptCode sc = ScriptOf(c);
      other_script |= sc != USCRIPT_LATIN && sc != USCRIPT_COMMON &&
                      sc != USCRIPT_INHERITED;
    }
    char buf[4];
    int32_t len = 0;
    U8_APPEND_UNSAFE(buf, len, c);
    out.append(buf, static_cast<size_t>(len));
  }
  if (looked_alike) *disguise |= kLookAlikeLetters;
  // Zero-width joiners and direction marks are ordinary in Arabic, Persian
  // or Indic text: they are dropped there, not held against the name.
  if (invisible && !other_script) *disguise |= kInvisibleCharacters;
  return out;
}

bool DigitsToLetters(std::vector<std::string>* tokens) {
  static constexpr char kLetterFor[10] = {'o', 'l', 'z', 'e', 'a',
                                          's', 'b', 't', 'b', 'g'};
  bool changed = false;
  for (std::string& t : *tokens) {
    size_t letters = 0, digits = 0;
    bool ok = true;
    for (size_t i = 0; i < t.size() && ok; ++i) {
      const char c = t[i];
      if (c >= '0' && c <= '9') {
        ++digits;
        ok = !(i > 0 && t[i - 1] >= '0' && t[i - 1] <= '9');
      } else if (c >= 'a' && c <= 'z') {
        ++letters;
      } else {
        ok = false;
      }
    }
    if (!ok || digits == 0 || letters < 4) continue;
    auto vowel = [](char c) {
      return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
             c == 'y';
    };
    for (size_t i = 0; i < t.size(); ++i) {
      const char c = t[i];
      if (c < '0' || c > '9') continue;
      // 1 is an i between consonants ("m1ller", "ak1li"), else an l
      // ("internationa1", "f1ight").
      const char before = i > 0 ? t[i - 1] : 0;
      const char after = i + 1 < t.size() ? t[i + 1] : 0;
      t[i] = c == '1' && before != 0 && after != 0 && !vowel(before) &&
                     !vowel(after)
                 ? 'i'
                 : kLetterFor[c - '0'];
    }
    changed = true;
  }
  return changed;
}

}  // namespace divrisk::screening
