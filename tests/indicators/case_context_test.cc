// CaseContext: what it derives equals what each kernel derived on its own,
// and a Reset context answers for its new case, never the old one.

#include "indicators/case_context.h"

#include <string>
#include <string_view>
#include <vector>

#include "engine/model/name_normalizer.h"
#include "gtest/gtest.h"
#include "indicators/screening/case_screening.h"
#include "indicators/screening/listing_check.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// The distinct words of `s` split on spaces, sorted.
std::vector<std::string_view> Words(const std::string& s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start < s.size()) {
    size_t end = s.find(' ', start);
    if (end == std::string::npos) end = s.size();
    out.push_back(std::string_view(s).substr(start, end - start));
    start = end + 1;
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

void ExpectNamesOf(const CaseContext& x, int who, const Party& party) {
  for (int k = -1; k < static_cast<int>(party.aliases.size()); ++k) {
    const std::string& raw =
        k < 0 ? party.name : party.aliases[static_cast<size_t>(k)];
    const std::string want = NormalizeName(raw);
    EXPECT_EQ(x.NormalizedName(who, k), want) << raw;
    const std::span<const std::string_view> tokens = x.NameTokens(who, k);
    EXPECT_EQ(std::vector<std::string_view>(tokens.begin(), tokens.end()),
              Words(want))
        << raw;
  }
}

Case TwoPartyCase() {
  Case c = MinimalCase();
  c.exporter.aliases = {"NORTHBRIDGE DEFENCE, LTD", "Northbridge"};
  c.end_user.aliases = {"Forsvaret (Norway) Armed Forces"};
  c.parties.push_back(
      MakeParty("EASTGATE LOGISTICS, GLOBAL", "AE", PartyRole::kConsignee));
  c.parties.push_back(MakeParty("Blue Sky Air Cargo LLC", "AE",
                                PartyRole::kCarrier));
  c.parties.back().aliases = {"Blue-Sky Cargo", "blue sky air cargo"};
  return c;
}

TEST(CaseContext, NamesAreTheNormalisedNamesOfEachParty) {
  const Case c = TwoPartyCase();
  const CaseContext x(c);
  ExpectNamesOf(x, kExporterParty, c.exporter);
  ExpectNamesOf(x, kEndUserParty, c.end_user);
  for (size_t i = 0; i < c.parties.size(); ++i) {
    ExpectNamesOf(x, static_cast<int>(i), c.parties[i]);
  }
}

TEST(CaseContext, ResetAnswersForTheNewCase) {
  const Case a = TwoPartyCase();
  Case b = MinimalCase();
  b.end_user.name = "Ministry of Defence of Norway";
  b.goods[0].description = "Mortar rounds, 81 mm";
  CaseContext x(a);
  // Ask everything of `a`, then move on to `b`.
  (void)x.NormalizedName(1, 1);
  (void)x.GoodsWords();
  x.Reset(b);
  ExpectNamesOf(x, kExporterParty, b.exporter);
  ExpectNamesOf(x, kEndUserParty, b.end_user);
  std::string pooled;
  for (const GoodsLine& g : b.goods) {
    pooled += g.description + " " + EnumWord(g.category) + " ";
  }
  EXPECT_EQ(x.GoodsWords(), SignificantWords(pooled));
}

TEST(CaseContext, GoodsWordsPoolEveryLine) {
  Case c = MinimalCase();
  c.goods[0].description = "Assault rifles, 5.56 mm, of the ARX family";
  GoodsLine second = c.goods[0];
  second.description = "Rifle scopes";
  c.goods.push_back(second);
  const CaseContext x(c);
  const std::vector<std::string>& words = x.GoodsWords();
  // Lower case, plural dropped, short words dropped, sorted and unique.
  EXPECT_TRUE(std::is_sorted(words.begin(), words.end()));
  EXPECT_EQ(std::count(words.begin(), words.end(), "rifle"), 1);
  EXPECT_EQ(std::count(words.begin(), words.end(), "scope"), 1);
  EXPECT_EQ(std::count(words.begin(), words.end(), "arx"), 1);
  EXPECT_EQ(std::count(words.begin(), words.end(), "of"), 0);
  EXPECT_EQ(std::count(words.begin(), words.end(), "5"), 0);
}

TEST(CaseContext, FindingsAreTheCasesScreening) {
  const auto screener =
      screening::BuildReferenceScreener(TestReference().listed_parties);
  const Case listed = TwoPartyCase();
  CaseContext x(listed);
  const auto& findings = x.Findings(*screener);
  const auto direct = screening::ScreenCase(*screener, listed);
  ASSERT_EQ(findings.size(), direct.size());
  ASSERT_FALSE(findings.empty());  // Eastgate is denied
  for (size_t i = 0; i < direct.size(); ++i) {
    EXPECT_EQ(findings[i].field_path, direct[i].field_path);
    EXPECT_EQ(findings[i].match.entry, direct[i].match.entry);
    EXPECT_EQ(findings[i].match.score, direct[i].match.score);
  }
  // A second ask is the same screening, not another one.
  EXPECT_EQ(&x.Findings(*screener), &findings);
  // After a Reset to a clean case nothing of the listed one remains.
  const Case clean = MinimalCase();
  x.Reset(clean);
  EXPECT_TRUE(x.Findings(*screener).empty());
}

// Sanctions and denials share one context and one screener, as in a batch:
// each value is the one a context of its own gives.
TEST(CaseContext, ListedKernelsSharingAContextAgreeWithFreshOnes) {
  std::vector<Case> cases = {MinimalCase(), TwoPartyCase()};
  cases[0].end_user.aliases = {"Komid"};  // sanctioned
  const BindContext bind{
      TestReference(),
      screening::BuildReferenceScreener(TestReference().listed_parties)};
  std::vector<CaseContext> shared;
  for (const Case& c : cases) shared.emplace_back(c);
  double fired = 0;
  for (const char* effect : {"sanction", "denial"}) {
    KernelParams params({{"effects", ListParam({effect})}});
    auto kernel = (*BuiltinKernels().Find("party_listed"))(params, bind);
    ASSERT_TRUE(params.Errors().empty());
    std::vector<double> batch(cases.size());
    kernel->EvaluateBatch(shared, batch);
    for (size_t i = 0; i < cases.size(); ++i) {
      EXPECT_EQ(batch[i], kernel->Explain(cases[i], nullptr)) << effect << i;
      fired += batch[i];
    }
  }
  EXPECT_EQ(fired, 2);  // Komid by sanction, Eastgate by denial
}

}  // namespace
}  // namespace divrisk::testing
