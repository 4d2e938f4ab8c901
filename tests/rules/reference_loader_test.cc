// Tests of the reference-file loaders (rules/reference_loader.h): what each
// file's entries become in ReferenceData, the derived facts (ATT in force,
// partial dates, lifted embargoes), and the errors each loader reports.

#include <climits>
#include <string>
#include <vector>

#include "engine/doc/yaml_parser.h"
#include "engine/model/name_normalizer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/reference_loader.h"

namespace divrisk {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr const char* kCountries = R"yaml(source:
  title: "Test countries"
  as_of: "2026-01-01"
  publishers: ["test"]
  notes: "A few countries"
countries:
  - {code: "GB", name: "United Kingdom", alpha3: "GBR", numeric: "826"}
  - {code: "AD", name: "Andorra"}
  - {code: "AF", name: "Afghanistan"}
  - {code: "AG", name: "Antigua and Barbuda"}
  - {code: "AT", name: "Austria"}
  - {code: "DE", name: "Germany"}
  - {code: "ER", name: "Eritrea"}
  - {code: "HK", name: "Hong Kong"}
  - {code: "KP", name: "Korea, Democratic People's Republic of"}
  - {code: "LY", name: "Libya"}
  - {code: "NU", name: "Niue"}
  - {code: "SO", name: "Somalia"}
  - {code: "US", name: "United States"}
  - {code: "YUCS", name: "Yugoslavia", former: true, former_until: "2003"}
  - {code: "XK", name: "Kosovo", user_assigned: true, note: "EU practice"}
)yaml";

CountryCode CC(std::string_view code) { return *CountryCode::FromText(code); }

Date D(int y, int m, int d) { return DateFromCivil(y, m, d); }

// Adds `text`, read as `kind`, to *ref; errors go to *errors.
void Load(ReferenceKind kind, const std::string& text, ReferenceData* ref,
          DocErrors* errors) {
  absl::StatusOr<DocNode> root = ParseYaml(text);
  ASSERT_TRUE(root.ok()) << root.status();
  LoadReference(kind, *root, ref, errors);
}

// The test countries, then `text` as `kind`. Fails on any error.
ReferenceData LoadClean(ReferenceKind kind, const std::string& text) {
  ReferenceData ref;
  DocErrors errors;
  Load(ReferenceKind::kCountries, kCountries, &ref, &errors);
  Load(kind, text, &ref, &errors);
  EXPECT_TRUE(errors.empty()) << errors.Format("test");
  return ref;
}

// The formatted errors of loading `text` as `kind` after the countries.
std::string ErrorsOf(ReferenceKind kind, const std::string& text) {
  ReferenceData ref;
  DocErrors errors;
  Load(ReferenceKind::kCountries, kCountries, &ref, &errors);
  EXPECT_TRUE(errors.empty()) << errors.Format("countries");
  Load(kind, text, &ref, &errors);
  return errors.Format("f");
}

std::string WithHeader(const std::string& list) {
  return "source: {title: \"T\", as_of: \"2026-01-01\"}\n" + list;
}

// ---- countries --------------------------------------------------------------

TEST(Countries, LoadsCodesNamesAndFormerStates) {
  ReferenceData ref;
  DocErrors errors;
  Load(ReferenceKind::kCountries, kCountries, &ref, &errors);
  EXPECT_TRUE(errors.empty()) << errors.Format("countries");
  EXPECT_EQ(ref.countries.size(), 15u);
  ASSERT_NE(ref.Country(CC("GB")), nullptr);
  EXPECT_EQ(ref.Country(CC("GB"))->name, "United Kingdom");
  EXPECT_EQ(ref.Country(CC("GB"))->code, CC("GB"));
  EXPECT_FALSE(ref.Country(CC("GB"))->former);
  EXPECT_TRUE(ref.Country(CC("YUCS"))->former);
  EXPECT_EQ(ref.Country(CC("FR")), nullptr);
  // Nothing else is set by the country table.
  EXPECT_FALSE(ref.Country(CC("GB"))->att_in_force.has_value());
  EXPECT_FALSE(ref.Country(CC("GB"))->wassenaar);
}

TEST(Countries, CountryListedTwice) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kCountries,
                     WithHeader("countries:\n"
                                "  - {code: \"FR\", name: \"France\"}\n"
                                "  - {code: \"FR\", name: \"France\"}\n")),
            "f:4:12: countries[1].code: country listed twice\n");
}

