// Loader quirks, on small fixtures written for these tests in the published
// layouts (field order, quoting, line ends as the publishers use them).

#include "indicators/screening/loaders.h"

#include <algorithm>
#include <string>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "indicators/screening/country_names.h"

namespace divrisk::screening {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::UnorderedElementsAre;

CountryCode Cc(const char* code) { return *CountryCode::FromText(code); }

std::vector<std::string> Names(const ListEntry& e) {
  std::vector<std::string> out;
  for (const ListedName& n : e.names) out.push_back(n.text);
  return out;
}

const ListedName* FindName(const ListEntry& e, std::string_view text) {
  for (const ListedName& n : e.names) {
    if (n.text == text) return &n;
  }
  return nullptr;
}

const Identifier* FindId(const ListEntry& e, IdKind kind) {
  for (const Identifier& id : e.identifiers) {
    if (id.kind == kind) return &id;
  }
  return nullptr;
}

uint16_t NewSource(ListSet* set, ListFormat format) {
  ListSource s;
  s.id = "T";
  s.title = "test list";
  s.format = format;
  return set->AddSource(s);
}

// ---- UN consolidated XML -------------------------------------------------

constexpr const char kUnXml[] = R"(<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09.554Z">
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>1</DATAID>
      <FIRST_NAME>ABD AL-RAHMAN</FIRST_NAME>
      <SECOND_NAME>KHALAF</SECOND_NAME>
      <THIRD_NAME>UBAYD</THIRD_NAME>
      <FOURTH_NAME>AL-ANIZI</FOURTH_NAME>
      <UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
      <REFERENCE_NUMBER>QDi.999</REFERENCE_NUMBER>
      <LISTED_ON>2015-09-29</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>عبد الرحمن خلف عبيد العنزي</NAME_ORIGINAL_SCRIPT>
      <NATIONALITY><VALUE>Iraq</VALUE></NATIONALITY>
      <INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Abu Ubaydah</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Usama</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Abdul Rahman Khalaf</ALIAS_NAME></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ALIAS><QUALITY/><ALIAS_NAME/></INDIVIDUAL_ALIAS>
      <INDIVIDUAL_ADDRESS><COUNTRY>Syrian Arab Republic</COUNTRY></INDIVIDUAL_ADDRESS>
      <INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT>
        <NUMBER>AB 850901 </NUMBER>
        <ISSUING_COUNTRY>Iraq</ISSUING_COUNTRY>
      </INDIVIDUAL_DOCUMENT>
      <INDIVIDUAL_DOCUMENT>
        <TYPE_OF_DOCUMENT>National Identification Number</TYPE_OF_DOCUMENT>
        <NUMBER>1-78-09</NUMBER>
      </INDIVIDUAL_DOCUMENT>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES>
    <ENTITY>
      <DATAID>2</DATAID>
      <FIRST_NAME>COMPAGNIE AERIENNE DES GRANDS LACS (CAGL) ; GREAT LAKES BUSINESS COMPANY (GLBC)</FIRST_NAME>
      <UN_LIST_TYPE>DRC</UN_LIST_TYPE>
      <REFERENCE_NUMBER>CDe.003</REFERENCE_NUMBER>
      <LISTED_ON>2007-03-29-04:00</LISTED_ON>
      <COMMENTS1>Operator of the vessel; company IMO number 1790183. Email: x@y.z</COMMENTS1>
      <ENTITY_ALIAS><QUALITY>f.k.a.</QUALITY><ALIAS_NAME>CAGL Cargo</ALIAS_NAME></ENTITY_ALIAS>
      <ENTITY_ADDRESS><COUNTRY>Democratic Republic of the Congo</COUNTRY></ENTITY_ADDRESS>
    </ENTITY>
  </ENTITIES>
</CONSOLIDATED_LIST>
)";

