// Names written to slip past screening (issue 14): invisible characters,
// exotic spaces, bidi controls, look-alike letters of other scripts, digits
// for letters. Normalisation sees through them and says what it saw; the
// corpus generator (eval/disguise.h) covers every code point of each set.
// The recall on every UN-listed name is asserted in accuracy_test.cc.

#include "indicators/screening/eval/disguise.h"

#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/screening/case_screening.h"
#include "indicators/screening/normalize.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {
namespace {

using ::testing::ElementsAre;

std::string Utf8(char32_t c) {
  std::string s;
  if (c < 0x80) {
    s.push_back(static_cast<char>(c));
  } else if (c < 0x800) {
    s.push_back(static_cast<char>(0xC0 | (c >> 6)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else if (c < 0x10000) {
    s.push_back(static_cast<char>(0xE0 | (c >> 12)));
    s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  } else {
    s.push_back(static_cast<char>(0xF0 | (c >> 18)));
    s.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
    s.push_back(static_cast<char>(0x80 | (c & 0x3F)));
  }
  return s;
}

const std::vector<std::string> kClean = {"leader", "hong", "kong",
                                         "international", "trading"};

TEST(UnmaskTest, EveryFormatAndDefaultIgnorableCodePointIsDropped) {
  const auto& cps = DisguiseCodePoints(DisguiseKind::kInvisible);
  ASSERT_GT(cps.size(), 4000u);  // Cf, tags, variation selectors, ...
  for (char32_t c : cps) {
    const std::string cp = Utf8(c);
    const NormalizedName n = Normalize(cp + "Leader (Hong Kong) Inter" + cp +
                                       "national Trading" + cp);
    EXPECT_EQ(n.tokens, kClean) << std::hex << static_cast<uint32_t>(c);
    EXPECT_TRUE(n.disguise & kInvisibleCharacters)
        << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(UnmaskTest, EverySpaceSeparatorIsASpace) {
  const auto& cps = DisguiseCodePoints(DisguiseKind::kSpaces);
  ASSERT_GE(cps.size(), 16u);
  for (char32_t c : cps) {
    const std::string sp = Utf8(c);
    EXPECT_EQ(Normalize("Leader" + sp + "(Hong" + sp + "Kong)" + sp +
                        "International" + sp + "Trading")
                  .tokens,
              kClean)
        << std::hex << static_cast<uint32_t>(c);
  }
}

TEST(UnmaskTest, EveryBidiControlIsDropped) {
  const auto& cps = DisguiseCodePoints(DisguiseKind::kBidi);
  ASSERT_GE(cps.size(), 12u);
  for (char32_t c : cps) {
    const std::string b = Utf8(c);
    const NormalizedName n =
        Normalize(b + "Leader (Hong Kong) International" + b + " Trading" + b);
    EXPECT_EQ(n.tokens, kClean) << std::hex << static_cast<uint32_t>(c);
    EXPECT_TRUE(n.disguise & kInvisibleCharacters);
  }
}

TEST(UnmaskTest, InvisibleCharactersInArabicOrPersianAreNoDisguise) {
  // A zero-width non-joiner is how Persian writes some words.
  const NormalizedName n = Normalize("می\u200Cخواهم");
  EXPECT_EQ(n.disguise, kNotDisguised);
}

TEST(UnmaskTest, LookAlikeLettersOfCyrillicAndGreekAmongLatin) {
  const NormalizedName cyr = Normalize("Lеаdеr Intеrnаtiоnаl Trаding");
  EXPECT_THAT(cyr.tokens, ElementsAre("leader", "international", "trading"));
  EXPECT_TRUE(cyr.disguise & kLookAlikeLetters);
  const NormalizedName grk = Normalize("Yαs Αir");
  EXPECT_THAT(grk.tokens, ElementsAre("yas", "air"));
  EXPECT_TRUE(grk.disguise & kLookAlikeLetters);
  // A word all of look-alikes beside a Latin one: "Аіг" is "Air".
  EXPECT_THAT(Normalize("Yas Аіг").tokens, ElementsAre("yas", "air"));
  // A name in Cyrillic is read as Cyrillic, not as look-alikes.
  const NormalizedName ru = Normalize("Сергей Кузнецов");
  EXPECT_THAT(ru.tokens, ElementsAre("sergey", "kuznetsov"));
  EXPECT_EQ(ru.disguise, kNotDisguised);
}

TEST(DigitsToLettersTest, SingleDigitsInWordsAreLettersNumbersStay) {
  std::vector<std::string> t = {"internationa1", "l3ader", "0cean", "mig29",
                                "1st",           "44",     "a1",    "web3"};
  EXPECT_TRUE(DigitsToLetters(&t));
  EXPECT_THAT(t, ElementsAre("international", "leader", "ocean", "mig29", "1st",
                             "44", "a1", "web3"));
  const NormalizedName n = Normalize("Leader Internationa1 Trading");
  EXPECT_THAT(n.tokens, ElementsAre("leader", "international", "trading"));
  EXPECT_EQ(n.disguise, kDigitsForLetters);
  EXPECT_EQ(Normalize("Boeing 737 Holdings").disguise, kNotDisguised);
}

TEST(TokenizeTest, SymbolsOutsideAsciiSeparate) {
  EXPECT_THAT(Tokenize("acme€trading★co"),
              ElementsAre("acme", "trading", "co"));
  EXPECT_THAT(Normalize("Acme★Trading").tokens, ElementsAre("acme", "trading"));
  // Letters of scripts no transliterator knows stay tokens.
  EXPECT_EQ(Tokenize("x\xF0\x9D\x90\x80y").size(), 1u);  // 𝐀 is a letter
}

TEST(DisguiseTextTest, Words) {
  EXPECT_EQ(DisguiseText(kInvisibleCharacters | kDigitsForLetters),
            "invisible characters, digits for letters");
  EXPECT_EQ(DisguiseText(kNotDisguised), "");
}

TEST(ShowInvisibleTest, CodePointsShown) {
  EXPECT_EQ(ShowInvisible("\u200BLeader\u2060"), "<U+200B>Leader<U+2060>");
}

// The generator: each kind changes the name, and normalisation gives back
// the tokens (the reordered and punctuated kinds the same set).
TEST(DisguiseCorpusTest, EachKindNormalisesBack) {
  const std::string name = "Leader International Trading";
  for (int k = 0; k < kDisguiseKinds; ++k) {
    const auto kind = static_cast<DisguiseKind>(k);
    for (size_t i = 0; i < 3; ++i) {
      const std::string d = DisguiseName(name, kind, i);
      EXPECT_NE(d, name) << DisguiseKindName(kind);
      EXPECT_EQ(NameKey(Normalize(d)), NameKey(Normalize(name)))
          << DisguiseKindName(kind) << ": " << d;
    }
  }
}

// A screener finds the disguised names and says they were disguised.
TEST(DisguiseScreeningTest, MatchCarriesTheDisguise) {
  ListSet lists;
  lists.sources.push_back({});
  ListEntry e;
  e.type = EntityType::kEntity;
  e.names.push_back({"YAS AIR", NameStrength::kPrimary});
  lists.entries.push_back(e);
  const Screener s(std::move(lists));
  ScreeningQuery q;
  q.names = {"Yas Air\u200E\u2060"};
  std::vector<Match> m = s.Screen(q);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].level, MatchLevel::kHit);
  EXPECT_EQ(m[0].disguise, kInvisibleCharacters);
  q.names = {"Yas Air"};
  m = s.Screen(q);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].disguise, kNotDisguised);
}

}  // namespace
}  // namespace divrisk::screening