TEST(Countries, BadCodeShape) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kCountries,
                     WithHeader("countries:\n"
                                "  - {code: \"fr\", name: \"France\"}\n")),
            "f:3:12: countries[0].code: expected an ISO 3166 country code "
            "(GB, or YUCS for a former state), found 'fr'\n");
}

TEST(Countries, MissingNameAndUnknownKey) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kCountries,
                     WithHeader("countries:\n"
                                "  - {code: \"FR\", capital: \"Paris\"}\n")),
            "f:3:5: countries[0].name: missing required field\n"
            "f:3:18: countries[0].capital: unknown key\n");
}

TEST(SourceHeader, IsRequiredWithTitleAndAsOf) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kWassenaar,
                     "participants: [{code: \"GB\"}]\n"),
            "f:1:1: source: missing required field\n");
  EXPECT_EQ(ErrorsOf(ReferenceKind::kWassenaar,
                     "source: {title: \"T\", editor: \"me\"}\n"
                     "participants: [{code: \"GB\"}]\n"),
            "f:1:9: source.as_of: missing required field\n"
            "f:1:22: source.editor: unknown key\n");
}

TEST(SourceHeader, UnknownTopLevelKeyAndMissingList) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kWassenaar,
                     WithHeader("members: [{code: \"GB\"}]\n")),
            "f:1:1: participants: missing required field\n"
            "f:2:1: members: unknown key\n");
}

// ---- att --------------------------------------------------------------------

constexpr const char* kAtt = R"yaml(source: {title: "ATT", as_of: "2026-01-01"}
states:
  # An explicit date wins over the deposit.
  - {code: "AD", status: "state_party", deposit: "2022-12-02", in_force: "2023-03-05", in_force_basis: "source"}
  # Deposit + 90 days (Art. 22(2)).
  - {code: "AF", status: "state_party", deposit: "2020-07-29", deposit_year: 2020, instrument: "accession"}
  # A deposit before the treaty entered into force: 2014-12-24 (Art. 22(1)).
  - {code: "AG", status: "state_party", deposit: "2013-08-12", signature: "2013-06-03"}
  # An explicit date before 2014-12-24 is clamped too.
  - {code: "AT", status: "state_party", in_force: "2014-04-02"}
  # Deposit year only: 90 days after 31 December of that year.
  - {code: "DE", status: "state_party", deposit_year: 2016, date_verification: "year_only"}
  - {code: "GB", status: "state_party", deposit_year: 2014}
  # A partial deposit date counts from the last day it can mean.
  - {code: "ER", status: "state_party", deposit: "2019-05"}
  # A partial in_force likewise.
  - {code: "KP", status: "state_party", in_force: "2016"}
  # The deposit date wins over the deposit year.
  - {code: "LY", status: "state_party", deposit: "2021-01-01", deposit_year: 2020}
  # A party with no date at all is never credited with membership.
  - {code: "NU", status: "state_party", notes: "date unknown"}
  - {code: "US", status: "signatory_only", signature: "2013-09-25", name: "United States"}
)yaml";

TEST(Att, InForceDerivation) {
  const ReferenceData ref = LoadClean(ReferenceKind::kAtt, kAtt);
  auto in_force = [&](const char* code) {
    return ref.Country(CC(code))->att_in_force;
  };
  EXPECT_EQ(in_force("AD"), D(2023, 3, 5));
  EXPECT_EQ(in_force("AF"), D(2020, 10, 27));
  EXPECT_EQ(in_force("AG"), D(2014, 12, 24));
  EXPECT_EQ(in_force("AT"), D(2014, 12, 24));
  EXPECT_EQ(in_force("DE"), D(2017, 3, 31));
  EXPECT_EQ(in_force("GB"), D(2015, 3, 31));
  EXPECT_EQ(in_force("ER"), D(2019, 8, 29));
  EXPECT_EQ(in_force("KP"), D(2016, 12, 31));
  EXPECT_EQ(in_force("LY"), D(2021, 4, 1));
  EXPECT_FALSE(in_force("NU").has_value());
  EXPECT_FALSE(ref.Country(CC("NU"))->att_signatory);
  EXPECT_FALSE(in_force("US").has_value());
  EXPECT_TRUE(ref.Country(CC("US"))->att_signatory);
  EXPECT_FALSE(ref.Country(CC("AD"))->att_signatory);
  // Countries the file does not list are untouched.
  EXPECT_FALSE(in_force("SO").has_value());
  EXPECT_FALSE(ref.Country(CC("SO"))->att_signatory);
}

