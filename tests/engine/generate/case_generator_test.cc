// CaseGenerator: deterministic per seed, every case valid, and realistic
// enough that 5,000 cases use every word of the format, every profile, and
// land in every band and recommendation of the default rule set.

#include "engine/generate/case_generator.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <typeinfo>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "engine/model/name_normalizer.h"
#include "engine/output/case_json_writer.h"
#include "engine/reader/case_decoder.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

constexpr int kCases = 5000;
constexpr uint64_t kSeed = 42;

struct Generated {
  std::vector<Case> cases;
  std::vector<RiskProfile> profiles;
  std::vector<HardStopKind> hard;
  std::vector<bool> archive;
};

class CaseGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // The example authority's rule set: its invented registers and flagged
    // EUC numbers give the generator records to draw on.
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                                  "/rules/att-example-authority");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    gen_ = new Generated;
    CaseGenerator g(Ref(), kSeed);
    for (int i = 0; i < kCases; ++i) {
      gen_->cases.push_back(g.Next());
      gen_->profiles.push_back(g.last_profile());
      gen_->hard.push_back(g.last_hard_stop());
      gen_->archive.push_back(g.last_archive());
    }
  }
  static const ReferenceData& Ref() { return *plan_->reference; }

  static std::string Lines(uint64_t seed, int n) {
    CaseGenerator g(Ref(), seed);
    std::string out;
    for (int i = 0; i < n; ++i) {
      AppendCaseJson(g.Next(), &out);
      out.push_back('\n');
    }
    return out;
  }

  static const Plan* plan_;
  static Generated* gen_;
};

const Plan* CaseGeneratorTest::plan_ = nullptr;
Generated* CaseGeneratorTest::gen_ = nullptr;

TEST(PrngTest, KnownSplitMix64Sequence) {
  // The reference values of SplitMix64 seeded with 0 (Vigna's splitmix64.c):
  // the generator must not depend on the platform.
  Prng p(0);
  EXPECT_EQ(p.Next(), 0xe220a8397b1dcdafULL);
  EXPECT_EQ(p.Next(), 0x6e789e6aa1b965f4ULL);
  EXPECT_EQ(p.Next(), 0x06c45d188009454fULL);
}

TEST(PrngTest, MappingsStayInRange) {
  Prng p(7);
  for (int i = 0; i < 10000; ++i) {
    const int64_t x = p.Between(-3, 5);
    ASSERT_GE(x, -3);
    ASSERT_LE(x, 5);
    const double u = p.Unit();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    ASSERT_LT(p.Below(7), 7u);
  }
}

TEST(ImoTest, CheckDigitMatchesTheReader) {
  EXPECT_EQ(ImoCheckDigit("916645"), 5);  // 9166455, from the examples
  EXPECT_TRUE(IsValidImo("9166455"));
  EXPECT_TRUE(IsValidImo("9274800"));
  EXPECT_EQ(ImoCheckDigit("927480"), 0);
}

TEST_F(CaseGeneratorTest, SameSeedSameBytes) {
  EXPECT_EQ(Lines(kSeed, 300), Lines(kSeed, 300));
}

TEST_F(CaseGeneratorTest, DifferentSeedsDiffer) {
  const std::string a = Lines(1, 50);
  const std::string b = Lines(2, 50);
  EXPECT_NE(a, b);
  // Not just the ids: the contents differ line by line.
  EXPECT_NE(a.substr(a.find("\"transaction\"")), b.substr(b.find("\"transaction\"")));
}

TEST_F(CaseGeneratorTest, AtMatchesNextAndIdsFollowTheIndex) {
  CaseGenerator g(Ref(), kSeed);
  std::string via_at;
  AppendCaseJson(g.At(123), &via_at);
  std::string via_next;
  AppendCaseJson(gen_->cases[122], &via_next);
  EXPECT_EQ(via_at, via_next);
  EXPECT_EQ(gen_->cases[0].id, "GEN-42-1");
  EXPECT_EQ(gen_->cases[kCases - 1].id, "GEN-42-" + std::to_string(kCases));
  EXPECT_EQ(CaseGenerator::CaseId(7, 3), "GEN-7-3");
}

