// The real lists and the labelled sets of ../shared/data/screening (see its
// PROVENANCE.md): they load as published, and screening reaches the goals
// of issue 5. Skipped when the folder is absent.
//
// Floors asserted here are the goals of the issue where they are reached
// (pairs F1 >= logic-v2's, UN recall >= 0.98 / 0.90, false positives <= 1%);
// the measures of before issue 14 are floors, the cross-script pairs must
// all match (with the Unihan readings), and disguised UN names are found
// within one point of the names as listed.

#include <filesystem>
#include <string>

#include "gtest/gtest.h"
#include "indicators/screening/eval/evaluation.h"
#include "indicators/screening/eval/shared_data.h"
#include "indicators/screening/han_readings.h"
#include "indicators/screening/loaders.h"
#include "tests/shared_data.h"

namespace divrisk::screening {
namespace {

namespace fs = std::filesystem;

std::string DataDir() {
  return std::string(DIVRISK_SHARED_DIR) + "/data/screening";
}

class SharedDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    DIVRISK_REQUIRE_SHARED(DataDir());
  }
};

struct Counts {
  size_t entries = 0, persons = 0, entities = 0, vessels = 0, aircraft = 0;
  size_t original_script = 0, weak = 0, with_listed_on = 0, with_ends = 0;
};

Counts Load(const ListSpec& spec) {
  ListSet set;
  const absl::Status st = LoadList(spec, &set);
  EXPECT_TRUE(st.ok()) << st;
  Counts c;
  c.entries = set.entries.size();
  for (const ListEntry& e : set.entries) {
    c.persons += e.type == EntityType::kPerson;
    c.entities += e.type == EntityType::kEntity;
    c.vessels += e.type == EntityType::kVessel;
    c.aircraft += e.type == EntityType::kAircraft;
    c.with_listed_on += e.listed_on.has_value();
    c.with_ends += e.ends_on.has_value();
    for (const ListedName& n : e.names) {
      c.original_script += n.original_script;
      c.weak += n.strength == NameStrength::kWeak;
    }
  }
  return c;
}

const ListSpec& Spec(std::string_view id) {
  static const std::vector<ListSpec> specs = SharedDataLists(DataDir());
  for (const ListSpec& s : specs) {
    if (s.id == id) return s;
  }
  ADD_FAILURE() << "no list " << id;
  return specs[0];
}

// Record counts as PROVENANCE.md gives them.
TEST_F(SharedDataTest, UnConsolidatedXml) {
  const Counts c = Load(Spec("UN-SC"));
  EXPECT_EQ(c.persons, 730u);
  EXPECT_EQ(c.entities, 273u);
  EXPECT_EQ(c.with_listed_on, 1003u);
  // 378 records give one; QDe.164's is its Latin name again.
  EXPECT_EQ(c.original_script, 377u);
  EXPECT_GT(c.weak, 500u);  // QUALITY Low
}

TEST_F(SharedDataTest, OfacSdn2022WithAddAndAlt) {
  const Counts c = Load(Spec("OFAC-SDN-2022"));
  EXPECT_EQ(c.entries, 9044u);
  EXPECT_EQ(c.persons, 4643u);
  EXPECT_EQ(c.vessels, 420u);
  EXPECT_EQ(c.aircraft, 280u);
  EXPECT_EQ(c.entities, 3701u);
}

TEST_F(SharedDataTest, OfacSdn2024PrimaryCrlfAndEofByte) {
  const Counts c = Load(Spec("OFAC-SDN-2024"));
  EXPECT_EQ(c.entries, 14965u);
  EXPECT_EQ(c.persons, 6854u);
  EXPECT_EQ(c.vessels, 851u);
  EXPECT_EQ(c.aircraft, 376u);
}

TEST_F(SharedDataTest, OfacConsolidatedNonSdn) {
  EXPECT_EQ(Load(Spec("OFAC-NONSDN")).entries, 442u);
}

TEST_F(SharedDataTest, BisDeniedPersons) {
  const Counts c = Load(Spec("BIS-DPL"));
  EXPECT_EQ(c.entries, 581u);
  EXPECT_EQ(c.with_listed_on, 581u);
  EXPECT_GT(c.with_ends, 0u);
}

TEST_F(SharedDataTest, UsConsolidatedScreeningListBothLayouts) {
  EXPECT_EQ(Load(Spec("US-CSL-2019")).entries, 115u);
  EXPECT_EQ(Load(Spec("US-CSL-2025")).entries, 13u);
}