TEST(Att, DepositYear2013IsClampedToTheTreatyDate) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kAtt,
      WithHeader("states: [{code: \"GB\", status: \"state_party\", "
                 "deposit_year: 2013}]\n"));
  EXPECT_EQ(ref.Country(CC("GB"))->att_in_force, D(2014, 12, 24));
}

TEST(Att, Errors) {
  EXPECT_EQ(
      ErrorsOf(ReferenceKind::kAtt,
               WithHeader("states:\n"
                          "  - {code: \"GB\", status: \"party\"}\n"
                          "  - {code: \"DE\", status: \"state_party\", "
                          "deposit_year: 2012}\n"
                          "  - {code: \"ZZ\", status: \"state_party\"}\n"
                          "  - {code: \"AT\", status: \"state_party\", "
                          "deposit: \"2014-02-30\"}\n")),
      "f:3:5: states[0].status: expected state_party or signatory_only\n"
      "f:4:55: states[1].deposit_year: expected a whole number from 2013 to "
      "2100, found 2012\n"
      "f:5:12: states[2].code: 'ZZ' is not in the country table\n"
      "f:6:50: states[3].deposit: expected a date YYYY, YYYY-MM or "
      "YYYY-MM-DD, found '2014-02-30'\n");
}

// ---- wassenaar --------------------------------------------------------------

TEST(Wassenaar, SetsTheFlag) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kWassenaar,
      WithHeader("participants:\n"
                 "  - {code: \"GB\", name: \"United Kingdom\", joined: "
                 "\"1996\", joined_verification: \"verified_year\", note: "
                 "\"founding\", source: \"BIS\"}\n"
                 "  - {code: \"DE\", joined: \"1996\"}\n"));
  EXPECT_TRUE(ref.Country(CC("GB"))->wassenaar);
  EXPECT_TRUE(ref.Country(CC("DE"))->wassenaar);
  EXPECT_FALSE(ref.Country(CC("AT"))->wassenaar);
}

// Issue 11, finding 6: participation counts from the joining date, read
// as the last day a partial date can mean; without a date, from joined_by.
TEST(Wassenaar, CreditedFromTheJoiningDate) {
  const ReferenceData ref =
      LoadClean(ReferenceKind::kWassenaar,
                WithHeader("participants:\n"
                           "  - {code: \"GB\", joined: \"1996\"}\n"
                           "  - {code: \"DE\", joined: \"2017-12-08\"}\n"
                           "  - {code: \"AT\", joined_by: \"2005-12-13\"}\n"
                           "  - {code: \"US\"}\n"));
  EXPECT_EQ(ref.Country(CC("GB"))->wassenaar_from, D(1996, 12, 31));
  EXPECT_FALSE(WassenaarOn(*ref.Country(CC("DE")), D(2017, 12, 7)));
  EXPECT_TRUE(WassenaarOn(*ref.Country(CC("DE")), D(2017, 12, 8)));
  EXPECT_EQ(ref.Country(CC("AT"))->wassenaar_from, D(2005, 12, 13));
  // Listed without any date: never credited.
  EXPECT_TRUE(ref.Country(CC("US"))->wassenaar);
  EXPECT_FALSE(WassenaarOn(*ref.Country(CC("US")), D(2026, 1, 1)));
}

TEST(Wassenaar, CodeNotInTheTable) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kWassenaar,
                     WithHeader("participants: [{code: \"FR\"}]\n")),
            "f:2:23: participants[0].code: 'FR' is not in the country "
            "table\n");
}

// ---- embargoes --------------------------------------------------------------

// One embargo entry with the given extra fields (start, end, status...).
std::string EmbargoEntry(const std::string& id, const std::string& fields) {
  return "  - {id: \"" + id +
         "\", imposing_body: \"UN\", target: \"LY\", target_name: "
         "\"Libya\", scope: \"full\", direction: \"both\", instrument: "
         "\"UNSCR\", source: \"s\", " +
         fields + "}\n";
}

