// Korean and Japanese readings of Han characters from the Unihan data of
// Debian's unicode-data package (issue 14).

#include "indicators/screening/han_readings.h"

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/screening/normalize.h"
#include "indicators/screening/screener.h"

namespace divrisk::screening {
namespace {

using ::testing::Contains;

class HanReadingsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // CI installs unicode-data (.ci/install-deps): its absence is a
    // failure there, with the message users would see.
    ASSERT_TRUE(HanReadingsStatus().loaded) << HanReadingsStatus().message;
  }
};

TEST_F(HanReadingsTest, KoreanReadingPrefersTheNameReading) {
  // 金 reads 금 in general and 김 as a surname.
  EXPECT_THAT(HanReadings("金正恩"), Contains("김정은"));
  EXPECT_EQ(Normalize("김정은").tokens,
            (std::vector<std::string>{"gim", "jong", "un"}));
}

TEST_F(HanReadingsTest, JapaneseKunAndOnReadingsWithShortVowels) {
  EXPECT_THAT(HanReadings("山田太郎"), Contains("yama ta ta ro"));
  EXPECT_THAT(HanReadings("田中花子"), Contains("ta naka hana ko"));
}

TEST_F(HanReadingsTest, NoHanNoReadings) {
  EXPECT_TRUE(HanReadings("Kim Jong Un").empty());
  EXPECT_TRUE(HanReadings("김정은").empty());
  EXPECT_TRUE(HanReadings(std::string(200, 'a')).empty());
}

TEST_F(HanReadingsTest, LongRunsOfHanGetNone) {
  std::string many;
  for (size_t i = 0; i <= kMaxHanReadingChars; ++i) many += "金";
  EXPECT_TRUE(HanReadings(many).empty());
}

// The cross-script pairs pinyin missed, compared the way screen-eval does.
TEST_F(HanReadingsTest, CrossScriptPairsMatchWithTheReadings) {
  const Screener s{ListSet{}};
  for (const auto& [han, latin] :
       std::vector<std::pair<const char*, const char*>>{
           {"金正恩", "Kim Jong Un"},
           {"山田太郎", "Yamada Taro"},
           {"田中花子", "Tanaka Hanako"},
           {"习近平", "Xi Jinping"},  // pinyin still tried
           {"王伟", "Wang Wei"}}) {
    EXPECT_GE(s.CompareNames(han, latin, nullptr, EntityType::kPerson), 0.82)
        << han << " / " << latin;
  }
}

// A listed name in hanja is found by a Latin query, and the other way
// round.
TEST_F(HanReadingsTest, ScreeningFindsReadingsBothWays) {
  ListSet lists;
  lists.sources.push_back({});
  ListEntry e;
  e.type = EntityType::kPerson;
  e.names.push_back({"金正恩", NameStrength::kPrimary});
  lists.entries.push_back(e);
  ListEntry f;
  f.type = EntityType::kPerson;
  f.names.push_back({"TANAKA HANAKO", NameStrength::kPrimary});
  lists.entries.push_back(f);
  const Screener s(std::move(lists));
  ScreeningQuery q;
  q.type = EntityType::kPerson;
  q.names = {"Kim Jong Un"};
  std::vector<Match> m = s.Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entry, 0u);
  q.names = {"田中花子"};
  m = s.Screen(q);
  ASSERT_FALSE(m.empty());
  EXPECT_EQ(m[0].entry, 1u);
  EXPECT_TRUE(m[0].reading);
}

}  // namespace
}  // namespace divrisk::screening
