// Name normalisation for screening: any script in, comparable ASCII tokens
// out.
//
// Steps, in order (each is a function below, tested on its own):
//  0. Unmasking (Unmask), for names with bytes outside ASCII: format and
//     default-ignorable characters and bidi controls (U+200B, U+200D,
//     U+200E, U+2060, U+202E, U+FEFF, variation selectors, ...) are
//     dropped, every space separator (U+00A0, U+2000..U+200A, U+3000, ...)
//     is a space; in a name that also has Latin letters, letters of other
//     scripts that look Latin (Cyrillic "а", Greek "ο") are mapped to the
//     Latin letter they imitate by ICU's spoof checker (uspoof skeletons,
//     UTS #39), inside a Latin word or forming a word that is all
//     look-alikes. Digits standing for letters ("Internationa1", "L3ader")
//     are read as letters after step 4 (DigitsToLetters). What was found is
//     recorded (Disguise): it is a red flag of its own.
//     Of a long name outside ASCII only the first 32 words (or 4 KiB of
//     letters) go on to the transliterator: screening uses 16 tokens.
//  1. Case folding: Unicode full case folding (ICU), "STRASSE"/"Straße" ->
//     "strasse".
//  2. Transliteration to Latin, only for names with letters outside the
//     Latin script (ICU): Cyrillic with the BGN/PCGN tables
//     ("Russian-Latin/BGN": Щукин -> shchukin, as the UN and OFAC lists spell
//     Russian names), Greek with UNGEGN, everything else with "Any-Latin"
//     (Arabic, Hebrew, Chinese as pinyin, Devanagari, Thai, ...). Hangul
//     syllables are romanised one by one, as Korean names are written in
//     Latin ("Kim Jong Un", not "Gimjeongeun"), and the Revised
//     Romanisation vowels eo/eu are written o/u as on the lists.
//  3. Decomposition: NFKD, then combining marks, modifier letters and the
//     middle dot are dropped (é -> e, ʿ -> nothing); what is left outside
//     ASCII goes through ICU "Latin-ASCII" (ø -> o, ł -> l, æ -> ae).
//  4. Punctuation: apostrophes join (O'Brien -> obrien), every other
//     punctuation mark separates (Jean-Marie -> jean marie); dotted initials
//     join (P.T. -> pt, A.B.C. -> abc) while one initial stays a token.
//     Names transliterated from Arabic lose their article ("altkryty" ->
//     "al tkryty"), as Latin-script lists write it apart (AL-TIKRITI).
//     Number words and ordinals become digits ("Forty-Four" -> 44, "First"
//     and "1st" -> 1); common abbreviations are written out ("Intl",
//     "Int'l" -> international; kAbbreviations in normalize.cc).
//  5. Legal forms, titles and filler words are dropped, single words and
//     phrases (engine/model/legal_forms.cc, listed in
//     indicators/screening/README.md): LLC, FZE, GmbH, "limited liability
//     company", ООО (-> ooo after step 2), "obshchestvo s ogranichennoy
//     otvetstvennostyu", Mr, Dr, the, and, of ... A name made only of such
//     words keeps them.
//  6. Token order independence: the scorer aligns tokens without regard to
//     order; NameKey() gives the order-free exact key (sorted tokens).

#ifndef DIVRISK_INDICATORS_SCREENING_NORMALIZE_H_
#define DIVRISK_INDICATORS_SCREENING_NORMALIZE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/legal_forms.h"