const Embargo* FindEmbargo(const ReferenceData& ref, const std::string& id) {
  for (const Embargo& e : ref.embargoes) {
    if (e.id == id) return &e;
  }
  return nullptr;
}

TEST(Embargoes, PartialDatesReadCautiously) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kEmbargoes,
      WithHeader("embargoes:\n" +
                 EmbargoEntry("A", "status: \"lifted\", start: \"2011\", end: "
                              "\"2011-03\"") +
                 EmbargoEntry("B", "status: \"expired\", start: \"2011-02\", end: "
                              "\"2012\"") +
                 EmbargoEntry("C", "status: \"in_force\", start: \"2011-02-26\"")));
  const Embargo* a = FindEmbargo(ref, "A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->start, D(2011, 1, 1));
  EXPECT_EQ(a->end, D(2011, 3, 31));
  const Embargo* b = FindEmbargo(ref, "B");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->start, D(2011, 2, 1));
  EXPECT_EQ(b->end, D(2012, 12, 31));
  const Embargo* c = FindEmbargo(ref, "C");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->start, D(2011, 2, 26));
  EXPECT_FALSE(c->end.has_value());
  EXPECT_TRUE(c->InForceOn(D(2030, 1, 1)));
  EXPECT_FALSE(c->InForceOn(D(2011, 2, 25)));
}

TEST(Embargoes, EndedWithoutEndDateIsSkipped) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kEmbargoes,
      WithHeader("embargoes:\n" + EmbargoEntry("lifted", "status: \"lifted\"") +
                 EmbargoEntry("expired", "status: \"expired\"") +
                 EmbargoEntry("replaced", "status: \"replaced\"") +
                 EmbargoEntry("kept", "status: \"lifted\", end: \"2001-01-01\"") +
                 EmbargoEntry("open", "status: \"in_force\"") +
                 EmbargoEntry("other", "status: \"in_force_renewal_unconfirmed\"")));
  std::vector<std::string> ids;
  for (const Embargo& e : ref.embargoes) ids.push_back(e.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"kept", "open", "other"}));
}

TEST(Embargoes, FieldsAndDefaults) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kEmbargoes,
      WithHeader(
          "embargoes:\n"
          "  - id: \"EU-X\"\n"
          "    imposing_body: \"EU\"\n"
          "    target: \"SO\"\n"
          "    target_name: \"Somalia\"\n"
          "    regime: \"EU arms embargo on Somalia\"\n"
          "    scope: \"non_state_actors\"\n"
          "    direction: \"to\"\n"
          "    legal_nature: \"binding\"\n"
          "    status: \"in_force\"\n"
          "    instrument: \"Council Decision\"\n"
          "    other_instruments: \"more\"\n"
          "    scope_note: \"note\"\n"
          "    date_verification: \"verified\"\n"
          "    verification_note: \"note\"\n"
          "    direction_basis: \"basis\"\n"
          "    last_confirmed_renewal: \"2025\"\n"
          "    source: \"EUR-Lex\"\n"
          "  - {id: \"UN-persons\", imposing_body: \"UN\", target_name: "
          "\"ISIL\", scope: \"named_persons\", direction: \"from\", binding: "
          "false, status: \"in_force\", instrument: \"i\", source: \"s\"}\n"));
  ASSERT_EQ(ref.embargoes.size(), 2u);
  const Embargo& eu = ref.embargoes[0];
  EXPECT_EQ(eu.imposing_body, "EU");
  EXPECT_EQ(eu.target, CC("SO"));
  EXPECT_EQ(eu.target_name, "Somalia");
  EXPECT_EQ(eu.scope, EmbargoScope::kNonStateActors);
  EXPECT_EQ(eu.direction, EmbargoDirection::kTo);
  EXPECT_TRUE(eu.binding);  // the default
  EXPECT_EQ(eu.status, "in_force");
  EXPECT_EQ(eu.instrument, "Council Decision");
  EXPECT_EQ(eu.source, "EUR-Lex");
  EXPECT_EQ(eu.start, Date{INT32_MIN});  // no start: since ever
  const Embargo& un = ref.embargoes[1];
  EXPECT_FALSE(un.target.has_value());
  EXPECT_EQ(un.scope, EmbargoScope::kNamedPersons);
  EXPECT_EQ(un.direction, EmbargoDirection::kFrom);
  EXPECT_FALSE(un.binding);
}

