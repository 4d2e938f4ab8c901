#include "indicators/screening/scorer.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "indicators/screening/normalize.h"

namespace divrisk::screening {
namespace {

// Tokens of a name with equal weights (or the given ones).
struct Name {
  std::vector<std::string> text, skeleton;
  std::vector<ScoredToken> tokens;
  bool vowelless = false;
  explicit Name(std::string_view name, std::vector<float> weights = {}) {
    NormalizedName n = Normalize(name);
    vowelless = n.vowelless();
    text = n.tokens;
    for (const std::string& t : text) skeleton.push_back(Skeleton(t));
    for (size_t i = 0; i < text.size(); ++i) {
      tokens.push_back(
          {text[i], skeleton[i], i < weights.size() ? weights[i] : 1.0f});
    }
  }
};

double Score(std::string_view a, std::string_view b) {
  Name x(a), y(b);
  return NameScore(x.tokens, y.tokens, x.vowelless || y.vowelless,
                   ScorerParams());
}

double Sim(std::string_view a, std::string_view b, bool vowelless = false) {
  const std::string sa = Skeleton(a), sb = Skeleton(b);
  return TokenSimilarity({a, sa}, {b, sb}, vowelless, ScorerParams());
}

TEST(JaroWinklerTest, ClassicValues) {
  EXPECT_NEAR(JaroWinkler("martha", "marhta"), 0.961, 0.001);
  EXPECT_NEAR(JaroWinkler("dwayne", "duane"), 0.84, 0.001);
  EXPECT_NEAR(JaroWinkler("dixon", "dicksonx"), 0.813, 0.001);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "abc"), 1.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("abc", "xyz"), 0.0);
  EXPECT_DOUBLE_EQ(JaroWinkler("", "abc"), 0.0);
}

TEST(JaroWinklerTest, LongStringsTakeTheSlowPath) {
  const std::string a(80, 'a');
  std::string b = a;
  b[40] = 'b';
  EXPECT_GT(JaroWinkler(a, b), 0.98);
}

TEST(SkeletonTest, ConsonantFrames) {
  EXPECT_EQ(Skeleton("mohammed"), "mhmd");
  EXPECT_EQ(Skeleton("muhammad"), "mhmd");
  EXPECT_EQ(Skeleton("mhmd"), "mhmd");
  EXPECT_EQ(Skeleton("hussein"), "hsyn");
  EXPECT_EQ(Skeleton("hsyn"), "hsyn");
  EXPECT_EQ(Skeleton("hassan"), "hsn");
  EXPECT_EQ(Skeleton("alexander"), "lksndr");
  EXPECT_EQ(Skeleton("aleksandr"), "lksndr");
  EXPECT_EQ(Skeleton("david"), "dd");
  EXPECT_EQ(Skeleton("saddam"), "sdm");
  EXPECT_EQ(Skeleton("dwd"), "dd");
  EXPECT_EQ(Skeleton("ali"), "l");
  EXPECT_EQ(Skeleton("a"), "a");
}

TEST(RomanisationVariantsTest, KoreanSurnamesAndArabicParticles) {
  EXPECT_TRUE(RomanisationVariants("gim", "kim"));
  EXPECT_TRUE(RomanisationVariants("lee", "ri"));
  EXPECT_TRUE(RomanisationVariants("bak", "park"));
  EXPECT_TRUE(RomanisationVariants("ibn", "bin"));
  EXPECT_TRUE(RomanisationVariants("mohammed", "muhammad"));
  EXPECT_FALSE(RomanisationVariants("kim", "park"));
  EXPECT_FALSE(RomanisationVariants("smith", "smyth"));
}

TEST(TokenSimilarityTest, Rules) {
  EXPECT_EQ(Sim("putin", "putin"), 1.0);
  EXPECT_EQ(Sim("44", "45"), 0.0);           // numbers must be equal
  EXPECT_EQ(Sim("44", "44"), 1.0);
  EXPECT_GT(Sim("a", "akbar"), 0.85);        // an initial
  EXPECT_EQ(Sim("b", "akbar"), 0.0);
  EXPECT_EQ(Sim("gim", "kim"), 1.0);         // romanisation variant
  EXPECT_GT(Sim("pulin", "putin"), 0.85);    // a typo
  EXPECT_LT(Sim("olaf", "octavian"), 0.70);  // another name
  // Same consonant frame, vowels spelled otherwise.
  EXPECT_GE(Sim("osama", "usama"), 0.85);
  // Without written vowels: compared on skeletons.
  EXPECT_GT(Sim("hsn", "hassan", true), 0.9);
  EXPECT_LT(Sim("hsn", "hassan", false), 0.7);
  // Known romanisations of one name are equal.
  EXPECT_EQ(Sim("mhmd", "mohamed"), 1.0);
}

