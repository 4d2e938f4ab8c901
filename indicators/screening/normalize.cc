#include "indicators/screening/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "absl/container/flat_hash_map.h"
#include "engine/model/legal_forms.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

// Abbreviations written out, so that "Intl" meets "International".
constexpr std::pair<std::string_view, std::string_view> kAbbreviations[] = {
    {"intl", "international"}, {"natl", "national"},  {"mfg", "manufacturing"},
    {"mgmt", "management"},    {"hldgs", "holdings"}, {"hldg", "holding"},
    {"grp", "group"},          {"svcs", "services"},  {"dept", "department"},
    {"assn", "association"},   {"bros", "brothers"},  {"tech", "technology"},
};

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string ToUtf8(const icu::UnicodeString& u) {
  std::string out;
  u.toUTF8String(out);
  return out;
}

// The first script of a letter that is not Latin (USCRIPT_LATIN if none).
UScriptCode FirstNonLatinScript(std::string_view utf8) {
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < n) {
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c < 0x80 || !u_isalpha(c)) continue;
    UErrorCode err = U_ZERO_ERROR;
    const UScriptCode sc = uscript_getScript(c, &err);
    if (U_FAILURE(err) || sc == USCRIPT_LATIN || sc == USCRIPT_COMMON ||
        sc == USCRIPT_INHERITED) {
      continue;
    }
    return sc;
  }
  return USCRIPT_LATIN;
}

ScriptClass ClassOf(UScriptCode sc) {
  switch (sc) {
    case USCRIPT_LATIN:
      return ScriptClass::kLatin;
    case USCRIPT_ARABIC:
    case USCRIPT_HEBREW:
    case USCRIPT_SYRIAC:
    case USCRIPT_THAANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
      return ScriptClass::kAbjad;
    case USCRIPT_HANGUL:
      return ScriptClass::kHangul;
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
      return ScriptClass::kHan;
    default:
      return ScriptClass::kOther;
  }
}

// Per-thread ICU transliterators, created on first use (Any-Latin takes
// tens of milliseconds to build).
enum TranslitKind { kCyrillic, kGreek, kAnyLatin, kLatinAscii, kNumKinds };

icu::Transliterator* GetTransliterator(TranslitKind kind) {
  thread_local std::array<std::unique_ptr<icu::Transliterator>, kNumKinds>
      cache;
  thread_local std::array<bool, kNumKinds> failed{};
  if (!cache[kind] && !failed[kind]) {
    static constexpr const char* kIds[kNumKinds] = {
        "Russian-Latin/BGN; Any-Latin", "Greek-Latin/UNGEGN; Any-Latin",
        "Any-Latin", "Latin-ASCII"};
    UErrorCode err = U_ZERO_ERROR;
    cache[kind].reset(icu::Transliterator::createInstance(
        icu::UnicodeString::fromUTF8(kIds[kind]), UTRANS_FORWARD, err));
    if (U_FAILURE(err)) {
      cache[kind].reset();
      failed[kind] = true;
    }
  }
  return cache[kind].get();
}

bool IsHangulSyllable(UChar32 c) { return c >= 0xAC00 && c <= 0xD7A3; }

// How many bytes of `utf8` the transliterator needs: screening uses a
// name's first 16 tokens, so what follows the 32nd word, or 4 KiB of
// letters and digits, cannot matter (legal forms dropped later leave
// slack). Linear, and keeps ICU's work per name bounded.
size_t LeadingNamePart(std::string_view utf8) {
  constexpr size_t kMaxWords = 32, kMaxLetterBytes = 4096;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  size_t words = 0, letter_bytes = 0;
  bool in_word = false;
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool letter =
        c >= 0 && (c < 0x80 ? ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
                                  (c >= '0' && c <= '9') || c == '\''
                            : u_isalnum(c) || u_getCombiningClass(c) != 0 ||
                                  u_charType(c) == U_NON_SPACING_MARK);
    if (letter) {
      if (!in_word && ++words > kMaxWords) return static_cast<size_t>(start);
      letter_bytes += static_cast<size_t>(i - start);
      if (letter_bytes > kMaxLetterBytes) return static_cast<size_t>(start);
    }
    in_word = letter;
  }
  return utf8.size();
}

}  // namespace

