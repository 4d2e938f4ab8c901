#include "indicators/screening/screener.h"

#include <string>
#include <thread>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk::screening {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

CountryCode Cc(const char* code) { return *CountryCode::FromText(code); }

// A small list set: a few real-looking entries and filler names so that
// token weights mean something.
ListSet Fixture() {
  ListSet set;
  ListSource un;
  un.id = "UN";
  un.title = "UN test list";
  const uint16_t s = set.AddSource(un);
  auto add = [&](std::string ref, EntityType type,
                 std::vector<ListedName> names,
                 std::vector<CountryCode> countries = {},
                 std::vector<Identifier> ids = {}) {
    ListEntry e;
    e.source = s;
    e.reference = std::move(ref);
    e.type = type;
    e.names = std::move(names);
    e.countries = std::move(countries);
    e.identifiers = std::move(ids);
    e.program = "TEST";
    set.entries.push_back(std::move(e));
  };
  add("P1", EntityType::kPerson,
      {{"Vladimir Vladimirovich ZOLOTAREV"},
       {"Владимир Золотарев", NameStrength::kStrong, true}},
      {Cc("RU")});
  add("P2", EntityType::kPerson,
      {{"SADDAM HUSSEIN AL-TIKRITI"}, {"Abu Ali", NameStrength::kWeak}},
      {Cc("IQ")});
  add("E1", EntityType::kEntity,
      {{"LEADER (HONG KONG) INTERNATIONAL"},
       {"Leader International Trading Limited", NameStrength::kStrong}},
      {Cc("HK")});
  add("E2", EntityType::kEntity, {{"Eastgate Global Logistics FZE"}},
      {Cc("AE")});
  add("V1", EntityType::kVessel, {{"CHONG CHON GANG"}}, {Cc("KP")},
      {{IdKind::kImo, "7937317", "IMO"}});
  add("A1", EntityType::kAircraft, {{"EP-GOM"}}, {},
      {{IdKind::kIcao, "EPGOM", "registration"}});
  add("P3", EntityType::kPerson, {{"KIM Jong Un"}}, {Cc("KP")},
      {{IdKind::kPassport, "836238033", "Passport"}});
  // Filler: common words in many names.
  const char* common[] = {"Global", "Trading", "International", "Logistics",
                          "Mohammed", "Ali"};
  for (int i = 0; i < 60; ++i) {
    std::string ref = "F";
    ref += std::to_string(i);
    std::string name = common[i % 6];
    name += " ";
    name += common[(i / 6) % 6];
    name += " Filler";
    name += std::to_string(i);
    add(ref, EntityType::kEntity, {{name}});
  }
  return set;
}

const Screener& Shared() {
  static const Screener* s = new Screener(Fixture());
  return *s;
}

ScreeningQuery Q(std::string name, EntityType type = EntityType::kUnknown,
                 std::vector<CountryCode> countries = {}) {
  ScreeningQuery q;
  q.names.push_back(std::move(name));
  q.type = type;
  q.countries = std::move(countries);
  return q;
}

std::string Ref(const Screener& s, const Match& m) {
  return s.lists().entries[m.entry].reference;
}

std::vector<std::string> Refs(const Screener& s,
                              const std::vector<Match>& ms) {
  std::vector<std::string> out;
  for (const Match& m : ms) out.push_back(Ref(s, m));
  return out;
}

TEST(ScreenerTest, IndexesEveryNameVariant) {
  const Screener& s = Shared();
  EXPECT_EQ(s.lists().entries.size(), 67u);
  // Parenthesised names are also indexed without the parenthesis.
  EXPECT_GT(s.indexed_names(), s.lists().NameCount());
  EXPECT_GT(s.vocabulary_size(), 10u);
}

