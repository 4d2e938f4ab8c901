// Tests for the case reader (ReadCaseText / ReadCaseFile and DecodeCase)
// against the divrisk-case/1 contract (spec/case-format.md), with the
// country table of the default rule set.
//
// Each error test asserts the whole error line: "line:column: path: message".

#include "engine/reader/case_reader.h"

#include <algorithm>
#include <climits>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/reader/case_decoder.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"
#include "tests/shared_data.h"

namespace divrisk {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::SizeIs;

// A valid case; tests change or append lines. Line numbers on the right.
constexpr char kBase[] =
    "format: divrisk-case/1\n"                 //  1
    "id: T-0001\n"                             //  2
    "assessed_on: 2026-03-14\n"                //  3
    "exporter:\n"                              //  4
    "  name: Acme Arms Ltd\n"                  //  5
    "  country: GB\n"                          //  6
    "  internal_compliance_programme: true\n"  //  7
    "goods:\n"                                 //  8
    "  - category: small_arms\n"               //  9
    "    description: Assault rifles\n"        // 10
    "    quantity: 100\n"                      // 11
    "    unit_value: 450.5\n"                  // 12
    "end_user:\n"                              // 13
    "  name: Kenya Defence Forces\n"           // 14
    "  country: KE\n"                          // 15
    "  kind: armed_forces\n";                  // 16
// Appended text starts on line 17.

constexpr char kGoodsBlock[] =
    "goods:\n"
    "  - category: small_arms\n"
    "    description: Assault rifles\n"
    "    quantity: 100\n"
    "    unit_value: 450.5\n";

// `text` with the one occurrence of `from` replaced by `to`.
std::string With(std::string text, std::string_view from, std::string_view to) {
  size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "no '" << from << "' in the case";
  if (at == std::string::npos) return text;
  EXPECT_EQ(text.find(from, at + 1), std::string::npos)
      << "'" << from << "' occurs more than once";
  text.replace(at, from.size(), to);
  return text;
}

std::string Append(std::string_view extra) {
  return std::string(kBase) + std::string(extra);
}

// "line:column" of the first occurrence of `needle` in `text`.
std::string PosOf(std::string_view text, std::string_view needle) {
  size_t at = text.find(needle);
  EXPECT_NE(at, std::string_view::npos) << needle;
  int line = 1;
  size_t line_start = 0;
  for (size_t i = 0; i < at && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, line_start = i + 1;
  }
  return absl::StrCat(line, ":", at - line_start + 1);
}

class CaseReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    absl::StatusOr<std::unique_ptr<const Plan>> plan = CompileRuleSetDir(
        std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = std::move(*plan).release();
  }
  static void TearDownTestSuite() {
    delete plan_;
    plan_ = nullptr;
  }
  void SetUp() override {
    ASSERT_NE(plan_, nullptr) << "the default rule set did not compile";
  }

  static const ReferenceData& Ref() { return *plan_->reference; }

  // Reads `text`; expects success.
  static Case MustRead(std::string_view text,
                       CaseSyntax syntax = CaseSyntax::kYaml) {
    DocErrors errors;
    absl::StatusOr<Case> c = ReadCaseText(text, syntax, "case.yaml", Ref(), &errors);
    EXPECT_TRUE(c.ok()) << c.status();
    EXPECT_TRUE(errors.empty());
    return c.ok() ? *std::move(c) : Case{};
  }

  // Reads `text`; expects failure and returns the errors as
  // "line:column: path: message".
  static std::vector<std::string> Errors(std::string_view text,
                                         CaseSyntax syntax = CaseSyntax::kYaml) {
    DocErrors errors;
    absl::StatusOr<Case> c = ReadCaseText(text, syntax, "case.yaml", Ref(), &errors);
    EXPECT_FALSE(c.ok()) << "read without error";
    std::vector<std::string> out;
    for (const DocError& e : errors.list()) out.push_back(e.ToString());
    if (!c.ok()) {
      EXPECT_EQ(c.status().code(), absl::StatusCode::kInvalidArgument);
      // The status message holds the same errors, one per line, each
      // prefixed with the file name, in file order.
      std::vector<DocError> sorted = errors.list();
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](const DocError& a, const DocError& b) {
                         auto key = [](const DocError& e) {
                           return std::pair(e.line > 0 ? e.line : INT_MAX,
                                            e.column);
                         };
                         return key(a) < key(b);
                       });
      std::vector<std::string> lines;
      for (const DocError& e : sorted) {
        lines.push_back("case.yaml:" + e.ToString());
      }
      EXPECT_EQ(std::string(c.status().message()), absl::StrJoin(lines, "\n"));
    }
    return out;
  }

  static const Plan* plan_;
};

const Plan* CaseReaderTest::plan_ = nullptr;

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