TEST(UnXmlTest, IndividualNamePartsAliasesAndQuality) {
  ListSet set;
  const uint16_t s = NewSource(&set, ListFormat::kUnXml);
  ASSERT_TRUE(ParseUnConsolidatedXml(kUnXml, s, &set).ok());
  ASSERT_EQ(set.entries.size(), 2u);
  const ListEntry& e = set.entries[0];
  EXPECT_EQ(e.type, EntityType::kPerson);
  EXPECT_EQ(e.reference, "QDi.999");
  EXPECT_EQ(e.program, "Al-Qaida");
  EXPECT_EQ(e.names[0].text, "ABD AL-RAHMAN KHALAF UBAYD AL-ANIZI");
  EXPECT_EQ(e.names[0].strength, NameStrength::kPrimary);
  EXPECT_EQ(FindName(e, "Abu Ubaydah")->strength, NameStrength::kStrong);
  EXPECT_EQ(FindName(e, "Abu Usama")->strength, NameStrength::kWeak);
  EXPECT_EQ(FindName(e, "Abdul Rahman Khalaf")->strength,
            NameStrength::kStrong);
  // The empty <ALIAS_NAME/> adds nothing.
  EXPECT_EQ(e.names.size(), 5u);
}

TEST(UnXmlTest, OriginalScriptNameIsAStrongAlias) {
  ListSet set;
  ASSERT_TRUE(
      ParseUnConsolidatedXml(kUnXml, NewSource(&set, ListFormat::kUnXml), &set)
          .ok());
  const ListedName* n =
      FindName(set.entries[0], "عبد الرحمن خلف عبيد العنزي");
  ASSERT_NE(n, nullptr);
  EXPECT_TRUE(n->original_script);
  EXPECT_EQ(n->strength, NameStrength::kStrong);
}

TEST(UnXmlTest, ListedOnNationalityAddressAndDocuments) {
  ListSet set;
  ASSERT_TRUE(
      ParseUnConsolidatedXml(kUnXml, NewSource(&set, ListFormat::kUnXml), &set)
          .ok());
  const ListEntry& e = set.entries[0];
  ASSERT_TRUE(e.listed_on.has_value());
  EXPECT_EQ(FormatDate(*e.listed_on), "2015-09-29");
  EXPECT_THAT(e.countries, UnorderedElementsAre(Cc("IQ"), Cc("SY")));
  const Identifier* passport = FindId(e, IdKind::kPassport);
  ASSERT_NE(passport, nullptr);
  EXPECT_EQ(passport->value, "AB850901");
  EXPECT_THAT(passport->label, HasSubstr("Iraq"));
  ASSERT_NE(FindId(e, IdKind::kNationalId), nullptr);
  EXPECT_EQ(FindId(e, IdKind::kNationalId)->value, "17809");
}

TEST(UnXmlTest, EntityWithTwoNamesSplitAtSemicolonAndImoInComments) {
  ListSet set;
  ASSERT_TRUE(
      ParseUnConsolidatedXml(kUnXml, NewSource(&set, ListFormat::kUnXml), &set)
          .ok());
  const ListEntry& e = set.entries[1];
  EXPECT_EQ(e.type, EntityType::kEntity);
  EXPECT_THAT(Names(e),
              ElementsAre("COMPAGNIE AERIENNE DES GRANDS LACS (CAGL)",
                          "GREAT LAKES BUSINESS COMPANY (GLBC)", "CAGL Cargo"));
  EXPECT_EQ(e.names[1].strength, NameStrength::kStrong);
  EXPECT_EQ(e.names[2].strength, NameStrength::kStrong);  // f.k.a.
  ASSERT_NE(FindId(e, IdKind::kImo), nullptr);
  EXPECT_EQ(FindId(e, IdKind::kImo)->value, "1790183");
  EXPECT_THAT(e.countries, ElementsAre(Cc("CD")));
  // LISTED_ON with a time zone, as some records give it.
  ASSERT_TRUE(e.listed_on.has_value());
  EXPECT_EQ(FormatDate(*e.listed_on), "2007-03-29");
}

TEST(UnXmlTest, DateGeneratedIsTheAsOfDateWhenNoneDeclared) {
  ListSet set;
  const uint16_t s = NewSource(&set, ListFormat::kUnXml);
  ASSERT_TRUE(ParseUnConsolidatedXml(kUnXml, s, &set).ok());
  ASSERT_TRUE(set.sources[s].as_of.has_value());
  EXPECT_EQ(FormatDate(*set.sources[s].as_of), "2026-02-27");
}

TEST(UnXmlTest, MalformedXmlIsAnErrorWithItsLine) {
  ListSet set;
  const absl::Status st = ParseUnConsolidatedXml(
      "<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</ENTITIES>",
      NewSource(&set, ListFormat::kUnXml), &set);
  EXPECT_FALSE(st.ok());
  EXPECT_THAT(std::string(st.message()), HasSubstr("line 3"));
}