TEST(TokenCreditTest, FloorAndFull) {
  ScorerParams p;
  EXPECT_EQ(TokenCredit(p.token_floor, p), 0.0);
  EXPECT_EQ(TokenCredit(p.token_full, p), 1.0);
  EXPECT_NEAR(TokenCredit((p.token_floor + p.token_full) / 2, p), 0.5, 1e-9);
}

TEST(NameScoreTest, TokenOrderDoesNotMatter) {
  EXPECT_DOUBLE_EQ(Score("Ismail Abdul Salah Haniya", "HANIYA, Ismail Abdul Salah"),
                   1.0);
}

TEST(NameScoreTest, LegalFormsDoNotMatter) {
  EXPECT_DOUBLE_EQ(Score("Vodafone Limited", "Vodafone Ltd"), 1.0);
  EXPECT_DOUBLE_EQ(Score("Stripe LLC", "Stripe Limited Liability Company"),
                   1.0);
}

TEST(NameScoreTest, TyposScoreHighOtherNamesLow) {
  EXPECT_GT(Score("Vladimir Pulin", "Vladimir Putin"), 0.82);
  EXPECT_LT(Score("Angela Merkel", "Angelo Cruz"), 0.5);
  EXPECT_LT(Score("Bashar al-Assad", "Hafez al-Assad"), 0.82);
}

TEST(NameScoreTest, MergedTokensMeetOneToken) {
  EXPECT_GT(Score("Xi Jin Ping", "Xi Jinping"), 0.95);
  EXPECT_GT(Score("Nikolai Patr ushev", "Nikolai Patrushev"), 0.95);
}

TEST(NameScoreTest, ExtraTokensOfTheLongerNameCostLess) {
  const double dropped_middle =
      Score("JAMAL SULTAN AL-TIKRITI", "JAMAL MUSTAFA ABDALLAH SULTAN AL-TIKRITI");
  const double other_surname =
      Score("JAMAL SULTAN AL-TIKRITI", "JAMAL SULTAN AL-DULAIMI");
  EXPECT_GT(dropped_middle, 0.6);
  EXPECT_GT(dropped_middle, other_surname);
}

TEST(NameScoreTest, RareTokensWeighMore) {
  // "trading" is common (weight 1), "zolotarev" rare (weight 8).
  Name q("Zolotarev Trading", {8, 1});
  Name same_rare("Zolotarev Shipping", {8, 1});
  Name same_common("Kuznetsov Trading", {8, 1});
  const ScorerParams p;
  EXPECT_GT(NameScore(q.tokens, same_rare.tokens, false, p),
            NameScore(q.tokens, same_common.tokens, false, p) + 0.5);
}

TEST(NameScoreTest, CrossScriptThroughNormalisation) {
  EXPECT_GT(Score("محمد علي", "Mohamed Ali"), 0.82);
  EXPECT_GT(Score("Владимир Путин", "Vladimir Putin"), 0.99);
  EXPECT_GT(Score("김정은", "Kim Jong Un"), 0.99);
  EXPECT_GT(Score("عبد الله", "Abdullah"), 0.82);
}

TEST(NameScoreTest, DetailCountsPairs) {
  Name a("Olaf Scholz Berlin"), b("Olaf Scholz");
  NameScoreDetail d;
  NameScore(a.tokens, b.tokens, false, ScorerParams(), &d);
  EXPECT_EQ(d.paired, 2);
  EXPECT_EQ(d.unpaired_query, 1);
  EXPECT_EQ(d.unpaired_candidate, 0);
  EXPECT_GT(d.score, 0.8);
}

TEST(NameScoreTest, EmptyNamesScoreZero) {
  EXPECT_EQ(NameScore({}, Name("x").tokens, false, ScorerParams()), 0.0);
}

TEST(SimilarityCacheTest, PutFindClear) {
  SimilarityCache cache;
  EXPECT_EQ(cache.Find(42), nullptr);
  cache.Put(42, 0.5f);
  ASSERT_NE(cache.Find(42), nullptr);
  EXPECT_EQ(*cache.Find(42), 0.5f);
  cache.Clear();
  EXPECT_EQ(cache.Find(42), nullptr);
}

}  // namespace
}  // namespace divrisk::screening
