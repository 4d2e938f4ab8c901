#include "indicators/screening/case_screening.h"

#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk::screening {
namespace {

using ::testing::AllOf;
using ::testing::Contains;
using ::testing::HasSubstr;

CountryCode Cc(const char* code) { return *CountryCode::FromText(code); }

ListSet Lists() {
  ListSet set;
  ListSource un;
  un.id = "UN-SC";
  un.title = "UN Security Council consolidated list";
  un.as_of = DateFromCivil(2026, 2, 27);
  const uint16_t s_un = set.AddSource(un);
  ListSource dpl;
  dpl.id = "BIS-DPL";
  dpl.title = "BIS Denied Persons List";
  dpl.effect = ListingEffect::kDenial;
  const uint16_t s_dpl = set.AddSource(dpl);
  auto add = [&](uint16_t source, std::string ref, EntityType type,
                 std::string name, std::optional<Date> listed,
                 std::optional<Date> ends = std::nullopt,
                 std::vector<Identifier> ids = {}) {
    ListEntry e;
    e.source = source;
    e.reference = std::move(ref);
    e.type = type;
    e.names.push_back({std::move(name)});
    e.program = source == s_un ? "DPRK" : "Denied Persons List";
    e.listed_on = listed;
    e.ends_on = ends;
    e.identifiers = std::move(ids);
    set.entries.push_back(std::move(e));
  };
  add(s_un, "KPe.017", EntityType::kEntity, "LEADER (HONG KONG) INTERNATIONAL",
      DateFromCivil(2013, 1, 22));
  add(s_un, "KPe.099", EntityType::kEntity, "Ocean Star Shipping Company",
      DateFromCivil(2024, 6, 1));
  add(s_un, "KPv.001", EntityType::kVessel, "CHONG CHON GANG",
      DateFromCivil(2014, 7, 28), std::nullopt,
      {{IdKind::kImo, "7937317", "IMO"}});
  add(s_dpl, "line 7", EntityType::kUnknown, "Harold Q. Whitcombe",
      DateFromCivil(2005, 1, 1), DateFromCivil(2015, 1, 1));
  add(s_un, "KPe.050", EntityType::kEntity, "Korea Ryonbong General Corporation",
      DateFromCivil(2009, 4, 24));
  return set;
}

const Screener& Shared() {
  static const Screener* s = new Screener(Lists());
  return *s;
}

Case MakeCase() {
  Case c;
  c.id = "T-1";
  c.assessed_on = DateFromCivil(2020, 3, 1);
  c.exporter.name = "Harold Q. Whitcombe";
  c.exporter.country = Cc("GB");
  c.end_user.name = "Ministry of Defence";
  c.end_user.country = Cc("EE");
  Party broker;
  broker.name = "Harbour Freight Partners";
  broker.aliases = {"Leader International Trading Ltd"};
  broker.country = Cc("HK");
  broker.role = PartyRole::kBroker;
  broker.kind = PartyKind::kCompany;
  c.parties.push_back(broker);
  Party forwarder;
  forwarder.name = "Ocean Star Shipping Co.";
  forwarder.country = Cc("SG");
  forwarder.role = PartyRole::kFreightForwarder;
  c.parties.push_back(forwarder);
  Transport t;
  Leg leg;
  leg.from = Cc("GB");
  leg.to = Cc("EE");
  leg.mode = TransportMode::kSea;
  leg.carrier = "Baltic Link Ro-Ro AS";
  leg.vehicle_id = "IMO 7937317";
  t.legs.push_back(leg);
  leg.carrier = "Baltic Link Ro-Ro AS";  // the same carrier again
  t.legs.push_back(leg);
  c.transport = t;
  c.end_user.ultimate_end_users.push_back(
      {"Korea Ryonbong General Corp", PartyKind::kCompany, std::nullopt});
  return c;
}

const PartyFinding* Find(const std::vector<PartyFinding>& fs,
                         std::string_view field) {
  for (const PartyFinding& f : fs) {
    if (f.field_path == field) return &f;
  }
  return nullptr;
}

TEST(CaseScreeningTest, EveryPartyNameAliasAndVehicleIsScreened) {
  const Screener& s = Shared();
  const std::vector<PartyFinding> fs = ScreenCase(s, MakeCase());
  const PartyFinding* alias = Find(fs, "parties[0].aliases[0]");
  ASSERT_NE(alias, nullptr);
  EXPECT_EQ(alias->party_path, "parties[0]");
  EXPECT_EQ(s.lists().entries[alias->match.entry].reference, "KPe.017");
  EXPECT_TRUE(alias->Counts());
  const PartyFinding* vessel = Find(fs, "transport.legs[0].vehicle_id");
  ASSERT_NE(vessel, nullptr);
  EXPECT_EQ(vessel->screened, "IMO 7937317");
  EXPECT_EQ(vessel->match.level, MatchLevel::kHit);
  // The second leg repeats the vehicle: screened once.
  EXPECT_EQ(Find(fs, "transport.legs[1].vehicle_id"), nullptr);
  const PartyFinding* uu = Find(fs, "end_user.ultimate_end_users[0].name");
  ASSERT_NE(uu, nullptr);
  EXPECT_EQ(s.lists().entries[uu->match.entry].reference, "KPe.050");
}

TEST(CaseScreeningTest, ListedAfterTheAssessmentDateDoesNotCount) {
  const Screener& s = Shared();
  const std::vector<PartyFinding> fs = ScreenCase(s, MakeCase());
  const PartyFinding* f = Find(fs, "parties[1].name");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->listed_later);
  EXPECT_FALSE(f->Counts());
  const auto [path, text] = EntryFact(s, *f, MakeCase().assessed_on);
  EXPECT_EQ(path, "ref.lists[UN-SC:KPe.099]");
  EXPECT_THAT(text, AllOf(HasSubstr("listed on 2024-06-01"),
                          HasSubstr("after the assessment date 2020-03-01"),
                          HasSubstr("not counted")));
}