TEST(UnXmlTest, OtherXmlIsRefused) {
  ListSet set;
  EXPECT_FALSE(ParseUnConsolidatedXml("<sdnList/>",
                                      NewSource(&set, ListFormat::kUnXml), &set)
                   .ok());
}

// ---- OFAC CSV ------------------------------------------------------------

// sdn.csv: CRLF, "-0- " for empty, quoted names with commas, remarks with
// weak aliases, a vessel, an aircraft; a DOS end-of-file byte at the end.
constexpr const char kSdn[] =
    "36,AEROCARIBBEAN AIRLINES,-0- ,CUBA,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n"
    "306,\"BANCO NACIONAL DE CUBA\",-0- ,\"CUBA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- "
    ",-0- ,\"a.k.a. 'BNC'; a.k.a. 'AL-QA'IDA BANK'.\"\r\n"
    "4243,\"EBANO\",\"vessel\",\"CUBA\",-0- ,\"CL2192\",\"General Cargo\",\"2595\","
    "\"1865\",\"Panama\",-0- ,\"Vessel Registration Identification IMO 7406784; "
    "f.k.a. 'ANA I'.\"\r\n"
    "15431,EP-GOM,aircraft,[SDGT] [IFSR],-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,"
    "Aircraft Manufacturer's Serial Number (MSN) 1023409321; Linked To: POUYA "
    "AIR.\r\n"
    "9639,\"HANIYA, Ismail Abdul Salah\",\"individual\",\"NS-PLC\",-0- ,-0- ,-0- ,"
    "-0- ,-0- ,-0- ,-0- ,\"DOB 1962; nationality Palestinian; Passport "
    "A1234567 (Egypt); National ID No. 660000 73767 (Belgium).\"\r\n"
    "\x1a";
constexpr const char kAdd[] =
    "36,25,-0- ,Havana,Cuba,-0- \r\n"
    "9639,12128,-0- ,\"Gaza\",\"Palestinian\",-0- \r\n"
    "77777,1,-0- ,-0- ,Iran,-0- \r\n"  // no such entry: ignored
    "\x1a";
constexpr const char kAlt[] =
    "36,12,aka,AERO-CARIBBEAN,-0- \n"
    "9639,9150,\"aka\",\"HANIYA, Ismail\",-0- \n";

TEST(OfacCsvTest, ParsesPrimaryAddAndAltWithQuirks) {
  ListSet set;
  const uint16_t s = NewSource(&set, ListFormat::kOfacCsv);
  ASSERT_TRUE(ParseOfacCsv(kSdn, kAdd, kAlt, s, &set).ok());
  ASSERT_EQ(set.entries.size(), 5u);
  const ListEntry& airline = set.entries[0];
  EXPECT_EQ(airline.reference, "36");
  EXPECT_EQ(airline.type, EntityType::kEntity);  // "-0- " type: an entity
  EXPECT_EQ(airline.program, "CUBA");
  EXPECT_THAT(Names(airline),
              ElementsAre("AEROCARIBBEAN AIRLINES", "AERO-CARIBBEAN"));
  EXPECT_EQ(airline.names[1].strength, NameStrength::kStrong);
  EXPECT_THAT(airline.countries, ElementsAre(Cc("CU")));
}

TEST(OfacCsvTest, WeakAliasesFromRemarksKeepInnerApostrophes) {
  ListSet set;
  ASSERT_TRUE(ParseOfacCsv(kSdn, "", "", NewSource(&set, ListFormat::kOfacCsv),
                           &set)
                  .ok());
  const ListEntry& bank = set.entries[1];
  EXPECT_THAT(Names(bank), ElementsAre("BANCO NACIONAL DE CUBA", "BNC",
                                       "AL-QA'IDA BANK"));
  EXPECT_EQ(bank.names[1].strength, NameStrength::kWeak);
  EXPECT_EQ(bank.names[2].strength, NameStrength::kWeak);
}

