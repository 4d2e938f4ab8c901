// The similarity index: exact (the same neighbours as a scan of every case,
// on random generated archives), a metric, and planted precedents found.

#include "engine/learn/similarity_index.h"

#include <random>

#include "engine/scoring/executor.h"
#include "learn_test_util.h"
#include "rules/compiler.h"

namespace divrisk::learn {
namespace {

class SimilarityIndexTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    std::vector<Case> cases = Generated(*plan_->reference, 5, 3000);
    // A planted precedent: case 17 of another seed, under its own id, with a
    // near copy (another destination) after it.
    planted_ = new Case(Generated(*plan_->reference, 99, 17).back());
    Case copy = *planted_;
    copy.id = "PLANT-EXACT";
    cases.insert(cases.begin() + 1234, copy);
    copy.id = "PLANT-NEAR";
    copy.end_user.country = copy.end_user.country == *CountryCode::FromText("FR")
                                ? *CountryCode::FromText("DE")
                                : *CountryCode::FromText("FR");
    if (copy.transport && !copy.transport->legs.empty()) {
      copy.transport->legs.back().to = copy.end_user.country;
    }
    cases.insert(cases.begin() + 2345, copy);
    archive_ = new Archive(LoadOrDie(*plan_, WriteArchive(cases, "similarity.jsonl")));
    index_ = new SimilarityIndex(*plan_, *archive_);
  }

  static SimilarQuery QueryOf(const Case& c) {
    Executor e(*plan_);
    BatchScores s;
    e.Score(std::span<const Case>(&c, 1), &s);
    return index_->QueryFor(c, s.values, 0);
  }

  static void ExpectSame(const std::vector<Neighbour>& a,
                         const std::vector<Neighbour>& b) {
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].row, b[i].row) << i;
      EXPECT_DOUBLE_EQ(a[i].distance, b[i].distance) << i;
    }
  }

  static const Plan* plan_;
  static Archive* archive_;
  static SimilarityIndex* index_;
  static Case* planted_;
};
const Plan* SimilarityIndexTest::plan_ = nullptr;
Archive* SimilarityIndexTest::archive_ = nullptr;
SimilarityIndex* SimilarityIndexTest::index_ = nullptr;
Case* SimilarityIndexTest::planted_ = nullptr;

TEST_F(SimilarityIndexTest, SameNeighboursAsAScanForArchiveCases) {
  ASSERT_EQ(archive_->rows.size(), 3002u);
  uint64_t computed = 0;
  for (uint32_t row = 0; row < archive_->rows.size(); row += 7) {
    const SimilarQuery q = index_->QueryOfRow(row);
    for (size_t k : {1, 5, 25}) {
      const std::vector<Neighbour> fast = index_->Nearest(q, k);
      computed += index_->last_distances();
      ExpectSame(fast, index_->Scan(q, k));
      for (const Neighbour& n : fast) EXPECT_NE(n.row, row);  // never itself
    }
  }
  // The index skips most cases (work, not time).
  EXPECT_LT(computed, 3 * 429 * archive_->rows.size() / 2);
}

TEST_F(SimilarityIndexTest, SameNeighboursAsAScanForNewCases) {
  for (const Case& c : Generated(*plan_->reference, 6, 150)) {
    const SimilarQuery q = QueryOf(c);
    ExpectSame(index_->Nearest(q, 5), index_->Scan(q, 5));
  }
}

TEST_F(SimilarityIndexTest, FindsThePlantedPrecedentFirstAndItsNearCopyNext) {
  Case query = *planted_;
  query.id = "QUERY";
  const std::vector<Neighbour> n = index_->Nearest(QueryOf(query), 3);
  ASSERT_EQ(n.size(), 3u);
  EXPECT_EQ(archive_->rows[n[0].row].id, "PLANT-EXACT");
  EXPECT_DOUBLE_EQ(n[0].distance, 0.0);
  EXPECT_EQ(archive_->rows[n[1].row].id, "PLANT-NEAR");
  EXPECT_GE(n[1].distance, std::sqrt(kDestinationWeight) - 1e-6);
}

TEST_F(SimilarityIndexTest, TheSameIdIsNotItsOwnPrecedent) {
  Case query = *planted_;
  query.id = "PLANT-EXACT";
  const std::vector<Neighbour> n = index_->Nearest(QueryOf(query), 1);
  ASSERT_EQ(n.size(), 1u);
  EXPECT_EQ(archive_->rows[n[0].row].id, "PLANT-NEAR");
}

TEST_F(SimilarityIndexTest, DistanceIsAMetric) {
  std::mt19937_64 rng(3);
  const uint32_t n = static_cast<uint32_t>(archive_->rows.size());
  for (int t = 0; t < 2000; ++t) {
    const uint32_t a = rng() % n, b = rng() % n, c = rng() % n;
    const SimilarQuery qa = index_->QueryOfRow(a), qb = index_->QueryOfRow(b);
    EXPECT_NEAR(index_->Distance(qa, b), index_->Distance(qb, a), 1e-5);
    EXPECT_LE(index_->Distance(qa, c),
              index_->Distance(qa, b) + index_->Distance(qb, c) + 1e-5);
    EXPECT_NEAR(index_->Distance(qa, a), 0, 1e-6);
  }
}

}  // namespace
}  // namespace divrisk::learn
