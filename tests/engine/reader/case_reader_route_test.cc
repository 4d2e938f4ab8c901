// Tests for the case reader (ReadCaseText, DecodeCase), second part: the leg
// chain, named references, ISO 3166-2 regions, goods, the EUC, extensions,
// several errors at once and JSON input. Helpers: case_reader_test_util.h.

#include "engine/reader/case_reader.h"

#include "tests/engine/reader/case_reader_test_util.h"

namespace divrisk {
namespace {

using namespace ::divrisk::test_util;  // NOLINT: the shared helpers

// -------------------------------------------------------------- leg chain

constexpr char kRoute[] =
    "parties:\n"                                                      // 17
    "  - {role: carrier, name: Swift Cargo Ltd, country: AE}\n"       // 18
    "transport:\n"                                                    // 19
    "  route_disclosure: full\n"                                      // 20
    "  legs:\n"                                                       // 21
    "    - {from: GB, to: AE, mode: air, transshipment: true}\n"      // 22
    "    - {from: AE, to: KE, mode: air, carrier: Swift Cargo Ltd}\n";  // 23

TEST_F(CaseReaderTest, UnbrokenRouteReads) {
  Case c = MustRead(Append(kRoute));
  ASSERT_TRUE(c.transport.has_value());
  EXPECT_EQ(c.transport->route_disclosure, RouteDisclosure::kFull);
  ASSERT_EQ(c.transport->legs.size(), 2u);
  EXPECT_EQ(c.transport->legs[0].from.view(), "GB");
  EXPECT_EQ(c.transport->legs[0].to.view(), "AE");
  EXPECT_EQ(c.transport->legs[0].transshipment, true);
  EXPECT_EQ(c.transport->legs[0].carrier, std::nullopt);
  EXPECT_EQ(c.transport->legs[1].mode, TransportMode::kAir);
  EXPECT_EQ(c.transport->legs[1].carrier, "Swift Cargo Ltd");
  EXPECT_EQ(c.transport->legs[1].free_trade_zone, std::nullopt);
}

TEST_F(CaseReaderTest, FirstLegNotFromTheExporter) {
  EXPECT_THAT(Errors(Append(With(kRoute, "{from: GB", "{from: FR"))),
              ElementsAre("22:7: transport.legs[0].from: expected the "
                          "exporter's country GB, found FR"));
}

TEST_F(CaseReaderTest, GapBetweenLegs) {
  EXPECT_THAT(Errors(Append(With(kRoute, "{from: AE", "{from: NL"))),
              ElementsAre("23:7: transport.legs[1].from: the route breaks: "
                          "expected AE (where the previous leg ended), found "
                          "NL"));
}

TEST_F(CaseReaderTest, LastLegNotToTheEndUser) {
  EXPECT_THAT(Errors(Append(With(kRoute, "to: KE", "to: UG"))),
              ElementsAre("23:7: transport.legs[1].to: expected the end "
                          "user's country KE, found UG"));
}

TEST_F(CaseReaderTest, TransitConsignorStartsTheRoute) {
  // For a transit case the exporter is the consignor: the route starts in
  // its country.
  Case c = MustRead(Append(std::string(kRoute) + "transaction: transit\n"));
  EXPECT_EQ(c.transaction, Transaction::kTransit);
  EXPECT_THAT(Errors(Append(With(kRoute, "{from: GB", "{from: DE") +
                            "transaction: transit\n")),
              ElementsAre("22:7: transport.legs[0].from: expected the "
                          "exporter's country GB, found DE"));
}

TEST_F(CaseReaderTest, LegThatIsNotAMapKeepsLaterLegIndices) {
  // The second leg's error names legs[1], although legs[0] is unreadable.
  EXPECT_THAT(Errors(Append("transport:\n"
                            "  legs:\n"
                            "    - GB to AE\n"
                            "    - {from: AE, to: UG, mode: air}\n")),
              ElementsAre("19:7: transport.legs[0]: expected a map, found a "
                          "string",
                          "20:7: transport.legs[1].to: expected the end "
                          "user's country KE, found UG"));
}

TEST_F(CaseReaderTest, LegsMissingWhenRouteDisclosed) {
  EXPECT_THAT(Errors(Append("transport:\n  route_disclosure: full\n")),
              ElementsAre("18:3: transport.legs: missing required field"));
  EXPECT_THAT(Errors(Append("transport:\n  route_disclosure: partial\n")),
              ElementsAre("18:3: transport.legs: missing required field"));
  // route_disclosure absent counts as disclosed.
  EXPECT_THAT(Errors(Append("transport:\n  delivery: {method: port}\n")),
              ElementsAre("18:3: transport.legs: missing required field"));
}

TEST_F(CaseReaderTest, EmptyLegsWhenRouteDisclosed) {
  EXPECT_THAT(Errors(Append("transport:\n"
                            "  route_disclosure: full\n"
                            "  legs: []\n")),
              ElementsAre("19:9: transport.legs: expected at least one leg "
                          "when the route is disclosed"));
}

TEST_F(CaseReaderTest, LegsNotAListReportedOnce) {
  EXPECT_THAT(Errors(Append("transport:\n"
                            "  route_disclosure: full\n"
                            "  legs: GB to KE\n")),
              ElementsAre("19:9: transport.legs: expected a list, found a "
                          "string"));
}

TEST_F(CaseReaderTest, LegsMayBeAbsentWhenRouteNoneOrUnknown) {
  for (const char* word : {"none", "unknown"}) {
    Case c = MustRead(Append(absl::StrCat("transport:\n  route_disclosure: ",
                                          word, "\n")));
    ASSERT_TRUE(c.transport.has_value()) << word;
    EXPECT_TRUE(c.transport->legs.empty()) << word;
    Case d = MustRead(Append(absl::StrCat("transport:\n  route_disclosure: ",
                                          word, "\n  legs: []\n")));
    EXPECT_TRUE(d.transport->legs.empty()) << word;
  }
}

// ------------------------------------------------------- named references

TEST_F(CaseReaderTest, CarrierNamingNoParty) {
  EXPECT_THAT(
      Errors(Append(With(kRoute, "carrier: Swift Cargo Ltd}",
                         "carrier: Ghost Air}"))),
      ElementsAre("23:46: transport.legs[1].carrier: expected the name of a "
                  "party with role carrier, found 'Ghost Air'"));
}

TEST_F(CaseReaderTest, CarrierNamingAPartyWithAnotherRole) {
  EXPECT_THAT(
      Errors(Append(With(kRoute, "role: carrier", "role: broker"))),
      ElementsAre("23:46: transport.legs[1].carrier: expected the name of a "
                  "party with role carrier, found 'Swift Cargo Ltd'"));
}

TEST_F(CaseReaderTest, IntelligenceSubjectNamingNobody) {
  EXPECT_THAT(
      Errors(Append("intelligence:\n"
                    "  - {source: media, subject: Someone Else, finding: "
                    "front_company}\n")),
      ElementsAre("18:30: intelligence[0].subject: expected end_user, "
                  "exporter, euc, route or a party's name, found 'Someone "
                  "Else'"));
}

TEST_F(CaseReaderTest, IntelligenceSubjectsThatNameSomeone) {
  Case c = MustRead(Append(
      std::string(kRoute) +
      "intelligence:\n"
      "  - {source: media, subject: end_user, finding: other}\n"
      "  - {source: un_panel, subject: route, finding: route_deviation,"
      " confidence: confirmed}\n"
      "  - {source: government, subject: Acme Arms Ltd, finding: other}\n"
      "  - {source: government, subject: Kenya Defence Forces, finding: other}\n"
      "  - {source: partner_state, subject: Swift Cargo Ltd, finding: "
      "front_company, reported_on: 2027-01-01}\n"));
  ASSERT_EQ(c.intelligence.size(), 5u);
  EXPECT_EQ(c.intelligence[0].confidence, Confidence::kCredible);  // default
  EXPECT_EQ(c.intelligence[1].confidence, Confidence::kConfirmed);
  EXPECT_EQ(c.intelligence[4].subject, "Swift Cargo Ltd");
  // Dated after assessed_on: still read (the kernels ignore it).
  EXPECT_EQ(c.intelligence[4].reported_on, DateFromCivil(2027, 1, 1));
}

// ---------------------------------------------------------- ISO 3166-2

TEST_F(CaseReaderTest, UltimateEndUserRegion) {
  Case c = MustRead(Append("  ultimate_end_users:\n"
                           "    - {name: 1st Brigade, kind: armed_forces, "
                           "region: KE-30}\n"
                           "    - {name: Navy}\n"));
  ASSERT_EQ(c.end_user.ultimate_end_users.size(), 2u);
  EXPECT_EQ(c.end_user.ultimate_end_users[0].region, "KE-30");
  EXPECT_EQ(c.end_user.ultimate_end_users[1].region, std::nullopt);
}

TEST_F(CaseReaderTest, BadIso31662Region) {
  for (const char* region : {"KE_30", "ke-30", "ZZ-30", "KE-", "KE-1234",
                             "KEN-30", "KE-3a", "KE", "-30"}) {
    EXPECT_THAT(
        Errors(Append(absl::StrCat("  ultimate_end_users:\n"
                                   "    - {name: 1st Brigade, region: ",
                                   region, "}\n"))),
        ElementsAre(absl::StrCat("18:35: end_user.ultimate_end_users[0]."
                                 "region: expected an ISO 3166-2 code such "
                                 "as MX-GRO, found '",
                                 region, "'")))
        << region;
  }
}

// ------------------------------------------------------------------ goods

TEST_F(CaseReaderTest, EmptyGoodsList) {
  EXPECT_THAT(Errors(With(kBase, kGoodsBlock, "goods: []\n")),
              ElementsAre("8:8: goods: expected at least one goods line"));
}

TEST_F(CaseReaderTest, QuantityZeroOrNegative) {
  EXPECT_THAT(Errors(With(kBase, "quantity: 100", "quantity: 0")),
              ElementsAre("11:15: goods[0].quantity: expected a whole number "
                          "from 1 to 1000000000000, found 0"));
  EXPECT_THAT(Errors(With(kBase, "quantity: 100", "quantity: -5")),
              ElementsAre("11:15: goods[0].quantity: expected a whole number "
                          "from 1 to 1000000000000, found -5"));
}

TEST_F(CaseReaderTest, NegativeUnitValue) {
  EXPECT_THAT(Errors(With(kBase, "unit_value: 450.5", "unit_value: -1")),
              ElementsAre("12:17: goods[0].unit_value: expected a value of "
                          "zero or more"));
  Case c = MustRead(With(kBase, "unit_value: 450.5", "unit_value: 0"));
  EXPECT_EQ(c.goods[0].unit_value, 0.0);
}

TEST_F(CaseReaderTest, SecondGoodsLineErrorsNameIndexOne) {
  EXPECT_THAT(Errors(With(kBase, "    unit_value: 450.5\n",
                          "    unit_value: 450.5\n"
                          "  - {category: ammunition, description: x, "
                          "quantity: 10, quantity_unit: bullets}\n")),
              ElementsAre("13:73: goods[1].quantity_unit: expected one of "
                          "items, rounds, kg, tonnes, crates, containers; "
                          "found 'bullets'"));
}

// -------------------------------------------------------------------- euc

TEST_F(CaseReaderTest, EucUnknownAccepted) {
  Case c = MustRead(Append("euc: unknown\n"));
  EXPECT_EQ(c.euc_presence, EucPresence::kUnknown);
  Case quoted = MustRead(Append("euc: \"unknown\"\n"));
  EXPECT_EQ(quoted.euc_presence, EucPresence::kUnknown);
}

TEST_F(CaseReaderTest, EucOtherWordRefused) {
  EXPECT_THAT(Errors(Append("euc: missing\n")),
              ElementsAre("17:6: euc: expected an end-user document or the "
                          "word unknown, found a string"));
}

TEST_F(CaseReaderTest, EucDocumentRead) {
  Case c = MustRead(Append(
      "euc:\n"
      "  kind: government_euc\n"
      "  number: 443\n"
      "  issuer_country: KE\n"
      "  issued_on: 2026-01-10\n"
      "  original_seen: false\n"
      "  authentication: pending\n"
      "  goods:\n"
      "    - {category: small_arms, quantity: 100}\n"
      "  clauses: [end_use_statement, no_retransfer]\n"));
  ASSERT_EQ(c.euc_presence, EucPresence::kPresent);
  EXPECT_EQ(c.euc.number, "443");
  EXPECT_EQ(c.euc.issuer_country->view(), "KE");
  EXPECT_EQ(c.euc.issued_on, DateFromCivil(2026, 1, 10));
  EXPECT_EQ(c.euc.original_seen, false);
  EXPECT_EQ(c.euc.authentication, Authentication::kPending);
  ASSERT_TRUE(c.euc.goods.has_value());
  ASSERT_EQ(c.euc.goods->size(), 1u);
  EXPECT_EQ((*c.euc.goods)[0].quantity, 100);
  ASSERT_TRUE(c.euc.clauses.has_value());
  EXPECT_TRUE(c.euc.clauses->Has(EucClause::kNoRetransfer));
  EXPECT_FALSE(c.euc.clauses->Has(EucClause::kOnSiteInspection));
}

// ------------------------------------------------------------- extensions

TEST_F(CaseReaderTest, ExtensionsCarriedAsJson) {
  Case c = MustRead(Append(
      "extensions:\n"
      "  note: \"free text, with: colon\"\n"
      "  count: 3\n"
      "  ratio: 0.5\n"
      "  flag: true\n"
      "  nothing: ~\n"
      "  list: [a, 2, false]\n"
      "  nested: {x: NO, y: \"12\", any_key_at_all: {deeper: [1]}}\n"
      "  quote: 'say \"hi\"'\n"));
  EXPECT_EQ(c.extensions_json,
            "{\"note\":\"free text, with: colon\",\"count\":3,\"ratio\":0.5,"
            "\"flag\":true,\"nothing\":null,\"list\":[\"a\",2,false],"
            "\"nested\":{\"x\":\"NO\",\"y\":\"12\",\"any_key_at_all\":"
            "{\"deeper\":[1]}},\"quote\":\"say \\\"hi\\\"\"}");
}

TEST_F(CaseReaderTest, ExtensionsMustBeAMap) {
  EXPECT_THAT(Errors(Append("extensions: [a]\n")),
              ElementsAre("17:13: extensions: expected a map, found a list"));
}

// --------------------------------------------------- several errors at once

TEST_F(CaseReaderTest, AllErrorsOfAFileReportedTogether) {
  const std::string text =
      With(With(With(kBase, "  country: GB\n", "  country: gb\n"),
                "quantity: 100", "quantity: 0"),
           "kind: armed_forces", "kind: army");
  DocErrors errors;
  absl::StatusOr<Case> c =
      ReadCaseText(text, CaseSyntax::kYaml, "app.yaml", Ref(), &errors);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(errors.size(), 3u);
  const std::vector<std::string> lines =
      absl::StrSplit(c.status().message(), '\n');
  ASSERT_THAT(lines, SizeIs(3));
  EXPECT_EQ(lines[0],
            "app.yaml:6:12: exporter.country: expected an ISO 3166 country "
            "code (GB, or YUCS for a former state), found 'gb'");
  EXPECT_EQ(lines[1],
            "app.yaml:11:15: goods[0].quantity: expected a whole number from 1 "
            "to 1000000000000, found 0");
  EXPECT_THAT(lines[2], ::testing::StartsWith(
                            "app.yaml:16:9: end_user.kind: expected one of "));
}

TEST_F(CaseReaderTest, ParserErrorIsOneLocatedError) {
  DocErrors errors;
  absl::StatusOr<Case> c =
      ReadCaseText(With(kBase, "id: T-0001", "id: &a T-0001"),
                   CaseSyntax::kYaml, "app.yaml", Ref(), &errors);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message(),
            "app.yaml:2:5: anchors (&name) are not accepted");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors.list()[0].ToString(), "2:5: anchors (&name) are not accepted");
}