TEST(OfacCsvTest, VesselCallSignImoFlagAndFormerName) {
  ListSet set;
  ASSERT_TRUE(ParseOfacCsv(kSdn, "", "", NewSource(&set, ListFormat::kOfacCsv),
                           &set)
                  .ok());
  const ListEntry& ship = set.entries[2];
  EXPECT_EQ(ship.type, EntityType::kVessel);
  ASSERT_NE(FindId(ship, IdKind::kImo), nullptr);
  EXPECT_EQ(FindId(ship, IdKind::kImo)->value, "7406784");
  ASSERT_NE(FindId(ship, IdKind::kCallSign), nullptr);
  EXPECT_EQ(FindId(ship, IdKind::kCallSign)->value, "CL2192");
  EXPECT_THAT(ship.countries, ElementsAre(Cc("PA")));
  ASSERT_NE(FindName(ship, "ANA I"), nullptr);
  EXPECT_EQ(FindName(ship, "ANA I")->strength, NameStrength::kWeak);
}

TEST(OfacCsvTest, AircraftRegistrationAndSerialAndBracketedPrograms) {
  ListSet set;
  ASSERT_TRUE(ParseOfacCsv(kSdn, "", "", NewSource(&set, ListFormat::kOfacCsv),
                           &set)
                  .ok());
  const ListEntry& plane = set.entries[3];
  EXPECT_EQ(plane.type, EntityType::kAircraft);
  EXPECT_EQ(plane.program, "SDGT; IFSR");
  ASSERT_NE(FindId(plane, IdKind::kIcao), nullptr);
  EXPECT_EQ(FindId(plane, IdKind::kIcao)->value, "EPGOM");
  ASSERT_NE(FindId(plane, IdKind::kMsn), nullptr);
  EXPECT_EQ(FindId(plane, IdKind::kMsn)->value, "1023409321");
}

TEST(OfacCsvTest, IndividualNationalityPassportAndNationalId) {
  ListSet set;
  ASSERT_TRUE(ParseOfacCsv(kSdn, kAdd, kAlt,
                           NewSource(&set, ListFormat::kOfacCsv), &set)
                  .ok());
  const ListEntry& p = set.entries[4];
  EXPECT_EQ(p.type, EntityType::kPerson);
  EXPECT_THAT(p.countries, ElementsAre(Cc("PS")));
  ASSERT_NE(FindId(p, IdKind::kPassport), nullptr);
  EXPECT_EQ(FindId(p, IdKind::kPassport)->value, "A1234567");
  EXPECT_THAT(FindId(p, IdKind::kPassport)->label, HasSubstr("Egypt"));
  ASSERT_NE(FindId(p, IdKind::kNationalId), nullptr);
  EXPECT_EQ(FindId(p, IdKind::kNationalId)->value, "66000073767");
  EXPECT_THAT(Names(p), ElementsAre("HANIYA, Ismail Abdul Salah",
                                    "HANIYA, Ismail"));
}

TEST(OfacCsvTest, LfFilesWithoutEofByteToo) {
  ListSet set;
  ASSERT_TRUE(ParseOfacCsv("1,ONE,-0-,X,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n"
                           "2,TWO,-0-,X,-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-",
                           "", "", NewSource(&set, ListFormat::kOfacCsv), &set)
                  .ok());
  EXPECT_EQ(set.entries.size(), 2u);
}

TEST(OfacCsvTest, AHeaderRowIsAnError) {
  ListSet set;
  const absl::Status st =
      ParseOfacCsv("ent_num,SDN_Name\n1,X\n", "", "",
                   NewSource(&set, ListFormat::kOfacCsv), &set);
  EXPECT_FALSE(st.ok());
  EXPECT_THAT(std::string(st.message()), HasSubstr("line 1"));
}

TEST(OfacRemarksTest, FactsOfARemarksField) {
  const RemarkFacts f = ParseOfacRemarks(
      "DOB 01 Sep 1944; citizen Iran; alt. nationality Syria; a.k.a. 'P'U "
      "LI'; n.k.a. 'NEW NAME'; Passport H90011666 (Hong Kong); Aircraft Tail "
      "Number EP-MMH; IMO 1234567.");
  EXPECT_THAT(f.weak_aliases, ElementsAre("P'U LI", "NEW NAME"));
  EXPECT_THAT(f.countries, ElementsAre("Syria", "Iran"));
  std::vector<std::string> ids;
  for (const Identifier& id : f.identifiers) {
    ids.push_back(std::string(IdKindName(id.kind)) + " " + id.value);
  }
  EXPECT_THAT(ids, UnorderedElementsAre("IMO 1234567", "passport H90011666",
                                        "aircraft registration EPMMH"));
}