std::string FoldCase(std::string_view utf8) {
  if (IsAscii(utf8)) return AsciiLower(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  u.foldCase(U_FOLD_CASE_DEFAULT);
  return ToUtf8(u);
}

ScriptClass DetectScript(std::string_view utf8) {
  if (IsAscii(utf8)) return ScriptClass::kLatin;
  return ClassOf(FirstNonLatinScript(utf8));
}

std::string ToLatin(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  const UScriptCode sc = FirstNonLatinScript(utf8);
  if (sc == USCRIPT_LATIN) return std::string(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  if (sc == USCRIPT_HANGUL) {
    // One token per syllable: 김정은 -> 김 정 은.
    icu::UnicodeString spaced;
    for (int32_t i = 0; i < u.length();) {
      const UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      spaced.append(c);
      if (IsHangulSyllable(c) && i < u.length() &&
          IsHangulSyllable(u.char32At(i))) {
        spaced.append(static_cast<UChar>(' '));
      }
    }
    u = spaced;
  }
  const TranslitKind kind = sc == USCRIPT_CYRILLIC ? kCyrillic
                            : sc == USCRIPT_GREEK  ? kGreek
                                                   : kAnyLatin;
  if (icu::Transliterator* t = GetTransliterator(kind)) t->transliterate(u);
  return ToUtf8(u);
}

std::string StripMarks(std::string_view utf8) {
  if (IsAscii(utf8)) return AsciiLower(utf8);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  if (U_SUCCESS(err)) {
    icu::UnicodeString d = nfkd->normalize(u, err);
    if (U_SUCCESS(err)) u = d;
  }
  icu::UnicodeString kept;
  bool non_ascii = false;
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    i += U16_LENGTH(c);
    const int8_t type = u_charType(c);
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_MODIFIER_LETTER || c == 0x00B7) {
      continue;
    }
    non_ascii |= c >= 0x80;
    kept.append(c);
  }
  if (non_ascii) {
    if (icu::Transliterator* t = GetTransliterator(kLatinAscii)) {
      t->transliterate(kept);
    }
  }
  return AsciiLower(ToUtf8(kept));
}

std::vector<std::string> Tokenize(std::string_view text) {
  struct Piece {
    std::string text;
    bool dotted = false;  // followed by a separator run containing '.'
  };
  std::vector<Piece> pieces;
  std::string current;
  // The separator run after the last piece: dotted when it holds a dot and
  // nothing but dots and spaces ("A.B." or "J. R.", not "J.-C.").
  bool in_run = false, run_dot = false, run_clean = true;
  auto end_run = [&] {
    if (in_run && !pieces.empty()) pieces.back().dotted = run_dot && run_clean;
    in_run = false;
  };
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const size_t size = text.size();
  for (size_t i = 0; i < size;) {
    const auto c = bytes[i];
    if (c >= 0x80) {
      // A letter, digit or mark of any script is part of a token; any
      // other character (a symbol, a space, an ill-formed byte) separates.
      const size_t start = i;
      UChar32 cp;
      int32_t k = static_cast<int32_t>(i);
      U8_NEXT(bytes, k, static_cast<int32_t>(size), cp);
      i = static_cast<size_t>(k);
      const int8_t type =
          cp < 0 ? static_cast<int8_t>(U_UNASSIGNED) : u_charType(cp);
      if (cp >= 0 && (u_isalnum(cp) || type == U_NON_SPACING_MARK ||
                      type == U_COMBINING_SPACING_MARK)) {
        end_run();
        current.append(text.substr(start, i - start));
        continue;
      }
      if (!current.empty()) {
        pieces.push_back({std::move(current), false});
        current.clear();
      }
      if (!in_run) {
        in_run = true;
        run_dot = false;
        run_clean = true;
      }
      run_clean = false;
      continue;
    }
    ++i;
    const char ch = static_cast<char>(c);
    const bool lower = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    const bool upper = c >= 'A' && c <= 'Z';
    if (lower || upper) {
      end_run();
      current.push_back(upper ? static_cast<char>(c - 'A' + 'a') : ch);
      continue;
    }
    if (c == '\'' || c == '`') continue;  // apostrophes join
    if (!current.empty()) {
      pieces.push_back({std::move(current), false});
      current.clear();
    }
    if (!in_run) {
      in_run = true;
      run_dot = false;
      run_clean = true;
    }
    run_dot |= c == '.';
    run_clean &= c == '.' || c == ' ';
  }
  end_run();
  if (!current.empty()) pieces.push_back({std::move(current), false});

  // Dotted initials join: a run of one-letter pieces, each but the last
  // followed by a dot, of two or more letters.
  auto initial = [](const Piece& p) {
    return p.text.size() == 1 && p.text[0] >= 'a' && p.text[0] <= 'z';
  };
  std::vector<std::string> tokens;
  for (size_t i = 0; i < pieces.size();) {
    size_t j = i;
    if (initial(pieces[i]) && pieces[i].dotted) {
      j = i + 1;
      while (j < pieces.size() && initial(pieces[j]) && pieces[j - 1].dotted) {
        ++j;
      }
    }
    if (j - i >= 2) {
      std::string joined;
      for (size_t k = i; k < j; ++k) joined += pieces[k].text;
      tokens.push_back(std::move(joined));
      i = j;
    } else {
      tokens.push_back(std::move(pieces[i].text));
      ++i;
    }
  }
  return tokens;
}

void SplitArabicArticle(std::vector<std::string>* tokens) {
  std::vector<std::string> out;
  out.reserve(tokens->size() + 2);
  for (std::string& t : *tokens) {
    if (t.size() >= 5 && t[0] == 'a' && t[1] == 'l') {
      out.emplace_back("al");
      out.push_back(t.substr(2));
    } else {
      out.push_back(std::move(t));
    }
  }
  *tokens = std::move(out);
}

