// Word weights of a small list set come from a background corpus (issue
// 14): among the dozen names of the bundled rule set, "Global" and
// "Logistics" appear once each and would weigh as much as a rare name.

#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {
namespace {

// The names of the bundled rule set's denied_parties.yaml.
ListSet DefaultRuleSetNames() {
  ListSet set;
  set.sources.push_back({});
  for (const char* name :
       {"KOREA MINING DEVELOPMENT TRADING CORPORATION",
        "LEADER (HONG KONG) INTERNATIONAL",
        "OCEAN MARITIME MANAGEMENT COMPANY, LIMITED (OMM)",
        "CHONGCHONGANG SHIPPING COMPANY", "KINGLY WON INTERNATIONAL CO., LTD",
        "MINISTRY OF DEFENSE LOGISTICS EXPORT", "YAS AIR",
        "UGANDA COMMERCIAL IMPEX (UCI) LTD", "Eastgate Global Logistics FZE",
        "Meridian Falcon Aviation FZE", "Altyn Trade Group LLP",
        "Gulf Horizon General Trading LLC", "Sahel Trade & Supply SARL"}) {
    ListEntry e;
    e.type = EntityType::kEntity;
    e.names.push_back({name, NameStrength::kPrimary});
    set.entries.push_back(std::move(e));
  }
  return set;
}

TEST(BackgroundWeightsTest, CommonWordsStayCommonInASmallListSet) {
  const Screener s(DefaultRuleSetNames());
  EXPECT_TRUE(s.background_weights());
  EXPECT_LT(s.TokenWeight("global"), 0.7 * s.TokenWeight("eastgate"));
  EXPECT_LT(s.TokenWeight("trading"), 0.5 * s.TokenWeight("eastgate"));
  EXPECT_LT(s.TokenWeight("logistics"), 0.7 * s.TokenWeight("eastgate"));
  ScreeningQuery q;
  q.type = EntityType::kEntity;
  q.names = {"Westgate Global Logistics"};
  const std::vector<Match> m = s.Screen(q);
  EXPECT_TRUE(m.empty() || m[0].level != MatchLevel::kHit)
      << m[0].score;
  // The listed name itself, and a typo of it, are still hits.
  for (const char* name :
       {"Eastgate Global Logistics", "Eastgate Globl Logistics FZE"}) {
    q.names = {name};
    const std::vector<Match> hit = s.Screen(q);
    ASSERT_FALSE(hit.empty()) << name;
    EXPECT_EQ(hit[0].level, MatchLevel::kHit) << name;
  }
}

TEST(BackgroundWeightsTest, LargeListSetsKeepTheirOwnWeights) {
  ScreeningParams p;
  p.background_below = 5;
  const Screener s(DefaultRuleSetNames(), p);
  EXPECT_FALSE(s.background_weights());
  EXPECT_DOUBLE_EQ(s.TokenWeight("global"), s.TokenWeight("eastgate"));
}

}  // namespace
}  // namespace divrisk::screening