TEST(ScreenerTest, ExactNameIsAHit) {
  const Screener& s = Shared();
  const std::vector<Match> m = s.Screen(Q("Saddam Hussein al-Tikriti"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(Ref(s, m[0]), "P2");
  EXPECT_EQ(m[0].level, MatchLevel::kHit);
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  EXPECT_EQ(m[0].listed_name, 0);
  EXPECT_EQ(m[0].query_name, 0);
}

// The per-thread cache of Screen changes nothing but the time: a query
// repeated, or differing only in a country or a type, gets the result the
// matcher itself gives; and two screeners never share results.
TEST(ScreenerTest, CachedResultsAreTheMatchersOwn) {
  const Screener& s = Shared();
  auto same = [&](const ScreeningQuery& q) {
    const std::vector<Match> a = s.ScreenUncached(q);
    for (int i = 0; i < 2; ++i) {
      const std::vector<Match> b = s.Screen(q);
      ASSERT_EQ(a.size(), b.size());
      for (size_t k = 0; k < a.size(); ++k) {
        EXPECT_EQ(a[k].entry, b[k].entry);
        EXPECT_EQ(a[k].score, b[k].score);
        EXPECT_EQ(a[k].level, b[k].level);
        EXPECT_EQ(a[k].reasons, b[k].reasons);
      }
    }
  };
  same(Q("Eastgate Global Logistics"));
  same(Q("Eastgate Global Logistics", EntityType::kEntity,
         {*CountryCode::FromText("AE")}));
  same(Q("Eastgate Global Logistics", EntityType::kPerson,
         {*CountryCode::FromText("GB")}));
  ListSet other = Fixture();
  other.entries.clear();
  const Screener empty(std::move(other));
  EXPECT_FALSE(s.Screen(Q("Eastgate Global Logistics")).empty());
  EXPECT_TRUE(empty.Screen(Q("Eastgate Global Logistics")).empty());
}

// The cache rolls over into a previous generation when full: a query made
// before two rollovers, and one kept alive by being asked throughout, still
// get the matcher's own results.
TEST(ScreenerTest, CacheRolloverKeepsResultsExact) {
  const Screener& s = Shared();
  const ScreeningQuery kept = Q("Eastgate Global Logistics");
  const ScreeningQuery early = Q("Leader International");
  const std::vector<Match> kept_expected = s.ScreenUncached(kept);
  const std::vector<Match> early_expected = s.ScreenUncached(early);
  ASSERT_FALSE(kept_expected.empty());
  ASSERT_FALSE(early_expected.empty());
  s.Screen(early);
  for (int i = 0; i < 100000; ++i) {
    s.Screen(Q(absl::StrCat("filler ", i)));
    if (i % 1000 == 0) {
      ASSERT_EQ(Refs(s, s.Screen(kept)), Refs(s, kept_expected));
    }
  }
  EXPECT_EQ(Refs(s, s.Screen(early)), Refs(s, early_expected));
  EXPECT_EQ(Refs(s, s.Screen(kept)), Refs(s, kept_expected));
}

TEST(ScreenerTest, TypoReorderLegalFormAndScript) {
  const Screener& s = Shared();
  EXPECT_THAT(Refs(s, s.Screen(Q("Zolotarov, Vladimir"))), Contains("P1"));
  EXPECT_THAT(Refs(s, s.Screen(Q("LOGISTICS EASTGATE GLOBAL LLC"))),
              Contains("E2"));
  EXPECT_THAT(Refs(s, s.Screen(Q("Владимир Владимирович Золотарёв"))),
              Contains("P1"));
  EXPECT_THAT(Refs(s, s.Screen(Q("김정은"))), Contains("P3"));
}

TEST(ScreenerTest, NameWithoutItsParenthesis) {
  const Screener& s = Shared();
  const std::vector<Match> m = s.Screen(Q("Leader International"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(Ref(s, m[0]), "E1");
  EXPECT_EQ(m[0].level, MatchLevel::kHit);
}

TEST(ScreenerTest, UnrelatedNamesDoNotMatch) {
  const Screener& s = Shared();
  EXPECT_THAT(s.Screen(Q("Baltic Link Ro-Ro AS")), IsEmpty());
  EXPECT_THAT(s.Screen(Q("Global Trading")), IsEmpty());
  EXPECT_THAT(s.Screen(Q("")), IsEmpty());
}

TEST(ScreenerTest, WeakAliasIsAtMostAPossibleMatchAndOnlyWhenClose) {
  const Screener& s = Shared();
  const std::vector<Match> m = s.Screen(Q("Abu Ali"));
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(Ref(s, m[0]), "P2");
  EXPECT_EQ(m[0].level, MatchLevel::kPossible);
  EXPECT_THAT(m[0].reasons, Contains(HasSubstr("weak alias")));
  // Not close enough to the weak alias: nothing.
  EXPECT_THAT(Refs(s, s.Screen(Q("Abu Alim"))), ::testing::Not(Contains("P2")));
}

TEST(ScreenerTest, CountryAgreementAndConflict) {
  const Screener& s = Shared();
  std::vector<Match> agree = s.Screen(Q("Eastgate Global Logistics",
                                        EntityType::kEntity, {Cc("AE")}));
  ASSERT_FALSE(agree.empty());
  EXPECT_THAT(agree[0].reasons, Contains("country agrees (AE)"));
  std::vector<Match> conflict = s.Screen(
      Q("Eastgate Global Logistics", EntityType::kEntity, {Cc("FR")}));
  ASSERT_FALSE(conflict.empty());
  EXPECT_LT(conflict[0].score, agree[0].score);
  EXPECT_THAT(conflict[0].reasons, Contains(HasSubstr("country differs")));
  // An exact name stays a hit whatever the country (fronts borrow
  // addresses); a fuzzy one with another country falls below a hit.
  EXPECT_EQ(conflict[0].level, MatchLevel::kHit);
  std::vector<Match> fuzzy = s.Screen(
      Q("Eastgate Globl Logistic", EntityType::kEntity, {Cc("FR")}));
  for (const Match& m : fuzzy) {
    if (Ref(s, m) == "E2") {
      EXPECT_EQ(m.level, MatchLevel::kPossible);
    }
  }
}

TEST(ScreenerTest, EntityTypeConflictLowersTheScore) {
  const Screener& s = Shared();
  const std::vector<Match> person =
      s.Screen(Q("Chong Chon Gang", EntityType::kPerson));
  const std::vector<Match> vessel =
      s.Screen(Q("Chong Chon Gang", EntityType::kVessel));
  ASSERT_FALSE(vessel.empty());
  EXPECT_EQ(vessel[0].level, MatchLevel::kHit);
  if (!person.empty()) {
    EXPECT_LT(person[0].score, vessel[0].score);
    EXPECT_THAT(person[0].reasons, Contains(HasSubstr("entity type differs")));
  }
}

TEST(ScreenerTest, ImoMatchIsDecisiveWhateverTheName) {
  const Screener& s = Shared();
  ScreeningQuery q = Q("Mistral Sud", EntityType::kVessel);
  q.identifiers.push_back({IdKind::kImo, "7937317", "imo"});
  const std::vector<Match> m = s.Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(Ref(s, m[0]), "V1");
  EXPECT_EQ(m[0].level, MatchLevel::kHit);
  EXPECT_DOUBLE_EQ(m[0].score, 1.0);
  EXPECT_THAT(m[0].reasons, Contains("IMO 7937317 matches"));
}

TEST(ScreenerTest, AircraftRegistrationWithoutAName) {
  const Screener& s = Shared();
  ScreeningQuery q;
  q.type = EntityType::kAircraft;
  q.identifiers.push_back({IdKind::kIcao, "EPGOM", "icao"});
  const std::vector<Match> m = s.Screen(q);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(Ref(s, m[0]), "A1");
  EXPECT_EQ(m[0].listed_name, -1);
  EXPECT_EQ(m[0].query_name, -1);
}

TEST(ScreenerTest, ConflictingImoLowersANameMatch) {
  const Screener& s = Shared();
  ScreeningQuery q = Q("Chong Chon Gang", EntityType::kVessel);
  ASSERT_EQ(s.Screen(q).at(0).level, MatchLevel::kHit);
  // Another ship of the same name: no longer a hit.
  q.identifiers.push_back({IdKind::kImo, "1234567", "imo"});
  for (const Match& m : s.Screen(q)) {
    if (Ref(s, m) != "V1") continue;
    EXPECT_LT(m.score, 0.9);
    EXPECT_THAT(m.reasons, Contains(HasSubstr("IMO differs")));
  }
}

TEST(ScreenerTest, PassportAddsToANameMatch) {
  const Screener& s = Shared();
  ScreeningQuery q = Q("Kim Jong-un", EntityType::kPerson, {Cc("CN")});
  const double without = s.Screen(q).at(0).score;
  q.identifiers.push_back({IdKind::kPassport, "836238033", "passport"});
  const std::vector<Match> m = s.Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_GT(m[0].score, without);
  EXPECT_THAT(m[0].reasons, Contains("passport 836238033 matches"));
}

TEST(ScreenerTest, AliasesOfTheQueryAreScreenedToo) {
  const Screener& s = Shared();
  ScreeningQuery q = Q("Harbour Freight Partners");
  q.names.push_back("Eastgate Global Logistics");
  const std::vector<Match> m = s.Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(Ref(s, m[0]), "E2");
  EXPECT_EQ(m[0].query_name, 1);
}

TEST(ScreenerTest, OneMatchPerEntryBestFirst) {
  const Screener& s = Shared();
  ScreeningQuery q = Q("Leader International Trading");
  q.names.push_back("Leader (Hong Kong) International");
  const std::vector<Match> m = s.Screen(q);
  int e1 = 0;
  for (const Match& x : m) e1 += Ref(s, x) == "E1";
  EXPECT_EQ(e1, 1);
  for (size_t i = 1; i < m.size(); ++i) EXPECT_GE(m[i - 1].score, m[i].score);
}

TEST(ScreenerTest, IndexFindsWhatAFullScanFinds) {
  const Screener& s = Shared();
  for (const char* name :
       {"Zolotarov Vladimir", "Eastgate Logistics", "Leader Intl Trading",
        "Saddam Husein Tikriti", "Chong Chon Gang", "Mohammed Ali Filler3",
        "Global Trading Filler12", "Kim Jong Un", "Vladimir Putin"}) {
    EXPECT_EQ(Refs(s, s.Screen(Q(name))),
              Refs(s, s.ScreenExhaustively(Q(name))))
        << name;
  }
}

TEST(ScreenerTest, ThresholdsAreParameters) {
  ScreeningParams strict;
  strict.possible = 0.995;
  strict.hit = 0.999;
  const Screener s(Fixture(), strict);
  EXPECT_THAT(s.Screen(Q("Zolotarov, Vladimir")), IsEmpty());
  EXPECT_EQ(s.LevelOf(0.999), MatchLevel::kHit);
  EXPECT_EQ(s.LevelOf(0.995), MatchLevel::kPossible);
  EXPECT_EQ(s.LevelOf(0.5), MatchLevel::kNone);
}

TEST(ScreenerTest, CompareNamesUsesTheIndexWeights) {
  const Screener& s = Shared();
  EXPECT_DOUBLE_EQ(s.CompareNames("Eastgate Global Logistics FZE",
                                  "EASTGATE LOGISTICS, GLOBAL"),
                   1.0);
  // "global" is common here, "eastgate" rare: losing the rare token costs
  // more than losing the common one.
  EXPECT_GT(s.CompareNames("Eastgate Logistics", "Eastgate Global Logistics"),
            s.CompareNames("Global Logistics", "Eastgate Global Logistics"));
}

TEST(ScreenerTest, ConcurrentScreeningAgrees) {
  const Screener& s = Shared();
  const std::vector<std::string> names = {"Zolotarov Vladimir",
                                          "Eastgate Global Logistics",
                                          "Владимир Золотарев", "Abu Ali"};
  std::vector<std::vector<std::string>> expected;
  for (const std::string& n : names) expected.push_back(Refs(s, s.Screen(Q(n))));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < 50; ++k) {
        for (size_t i = 0; i < names.size(); ++i) {
          if (Refs(s, s.Screen(Q(names[i]))) != expected[i]) ++failures[t];
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

TEST(MatchLevelTest, Names) {
  EXPECT_STREQ(MatchLevelName(MatchLevel::kHit), "hit");
  EXPECT_STREQ(MatchLevelName(MatchLevel::kPossible), "possible match");
}

}  // namespace
}  // namespace divrisk::screening