TEST_F(CaseGeneratorTest, EveryCaseIsValidUniqueAndDatedInRange) {
  absl::flat_hash_set<std::string> ids;
  const Date first = DateFromCivil(2015, 1, 1);
  const Date last = DateFromCivil(2026, 12, 31);
  std::string json;
  for (const Case& c : gen_->cases) {
    json.clear();
    AppendCaseJson(c, &json);
    absl::StatusOr<Case> back = ReadCaseText(json, CaseSyntax::kJson, c.id, Ref());
    ASSERT_TRUE(back.ok()) << back.status() << "\n" << json;
    EXPECT_TRUE(ids.insert(c.id).second) << c.id;
    EXPECT_GE(c.assessed_on, first) << c.id;
    EXPECT_LE(c.assessed_on, last) << c.id;
  }
}

// Every word of every enumeration of the format, as used by the cases.
class WordCollector {
 public:
  template <typename E>
  void Add(E e) {
    seen_[Name<E>()].insert(EnumWord(e));
  }
  template <typename E>
  void Add(const std::optional<E>& e) {
    if (e) Add(*e);
  }
  template <typename E>
  void Add(EnumSet<E> set) {
    for (size_t i = 0; i < kEnumWords<E>.size(); ++i) {
      if (set.Has(static_cast<E>(i))) Add(static_cast<E>(i));
    }
  }
  template <typename E>
  std::vector<std::string> Missing() const {
    std::vector<std::string> missing;
    auto it = seen_.find(Name<E>());
    for (const char* w : kEnumWords<E>) {
      if (it == seen_.end() || !it->second.contains(w)) missing.push_back(w);
    }
    return missing;
  }

  void AddParty(const Party& p) {
    Add(p.role);
    Add(p.kind);
  }
  void AddCase(const Case& c) {
    Add(c.transaction);
    AddParty(c.exporter);
    AddParty(c.end_user);
    for (const Party& p : c.parties) AddParty(p);
    Add(c.end_user.stockpile_security);
    Add(c.end_user.surplus_disposal);
    for (const UltimateEndUser& u : c.end_user.ultimate_end_users) Add(u.kind);
    for (const GoodsLine& g : c.goods) {
      Add(g.category);
      Add(g.quantity_unit);
      Add(g.condition);
    }
    if (c.euc_presence == EucPresence::kPresent) {
      Add(c.euc.kind);
      Add(c.euc.authentication);
      if (c.euc.clauses) Add(*c.euc.clauses);
      if (c.euc.goods) {
        for (const EucGoods& g : *c.euc.goods) Add(g.category);
      }
    }
    for (const Document& d : c.documents) Add(d.kind);
    if (c.transport) {
      Add(c.transport->route_disclosure);
      if (c.transport->delivery) Add(c.transport->delivery->method);
      for (const Leg& l : c.transport->legs) {
        Add(l.mode);
        Add(l.service);
      }
    }
    Add(c.mitigations);
    for (const Consultation& x : c.consultations) {
      Add(x.subject);
      Add(x.result);
    }
    Add(c.conduct);
    for (const IntelReport& r : c.intelligence) {
      Add(r.source);
      Add(r.finding);
      Add(r.confidence);
    }
    if (c.outcome) {
      Add(c.outcome->decision);
      Add(c.outcome->diversion_found);
    }
  }

 private:
  template <typename E>
  static std::string Name() {
    return typeid(E).name();
  }
  std::map<std::string, std::set<std::string>> seen_;
};

