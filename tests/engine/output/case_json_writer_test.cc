// AppendCaseJson: one compact divrisk-case/1 object per case, every fact
// the Case holds and nothing else, and a fixed point of read-then-write.

#include <filesystem>
#include <string>
#include <vector>

#include "engine/generate/case_generator.h"
#include "engine/output/case_json_writer.h"
#include "engine/reader/case_reader.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

class CaseJsonWriterTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                                  "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
  }
  static const ReferenceData& Ref() { return *plan_->reference; }

  static std::string Json(const Case& c) {
    std::string out;
    AppendCaseJson(c, &out);
    return out;
  }

  // Writes `c`, reads the bytes back and writes again: the same bytes.
  static void ExpectRoundTrip(const Case& c, const std::string& name) {
    const std::string first = Json(c);
    absl::StatusOr<Case> back =
        ReadCaseText(first, CaseSyntax::kJson, name, Ref());
    ASSERT_TRUE(back.ok()) << name << ": " << back.status() << "\n" << first;
    EXPECT_EQ(Json(*back), first) << name;
  }

  static const Plan* plan_;
};

const Plan* CaseJsonWriterTest::plan_ = nullptr;

Case Minimal() {
  Case c;
  c.id = "T-1";
  c.assessed_on = DateFromCivil(2025, 3, 14);
  c.exporter.name = "Northbridge Defence Systems Ltd";
  c.exporter.country = *CountryCode::FromText("GB");
  GoodsLine& g = c.goods.emplace_back();
  g.category = GoodsCategory::kSmallArms;
  g.description = "9x19 mm pistols";
  g.quantity = 250;
  c.end_user.name = "Ghana Police Service";
  c.end_user.country = *CountryCode::FromText("GH");
  return c;
}

TEST_F(CaseJsonWriterTest, MinimalCaseLeavesEveryAbsentFactOut) {
  EXPECT_EQ(Json(Minimal()),
            "{\"format\":\"divrisk-case/1\",\"id\":\"T-1\",\"transaction\":"
            "\"export\",\"assessed_on\":\"2025-03-14\",\"exporter\":{\"name\":"
            "\"Northbridge Defence Systems Ltd\",\"country\":\"GB\"},\"goods\":"
            "[{\"category\":\"small_arms\",\"description\":\"9x19 mm pistols\","
            "\"quantity\":250,\"quantity_unit\":\"items\"}],\"end_user\":{"
            "\"name\":\"Ghana Police Service\",\"country\":\"GH\"}}");
}

TEST_F(CaseJsonWriterTest, NoNewlineAndAppendsToWhatIsThere) {
  std::string out = "prefix";
  AppendCaseJson(Minimal(), &out);
  EXPECT_EQ(out.rfind("prefix{", 0), 0u);
  EXPECT_EQ(out.back(), '}');
  EXPECT_EQ(out.find('\n'), std::string::npos);
}

TEST_F(CaseJsonWriterTest, UnknownEucIsTheWordAndEmptyEucListsAreKept) {
  Case c = Minimal();
  c.euc_presence = EucPresence::kUnknown;
  EXPECT_NE(Json(c).find("\"euc\":\"unknown\""), std::string::npos);
  ExpectRoundTrip(c, "unknown-euc");

  c.euc_presence = EucPresence::kPresent;
  c.euc.kind = EucKind::kCommercialEuc;
  c.euc.goods.emplace();
  c.euc.clauses.emplace();
  const std::string json = Json(c);
  EXPECT_NE(json.find("\"euc\":{\"kind\":\"commercial_euc\",\"goods\":[],"
                      "\"clauses\":[]}"),
            std::string::npos)
      << json;
  ExpectRoundTrip(c, "empty-euc-lists");
}

TEST_F(CaseJsonWriterTest, NumbersInShortestFormThatReadsBack) {
  Case c = Minimal();
  c.goods[0].unit_value = 0.38;
  GoodsLine& big = c.goods.emplace_back(c.goods[0]);
  big.unit_value = 6500000;
  GoodsLine& odd = c.goods.emplace_back(c.goods[0]);
  odd.unit_value = 0.1 + 0.2;  // not 0.3
  const std::string json = Json(c);
  EXPECT_NE(json.find("\"unit_value\":0.38"), std::string::npos) << json;
  EXPECT_NE(json.find("\"unit_value\":6500000"), std::string::npos) << json;
  EXPECT_NE(json.find("\"unit_value\":0.30000000000000004"), std::string::npos)
      << json;
  ExpectRoundTrip(c, "numbers");
}

TEST_F(CaseJsonWriterTest, DatesAcrossTheCalendar) {
  Case c = Minimal();
  for (Date d : {DateFromCivil(1970, 1, 1), DateFromCivil(2000, 2, 29),
                 DateFromCivil(2026, 12, 31), DateFromCivil(1899, 12, 31),
                 DateFromCivil(2100, 3, 1)}) {
    c.assessed_on = d;
    const std::string json = Json(c);
    EXPECT_NE(json.find("\"assessed_on\":\"" + FormatDate(d) + "\""),
              std::string::npos)
        << json;
  }
}

TEST_F(CaseJsonWriterTest, EveryExampleRoundTrips) {
  int examples = 0;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    const std::string path = entry.path().string();
    if (entry.path().extension() != ".yaml" &&
        entry.path().extension() != ".json") {
      continue;
    }
    absl::StatusOr<Case> c = ReadCaseFile(path, Ref());
    ASSERT_TRUE(c.ok()) << c.status();
    ExpectRoundTrip(*c, path);
    ++examples;
  }
  EXPECT_GE(examples, 20);
}

TEST_F(CaseJsonWriterTest, GeneratedCasesRoundTrip) {
  CaseGenerator gen(Ref(), 20261127);
  for (int i = 0; i < 1500; ++i) {
    const Case c = gen.Next();
    ExpectRoundTrip(c, c.id);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace divrisk
