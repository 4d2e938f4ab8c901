// Every normalisation step on its own, then the whole.

#include "indicators/screening/normalize.h"

#include <string>
#include <thread>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk::screening {
namespace {

using ::testing::ElementsAre;

std::vector<std::string> Tokens(std::string_view name) {
  return Normalize(name).tokens;
}

// Step 1: case folding.
TEST(FoldCaseTest, AsciiAndUnicodeFullCaseFolding) {
  EXPECT_EQ(FoldCase("ACME Trading"), "acme trading");
  EXPECT_EQ(FoldCase("STRAẞE Straße"), "strasse strasse");
  EXPECT_EQ(FoldCase("ΣΊΣΥΦΟΣ"), "σίσυφοσ");
  EXPECT_EQ(FoldCase("ÉCOLE"), "école");
}

// Script detection (which transliterator, whether vowels are written).
TEST(DetectScriptTest, ClassesOfScripts) {
  EXPECT_EQ(DetectScript("Müller GmbH"), ScriptClass::kLatin);
  EXPECT_EQ(DetectScript("123 & Co."), ScriptClass::kLatin);
  EXPECT_EQ(DetectScript("محمد"), ScriptClass::kAbjad);
  EXPECT_EQ(DetectScript("משה"), ScriptClass::kAbjad);
  EXPECT_EQ(DetectScript("สมชาย"), ScriptClass::kAbjad);
  EXPECT_EQ(DetectScript("김정은"), ScriptClass::kHangul);
  EXPECT_EQ(DetectScript("习近平"), ScriptClass::kHan);
  EXPECT_EQ(DetectScript("Владимир"), ScriptClass::kOther);
  EXPECT_EQ(DetectScript("Αλέξανδρος"), ScriptClass::kOther);
}

// Step 2: transliteration.
TEST(ToLatinTest, CyrillicUsesBgnPcgnAsTheListsDo) {
  EXPECT_EQ(ToLatin("щукин"), "shchukin");
  EXPECT_EQ(StripMarks(ToLatin("хрущёв")), "khrushchev");
  EXPECT_EQ(ToLatin("владимир путин"), "vladimir putin");
  EXPECT_EQ(ToLatin("ооо"), "ooo");
}

TEST(ToLatinTest, ArabicHebrewChineseGreek) {
  EXPECT_EQ(StripMarks(ToLatin("محمد علي")), "mhmd ly");
  EXPECT_EQ(StripMarks(ToLatin("משה")), "msh");
  EXPECT_EQ(StripMarks(ToLatin("习近平")), "xi jin ping");
  EXPECT_EQ(StripMarks(ToLatin("αλέξανδρος")), "alexandros");
}

TEST(ToLatinTest, HangulSyllableBySyllable) {
  EXPECT_EQ(StripMarks(ToLatin("김정은")), "gim jeong eun");
}

TEST(ToLatinTest, LatinIsUnchanged) {
  EXPECT_EQ(ToLatin("müller"), "müller");
}

// Step 3: decomposition, marks, Latin-ASCII.
TEST(StripMarksTest, AccentsModifierLettersAndSpecialLetters) {
  EXPECT_EQ(StripMarks("crédit agricole"), "credit agricole");
  EXPECT_EQ(StripMarks("vučić"), "vucic");
  EXPECT_EQ(StripMarks("øresund łódź æ"), "oresund lodz ae");
  EXPECT_EQ(StripMarks("ʿabd"), "abd");
  EXPECT_EQ(StripMarks("otvet·stvennost"), "otvetstvennost");
  EXPECT_EQ(StripMarks("ﬁrma"), "firma");  // compatibility ligature
}

// Step 4: punctuation.
TEST(TokenizeTest, ApostrophesJoinOtherPunctuationSeparates) {
  EXPECT_THAT(Tokenize("o'brien"), ElementsAre("obrien"));
  EXPECT_THAT(Tokenize("al-qa'ida"), ElementsAre("al", "qaida"));
  EXPECT_THAT(Tokenize("jean-marie le pen"),
              ElementsAre("jean", "marie", "le", "pen"));
  EXPECT_THAT(Tokenize("h&m (u.k.), ltd."), ElementsAre("h", "m", "uk", "ltd"));
  EXPECT_THAT(Tokenize("  "), ElementsAre());
}

TEST(TokenizeTest, DottedInitialsJoinSingleInitialsStay) {
  EXPECT_THAT(Tokenize("a.b.c. company"), ElementsAre("abc", "company"));
  EXPECT_THAT(Tokenize("p.t. astra"), ElementsAre("pt", "astra"));
  EXPECT_THAT(Tokenize("b.v.b.a"), ElementsAre("bvba"));
  EXPECT_THAT(Tokenize("ali a. velayati"), ElementsAre("ali", "a", "velayati"));
  EXPECT_THAT(Tokenize("j.-c. juncker"), ElementsAre("j", "c", "juncker"));
}

TEST(TokenizeTest, UpperCaseIsLowered) {
  EXPECT_THAT(Tokenize("ACME Ltd"), ElementsAre("acme", "ltd"));
}

TEST(SplitArabicArticleTest, ArticleComesApart) {
  std::vector<std::string> t = {"sdam", "hsyn", "altkryty", "ali"};
  SplitArabicArticle(&t);
  EXPECT_THAT(t, ElementsAre("sdam", "hsyn", "al", "tkryty", "ali"));
}

TEST(AdaptKoreanVowelsTest, RevisedRomanisationVowels) {
  std::vector<std::string> t = {"gim", "jeong", "eun", "cheol"};
  AdaptKoreanVowels(&t);
  EXPECT_THAT(t, ElementsAre("gim", "jong", "un", "chol"));
}

TEST(NumberWordsToDigitsTest, WordsOrdinalsAndCompounds) {
  std::vector<std::string> t = {"brigade", "forty", "four"};
  NumberWordsToDigits(&t);
  EXPECT_THAT(t, ElementsAre("brigade", "44"));
  t = {"first", "international", "bank", "1st", "3rd", "twelve"};
  NumberWordsToDigits(&t);
  EXPECT_THAT(t, ElementsAre("1", "international", "bank", "1", "3", "12"));
  t = {"sth", "tenth", "nineteen", "fourty"};
  NumberWordsToDigits(&t);
  EXPECT_THAT(t, ElementsAre("sth", "10", "19", "40"));
}

// A digit run too long for an ordinal stays a token (it once overflowed
// std::stoi and aborted the process: found by the sanctions_list fuzzer).
TEST(NumberWordsToDigitsTest, LongDigitRunsAreNotOrdinals) {
  std::vector<std::string> t = {"unit", "123456789th", "99999999999th",
                                "1234567890123456789012st"};
  NumberWordsToDigits(&t);
  EXPECT_THAT(t, ElementsAre("unit", "123456789", "99999999999th",
                             "1234567890123456789012st"));
}

TEST(ExpandAbbreviationsTest, CommonAbbreviationsWrittenOut) {
  std::vector<std::string> t = {"first", "bank", "intl", "mfg", "intlx"};
  ExpandAbbreviations(&t);
  EXPECT_THAT(t, ElementsAre("first", "bank", "international",
                             "manufacturing", "intlx"));
  EXPECT_THAT(Tokens("First Bank Int'l"),
              ElementsAre("1", "bank", "international"));
}

// Step 5: legal forms, titles, fillers.
TEST(StripLegalFormsTest, SingleWordsAnywhere) {
  std::vector<std::string> t = {"eastgate", "global", "logistics", "fze"};
  EXPECT_EQ(StripLegalForms(&t), 1);
  EXPECT_THAT(t, ElementsAre("eastgate", "global", "logistics"));
  t = {"ooo", "romashka"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("romashka"));
  t = {"bank", "of", "kunlun", "co", "ltd"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("bank", "kunlun"));
}

TEST(StripLegalFormsTest, PhrasesLongestFirst) {
  std::vector<std::string> t = {"stripe", "limited", "liability", "company"};
  EXPECT_EQ(StripLegalForms(&t), 3);
  EXPECT_THAT(t, ElementsAre("stripe"));
  t = {"otkrytoe", "aktsionernoe", "obshchestvo", "gazprom"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("gazprom"));
  t = {"faberlic", "europe", "sp", "z", "oo"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("faberlic", "europe"));
}

TEST(StripLegalFormsTest, TitlesAndFillers) {
  std::vector<std::string> t = {"mr", "recep", "tayyip", "erdogan"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("recep", "tayyip", "erdogan"));
  t = {"the", "pudney", "trust"};
  StripLegalForms(&t);
  EXPECT_THAT(t, ElementsAre("pudney", "trust"));
}

TEST(StripLegalFormsTest, ANameOfLegalFormsOnlyKeepsThem) {
  std::vector<std::string> t = {"the", "company"};
  EXPECT_EQ(StripLegalForms(&t), 0);
  EXPECT_THAT(t, ElementsAre("the", "company"));
}

TEST(StripLegalFormsTest, DocumentedWords) {
  for (const char* w : {"llc", "fze", "ooo", "gmbh", "ltd", "sarl", "jsc",
                        "pjsc", "zao", "sa", "mr", "dr"}) {
    EXPECT_TRUE(IsLegalFormOrTitle(w)) << w;
  }
  EXPECT_FALSE(IsLegalFormOrTitle("trading"));
  EXPECT_FALSE(IsLegalFormOrTitle("bank"));
}

// All steps.
TEST(NormalizeTest, EndToEnd) {
  EXPECT_THAT(Tokens("EASTGATE GLOBAL LOGISTICS, F.Z.E."),
              ElementsAre("eastgate", "global", "logistics"));
  EXPECT_THAT(Tokens("ООО «Ромашка»"), ElementsAre("romashka"));
  EXPECT_THAT(Tokens("Общество с ограниченной ответственностью Ромашка"),
              ElementsAre("romashka"));
  EXPECT_THAT(Tokens("صدام حسين التكريتي"),
              ElementsAre("sdam", "hsyn", "al", "tkryty"));
  EXPECT_THAT(Tokens("김정은"), ElementsAre("gim", "jong", "un"));
  EXPECT_THAT(Tokens("Präsident Barack Obama"), ElementsAre("barack", "obama"));
  EXPECT_THAT(Tokens("‘ABD AL-RAHMAN BIN ‘UMAYR AL-NU’AYMI"),
              ElementsAre("abd", "al", "rahman", "bin", "umayr", "al",
                          "nuaymi"));
}

TEST(NormalizeTest, PersonsKeepNamePartsThatAreLegalFormsElsewhere) {
  EXPECT_THAT(Tokens("Siemens SE"), ElementsAre("siemens"));
  EXPECT_THAT(Normalize("KIM, Se Gon", true).tokens,
              ElementsAre("kim", "se", "gon"));
  EXPECT_THAT(Normalize("HITTA, Sidan Ag", true).tokens,
              ElementsAre("hitta", "sidan", "ag"));
  EXPECT_THAT(Normalize("Dr. Ali Ag", true).tokens, ElementsAre("ali", "ag"));
}

TEST(NormalizeTest, VowellessForAbjadScriptsOnly) {
  EXPECT_TRUE(Normalize("محمد").vowelless());
  EXPECT_FALSE(Normalize("Mohammed").vowelless());
  EXPECT_FALSE(Normalize("Владимир").vowelless());
}

// Step 6: order independence.
TEST(NameKeyTest, OrderCaseScriptPunctuationAndLegalFormFree) {
  EXPECT_EQ(NameKey(Normalize("Eastgate Global Logistics FZE")),
            NameKey(Normalize("LOGISTICS, EASTGATE GLOBAL")));
  EXPECT_EQ(NameKey(Normalize("HANIYA, Ismail")),
            NameKey(Normalize("Ismail Haniya")));
  EXPECT_EQ(NameKey(Normalize("Crédit Agricole S.A.")),
            NameKey(Normalize("credit agricole")));
  EXPECT_NE(NameKey(Normalize("Bashar al-Assad")),
            NameKey(Normalize("Hafez al-Assad")));
}

TEST(NormalizeTest, ThreadSafe) {
  std::vector<std::thread> threads;
  std::vector<std::string> out(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&out, i] {
      for (int k = 0; k < 50; ++k) {
        out[static_cast<size_t>(i)] = NameKey(Normalize("Владимир Путин"));
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (const std::string& s : out) EXPECT_EQ(s, "putin vladimir");
}

}  // namespace
}  // namespace divrisk::screening