TEST_F(CaseReaderTest, RootNotAMap) {
  EXPECT_THAT(Errors("- a\n- b\n"),
              ElementsAre("1:1: expected a map, found a list"));
}

// ------------------------------------------------------------------- JSON

constexpr char kJsonBase[] =
    "{\"format\": \"divrisk-case/1\", \"id\": \"J-1\", "
    "\"assessed_on\": \"2026-03-14\",\n"
    " \"exporter\": {\"name\": \"Acme Arms Ltd\", \"country\": \"GB\"},\n"
    " \"goods\": [{\"category\": \"small_arms\", \"description\": \"rifles\", "
    "\"quantity\": 10}],\n"
    " \"end_user\": {\"name\": \"Kenya Defence Forces\", \"country\": \"KE\"}"
    "\n}";

TEST_F(CaseReaderTest, JsonCaseReads) {
  Case c = MustRead(kJsonBase, CaseSyntax::kJson);
  EXPECT_EQ(c.id, "J-1");
  EXPECT_EQ(c.goods[0].quantity, 10);
  EXPECT_EQ(c.end_user.country.view(), "KE");
  EXPECT_EQ(c.end_user.kind, std::nullopt);
}

TEST_F(CaseReaderTest, JsonErrorsArePositioned) {
  const std::string text = With(
      With(With(kJsonBase, "\"country\": \"GB\"", "\"country\": \"gb\""),
           "\"quantity\": 10", "\"quantity\": \"10\""),
      "\"country\": \"KE\"}",
      "\"country\": \"KE\", \"colour\": 1,\n"
      "   \"internal_compliance_programme\": \"yes\"}");
  EXPECT_THAT(
      Errors(text, CaseSyntax::kJson),
      ElementsAre(
          PosOf(text, "\"gb\"") +
              ": exporter.country: expected an ISO 3166 country code (GB, or "
              "YUCS for a former state), found 'gb'",
          PosOf(text, "\"10\"") +
              ": goods[0].quantity: expected a whole number, found '10'",
          PosOf(text, "\"yes\"") +
              ": end_user.internal_compliance_programme: expected true or "
              "false, found 'yes'",
          PosOf(text, "\"colour\"") + ": end_user.colour: unknown key"));
  // Sanity: the positions are on the lines the text puts them on.
  EXPECT_EQ(PosOf(text, "\"gb\""), "2:51");
  EXPECT_EQ(PosOf(text, "\"yes\""), "5:37");
}