TEST_F(CaseGeneratorTest, EveryEnumerationWordOfTheFormatAppears) {
  WordCollector words;
  for (const Case& c : gen_->cases) words.AddCase(c);
#define DIVRISK_EXPECT_ALL(E) \
  EXPECT_EQ(words.Missing<E>(), std::vector<std::string>{}) << #E
  DIVRISK_EXPECT_ALL(Transaction);
  DIVRISK_EXPECT_ALL(PartyRole);
  DIVRISK_EXPECT_ALL(PartyKind);
  DIVRISK_EXPECT_ALL(StockpileSecurity);
  DIVRISK_EXPECT_ALL(SurplusDisposal);
  DIVRISK_EXPECT_ALL(GoodsCategory);
  DIVRISK_EXPECT_ALL(QuantityUnit);
  DIVRISK_EXPECT_ALL(GoodsCondition);
  DIVRISK_EXPECT_ALL(EucKind);
  DIVRISK_EXPECT_ALL(Authentication);
  DIVRISK_EXPECT_ALL(EucClause);
  DIVRISK_EXPECT_ALL(DocumentKind);
  DIVRISK_EXPECT_ALL(RouteDisclosure);
  DIVRISK_EXPECT_ALL(DeliveryMethod);
  DIVRISK_EXPECT_ALL(TransportMode);
  DIVRISK_EXPECT_ALL(CarrierService);
  DIVRISK_EXPECT_ALL(Mitigation);
  DIVRISK_EXPECT_ALL(ConsultationSubject);
  DIVRISK_EXPECT_ALL(ConsultationResult);
  DIVRISK_EXPECT_ALL(Conduct);
  DIVRISK_EXPECT_ALL(IntelSource);
  DIVRISK_EXPECT_ALL(IntelFinding);
  DIVRISK_EXPECT_ALL(Confidence);
  DIVRISK_EXPECT_ALL(Decision);
  DIVRISK_EXPECT_ALL(DiversionFound);
#undef DIVRISK_EXPECT_ALL
}

TEST_F(CaseGeneratorTest, ProfilesAndHardStopsInTheirDocumentedShares) {
  std::map<RiskProfile, int> profiles;
  std::map<HardStopKind, int> hard;
  int archive = 0;
  for (int i = 0; i < kCases; ++i) {
    ++profiles[gen_->profiles[i]];
    ++hard[gen_->hard[i]];
    archive += gen_->archive[i];
  }
  // README: clean 40 %, medium 30 %, high 20 %, hard stop 10 %.
  EXPECT_NEAR(profiles[RiskProfile::kClean], 0.40 * kCases, 0.03 * kCases);
  EXPECT_NEAR(profiles[RiskProfile::kMedium], 0.30 * kCases, 0.03 * kCases);
  EXPECT_NEAR(profiles[RiskProfile::kHigh], 0.20 * kCases, 0.03 * kCases);
  EXPECT_NEAR(profiles[RiskProfile::kHardStop], 0.10 * kCases, 0.02 * kCases);
  for (HardStopKind k : {HardStopKind::kEmbargo, HardStopKind::kSanctionedParty,
                         HardStopKind::kIhlKnowledge,
                         HardStopKind::kOverridingRisk}) {
    EXPECT_GT(hard[k], 30) << EnumWord(k);
  }
  EXPECT_GT(archive, kCases / 20);
  EXPECT_LT(archive, kCases / 4);
}

TEST_F(CaseGeneratorTest, ScoresSpreadOverEveryBandAndRecommendation) {
  Executor executor(*plan_);
  BatchScores scores;
  executor.Score(gen_->cases, &scores);
  std::vector<int> bands(plan_->bands.size());
  std::map<Recommendation, int> recs;
  int hard_stops = 0, hard_refused = 0;
  for (int i = 0; i < kCases; ++i) {
    const CaseResult& r = scores.results[i];
    ++bands[r.band];
    ++recs[r.recommendation];
    if (gen_->profiles[i] == RiskProfile::kHardStop) {
      ++hard_stops;
      hard_refused += r.recommendation == Recommendation::kRefuse;
    }
  }
  for (size_t b = 0; b < bands.size(); ++b) {
    EXPECT_GT(bands[b], kCases / 20) << plan_->bands[b].id;
  }
  for (int r = 0; r < 4; ++r) {
    EXPECT_GT(recs[static_cast<Recommendation>(r)], kCases / 20)
        << EnumWord(static_cast<Recommendation>(r));
  }
  // A hard stop is refused whatever else the case says.
  EXPECT_GE(hard_refused, hard_stops * 95 / 100);
}

