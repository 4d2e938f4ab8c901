#include "indicators/screening/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <memory>

#include "absl/container/flat_hash_set.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

// Legal forms, as tokens after steps 1-4 (so "S.A." is "sa", "ООО" is
// "ooo", "Sp. z o.o." is "sp z oo"). Documented in README.md; keep in step.
constexpr std::string_view kLegalForms[] = {
    // English-speaking and international
    "co", "company", "corp", "corporation", "inc", "incorporated", "llc",
    "llp", "lllp", "lp", "ltd", "limited", "plc", "pte", "pty", "pvt",
    // Gulf free zones and others
    "fz", "fze", "fzc", "fzco", "fzllc", "wll", "spc", "sae", "sal",
    // German, Dutch, Nordic, Central Europe
    "ag", "gmbh", "mbh", "kg", "ohg", "se", "bv", "nv", "bvba", "cvba", "ab",
    "as", "asa", "aps", "oy", "oyj", "kft", "zrt", "nyrt", "sro", "doo",
    "ood", "eood", "aktiengesellschaft",
    // Romance languages, Latin America
    "sa", "sas", "sasu", "sarl", "eurl", "snc", "spa", "srl", "sl", "slu",
    "lda", "ltda", "cia", "cie", "sac", "saa", "sab", "sapi", "cv",
    // Russian and other post-Soviet (after transliteration)
    "ooo", "oao", "zao", "pao", "jsc", "ojsc", "cjsc", "pjsc", "tov", "pat",
    "prat",
    // South-East Asia
    "pt", "tbk", "bhd", "sdn",
};

constexpr std::string_view kLegalPhrases[] = {
    "limited liability company", "limited liability partnership",
    "limited partnership", "public limited company", "private limited company",
    "joint stock company", "open joint stock company",
    "closed joint stock company", "public joint stock company",
    "private joint stock company", "company limited", "co ltd", "pte ltd",
    "pvt ltd", "sdn bhd", "w l l", "a s", "sp z oo",
    "spolka z ograniczona odpowiedzialnoscia", "sa de cv", "s de rl de cv",
    "s de rl", "sociedad anonima", "sociedad limitada",
    "sociedad de responsabilidad limitada", "societe anonyme",
    "societe a responsabilite limitee", "sociedade anonima",
    "societa per azioni", "societa a responsabilita limitata",
    "gesellschaft mit beschrankter haftung",
    "societatea cu raspundere limitata",
    "obshchestvo s ogranichennoy otvetstvennostyu",
    "obshchestvo s ogranichennoi otvetstvennostiu",
    "aktsionernoe obshchestvo", "aktsionernoye obshchestvo",
    "otkrytoe aktsionernoe obshchestvo", "otkrytoye aktsionernoye obshchestvo",
    "zakrytoe aktsionernoe obshchestvo", "zakrytoye aktsionernoye obshchestvo",
    "publichnoe aktsionernoe obshchestvo",
    "publichnoye aktsionernoye obshchestvo",
    "tovarystvo z obmezhenoyu vidpovidalnistyu",
};

// Titles, honorifics, generational suffixes and filler words.
constexpr std::string_view kTitlesAndFillers[] = {
    "mr", "mrs", "ms", "mme", "mlle", "dr", "prof", "sir", "dame", "hon",
    "rev", "president", "praesident", "prasident", "jr", "sr", "the", "and",
    "of", "und", "et",
};

struct Tables {
  absl::flat_hash_set<std::string> words;
  std::vector<std::vector<std::string>> phrases;  // longest first
  Tables() {
    for (std::string_view w : kLegalForms) words.emplace(w);
    for (std::string_view w : kTitlesAndFillers) words.emplace(w);
    for (std::string_view p : kLegalPhrases) {
      std::vector<std::string> words;
      for (std::string_view w : SplitAny(p, " ")) words.emplace_back(w);
      phrases.push_back(std::move(words));
    }
    std::stable_sort(phrases.begin(), phrases.end(),
                     [](const auto& a, const auto& b) {
                       return a.size() > b.size();
                     });
  }
};