TEST_F(CaseReaderTest, JsonDuplicateKeyAndMissingField) {
  const std::string text =
      With(kJsonBase, "\"id\": \"J-1\", ", "\"id\": \"J-1\", \"id\": \"J-2\", ");
  EXPECT_THAT(Errors(text, CaseSyntax::kJson),
              ElementsAre(PosOf(text, "\"id\": \"J-2\"") +
                          ": id: duplicate key (first at line 1)"));
  const std::string no_name =
      With(kJsonBase, "\"name\": \"Acme Arms Ltd\", ", "");
  EXPECT_THAT(Errors(no_name, CaseSyntax::kJson),
              ElementsAre("2:14: exporter.name: missing required field"));
}

TEST_F(CaseReaderTest, JsonEucUnknownAndExtensions) {
  Case c = MustRead(
      With(kJsonBase, "\n}",
           ",\n \"euc\": \"unknown\",\n"
           " \"extensions\": {\"b\": [1, 2.5, \"x\"], "
           "\"a\": {\"n\": null, \"t\": true}}\n}"),
      CaseSyntax::kJson);
  EXPECT_EQ(c.euc_presence, EucPresence::kUnknown);
  EXPECT_EQ(c.extensions_json,
            "{\"b\":[1,2.5,\"x\"],\"a\":{\"n\":null,\"t\":true}}");
}