TEST(Embargoes, Errors) {
  EXPECT_EQ(
      ErrorsOf(ReferenceKind::kEmbargoes,
               WithHeader("embargoes:\n" +
                          EmbargoEntry("A", "status: \"in_force\", start: "
                                       "\"2011-13\"") +
                          "  - {id: \"B\", imposing_body: \"UN\", target: "
                          "\"ZZ\", target_name: \"Z\", scope: \"total\", "
                          "direction: \"to\", status: \"in_force\", "
                          "instrument: \"i\", source: \"s\"}\n")),
      "f:3:167: embargoes[0].start: expected a date YYYY, YYYY-MM or "
      "YYYY-MM-DD, found '2011-13'\n"
      "f:4:44: embargoes[1].target: 'ZZ' is not in the country table\n"
      "f:4:75: embargoes[1].scope: expected one of full, non_state_actors, "
      "named_persons, specific_regions, partial; found 'total'\n");
}

// ---- registers --------------------------------------------------------------

constexpr const char* kRegisters = R"yaml(source: {title: "Registers", as_of: "2026-01-01"}
registers:
  - id: "GB-exporters"
    country: "GB"
    role: "exporter"
    title: "UK exporters"
    entries:
      - {register_id: "GB-EXP-1", name: "Northbridge Ltd", registered_on: "2015-04", valid_until: "2027-12", suspended_on: "2026-05-11", note: "n"}
      - {register_id: "GB-EXP-2", name: "Wessex Ltd"}
  - id: "GB-brokers"
    country: "GB"
    role: "broker"
    entries: []
)yaml";

TEST(Registers, EntriesAndRegistersHeld) {
  const ReferenceData ref = LoadClean(ReferenceKind::kRegisters, kRegisters);
  EXPECT_THAT(ref.registers_held,
              ElementsAre(Pair(CC("GB"), RegisterRole::kExporter),
                          Pair(CC("GB"), RegisterRole::kBroker)));
  EXPECT_TRUE(ref.HoldsRegister(CC("GB"), RegisterRole::kBroker));
  EXPECT_FALSE(ref.HoldsRegister(CC("DE"), RegisterRole::kExporter));
  ASSERT_EQ(ref.register_entries.size(), 2u);
  const RegisterEntry& e = ref.register_entries[0];
  EXPECT_EQ(e.register_name, "GB-exporters");
  EXPECT_EQ(e.country, CC("GB"));
  EXPECT_EQ(e.role, RegisterRole::kExporter);
  EXPECT_EQ(e.register_id, "GB-EXP-1");
  EXPECT_EQ(e.name, "Northbridge Ltd");
  EXPECT_EQ(e.registered_on, D(2015, 4, 1));   // earliest
  EXPECT_EQ(e.valid_until, D(2027, 12, 31));   // latest
  EXPECT_EQ(e.suspended_on, D(2026, 5, 11));
  EXPECT_FALSE(ref.register_entries[1].registered_on.has_value());
  EXPECT_FALSE(ref.register_entries[1].valid_until.has_value());
}

TEST(Registers, Errors) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kRegisters,
                     WithHeader("registers:\n"
                                "  - {id: \"FR\", country: \"FR\", role: "
                                "\"exporter\", entries: []}\n"
                                "  - {id: \"GB\", country: \"GB\", role: "
                                "\"dealer\", entries: [{name: \"X\"}]}\n")),
            "f:3:25: registers[0].country: 'FR' is not in the country table\n"
            "f:4:37: registers[1].role: expected one of exporter, broker; "
            "found 'dealer'\n"
            "f:4:57: registers[1].entries[0].register_id: missing required "
            "field\n");
}

TEST(Registers, RegisterWithUnknownCountryIsNotHeld) {
  ReferenceData ref;
  DocErrors errors;
  Load(ReferenceKind::kCountries, kCountries, &ref, &errors);
  Load(ReferenceKind::kRegisters,
       WithHeader("registers: [{id: \"FR\", country: \"FR\", role: "
                  "\"exporter\", entries: [{register_id: \"1\", name: "
                  "\"X\"}]}]\n"),
       &ref, &errors);
  EXPECT_EQ(errors.size(), 1u);
  EXPECT_THAT(ref.registers_held, IsEmpty());
  EXPECT_THAT(ref.register_entries, IsEmpty());
}