TEST(CaseScreeningTest, AListingThatHadEndedDoesNotCount) {
  const Screener& s = Shared();
  Case c = MakeCase();
  c.assessed_on = DateFromCivil(2019, 1, 1);
  const std::vector<PartyFinding> fs = ScreenCase(s, c);
  const PartyFinding* f = Find(fs, "exporter.name");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(f->ended);
  EXPECT_FALSE(f->Counts());
  EXPECT_THAT(EntryFact(s, *f, c.assessed_on).second,
              HasSubstr("listing ended on 2015-01-01"));
  // Assessed while the denial was in force: it counts.
  c.assessed_on = DateFromCivil(2010, 1, 1);
  const std::vector<PartyFinding> gs = ScreenCase(s, c);
  const PartyFinding* g = Find(gs, "exporter.name");
  ASSERT_NE(g, nullptr);
  EXPECT_TRUE(g->Counts());
}

TEST(CaseScreeningTest, EvidenceNamesListEntryProgramNamesAndScore) {
  const Screener& s = Shared();
  const Case c = MakeCase();
  const std::vector<PartyFinding> fs = ScreenCase(s, c);
  const PartyFinding* f = Find(fs, "parties[0].aliases[0]");
  ASSERT_NE(f, nullptr);
  const auto [field, matched] = FindingFact(s, *f);
  EXPECT_EQ(field, "parties[0].aliases[0]");
  EXPECT_THAT(matched,
              AllOf(HasSubstr("\"Leader International Trading Ltd\""),
                    HasSubstr("\"LEADER (HONG KONG) INTERNATIONAL\" (name)"),
                    HasSubstr("fuzzy"),
                    HasSubstr("score ")));
  const auto [path, entry] = EntryFact(s, *f, c.assessed_on);
  EXPECT_EQ(path, "ref.lists[UN-SC:KPe.017]");
  EXPECT_THAT(entry, AllOf(HasSubstr("sanction: UN Security Council "
                                     "consolidated list (as of 2026-02-27)"),
                           HasSubstr("program DPRK"),
                           HasSubstr("listed on 2013-01-22")));
}

TEST(CaseScreeningTest, IdentifierFindingNamesTheEntry) {
  const Screener& s = Shared();
  const std::vector<PartyFinding> fs = ScreenCase(s, MakeCase());
  const PartyFinding* f = Find(fs, "transport.legs[0].vehicle_id");
  ASSERT_NE(f, nullptr);
  EXPECT_THAT(FindingFact(s, *f).second,
              AllOf(HasSubstr("\"CHONG CHON GANG\" (by identifier)"),
                    HasSubstr("hit")));
  EXPECT_THAT(EntryFact(s, *f, DateFromCivil(2020, 3, 1)).second,
              HasSubstr("IMO 7937317 matches"));
}

TEST(CaseScreeningTest, UnlistedCaseHasNoFindings) {
  const Screener& s = Shared();
  Case c;
  c.assessed_on = DateFromCivil(2020, 1, 1);
  c.exporter.name = "Nordic Precision Arms AB";
  c.end_user.name = "Estonian Defence Forces";
  EXPECT_TRUE(ScreenCase(s, c).empty());
}

TEST(QueryForPartyTest, KindCountriesAndIdentifiers) {
  Party p;
  p.name = "Skyways Cargo";
  p.aliases = {"Skyways"};
  p.kind = PartyKind::kCompany;
  p.country = Cc("AE");
  p.nationality = Cc("AE");
  p.identifiers = {{"icao", "EX-76029"}, {"imo", "IMO 9166455"}};
  const ScreeningQuery q = QueryForParty(p);
  EXPECT_EQ(q.names.size(), 2u);
  EXPECT_EQ(q.type, EntityType::kEntity);
  EXPECT_EQ(q.countries.size(), 1u);
  ASSERT_EQ(q.identifiers.size(), 2u);
  EXPECT_EQ(q.identifiers[0].kind, IdKind::kIcao);
  EXPECT_EQ(q.identifiers[0].value, "EX76029");
  EXPECT_EQ(q.identifiers[1].kind, IdKind::kImo);
  EXPECT_EQ(q.identifiers[1].value, "9166455");
  p.kind = PartyKind::kIndividual;
  EXPECT_EQ(QueryForParty(p).type, EntityType::kPerson);
  p.kind.reset();
  EXPECT_EQ(QueryForParty(p).type, EntityType::kUnknown);
}

}  // namespace
}  // namespace divrisk::screening