TEST_F(CaseGeneratorTest, RealisticDetails) {
  int imo = 0, listed = 0, flagged = 0, embargoed = 0, exempted = 0,
      later_intel = 0, regions = 0, euc_unknown = 0, no_euc = 0,
      contradicting = 0;
  for (const Case& c : gen_->cases) {
    for (const Party& p : c.parties) {
      if (const std::string* n = p.Identifier("imo")) {
        ++imo;
        EXPECT_TRUE(IsValidImo(*n)) << c.id << " " << *n;
      }
      for (const ListedParty& l : Ref().listed_parties) {
        listed += NormalizeName(l.name) == NormalizeName(p.name);
      }
    }
    if (c.euc_presence == EucPresence::kPresent && c.euc.number) {
      for (const FlaggedEucNumber& f : Ref().flagged_euc_numbers) {
        flagged += f.number == *c.euc.number;
      }
    }
    euc_unknown += c.euc_presence == EucPresence::kUnknown;
    no_euc += c.euc_presence == EucPresence::kNone;
    for (const Embargo& e : Ref().embargoes) {
      if (e.target == c.end_user.country && e.InForceOn(c.assessed_on)) {
        ++embargoed;
        exempted += !c.authorisations.empty();
        break;
      }
    }
    for (const IntelReport& r : c.intelligence) {
      later_intel += r.reported_on && *r.reported_on > c.assessed_on;
    }
    for (const UltimateEndUser& u : c.end_user.ultimate_end_users) {
      if (!u.region) continue;
      ++regions;
      EXPECT_EQ(u.region->substr(0, 2), c.end_user.country.view()) << c.id;
    }
    for (const Document& d : c.documents) {
      if (d.destination && *d.destination != c.end_user.country) {
        ++contradicting;
        break;
      }
    }
    // The route chains from the exporter to the end user (the reader checks
    // it too; here against the model directly).
    if (c.transport && !c.transport->legs.empty()) {
      EXPECT_EQ(c.transport->legs.front().from, c.exporter.country) << c.id;
      EXPECT_EQ(c.transport->legs.back().to, c.end_user.country) << c.id;
    }
  }
  EXPECT_GT(imo, kCases / 10);
  EXPECT_GT(listed, 20);
  EXPECT_GT(flagged, 5);
  EXPECT_GT(embargoed, 100);
  EXPECT_GT(exempted, 10);
  EXPECT_GT(later_intel, 50);
  EXPECT_GT(regions, 50);
  EXPECT_GT(euc_unknown, 50);
  EXPECT_GT(no_euc, 50);
  EXPECT_GT(contradicting, 20);
}

TEST_F(CaseGeneratorTest, ManyCountriesAndGoods) {
  std::set<std::string> exporters, destinations;
  std::map<GoodsCategory, int> categories;
  for (const Case& c : gen_->cases) {
    exporters.insert(std::string(c.exporter.country.view()));
    destinations.insert(std::string(c.end_user.country.view()));
    for (const GoodsLine& g : c.goods) ++categories[g.category];
  }
  EXPECT_GE(exporters.size(), 25u);
  EXPECT_GE(destinations.size(), 80u);
  EXPECT_EQ(categories.size(), kEnumWords<GoodsCategory>.size());
}

}  // namespace
}  // namespace divrisk