TEST_F(SharedDataTest, IndexFindsWhatAFullScanFindsOnTreatedUnNames) {
  ListSet set;
  ASSERT_TRUE(LoadList(Spec("UN-SC"), &set).ok());
  const Screener screener(std::move(set));
  int missed = 0, total = 0;
  for (const char* name :
       {"SALEK, ABDULHAI", "AREFULLAHA REF GHAZI MOHAMMAD",
        "ATTIIQULLAH AKHUND", "AMGHOMED MAGHOMEDZAKIROVICH ABDURAKHMANOV",
        "ABDULAH ANSHORI", "HAFIZ ABUDL SALAM BHUTTAVI", "AZAM ELMI, MOHAMMAD",
        "JAABER ABDALLAH JABER AHMAD AL-JALAHMAH", "ABDELKADDER LAAGOUB",
        "UR-RAHMAN ABDUL ZAHIR, SHAMS", "HAN YYU-RO", "KIM SKO CHOL"}) {
    ScreeningQuery q;
    q.names.push_back(name);
    q.type = EntityType::kPerson;
    const std::vector<Match> indexed = screener.Screen(q);
    for (const Match& m : screener.ScreenExhaustively(q)) {
      ++total;
      bool found = false;
      for (const Match& i : indexed) found |= i.entry == m.entry;
      if (!found) {
        ++missed;
        ADD_FAILURE() << name << ": the index misses entry "
                      << screener.lists().entries[m.entry].reference;
      }
    }
  }
  EXPECT_GT(total, 8);
  EXPECT_EQ(missed, 0);
}

// The measurements of `divrisk screen-eval`.
TEST_F(SharedDataTest, AccuracyGoals) {
  absl::StatusOr<EvalReport> r = RunScreeningEval(DataDir());
  ASSERT_TRUE(r.ok()) << r.status();
  // The labelled pairs and the reference matcher on them.
  EXPECT_EQ(r->pairs.tp + r->pairs.fp + r->pairs.fn + r->pairs.tn, 826);
  EXPECT_NEAR(r->logicv2.F1(), 0.790, 0.001);
  EXPECT_GE(r->pairs.F1(), r->logicv2.F1());
  EXPECT_GE(r->pairs_on_logicv2.F1(), r->logicv2.F1());
  // UN positives.
  EXPECT_EQ(r->un_total, 683);
  EXPECT_LE(r->un_unresolved, 3);
  EXPECT_GE(r->UnRecallUntreated(), 0.98);
  EXPECT_GE(r->UnRecallTreated(), 0.90);
  // Negatives against all lists.
  EXPECT_EQ(r->global_total + r->us_total, 2000);
  EXPECT_LE(r->FalsePositiveRate(), 0.01);
  // Issue 14: no worse than before it (F1 0.8128, recall 1.0000 / 0.9956,
  // false positives 0.0060).
  EXPECT_GE(r->pairs.F1(), 0.8128 - 5e-5);
  EXPECT_GE(r->UnRecallUntreated(), 1.0);
  EXPECT_GE(r->UnRecallTreated(), 0.9956 - 5e-5);
  EXPECT_LE(r->FalsePositiveRate(), 0.0060);
  // Cross-script: all 22 with the Unihan readings (Kim Jong Un in hanja,
  // Yamada Taro and Tanaka Hanako in kanji); without them, pinyin's 19.
  EXPECT_EQ(r->cross_total, 22);
  if (HanReadingsStatus().loaded) {
    EXPECT_EQ(r->cross_matched, 22);
  } else {
    ADD_FAILURE() << HanReadingsStatus().message;
  }
  // Disguises of every UN-listed name: recall within one point of the
  // names as listed, for all nine kinds together and for each.
  EXPECT_GT(r->disguise_names, 1000);
  EXPECT_EQ(r->disguise_queries, r->disguise_names * kDisguiseKinds);
  EXPECT_GE(r->DisguisedRecall(), r->DisguiseCleanRecall() - 0.01);
  for (int k = 0; k < kDisguiseKinds; ++k) {
    EXPECT_GE(r->disguise_kind_found[static_cast<size_t>(k)],
              r->disguise_clean_found - r->disguise_names / 100)
        << DisguiseKindName(static_cast<DisguiseKind>(k));
  }
  // The last line of the command.
  const std::string json = EvalJson(*r);
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.back(), '}');
  for (const char* key :
       {"pairs_f1", "logicv2_f1", "un_recall_untreated", "un_recall_treated",
        "false_positive_rate", "cross_script_matched", "cross_script_total",
        "disguised_recall"}) {
    EXPECT_NE(json.find(std::string("\"") + key + "\""), std::string::npos)
        << key;
  }
}

}  // namespace
}  // namespace divrisk::screening