// ---- EUC templates and flagged EUC numbers ---------------------------------

TEST(EucTemplates, Loads) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kEucTemplates,
      WithHeader("templates:\n"
                 "  - {country: \"DE\", issuer_authority: \"BMVg\", "
                 "template_id: \"DE-1\", shared_on: \"2019-09\", withdrawn_on: "
                 "\"2024\", note: \"n\"}\n"));
  ASSERT_EQ(ref.euc_templates.size(), 1u);
  const EucTemplate& t = ref.euc_templates[0];
  EXPECT_EQ(t.country, CC("DE"));
  EXPECT_EQ(t.issuer_authority, "BMVg");
  EXPECT_EQ(t.template_id, "DE-1");
  EXPECT_EQ(t.shared_on, D(2019, 9, 1));
  EXPECT_EQ(t.withdrawn_on, D(2024, 1, 1));
}

TEST(FlaggedEucNumbers, LoadsForgedAndReused) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kFlaggedEucNumbers,
      WithHeader("numbers:\n"
                 "  - {issuer_country: \"AF\", number: \"A/1\", status: "
                 "\"forged\", reported_on: \"2025-10-02\", note: \"n\", "
                 "source: \"s\"}\n"
                 "  - {issuer_country: \"ER\", number: 443, status: "
                 "\"reused\"}\n"));
  ASSERT_EQ(ref.flagged_euc_numbers.size(), 2u);
  EXPECT_EQ(ref.flagged_euc_numbers[0].issuer_country, CC("AF"));
  EXPECT_EQ(ref.flagged_euc_numbers[0].number, "A/1");
  EXPECT_TRUE(ref.flagged_euc_numbers[0].forged);
  EXPECT_EQ(ref.flagged_euc_numbers[0].reported_on, D(2025, 10, 2));
  EXPECT_EQ(ref.flagged_euc_numbers[0].note, "n");
  EXPECT_EQ(ref.flagged_euc_numbers[1].number, "443");  // a number is text
  EXPECT_FALSE(ref.flagged_euc_numbers[1].forged);
}

TEST(FlaggedEucNumbers, BadStatus) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kFlaggedEucNumbers,
                     WithHeader("numbers: [{issuer_country: \"AF\", number: "
                                "\"1\", status: \"copied\"}]\n")),
            "f:2:11: numbers[0].status: expected forged or reused, found "
            "'copied'\n");
}

// ---- listed parties ---------------------------------------------------------

constexpr const char* kListed = R"yaml(source: {title: "Listed", as_of: "2026-01-01"}
entries:
  - id: "UNSC-KPe.001"
    name: "KOREA MINING DEVELOPMENT TRADING CORPORATION"
    aliases: ["KOMID", "Korea Mining Development Trading Corp."]
    country: "KP"
    effect: "sanction"
    list: "UN Security Council 1718 Committee (DPRK)"
    reference: "KPe.001"
    listed_on: "2009-04-24"
    source: "UN SC consolidated list"
    note: "n"
    kind: "entity"
  - id: "DN-1"
    name: "Eastgate Global Logistics FZE"
    aliases: ["KOMID"]
    effect: "denial"
    list: "Denial notifications"
    listed_on: "2025-12"
    source: "illustrative"
)yaml";

TEST(ListedParties, LoadsEntries) {
  const ReferenceData ref = LoadClean(ReferenceKind::kListedParties, kListed);
  ASSERT_EQ(ref.listed_parties.size(), 2u);
  const ListedParty& p = ref.listed_parties[0];
  EXPECT_EQ(p.id, "UNSC-KPe.001");
  EXPECT_EQ(p.aliases.size(), 2u);
  EXPECT_EQ(p.country, CC("KP"));
  EXPECT_EQ(p.effect, ListingEffect::kSanction);
  EXPECT_EQ(p.list, "UN Security Council 1718 Committee (DPRK)");
  EXPECT_EQ(p.reference, "KPe.001");
  EXPECT_EQ(p.listed_on, D(2009, 4, 24));
  const ListedParty& q = ref.listed_parties[1];
  EXPECT_EQ(q.effect, ListingEffect::kDenial);
  EXPECT_FALSE(q.country.has_value());
  EXPECT_EQ(q.listed_on, D(2025, 12, 1));  // earliest day of the month
}