TEST(OfacRemarksTest, ImoNeedsSevenDigitsAndAWordBoundary) {
  EXPECT_THAT(ParseOfacRemarks("IMO 123456; PRIMO 1234567").identifiers,
              IsEmpty());
}

// ---- BIS Denied Persons List -----------------------------------------------

constexpr const char kDpl[] =
    "\"Name\"\t\"Street_Address\"\t\"City\"\t\"State\"\t\"Country\"\t"
    "\"Postal_Code\"\t\"Effective_Date\"\t\"Expiration_Date\"\t"
    "\"Standard_Order\"\t\"Last_Update\"\t\"Action\"\t\"FR_Citation\"\n"
    "\"FUYI SUN A/K/A FRANK SUN\"\t\"1 ROAD\"\t\"X\"\t\"\"\t\"CN\"\t\"\"\t"
    "\"06/19/2003\"\t\"06/29/2056\"\t\"Y\"\t\"2007-01-31\"\t\"\"\t\"68 F.R. "
    "38290\"\n"
    "\"PEARL (A.K.A. NEI-CHIEN CHU) LI\"\t\"\"\t\"\"\t\"\"\t\"US\"\t\"\"\t"
    "\"8/4/2020\"\t\"\"\t\"Y\"\t\"\"\t\"\"\t\"\"\n";

TEST(BisDplTest, AliasesDatesCountryAndCitation) {
  ListSet set;
  ASSERT_TRUE(
      ParseBisDpl(kDpl, NewSource(&set, ListFormat::kBisDpl), &set).ok());
  ASSERT_EQ(set.entries.size(), 2u);
  const ListEntry& a = set.entries[0];
  EXPECT_THAT(Names(a), ElementsAre("FUYI SUN", "FRANK SUN"));
  EXPECT_EQ(a.type, EntityType::kUnknown);
  EXPECT_THAT(a.countries, ElementsAre(Cc("CN")));
  EXPECT_EQ(FormatDate(*a.listed_on), "2003-06-19");
  EXPECT_EQ(FormatDate(*a.ends_on), "2056-06-29");
  EXPECT_THAT(a.program, HasSubstr("68 F.R. 38290"));
  const ListEntry& b = set.entries[1];
  EXPECT_THAT(Names(b), ElementsAre("PEARL LI", "NEI-CHIEN CHU"));
  EXPECT_EQ(FormatDate(*b.listed_on), "2020-08-04");
  EXPECT_FALSE(b.ends_on.has_value());
}

TEST(BisDplTest, MissingColumnIsAnError) {
  ListSet set;
  EXPECT_FALSE(ParseBisDpl("\"Name\"\t\"City\"\n\"X\"\t\"Y\"\n",
                           NewSource(&set, ListFormat::kBisDpl), &set)
                   .ok());
}

TEST(SplitAliasMarkersTest, InlineAndParenthesisedMarkers) {
  std::vector<std::string> aliases;
  EXPECT_EQ(SplitAliasMarkers("A B a.k.a. C D aka E", &aliases), "A B");
  EXPECT_THAT(aliases, ElementsAre("C D", "E"));
  aliases.clear();
  EXPECT_EQ(SplitAliasMarkers("ACME (D/B/A ROADRUNNER) LTD", &aliases),
            "ACME LTD");
  EXPECT_THAT(aliases, ElementsAre("ROADRUNNER"));
  aliases.clear();
  // "AKAN" is a name, not a marker.
  EXPECT_EQ(SplitAliasMarkers("AKAN TRADING (HK)", &aliases),
            "AKAN TRADING (HK)");
  EXPECT_THAT(aliases, IsEmpty());
}

// ---- US Consolidated Screening List ------------------------------------------