namespace divrisk::screening {

// The script a name was written in, as far as matching cares.
enum class ScriptClass : uint8_t {
  kLatin,   // Latin (or digits and punctuation only)
  kAbjad,   // short vowels not written: Arabic, Hebrew, Syriac, Thaana,
            // and Thai/Lao, whose inherent vowels transliteration drops
  kHangul,  // Korean
  kHan,     // Chinese characters, Japanese kana
  kOther,   // Cyrillic, Greek, Devanagari, ...: alphabets with vowels
};

// Ways of writing a name that change nothing a reader sees but defeat
// matching: bits of NormalizedName::disguise.
enum Disguise : uint8_t {
  kNotDisguised = 0,
  // Format (Cf) or default-ignorable characters or bidi controls in a name
  // written in Latin letters (in Arabic, Persian or Indic text a zero-width
  // joiner or a direction mark is ordinary, and is only dropped).
  kInvisibleCharacters = 1,
  // Letters of another script that look Latin, among Latin letters.
  kLookAlikeLetters = 2,
  // Digits for letters inside a word ("Internationa1", "L3ader").
  kDigitsForLetters = 4,
};

// The disguises in `bits`, in words ("invisible characters, look-alike
// letters of another script"); empty for none.
std::string DisguiseText(uint8_t bits);

struct NormalizedName {
  std::vector<std::string> tokens;  // in the name's order
  ScriptClass script = ScriptClass::kLatin;
  uint8_t disguise = kNotDisguised;  // Disguise bits
  // The Latin transliteration lacks most vowels: compare consonant
  // skeletons (scorer.h).
  bool vowelless() const { return script == ScriptClass::kAbjad; }
};

// Step 0: `utf8` (before case folding: "В" imitates B, "в" nothing)
// without invisible characters, with space
// separators as spaces and look-alike letters as the Latin ones they
// imitate; ORs what it found into *disguise. Linear in the input.
std::string Unmask(std::string_view utf8, uint8_t* disguise);

// Step 4 (after Tokenize): a word of three or more letters with single
// digits among them has its digits read as the letters they imitate
// (0 o, 1 l or, between consonants, i, 2 z, 3 e, 4 a, 5 s, 6 b, 7 t, 8 b,
// 9 g); runs of digits
// ("mig29", "1st", "44") are numbers and stay. True if any was changed.
bool DigitsToLetters(std::vector<std::string>* tokens);

// Step 1: Unicode full case folding of UTF-8 text.
std::string FoldCase(std::string_view utf8);

// The script class of the letters of `utf8` (the first non-Latin script
// found decides).
ScriptClass DetectScript(std::string_view utf8);

// Step 2: `utf8` (case-folded) in Latin letters, by the transliterator for
// its first non-Latin script. Latin text is returned unchanged. Thread-safe
// (one ICU transliterator per thread and script, created on first use).
std::string ToLatin(std::string_view utf8);

// Step 3: NFKD, marks and modifier letters dropped, then Latin-ASCII, then
// ASCII lower case. Characters no transliterator knows stay as they are.
std::string StripMarks(std::string_view utf8);

// Step 4: tokens of `text` (lower case) by the punctuation rules above.
// Letters and digits of any script make tokens; every other character
// (symbols, punctuation, spaces, anything left outside ASCII that is not a
// letter or digit) separates them.
std::vector<std::string> Tokenize(std::string_view text);

// Step 4 for Arabic script: "altkryty" -> "al", "tkryty".
void SplitArabicArticle(std::vector<std::string>* tokens);

// Step 2 for Hangul: Revised Romanisation eo -> o, eu -> u ("jeong" ->
// "jong", "eun" -> "un").
void AdaptKoreanVowels(std::vector<std::string>* tokens);

// Step 4: number words and ordinals as digits ("forty", "four" -> "44";
// "first", "1st" -> "1").
void NumberWordsToDigits(std::vector<std::string>* tokens);

// Step 4: abbreviations written out ("intl" -> "international", "mfg" ->
// "manufacturing", "hldgs" -> "holdings", ...).
void ExpandAbbreviations(std::vector<std::string>* tokens);

// Step 5: drops legal forms, titles and fillers (titles and fillers only,
// with `titles_only`), unless nothing would be left; IsLegalFormOrTitle
// tells whether one token is one. Both live in the model layer
// (engine/model/legal_forms.h), whose one list the kernels' exact
// NormalizeName uses too.
using ::divrisk::IsLegalFormOrTitle;
using ::divrisk::StripLegalForms;

// All steps. A person's name keeps words that are legal forms elsewhere
// ("Se", "Ag", "Pao" are name parts; titles still go).
NormalizedName Normalize(std::string_view utf8, bool person = false);

// Step 6: the sorted tokens joined by spaces: equal for names that differ
// only in order, case, script, punctuation or legal form.
std::string NameKey(const NormalizedName& name);

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_NORMALIZE_H_