TEST(ListedParties, Errors) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kListedParties,
                     WithHeader("entries:\n"
                                "  - {id: \"1\", name: \"X\", aliases: "
                                "\"Y\", effect: \"ban\", list: \"L\", source: "
                                "\"s\", country: \"FR\"}\n")),
            "f:3:35: entries[0].aliases: expected a list, found a string\n"
            "f:3:48: entries[0].effect: expected one of sanction, denial; "
            "found 'ban'\n"
            "f:3:88: entries[0].country: 'FR' is not in the country table\n");
}

// ---- memberships
// -------------------------------------------------------------

constexpr const char* kMemberships =
    R"yaml(source: {title: "M", as_of: "2026-12-07", illustrative: false}
memberships:
  - {organisation: "EU", code: "DE", name: "Germany", role: "member_state", joined: "1958-01-01", legal_basis: "Rome", source: "s"}
  - {organisation: "EU", code: "GB", role: "member_state", joined: "1973-01-01", left: "2020-01-31", left_note: "withdrawal", source: "s"}
  - {organisation: "ECOWAS", code: "SO", role: "member_state", joined: "1977", left: "2000-12"}
  - {organisation: "League of Arab States", code: "LY", role: "member_state", joined: "1953-03-28", left: "2011-02-22"}
  - {organisation: "League of Arab States", code: "LY", role: "suspended", joined: "2011-02-22", left: "2011-08-27"}
)yaml";

TEST(Memberships, PeriodsWithPartialDatesReadCautiously) {
  const ReferenceData ref =
      LoadClean(ReferenceKind::kMemberships, kMemberships);
  ASSERT_EQ(ref.memberships.size(), 5u);
  EXPECT_EQ(ref.MembershipOrganisation("EU"), "EU");
  EXPECT_EQ(ref.MembershipOrganisation("LAS"), "League of Arab States");
  EXPECT_EQ(ref.MembershipOrganisation("OSCE (CSCE)"), "");
  EXPECT_NE(ref.MembershipOn("EU", CC("GB"), D(2020, 1, 30)), nullptr);
  EXPECT_EQ(ref.MembershipOn("EU", CC("GB"), D(2020, 1, 31)), nullptr);
  // joined "1977": from 1977-01-01; left "2000-12": until 2000-12-31.
  EXPECT_NE(ref.MembershipOn("ECOWAS", CC("SO"), D(1977, 1, 1)), nullptr);
  EXPECT_NE(ref.MembershipOn("ECOWAS", CC("SO"), D(2000, 12, 30)), nullptr);
  EXPECT_EQ(ref.MembershipOn("ECOWAS", CC("SO"), D(2000, 12, 31)), nullptr);
  const Membership* ly =
      ref.MembershipOn("League of Arab States", CC("LY"), D(2011, 5, 1));
  ASSERT_NE(ly, nullptr);
  EXPECT_FALSE(ly->Member());
  ASSERT_EQ(ref.files.size(), 2u);
  EXPECT_EQ(ref.files[1].kind, "memberships");
  EXPECT_EQ(ref.files[1].title, "M");
  EXPECT_EQ(ref.files[1].as_of, "2026-12-07");
  EXPECT_FALSE(ref.files[1].illustrative);
}

TEST(Memberships, Errors) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kMemberships,
                     WithHeader("memberships:\n"
                                "  - {organisation: \"EU\", code: \"FR\", "
                                "joined: \"1958\"}\n"
                                "  - {organisation: \"EU\", code: \"DE\", "
                                "role: \"observer\", joined: \"2001\", left: "
                                "\"2000\"}\n")),
            "f:3:5: memberships[0].role: missing required field\n"
            "f:3:32: memberships[0].code: 'FR' is not in the country table\n"
            "f:4:5: memberships[1].left: left before joined\n"
            "f:4:44: memberships[1].role: expected one of member_state, "
            "participating_state, suspended; found 'observer'\n");
}

// ---- embargoes: jurisdiction fields
// --------------------------------------------