constexpr const char kCsl2019[] =
    "source,entity_number,type,programs,name,title,addresses,"
    "federal_register_notice,start_date,end_date,standard_order,"
    "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,"
    "places_of_birth,source_information_url,ids\n"
    "Specially Designated Nationals (SDN) - Treasury Department,21996,Vessel,"
    "NKSR,7-28,,,,,,,,,T8LQ2,,,,Korea North,,,,,,,,,,"
    "\"IMO 8898831, Vessel Registration Identification; North Korea "
    "Sanctions Regulations, sections 510.201 and 510.210, Secondary "
    "sanctions risk:\"\n"
    "Specially Designated Nationals (SDN) - Treasury Department,1,Entity,"
    "SDNTK,200G PSA HOLDINGS LLC,,\"80 SW 8th Street, Miami, FL, 33130, US\","
    ",2014-01-01,,,,,,,,,,,,,\"200G HOLDINGS; PSA 200G\",,,,,,"
    "\"US, 80-0890696, Tax ID No.\"\n"
    "Nonproliferation Sanctions (ISN) - State Department,,,INKSNA,"
    "\"Sinobright Import and Export Company; and any successor, sub-unit, or "
    "subsidiary thereof\",,,,2023-07-19,2025-07-19,,,,,,,,,,,,,,,,,,\n";

constexpr const char kCsl2025[] =
    "_id,source,entity_number,type,programs,name,title,addresses,"
    "federal_register_notice,start_date,end_date,standard_order,"
    "license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,"
    "gross_registered_tonnage,vessel_flag,vessel_owner,remarks,"
    "source_list_url,alt_names,citizenships,dates_of_birth,nationalities,"
    "places_of_birth,source_information_url,ids\n"
    "\"abc123\",\"Nonproliferation Sanctions (ISN) - State Department\",\"\","
    "\"Individual\",\"NS-PLC\",\"Evren KAYAKIRAN\",\"\",\"\",\"\",\"\",\"\","
    "\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"\",\"E. KAYAKIRAN\","
    "\"TR\",\"\",\"TR\",\"\",\"\",\"Passport, U00242309, TR; Gender, Male\"\n";

TEST(UsCslTest, Layout2019VesselIdsAndCallSign) {
  ListSet set;
  ASSERT_TRUE(
      ParseUsCsl(kCsl2019, NewSource(&set, ListFormat::kUsCsl), &set).ok());
  ASSERT_EQ(set.entries.size(), 3u);
  const ListEntry& ship = set.entries[0];
  EXPECT_EQ(ship.type, EntityType::kVessel);
  EXPECT_EQ(ship.reference, "21996");
  ASSERT_NE(FindId(ship, IdKind::kImo), nullptr);
  EXPECT_EQ(FindId(ship, IdKind::kImo)->value, "8898831");
  ASSERT_NE(FindId(ship, IdKind::kCallSign), nullptr);
  EXPECT_EQ(FindId(ship, IdKind::kCallSign)->value, "T8LQ2");
  EXPECT_THAT(ship.countries, ElementsAre(Cc("KP")));
  EXPECT_THAT(ship.program, HasSubstr("NKSR"));
}

TEST(UsCslTest, Layout2019AltNamesAddressCountryAndDates) {
  ListSet set;
  ASSERT_TRUE(
      ParseUsCsl(kCsl2019, NewSource(&set, ListFormat::kUsCsl), &set).ok());
  const ListEntry& e = set.entries[1];
  EXPECT_THAT(Names(e),
              ElementsAre("200G PSA HOLDINGS LLC", "200G HOLDINGS", "PSA 200G"));
  EXPECT_THAT(e.countries, ElementsAre(Cc("US")));
  EXPECT_EQ(FormatDate(*e.listed_on), "2014-01-01");
  ASSERT_FALSE(e.identifiers.empty());
  EXPECT_EQ(e.identifiers[0].value, "800890696");
  // "; and any successor ..." is not part of the name.
  const ListEntry& isn = set.entries[2];
  EXPECT_THAT(Names(isn), ElementsAre("Sinobright Import and Export Company"));
  EXPECT_EQ(isn.type, EntityType::kUnknown);
  EXPECT_EQ(FormatDate(*isn.ends_on), "2025-07-19");
}

TEST(UsCslTest, Layout2025WithIdColumnAndTypeFirstIds) {
  ListSet set;
  ASSERT_TRUE(
      ParseUsCsl(kCsl2025, NewSource(&set, ListFormat::kUsCsl), &set).ok());
  ASSERT_EQ(set.entries.size(), 1u);
  const ListEntry& p = set.entries[0];
  EXPECT_EQ(p.reference, "abc123");
  EXPECT_EQ(p.type, EntityType::kPerson);
  EXPECT_THAT(Names(p), ElementsAre("Evren KAYAKIRAN", "E. KAYAKIRAN"));
  EXPECT_THAT(p.countries, ElementsAre(Cc("TR")));
  ASSERT_NE(FindId(p, IdKind::kPassport), nullptr);
  EXPECT_EQ(FindId(p, IdKind::kPassport)->value, "U00242309");
  EXPECT_EQ(p.identifiers.size(), 1u);  // "Gender, Male" is no identifier
}