TEST_F(CaseReaderTest, JsonBrokenRoute) {
  const std::string text = With(
      kJsonBase, "\n}",
      ",\n \"transport\": {\"route_disclosure\": \"full\", \"legs\": [\n"
      "   {\"from\": \"GB\", \"to\": \"AE\", \"mode\": \"air\"},\n"
      "   {\"from\": \"OM\", \"to\": \"KE\", \"mode\": \"air\", "
      "\"carrier\": \"Nobody Air\"}]}\n}");
  EXPECT_THAT(Errors(text, CaseSyntax::kJson),
              ElementsAre("7:4: transport.legs[1].from: the route breaks: "
                          "expected AE (where the previous leg ended), found "
                          "OM",
                          PosOf(text, "\"Nobody Air\"") +
                              ": transport.legs[1].carrier: expected the name "
                              "of a party with role carrier, found 'Nobody "
                              "Air'"));
}

TEST_F(CaseReaderTest, JsonSyntaxErrorPositioned) {
  DocErrors errors;
  absl::StatusOr<Case> c = ReadCaseText(
      With(kJsonBase, "\"quantity\": 10", "\"quantity\": 10,"),
      CaseSyntax::kJson, "app.json", Ref(), &errors);
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(std::string(c.status().message()),
              ::testing::MatchesRegex("app\\.json:3:[0-9]+: invalid JSON: .+"));
  EXPECT_EQ(errors.size(), 1u);
}

}  // namespace
}  // namespace divrisk