TEST(Embargoes, MembersOfAnOrganisationBindingFromAndCategories) {
  ReferenceData ref;
  DocErrors errors;
  Load(ReferenceKind::kCountries, kCountries, &ref, &errors);
  Load(ReferenceKind::kMemberships, kMemberships, &ref, &errors);
  Load(ReferenceKind::kEmbargoes,
       WithHeader(
           "embargoes:\n"
           "  - {id: \"E1\", imposing_body: \"ECOWAS\", target_members_of: "
           "\"ECOWAS\", target_name: \"members\", scope: \"partial\", "
           "direction: \"both\", status: \"in_force\", start: \"2009-09-29\", "
           "instrument: \"i\", source: \"s\", categories: [small_arms, "
           "ammunition]}\n"
           "  - {id: \"E2\", imposing_body: \"EU\", target: \"LY\", "
           "target_name: \"Libya\", scope: \"full\", direction: \"to\", "
           "status: \"in_force\", start: \"1990\", binding_from: \"1996\", "
           "binding_basis: \"first CFSP act\", instrument: \"i\", source: "
           "\"s\"}\n"),
       &ref, &errors);
  ASSERT_TRUE(errors.empty()) << errors.Format("f");
  ASSERT_EQ(ref.embargoes.size(), 2u);
  EXPECT_FALSE(ref.embargoes[0].target.has_value());
  EXPECT_EQ(ref.embargoes[0].target_members_of, "ECOWAS");
  EXPECT_THAT(
      ref.embargoes[0].categories,
      ElementsAre(GoodsCategory::kSmallArms, GoodsCategory::kAmmunition));
  EXPECT_EQ(ref.embargoes[1].binding_from, D(1996, 1, 1));
  EXPECT_FALSE(ref.embargoes[1].LegallyBindingOn(D(1995, 12, 31)));
  EXPECT_TRUE(ref.embargoes[1].LegallyBindingOn(D(1996, 1, 1)));
}

TEST(Embargoes, TargetMembersOfNeedsTheMemberships) {
  EXPECT_EQ(ErrorsOf(ReferenceKind::kEmbargoes,
                     WithHeader("embargoes:\n"
                                "  - {id: \"E1\", imposing_body: \"ECOWAS\", "
                                "target_members_of: \"ECOWAS\", target_name: "
                                "\"m\", scope: \"partial\", direction: "
                                "\"both\", status: \"in_force\", instrument: "
                                "\"i\", source: \"s\"}\n")),
            "f:3:60: embargoes[0].target_members_of: no memberships of "
            "'ECOWAS' in the memberships file\n");
}

// ---- illustrative records ---------------------------------------------------

TEST(Illustrative, FromTheHeaderUnlessAnEntrySaysOtherwise) {
  const ReferenceData ref = LoadClean(
      ReferenceKind::kListedParties,
      "source: {title: \"T\", as_of: \"2026-01-01\", illustrative: true}\n"
      "entries:\n"
      "  - {id: \"A\", name: \"Real Co\", effect: \"sanction\", list: "
      "\"UN\", source: \"s\", illustrative: false}\n"
      "  - {id: \"B\", name: \"Invented Co\", effect: \"denial\", list: "
      "\"D\", source: \"s\"}\n");
  ASSERT_EQ(ref.listed_parties.size(), 2u);
  EXPECT_FALSE(ref.listed_parties[0].illustrative);
  EXPECT_TRUE(ref.listed_parties[1].illustrative);
  EXPECT_TRUE(ref.AnyIllustrative());
  EXPECT_TRUE(ref.KindIllustrative("listed_parties"));
  EXPECT_FALSE(ref.KindIllustrative("countries"));
}

// ---- the bundled reference data ---------------------------------------------

TEST(ReferenceKind, WordsAreTheFileKinds) {
  EXPECT_EQ(ParseEnumWord<ReferenceKind>("countries"),
            ReferenceKind::kCountries);
  EXPECT_EQ(ParseEnumWord<ReferenceKind>("flagged_euc_numbers"),
            ReferenceKind::kFlaggedEucNumbers);
  EXPECT_EQ(ParseEnumWord<ReferenceKind>("listed_parties"),
            ReferenceKind::kListedParties);
  EXPECT_FALSE(ParseEnumWord<ReferenceKind>("sanctions").has_value());
}

}  // namespace
}  // namespace divrisk