TEST(UsCslTest, HeaderWithoutNameIsAnError) {
  ListSet set;
  EXPECT_FALSE(ParseUsCsl("source,type\nx,y\n",
                          NewSource(&set, ListFormat::kUsCsl), &set)
                   .ok());
}

// ---- The rule set's listed parties -------------------------------------------

TEST(ListedPartiesTest, OneSourcePerListAndEffect) {
  std::vector<ListedParty> parties(3);
  parties[0].id = "UNSC-KPe.017";
  parties[0].name = "LEADER (HONG KONG) INTERNATIONAL";
  parties[0].aliases = {"Leader International Trading Limited"};
  parties[0].country = Cc("HK");
  parties[0].list = "UN 1718";
  parties[0].reference = "KPe.017";
  parties[0].listed_on = DateFromCivil(2013, 1, 22);
  parties[1] = parties[0];
  parties[1].id = "UNSC-KPe.001";
  parties[2].id = "DN-1";
  parties[2].name = "Eastgate Global Logistics FZE";
  parties[2].effect = ListingEffect::kDenial;
  parties[2].list = "Denial notifications";
  ListSet set;
  AddListedParties(parties, &set);
  ASSERT_EQ(set.sources.size(), 2u);
  EXPECT_EQ(set.sources[0].effect, ListingEffect::kSanction);
  EXPECT_EQ(set.sources[1].effect, ListingEffect::kDenial);
  ASSERT_EQ(set.entries.size(), 3u);
  EXPECT_EQ(set.entries[0].source, set.entries[1].source);
  EXPECT_EQ(set.entries[0].reference, "UNSC-KPe.017");
  EXPECT_EQ(set.entries[0].program, "KPe.017");
  EXPECT_THAT(Names(set.entries[0]),
              ElementsAre("LEADER (HONG KONG) INTERNATIONAL",
                          "Leader International Trading Limited"));
  EXPECT_EQ(FormatDate(*set.entries[0].listed_on), "2013-01-22");
  EXPECT_EQ(set.EntryId(set.entries[2]), "Denial notifications:DN-1");
}

// ---- Country names -----------------------------------------------------------

TEST(CountryNamesTest, CodesIcuNamesAndListForms) {
  EXPECT_EQ(CountryFromText("af"), Cc("AF"));
  EXPECT_EQ(CountryFromText("US"), Cc("US"));
  EXPECT_EQ(CountryFromText("Afghanistan"), Cc("AF"));
  EXPECT_EQ(CountryFromText("Iran (Islamic Republic of)"), Cc("IR"));
  EXPECT_EQ(CountryFromText("Korea, North"), Cc("KP"));
  EXPECT_EQ(CountryFromText("Democratic People's Republic of Korea"),
            Cc("KP"));
  EXPECT_EQ(CountryFromText("Democratic Republic of the Congo"), Cc("CD"));
  EXPECT_EQ(CountryFromText("Congo, Democratic Republic of the"), Cc("CD"));
  EXPECT_EQ(CountryFromText("Côte d'Ivoire"), Cc("CI"));
  EXPECT_EQ(CountryFromText("Burma"), Cc("MM"));
  EXPECT_EQ(CountryFromText("Russian Federation"), Cc("RU"));
  EXPECT_EQ(CountryFromText("UK"), Cc("GB"));
  EXPECT_EQ(CountryFromText("Atlantis"), std::nullopt);
  EXPECT_EQ(CountryFromText("ZZ"), std::nullopt);
  EXPECT_EQ(CountryFromText(""), std::nullopt);
}

// ---- LoadList -----------------------------------------------------------------

TEST(LoadListTest, MissingFileIsNotFound) {
  ListSet set;
  ListSpec spec;
  spec.id = "X";
  spec.format = ListFormat::kBisDpl;
  spec.paths = {"/nonexistent/dpl.txt"};
  const absl::Status st = LoadList(spec, &set);
  EXPECT_EQ(st.code(), absl::StatusCode::kNotFound);
  EXPECT_TRUE(set.entries.empty());
}

}  // namespace
}  // namespace divrisk::screening