void AdaptKoreanVowels(std::vector<std::string>* tokens) {
  for (std::string& t : *tokens) {
    std::string out;
    for (size_t i = 0; i < t.size(); ++i) {
      if (t[i] == 'e' && i + 1 < t.size() &&
          (t[i + 1] == 'o' || t[i + 1] == 'u')) {
        continue;  // eo -> o, eu -> u
      }
      out.push_back(t[i]);
    }
    t = std::move(out);
  }
}

void ExpandAbbreviations(std::vector<std::string>* tokens) {
  for (std::string& t : *tokens) {
    if (t.size() < 3 || t.size() > 5) continue;
    for (const auto& [abbreviation, word] : kAbbreviations) {
      if (t == abbreviation) {
        t = std::string(word);
        break;
      }
    }
  }
}

void NumberWordsToDigits(std::vector<std::string>* tokens) {
  static constexpr std::string_view kUnits[] = {
      "zero",    "one",     "two",       "three",    "four",
      "five",    "six",     "seven",     "eight",    "nine",
      "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
      "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static constexpr std::string_view kOrdinals[] = {
      "",      "first",   "second", "third", "fourth", "fifth",
      "sixth", "seventh", "eighth", "ninth", "tenth"};
  static constexpr std::string_view kTens[] = {
      "",      "",      "twenty",  "thirty", "forty",
      "fifty", "sixty", "seventy", "eighty", "ninety"};
  auto value = [&](std::string_view t, bool* tens) -> int {
    *tens = false;
    for (int i = 0; i < 20; ++i) {
      if (t == kUnits[i]) return i;
    }
    for (int i = 1; i <= 10; ++i) {
      if (t == kOrdinals[i]) return i;
    }
    for (int i = 2; i < 10; ++i) {
      if (t == kTens[i] || (i == 4 && t == "fourty")) {
        *tens = true;
        return i * 10;
      }
    }
    // 1st, 2nd, 3rd, 4th ... -> the digits. Nine digits at most: a longer
    // run is no ordinal, and would overflow an int (found by fuzzing).
    if (t.size() >= 3 && t.size() <= 11) {
      const std::string_view suffix = t.substr(t.size() - 2);
      const std::string_view digits = t.substr(0, t.size() - 2);
      if ((suffix == "st" || suffix == "nd" || suffix == "rd" ||
           suffix == "th") &&
          std::all_of(digits.begin(), digits.end(),
                      [](char c) { return c >= '0' && c <= '9'; })) {
        int v = 0;
        for (char c : digits) v = v * 10 + (c - '0');
        return v;
      }
    }
    return -1;
  };
  // Most names hold no number word: check cheaply first.
  bool any = false;
  for (const std::string& t : *tokens) {
    const char c = t.empty() ? ' ' : t[0];
    any |= (c >= '0' && c <= '9' && t.size() >= 3) || c == 'z' || c == 'o' ||
           c == 't' || c == 'f' || c == 's' || c == 'e' || c == 'n';
  }
  if (!any) return;
  std::vector<std::string> out;
  out.reserve(tokens->size());
  for (size_t i = 0; i < tokens->size(); ++i) {
    bool tens = false;
    int v = value((*tokens)[i], &tens);
    if (v < 0) {
      out.push_back(std::move((*tokens)[i]));
      continue;
    }
    if (tens && i + 1 < tokens->size()) {
      bool next_tens = false;
      const int u = value((*tokens)[i + 1], &next_tens);
      if (!next_tens && u >= 1 && u <= 9) {
        v += u;
        ++i;
      }
    }
    out.push_back(std::to_string(v));
  }
  *tokens = std::move(out);
}

NormalizedName Normalize(std::string_view utf8, bool person) {
  NormalizedName out;
  if (IsAscii(utf8)) {
    out.tokens = Tokenize(utf8);
  } else {
    // Look-alikes before case folding: "В" imitates B, its "в" nothing.
    std::string folded = FoldCase(Unmask(utf8, &out.disguise));
    folded.resize(LeadingNamePart(folded));
    const UScriptCode sc = FirstNonLatinScript(folded);
    out.script = ClassOf(sc);
    out.tokens = Tokenize(StripMarks(ToLatin(folded)));
    if (sc == USCRIPT_ARABIC) SplitArabicArticle(&out.tokens);
    if (sc == USCRIPT_HANGUL) AdaptKoreanVowels(&out.tokens);
  }
  if (DigitsToLetters(&out.tokens)) out.disguise |= kDigitsForLetters;
  NumberWordsToDigits(&out.tokens);
  ExpandAbbreviations(&out.tokens);
  StripLegalForms(&out.tokens, person);
  return out;
}

std::string NameKey(const NormalizedName& name) {
  std::vector<std::string_view> sorted(name.tokens.begin(), name.tokens.end());
  std::sort(sorted.begin(), sorted.end());
  return Join(sorted, " ");
}

}  // namespace divrisk::screening
