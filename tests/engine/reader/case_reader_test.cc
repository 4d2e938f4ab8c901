// Tests for the case reader (ReadCaseText / ReadCaseFile and DecodeCase)
// against the divrisk-case/1 contract (spec/case-format.md), with the
// country table of the default rule set.
//
// Each error test asserts the whole error line: "line:column: path: message".

#include "engine/reader/case_reader.h"

#include "tests/engine/reader/case_reader_test_util.h"

namespace divrisk {
namespace {

using namespace ::divrisk::test_util;  // NOLINT: the shared helpers

// --------------------------------------------------------------- examples

std::vector<std::string> CaseFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() &&
        (ext == ".yaml" || ext == ".yml" || ext == ".json")) {
      files.push_back(entry.path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST_F(CaseReaderTest, EveryProjectExampleReads) {
  std::vector<std::string> files =
      CaseFilesIn(std::string(DIVRISK_SOURCE_DIR) + "/examples");
  ASSERT_THAT(files, SizeIs(::testing::Ge(20u)));
  bool saw_json = false;
  for (const std::string& file : files) {
    absl::StatusOr<Case> c = ReadCaseFile(file, Ref());
    EXPECT_TRUE(c.ok()) << c.status();
    if (c.ok()) {
      EXPECT_FALSE(c->id.empty()) << file;
      EXPECT_FALSE(c->goods.empty()) << file;
    }
    saw_json |= SyntaxOfFile(file) == CaseSyntax::kJson;
  }
  EXPECT_TRUE(saw_json);
}

TEST_F(CaseReaderTest, EverySpecExampleReads) {
  const std::string dir = std::string(DIVRISK_SHARED_DIR) + "/spec/examples";
  DIVRISK_REQUIRE_SHARED(dir);
  std::vector<std::string> files = CaseFilesIn(dir);
  ASSERT_THAT(files, ::testing::Not(IsEmpty()));
  for (const std::string& file : files) {
    absl::StatusOr<Case> c = ReadCaseFile(file, Ref());
    EXPECT_TRUE(c.ok()) << c.status();
  }
}

TEST_F(CaseReaderTest, MissingFileIsNotFound) {
  absl::StatusOr<Case> c = ReadCaseFile("/nonexistent/case.yaml", Ref());
  EXPECT_EQ(c.status().code(), absl::StatusCode::kNotFound);
}

TEST(SyntaxOfFile, JsonByExtension) {
  EXPECT_EQ(SyntaxOfFile("a/b/case.json"), CaseSyntax::kJson);
  EXPECT_EQ(SyntaxOfFile("case.yaml"), CaseSyntax::kYaml);
  EXPECT_EQ(SyntaxOfFile("case.yml"), CaseSyntax::kYaml);
  EXPECT_EQ(SyntaxOfFile("json"), CaseSyntax::kYaml);
}

// ------------------------------------------------------------ valid cases

TEST_F(CaseReaderTest, BaseCaseReadsItsFacts) {
  Case c = MustRead(kBase);
  EXPECT_EQ(c.id, "T-0001");
  EXPECT_EQ(c.transaction, Transaction::kExport);  // the default
  EXPECT_EQ(c.assessed_on, DateFromCivil(2026, 3, 14));
  EXPECT_EQ(c.exporter.name, "Acme Arms Ltd");
  EXPECT_EQ(c.exporter.country.view(), "GB");
  EXPECT_EQ(c.exporter.internal_compliance_programme, true);
  ASSERT_EQ(c.goods.size(), 1u);
  EXPECT_EQ(c.goods[0].category, GoodsCategory::kSmallArms);
  EXPECT_EQ(c.goods[0].description, "Assault rifles");
  EXPECT_EQ(c.goods[0].quantity, 100);
  EXPECT_EQ(c.goods[0].quantity_unit, QuantityUnit::kItems);  // the default
  EXPECT_EQ(c.goods[0].unit_value, 450.5);
  EXPECT_EQ(c.end_user.name, "Kenya Defence Forces");
  EXPECT_EQ(c.end_user.country.view(), "KE");
  EXPECT_EQ(c.end_user.kind, PartyKind::kArmedForces);
  EXPECT_EQ(c.euc_presence, EucPresence::kNone);
  EXPECT_TRUE(c.extensions_json.empty());
}

TEST_F(CaseReaderTest, UnknownFactsStayNullopt) {
  Case c = MustRead(Append(
      "euc:\n"
      "  kind: government_euc\n"
      "history:\n"
      "  denial_notifications: 0\n"
      "outcome:\n"
      "  decision: approved\n"));
  // Absent facts are unknown, not false or zero.
  EXPECT_EQ(c.exporter.prior_violations, std::nullopt);
  EXPECT_EQ(c.exporter.register_id, std::nullopt);
  EXPECT_EQ(c.exporter.incorporated_on, std::nullopt);
  EXPECT_EQ(c.goods[0].marked, std::nullopt);
  EXPECT_EQ(c.goods[0].manpads, std::nullopt);
  EXPECT_EQ(c.goods[0].condition, std::nullopt);
  EXPECT_EQ(c.end_user.diversion_from_stocks_reported, std::nullopt);
  EXPECT_EQ(c.end_user.replaces_existing_stocks, std::nullopt);
  EXPECT_EQ(c.end_user.stockpile_security, std::nullopt);
  EXPECT_EQ(c.end_user.force_size, std::nullopt);
  EXPECT_EQ(c.end_user.internal_compliance_programme, std::nullopt);
  EXPECT_EQ(c.transport, std::nullopt);
  ASSERT_EQ(c.euc_presence, EucPresence::kPresent);
  EXPECT_EQ(c.euc.kind, EucKind::kGovernmentEuc);
  EXPECT_EQ(c.euc.original_seen, std::nullopt);
  EXPECT_EQ(c.euc.authentication, std::nullopt);
  EXPECT_EQ(c.euc.template_on_file, std::nullopt);
  EXPECT_EQ(c.euc.clauses, std::nullopt);  // absent = not recorded
  EXPECT_EQ(c.euc.goods, std::nullopt);
  EXPECT_EQ(c.euc.valid_until, std::nullopt);
  ASSERT_TRUE(c.history.has_value());
  EXPECT_EQ(c.history->denial_notifications, 0);  // stated zero is known
  EXPECT_EQ(c.history->post_shipment_check_failed, std::nullopt);
  EXPECT_EQ(c.history->prior_refusals_to_end_user, std::nullopt);
  ASSERT_TRUE(c.outcome.has_value());
  EXPECT_EQ(c.outcome->diversion_found, std::nullopt);
}

TEST_F(CaseReaderTest, StatedFalseIsFalseNotUnknown) {
  Case c = MustRead(With(
      With(kBase, "  internal_compliance_programme: true\n",
           "  internal_compliance_programme: false\n"),
      "    unit_value: 450.5\n", "    unit_value: 450.5\n    marked: false\n"));
  ASSERT_TRUE(c.exporter.internal_compliance_programme.has_value());
  EXPECT_FALSE(*c.exporter.internal_compliance_programme);
  ASSERT_TRUE(c.goods[0].marked.has_value());
  EXPECT_FALSE(*c.goods[0].marked);
}

TEST_F(CaseReaderTest, NullValueIsUnknown) {
  Case c = MustRead(With(kBase, "  internal_compliance_programme: true\n",
                         "  internal_compliance_programme: ~\n"));
  EXPECT_EQ(c.exporter.internal_compliance_programme, std::nullopt);
}

TEST_F(CaseReaderTest, Yaml12WordsNoAndYes) {
  // `NO` is Norway and `no`/`yes` are words, never booleans.
  Case c = MustRead(
      With(kBase, "  country: KE\n", "  country: NO\n") +
      "outcome:\n"
      "  decision: refused\n"
      "  diversion_found: no\n");
  EXPECT_EQ(c.end_user.country.view(), "NO");
  EXPECT_EQ(c.outcome->decision, Decision::kRefused);
  EXPECT_EQ(c.outcome->diversion_found, DiversionFound::kNo);
  Case d = MustRead(Append("outcome:\n  diversion_found: yes\n"));
  EXPECT_EQ(d.outcome->diversion_found, DiversionFound::kYes);
}

TEST_F(CaseReaderTest, FormerStateCodeAccepted) {
  Case c = MustRead(With(kBase, "    unit_value: 450.5\n",
                         "    unit_value: 450.5\n    origin_country: YUCS\n"));
  ASSERT_TRUE(c.goods[0].origin_country.has_value());
  EXPECT_EQ(c.goods[0].origin_country->view(), "YUCS");
}

TEST_F(CaseReaderTest, ListsAndSetsRead) {
  Case c = MustRead(Append(
      "  aliases: [KDF, Kenya Army]\n"
      "mitigations: [staged_delivery, end_user_training]\n"
      "conduct: [cash_payment]\n"
      "consultations:\n"
      "  - {with: KE, date: 2026-02-01, subject: end_user, result: no_objection}\n"
      "amendments:\n"
      "  - {path: end_user.name, old: KDF, new: Kenya Defence Forces}\n"
      "authorisations:\n"
      "  - {body: UN, reference: S/AC.1/2026/1}\n"));
  EXPECT_THAT(c.end_user.aliases, ElementsAre("KDF", "Kenya Army"));
  EXPECT_TRUE(c.mitigations.Has(Mitigation::kStagedDelivery));
  EXPECT_TRUE(c.mitigations.Has(Mitigation::kEndUserTraining));
  EXPECT_FALSE(c.mitigations.Has(Mitigation::kGovernmentToGovernment));
  EXPECT_TRUE(c.conduct.Has(Conduct::kCashPayment));
  ASSERT_EQ(c.consultations.size(), 1u);
  EXPECT_EQ(c.consultations[0].with.view(), "KE");
  EXPECT_EQ(c.consultations[0].result, ConsultationResult::kNoObjection);
  ASSERT_EQ(c.amendments.size(), 1u);
  EXPECT_EQ(c.amendments[0].old_value, "KDF");
  EXPECT_EQ(c.amendments[0].new_value, "Kenya Defence Forces");
  ASSERT_EQ(c.authorisations.size(), 1u);
  EXPECT_EQ(c.authorisations[0].body, "UN");
  EXPECT_EQ(c.authorisations[0].date, std::nullopt);
}

// ------------------------------------------------- missing required fields

TEST_F(CaseReaderTest, MissingId) {
  EXPECT_THAT(Errors(With(kBase, "id: T-0001\n", "")),
              ElementsAre("1:1: id: missing required field"));
}

TEST_F(CaseReaderTest, MissingFormat) {
  EXPECT_THAT(Errors(With(kBase, "format: divrisk-case/1\n", "")),
              ElementsAre("1:1: format: missing required field"));
}

TEST_F(CaseReaderTest, WrongFormat) {
  EXPECT_THAT(Errors(With(kBase, "divrisk-case/1", "divrisk-case/2")),
              ElementsAre("1:9: format: expected 'divrisk-case/1', found "
                          "'divrisk-case/2'"));
}

TEST_F(CaseReaderTest, MissingAssessedOn) {
  EXPECT_THAT(Errors(With(kBase, "assessed_on: 2026-03-14\n", "")),
              ElementsAre("1:1: assessed_on: missing required field"));
}

TEST_F(CaseReaderTest, MissingExporterName) {
  EXPECT_THAT(Errors(With(kBase, "  name: Acme Arms Ltd\n", "")),
              ElementsAre("5:3: exporter.name: missing required field"));
}

TEST_F(CaseReaderTest, EmptyExporterName) {
  EXPECT_THAT(Errors(With(kBase, "  name: Acme Arms Ltd\n", "  name: \"\"\n")),
              ElementsAre("5:9: exporter.name: expected a non-empty string"));
}

TEST_F(CaseReaderTest, MissingExporterCountry) {
  EXPECT_THAT(Errors(With(kBase, "  country: GB\n", "")),
              ElementsAre("5:3: exporter.country: missing required field"));
}

TEST_F(CaseReaderTest, MissingExporter) {
  EXPECT_THAT(
      Errors(With(kBase,
                  "exporter:\n  name: Acme Arms Ltd\n  country: GB\n"
                  "  internal_compliance_programme: true\n",
                  "")),
      ElementsAre("1:1: exporter: missing required field"));
}

TEST_F(CaseReaderTest, MissingGoods) {
  EXPECT_THAT(Errors(With(kBase, kGoodsBlock, "")),
              ElementsAre("1:1: goods: missing required field"));
}

TEST_F(CaseReaderTest, MissingGoodsDescriptionAndCategory) {
  EXPECT_THAT(
      Errors(With(With(kBase, "    description: Assault rifles\n", ""),
                  "  - category: small_arms\n", "  - quantity_unit: items\n")),
      ElementsAre("9:5: goods[0].category: missing required field",
                  "9:5: goods[0].description: missing required field"));
}

TEST_F(CaseReaderTest, MissingEndUser) {
  EXPECT_THAT(Errors(With(kBase,
                          "end_user:\n  name: Kenya Defence Forces\n"
                          "  country: KE\n  kind: armed_forces\n",
                          "")),
              ElementsAre("1:1: end_user: missing required field"));
}

TEST_F(CaseReaderTest, MissingPartyRoleAndCountry) {
  EXPECT_THAT(Errors(Append("parties:\n"
                            "  - name: Swift Cargo Ltd\n"
                            "    kind: company\n")),
              ElementsAre("18:5: parties[0].country: missing required field",
                          "18:5: parties[0].role: missing required field"));
}

TEST_F(CaseReaderTest, MissingEucKind) {
  EXPECT_THAT(Errors(Append("euc:\n  number: MOD/2026/1\n")),
              ElementsAre("18:3: euc.kind: missing required field"));
}

TEST_F(CaseReaderTest, MissingConsultationFields) {
  EXPECT_THAT(Errors(Append("consultations:\n  - {with: KE}\n")),
              ElementsAre("18:5: consultations[0].subject: missing required field",
                          "18:5: consultations[0].result: missing required field"));
}

TEST_F(CaseReaderTest, MissingIntelligenceFields) {
  EXPECT_THAT(Errors(Append("intelligence:\n  - {subject: end_user}\n")),
              ElementsAre("18:5: intelligence[0].source: missing required field",
                          "18:5: intelligence[0].finding: missing required field"));
}

TEST_F(CaseReaderTest, MissingAmendmentPathAndNew) {
  EXPECT_THAT(Errors(Append("amendments:\n  - {old: x}\n")),
              ElementsAre("18:5: amendments[0].path: missing required field",
                          "18:5: amendments[0].new: missing required field"));
}

TEST_F(CaseReaderTest, MissingDeliveryMethodAndUltimateEndUserName) {
  EXPECT_THAT(
      Errors(Append("  ultimate_end_users:\n"
                    "    - {kind: police}\n"
                    "transport:\n"
                    "  route_disclosure: none\n"
                    "  delivery: {place: Mombasa}\n")),
      ElementsAre(
          "18:7: end_user.ultimate_end_users[0].name: missing required field",
          "21:13: transport.delivery.method: missing required field"));
}

// -------------------------------------------------------------- wrong type

TEST_F(CaseReaderTest, WrongTypeForAString) {
  // One error, not also "expected a non-empty string".
  EXPECT_THAT(Errors(With(kBase, "id: T-0001\n", "id: true\n")),
              ElementsAre("2:5: id: expected a string, found a boolean"));
  EXPECT_THAT(Errors(With(kBase, "  name: Acme Arms Ltd\n",
                          "  name: [Acme, Arms]\n")),
              ElementsAre("5:9: exporter.name: expected a string, found a list"));
}

TEST_F(CaseReaderTest, NumberGivenForAStringIsText) {
  Case c = MustRead(With(kBase, "id: T-0001\n", "id: 00443\n"));
  EXPECT_EQ(c.id, "00443");
}

TEST_F(CaseReaderTest, WrongTypeForAnInteger) {
  EXPECT_THAT(Errors(With(kBase, "quantity: 100", "quantity: many")),
              ElementsAre("11:15: goods[0].quantity: expected a whole number, "
                          "found 'many'"));
  // Quoted, a number is a string.
  EXPECT_THAT(Errors(With(kBase, "quantity: 100", "quantity: \"100\"")),
              ElementsAre("11:15: goods[0].quantity: expected a whole number, "
                          "found '100'"));
  EXPECT_THAT(Errors(With(kBase, "quantity: 100", "quantity: 1.5")),
              ElementsAre("11:15: goods[0].quantity: expected a whole number, "
                          "found '1.5'"));
}

TEST_F(CaseReaderTest, WrongTypeForANumber) {
  EXPECT_THAT(Errors(With(kBase, "unit_value: 450.5", "unit_value: cheap")),
              ElementsAre("12:17: goods[0].unit_value: expected a finite "
                          "number, found 'cheap'"));
  EXPECT_THAT(Errors(With(kBase, "unit_value: 450.5", "unit_value: .inf")),
              ElementsAre("12:17: goods[0].unit_value: expected a finite "
                          "number, found '.inf'"));
}

TEST_F(CaseReaderTest, WrongTypeForAMapOrList) {
  EXPECT_THAT(
      Errors(With(kBase,
                  "exporter:\n  name: Acme Arms Ltd\n  country: GB\n"
                  "  internal_compliance_programme: true\n",
                  "exporter: Acme Arms Ltd\n")),
      ElementsAre("4:11: exporter: expected a map, found a string"));
  EXPECT_THAT(Errors(With(kBase, kGoodsBlock, "goods: rifles\n")),
              ElementsAre("8:8: goods: expected a list, found a string"));
  EXPECT_THAT(Errors(Append("parties: {name: x}\n")),
              ElementsAre("17:10: parties: expected a list, found a map"));
  EXPECT_THAT(Errors(Append("parties:\n  - Swift Cargo Ltd\n")),
              ElementsAre("18:5: parties[0]: expected a map, found a string"));
}

// -------------------------------------------------------- enumeration words

TEST_F(CaseReaderTest, UnknownGoodsCategory) {
  EXPECT_THAT(
      Errors(With(kBase, "category: small_arms", "category: rifles")),
      ElementsAre("9:15: goods[0].category: expected one of battle_tanks, "
                  "armoured_combat_vehicles, large_calibre_artillery, "
                  "combat_aircraft, attack_helicopters, warships, "
                  "missiles_and_launchers, small_arms, light_weapons, "
                  "ammunition, parts_and_components; found 'rifles'"));
}

TEST_F(CaseReaderTest, UnknownPartyKindAndTransaction) {
  EXPECT_THAT(Errors(With(kBase, "kind: armed_forces", "kind: army") +
                     "transaction: import\n"),
              ElementsAre("17:14: transaction: expected one of export, transit, "
                          "transshipment, re_export, brokering; found 'import'",
                          "16:9: end_user.kind: expected one of armed_forces, "
                          "police, other_government, company, individual, "
                          "international_organisation; found 'army'"));
}

TEST_F(CaseReaderTest, EnumWordsAreCaseSensitive) {
  EXPECT_THAT(
      Errors(With(kBase, "category: small_arms", "category: Small_Arms")),
      ElementsAre(::testing::EndsWith("; found 'Small_Arms'")));
}

TEST_F(CaseReaderTest, UnknownWordInASetNamesItsIndex) {
  EXPECT_THAT(Errors(Append("mitigations: [staged_delivery, prayer]\n")),
              ElementsAre("17:32: mitigations[1]: expected one of "
                          "post_shipment_verification, "
                          "delivery_verification_certificate, "
                          "government_to_government, staged_delivery, "
                          "marking_and_record_keeping, destruction_of_surplus, "
                          "end_user_training, re_export_ban_condition; found "
                          "'prayer'"));
}

// ------------------------------------------------------------ unknown keys

TEST_F(CaseReaderTest, UnknownKeyInEuc) {
  EXPECT_THAT(Errors(Append("euc:\n"
                            "  kind: government_euc\n"
                            "  authenticted: confirmed\n")),
              ElementsAre("19:3: euc.authenticted: unknown key"));
}

TEST_F(CaseReaderTest, UnknownTopLevelKey) {
  EXPECT_THAT(Errors(Append("colour: red\n")),
              ElementsAre("17:1: colour: unknown key"));
}

TEST_F(CaseReaderTest, RoleOnTheExporterIsUnknown) {
  EXPECT_THAT(Errors(With(kBase, "  country: GB\n",
                          "  country: GB\n  role: broker\n")),
              ElementsAre("7:3: exporter.role: unknown key"));
}

TEST_F(CaseReaderTest, EndUseFieldOnAPartyIsUnknown) {
  EXPECT_THAT(Errors(Append("parties:\n"
                            "  - role: broker\n"
                            "    name: Swift Brokers\n"
                            "    country: AE\n"
                            "    stated_end_use: resale\n")),
              ElementsAre("21:5: parties[0].stated_end_use: unknown key"));
}

TEST_F(CaseReaderTest, UnknownKeyInALeg) {
  EXPECT_THAT(
      Errors(Append("transport:\n"
                    "  legs:\n"
                    "    - {from: GB, to: KE, mode: air, carier: X}\n")),
      ElementsAre("19:37: transport.legs[0].carier: unknown key"));
}

// ---------------------------------------------------------- duplicate keys

TEST_F(CaseReaderTest, UnquotedCommaInAFlowMapIsNotSilentlyDropped) {
  // The contract asks for quotes; without them the rest of the name becomes
  // a key of its own, which must be reported, not ignored.
  EXPECT_THAT(Errors(Append("parties:\n"
                            "  - {role: consignee, name: Sahel Trade, Supply "
                            "SARL, country: BF}\n")),
              ElementsAre("18:42: parties[0].Supply SARL: unknown key"));
  Case c = MustRead(Append("parties:\n"
                           "  - {role: consignee, name: \"Sahel Trade, Supply "
                           "SARL\", country: BF}\n"));
  EXPECT_EQ(c.parties[0].name, "Sahel Trade, Supply SARL");
}

TEST_F(CaseReaderTest, DuplicateTopLevelKey) {
  EXPECT_THAT(Errors(Append("id: T-0002\n")),
              ElementsAre("17:1: id: duplicate key (first at line 2)"));
}

TEST_F(CaseReaderTest, DuplicateNestedKey) {
  EXPECT_THAT(Errors(With(kBase, "  country: GB\n",
                          "  country: GB\n  country: FR\n")),
              ElementsAre("7:3: exporter.country: duplicate key (first at "
                          "line 6)"));
}

// ----------------------------------------------------------- country codes

TEST_F(CaseReaderTest, UnknownCountryCode) {
  EXPECT_THAT(Errors(With(kBase, "  country: KE\n", "  country: ZZ\n")),
              ElementsAre("15:12: end_user.country: expected an ISO 3166 "
                          "country code; 'ZZ' is not one"));
}

TEST_F(CaseReaderTest, LowerCaseCountryCode) {
  EXPECT_THAT(Errors(With(kBase, "  country: GB\n", "  country: gb\n")),
              ElementsAre("6:12: exporter.country: expected an ISO 3166 "
                          "country code (GB, or YUCS for a former state), "
                          "found 'gb'"));
}

TEST_F(CaseReaderTest, AlphaThreeCountryCode) {
  EXPECT_THAT(Errors(With(kBase, "  country: KE\n", "  country: KEN\n")),
              ElementsAre("15:12: end_user.country: expected an ISO 3166 "
                          "country code (GB, or YUCS for a former state), "
                          "found 'KEN'"));
}

// ------------------------------------------------------------------- dates

TEST_F(CaseReaderTest, InvalidDate) {
  EXPECT_THAT(Errors(With(kBase, "2026-03-14", "2026-02-30")),
              ElementsAre("3:14: assessed_on: expected a calendar date "
                          "YYYY-MM-DD, found '2026-02-30'"));
  EXPECT_THAT(Errors(With(kBase, "2026-03-14", "2026-2-3")),
              ElementsAre("3:14: assessed_on: expected a calendar date "
                          "YYYY-MM-DD, found '2026-2-3'"));
}

TEST_F(CaseReaderTest, InvalidNestedDate) {
  EXPECT_THAT(Errors(Append("euc:\n"
                            "  kind: government_euc\n"
                            "  valid_until: 2026-04-31\n")),
              ElementsAre("19:16: euc.valid_until: expected a calendar date "
                          "YYYY-MM-DD, found '2026-04-31'"));
}

// ---------------------------------------------------------------- booleans

TEST_F(CaseReaderTest, BooleanGivenYesOnOrY) {
  for (const char* word : {"yes", "on", "y", "True", "Y", "YES", "no", "off"}) {
    EXPECT_THAT(
        Errors(With(kBase, "internal_compliance_programme: true",
                    absl::StrCat("internal_compliance_programme: ", word))),
        ElementsAre(absl::StrCat("7:34: exporter.internal_compliance_programme: "
                                 "expected true or false, found '",
                                 word, "'")))
        << word;
  }
}

// --------------------------------------------------------------------- IMO

TEST(IsValidImo, CheckDigit) {
  EXPECT_TRUE(IsValidImo("9438626"));
  EXPECT_TRUE(IsValidImo("9074729"));
  EXPECT_TRUE(IsValidImo("9166455"));
  EXPECT_FALSE(IsValidImo("9438627"));
  EXPECT_FALSE(IsValidImo("9074720"));
  EXPECT_FALSE(IsValidImo("943862"));
  EXPECT_FALSE(IsValidImo("94386260"));
  EXPECT_FALSE(IsValidImo("IMO9438626"));
  EXPECT_FALSE(IsValidImo("94386a6"));
  EXPECT_FALSE(IsValidImo(""));
}

constexpr char kCarrierParty[] =
    "parties:\n"                                            // 17
    "  - role: carrier\n"                                   // 18
    "    name: Swift Cargo Ltd\n"                           // 19
    "    country: AE\n"                                     // 20
    "    identifiers: {imo: \"9438626\", icao: UP-I7601}\n";  // 21

TEST_F(CaseReaderTest, ValidImoAndIdentifiersRead) {
  Case c = MustRead(Append(kCarrierParty));
  ASSERT_EQ(c.parties.size(), 1u);
  EXPECT_EQ(c.parties[0].role, PartyRole::kCarrier);
  ASSERT_NE(c.parties[0].Identifier("imo"), nullptr);
  EXPECT_EQ(*c.parties[0].Identifier("imo"), "9438626");
  ASSERT_NE(c.parties[0].Identifier("icao"), nullptr);
  EXPECT_EQ(*c.parties[0].Identifier("icao"), "UP-I7601");
  EXPECT_EQ(c.parties[0].Identifier("lei"), nullptr);
}

TEST_F(CaseReaderTest, ImoWithBadCheckDigit) {
  EXPECT_THAT(Errors(Append(With(kCarrierParty, "9438626", "9438627"))),
              ElementsAre("21:24: parties[0].identifiers.imo: expected a "
                          "seven-digit IMO number with a valid check digit, "
                          "found '9438627'"));
  EXPECT_THAT(Errors(Append(With(kCarrierParty, "\"9438626\"", "943862"))),
              ElementsAre("21:24: parties[0].identifiers.imo: expected a "
                          "seven-digit IMO number with a valid check digit, "
                          "found '943862'"));
}

}  // namespace
}  // namespace divrisk