const Tables& GetTables() {
  static const Tables* tables = new Tables();
  return *tables;
}

bool IsAscii(std::string_view s) {
  for (unsigned char c : s) {
    if (c >= 0x80) return false;
  }
  return true;
}

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
    case USCRIPT_LATIN: return ScriptClass::kLatin;
    case USCRIPT_ARABIC: case USCRIPT_HEBREW: case USCRIPT_SYRIAC:
    case USCRIPT_THAANA: case USCRIPT_THAI: case USCRIPT_LAO:
      return ScriptClass::kAbjad;
    case USCRIPT_HANGUL: return ScriptClass::kHangul;
    case USCRIPT_HAN: case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
      return ScriptClass::kHan;
    default: return ScriptClass::kOther;
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
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) {
      current.push_back(ch);
      continue;
    }
    if (c >= 'A' && c <= 'Z') {
      current.push_back(static_cast<char>(c - 'A' + 'a'));
      continue;
    }
    if (c == '\'' || c == '`') continue;  // apostrophes join
    // A separator; pieces.back() is the piece just before this run.
    if (!current.empty()) {
      pieces.push_back({std::move(current), false});
      current.clear();
    }
    if (c == '.' && !pieces.empty()) pieces.back().dotted = true;
  }
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
      if (t[i] == 'e' && i + 1 < t.size() && (t[i + 1] == 'o' || t[i + 1] == 'u')) {
        continue;  // eo -> o, eu -> u
      }
      out.push_back(t[i]);
    }
    t = std::move(out);
  }
}

bool IsLegalFormOrTitle(std::string_view token) {
  return GetTables().words.contains(std::string(token));
}

int StripLegalForms(std::vector<std::string>* tokens) {
  const Tables& tables = GetTables();
  std::vector<bool> drop(tokens->size(), false);
  size_t dropped = 0;
  for (size_t i = 0; i < tokens->size();) {
    size_t matched = 0;
    for (const auto& phrase : tables.phrases) {
      if (i + phrase.size() > tokens->size()) continue;
      bool ok = true;
      for (size_t k = 0; k < phrase.size() && ok; ++k) {
        ok = (*tokens)[i + k] == phrase[k];
      }
      if (ok) {
        matched = phrase.size();
        break;
      }
    }
    if (matched == 0 && tables.words.contains((*tokens)[i])) matched = 1;
    if (matched == 0) {
      ++i;
      continue;
    }
    for (size_t k = 0; k < matched; ++k) drop[i + k] = true;
    dropped += matched;
    i += matched;
  }
  if (dropped == 0 || dropped == tokens->size()) return 0;
  std::vector<std::string> kept;
  kept.reserve(tokens->size() - dropped);
  for (size_t i = 0; i < tokens->size(); ++i) {
    if (!drop[i]) kept.push_back(std::move((*tokens)[i]));
  }
  *tokens = std::move(kept);
  return static_cast<int>(dropped);
}

NormalizedName Normalize(std::string_view utf8) {
  NormalizedName out;
  if (IsAscii(utf8)) {
    out.tokens = Tokenize(utf8);
  } else {
    const std::string folded = FoldCase(utf8);
    const UScriptCode sc = FirstNonLatinScript(folded);
    out.script = ClassOf(sc);
    out.tokens = Tokenize(StripMarks(ToLatin(folded)));
    if (sc == USCRIPT_ARABIC) SplitArabicArticle(&out.tokens);
    if (sc == USCRIPT_HANGUL) AdaptKoreanVowels(&out.tokens);
  }
  StripLegalForms(&out.tokens);
  return out;
}

std::string NameKey(const NormalizedName& name) {
  std::vector<std::string_view> sorted(name.tokens.begin(), name.tokens.end());
  std::sort(sorted.begin(), sorted.end());
  return Join(sorted, " ");
}

}  // namespace divrisk::screening
