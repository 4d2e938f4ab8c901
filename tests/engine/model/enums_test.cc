// Tests for engine/model/enums.h: every word of every enumeration round-trips,
// the word lists match the case-format contract (spec/case-format.md), and
// EnumSet behaves as a set.

#include "engine/model/enums.h"

#include <cctype>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

using Words = std::vector<std::string>;

template <typename E>
Words WordsOf() {
  return Words(kEnumWords<E>.begin(), kEnumWords<E>.end());
}

// Every word parses to its enumerator and prints back; the words are
// distinct lower-case snake_case; near misses do not parse.
template <typename E>
void CheckRoundTrip(const char* name) {
  SCOPED_TRACE(name);
  const auto& words = kEnumWords<E>;
  ASSERT_GT(words.size(), 0u);
  static const std::regex kSnake("[a-z][a-z0-9]*(_[a-z0-9]+)*");
  std::set<std::string> seen;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string word = words[i];
    const E e = static_cast<E>(i);
    EXPECT_TRUE(std::regex_match(word, kSnake)) << word;
    EXPECT_TRUE(seen.insert(word).second) << "duplicate word " << word;
    std::optional<E> parsed = ParseEnumWord<E>(word);
    ASSERT_TRUE(parsed.has_value()) << word;
    EXPECT_EQ(*parsed, e) << word;
    EXPECT_STREQ(EnumWord(e), words[i]);
    std::string upper = word;
    for (char& c : upper) c = static_cast<char>(std::toupper(c));
    EXPECT_EQ(ParseEnumWord<E>(upper), std::nullopt) << upper;
    EXPECT_EQ(ParseEnumWord<E>(word + " "), std::nullopt) << word;
    EXPECT_EQ(ParseEnumWord<E>(" " + word), std::nullopt) << word;
    EXPECT_EQ(ParseEnumWord<E>(word.substr(0, word.size() - 1)), std::nullopt)
        << word;
  }
  EXPECT_EQ(ParseEnumWord<E>(""), std::nullopt);
  EXPECT_EQ(ParseEnumWord<E>("not_a_word_of_any_list"), std::nullopt);
}

#define CHECK_ENUM(E) CheckRoundTrip<E>(#E)

TEST(EnumWords, EveryWordRoundTrips) {
  CHECK_ENUM(Transaction);
  CHECK_ENUM(PartyRole);
  CHECK_ENUM(PartyKind);
  CHECK_ENUM(StockpileSecurity);
  CHECK_ENUM(SurplusDisposal);
  CHECK_ENUM(GoodsCategory);
  CHECK_ENUM(QuantityUnit);
  CHECK_ENUM(GoodsCondition);
  CHECK_ENUM(EucKind);
  CHECK_ENUM(Authentication);
  CHECK_ENUM(EucClause);
  CHECK_ENUM(DocumentKind);
  CHECK_ENUM(RouteDisclosure);
  CHECK_ENUM(DeliveryMethod);
  CHECK_ENUM(TransportMode);
  CHECK_ENUM(CarrierService);
  CHECK_ENUM(Mitigation);
  CHECK_ENUM(ConsultationSubject);
  CHECK_ENUM(ConsultationResult);
  CHECK_ENUM(Conduct);
  CHECK_ENUM(IntelSource);
  CHECK_ENUM(IntelFinding);
  CHECK_ENUM(Confidence);
  CHECK_ENUM(Decision);
  CHECK_ENUM(DiversionFound);
}

// The lists as the contract (spec/case-format.md) gives them, in its order.
TEST(EnumWords, MatchTheCaseFormatContract) {
  EXPECT_EQ(WordsOf<Transaction>(),
            (Words{"export", "transit", "transshipment", "re_export",
                   "brokering"}));
  EXPECT_EQ(WordsOf<PartyRole>(),
            (Words{"broker", "freight_forwarder", "carrier",
                   "intermediate_consignee", "consignee", "agent",
                   "financier"}));
  EXPECT_EQ(WordsOf<PartyKind>(),
            (Words{"armed_forces", "police", "other_government", "company",
                   "individual", "international_organisation"}));
  EXPECT_EQ(WordsOf<StockpileSecurity>(),
            (Words{"adequate", "weak", "unknown"}));
  EXPECT_EQ(WordsOf<SurplusDisposal>(),
            (Words{"destroyed_verified", "destroyed_unverified", "retained",
                   "resold", "unknown"}));
  EXPECT_EQ(WordsOf<GoodsCategory>(),
            (Words{"battle_tanks", "armoured_combat_vehicles",
                   "large_calibre_artillery", "combat_aircraft",
                   "attack_helicopters", "warships", "missiles_and_launchers",
                   "small_arms", "light_weapons", "ammunition",
                   "parts_and_components"}));
  EXPECT_EQ(WordsOf<QuantityUnit>(),
            (Words{"items", "rounds", "kg", "tonnes", "crates",
                   "containers"}));
  EXPECT_EQ(WordsOf<GoodsCondition>(),
            (Words{"new", "surplus", "refurbished", "second_hand"}));
  EXPECT_EQ(WordsOf<EucKind>(),
            (Words{"government_euc", "commercial_euc",
                   "international_import_certificate"}));
  EXPECT_EQ(WordsOf<Authentication>(),
            (Words{"confirmed", "failed", "pending", "not_requested"}));
  EXPECT_EQ(WordsOf<EucClause>(),
            (Words{"end_use_statement", "no_reexport_without_consent",
                   "no_retransfer", "no_transfer_by_gift_or_loan",
                   "delivery_verification", "on_site_inspection"}));
  EXPECT_EQ(WordsOf<DocumentKind>(),
            (Words{"contract", "invoice", "packing_list", "air_waybill",
                   "bill_of_lading", "cargo_manifest", "flight_request",
                   "import_licence", "transit_authorisation"}));
  EXPECT_EQ(WordsOf<RouteDisclosure>(),
            (Words{"full", "partial", "none", "unknown"}));
  EXPECT_EQ(WordsOf<DeliveryMethod>(),
            (Words{"airport", "port", "airstrip", "airdrop", "land_border",
                   "other"}));
  EXPECT_EQ(WordsOf<TransportMode>(), (Words{"air", "sea", "road", "rail"}));
  EXPECT_EQ(WordsOf<CarrierService>(),
            (Words{"scheduled", "charter", "state"}));
  EXPECT_EQ(WordsOf<Mitigation>(),
            (Words{"post_shipment_verification",
                   "delivery_verification_certificate",
                   "government_to_government", "staged_delivery",
                   "marking_and_record_keeping", "destruction_of_surplus",
                   "end_user_training", "re_export_ban_condition"}));
  EXPECT_EQ(WordsOf<ConsultationSubject>(),
            (Words{"euc_authentication", "end_user", "transit", "denial",
                   "other"}));
  EXPECT_EQ(WordsOf<ConsultationResult>(),
            (Words{"confirmed", "no_objection", "objection", "no_reply",
                   "inconclusive"}));
  EXPECT_EQ(WordsOf<Conduct>(),
            (Words{"cash_payment", "third_party_payer",
                   "unusual_payment_terms",
                   "declined_installation_or_training",
                   "vague_delivery_terms", "pressure_to_expedite",
                   "reluctant_end_use_information",
                   "attempted_early_release_of_cargo"}));
  EXPECT_EQ(WordsOf<IntelSource>(),
            (Words{"government", "partner_state", "civil_society_tracing",
                   "un_panel", "media"}));
  EXPECT_EQ(WordsOf<IntelFinding>(),
            (Words{"diverted_items_traced", "forged_documents",
                   "sanctions_violation", "front_company",
                   "serious_ihl_violations", "serious_ihrl_violations",
                   "gender_based_violence", "terrorism_links",
                   "organised_crime_links", "document_inconsistency",
                   "route_deviation", "end_user_mismatch", "other",
                   "genocide", "crimes_against_humanity", "grave_breaches",
                   "attacks_on_civilians", "war_crimes"}));
  EXPECT_EQ(WordsOf<Confidence>(),
            (Words{"confirmed", "credible", "unverified"}));
  EXPECT_EQ(WordsOf<Decision>(),
            (Words{"approved", "approved_with_conditions", "refused",
                   "withdrawn"}));
  EXPECT_EQ(WordsOf<DiversionFound>(), (Words{"yes", "no", "unknown"}));
}

TEST(EnumWords, EnumeratorsMapToTheirWords) {
  EXPECT_STREQ(EnumWord(GoodsCategory::kPartsAndComponents),
               "parts_and_components");
  EXPECT_STREQ(EnumWord(Transaction::kReExport), "re_export");
  EXPECT_STREQ(EnumWord(IntelFinding::kOther), "other");
  EXPECT_EQ(ParseEnumWord<PartyRole>("carrier"), PartyRole::kCarrier);
  EXPECT_EQ(ParseEnumWord<DiversionFound>("no"), DiversionFound::kNo);
  // A word of one list is not a word of another.
  EXPECT_EQ(ParseEnumWord<RouteDisclosure>("export"), std::nullopt);
  EXPECT_EQ(ParseEnumWord<Confidence>("failed"), std::nullopt);
}

TEST(EnumSet, StartsEmpty) {
  EnumSet<Mitigation> set;
  EXPECT_TRUE(set.empty());
  EXPECT_EQ(set.bits(), 0u);
  for (size_t i = 0; i < kEnumWords<Mitigation>.size(); ++i) {
    EXPECT_FALSE(set.Has(static_cast<Mitigation>(i)));
  }
}

TEST(EnumSet, AddAndHas) {
  EnumSet<Conduct> set;
  set.Add(Conduct::kCashPayment);
  set.Add(Conduct::kAttemptedEarlyReleaseOfCargo);  // the last enumerator
  EXPECT_FALSE(set.empty());
  EXPECT_TRUE(set.Has(Conduct::kCashPayment));
  EXPECT_TRUE(set.Has(Conduct::kAttemptedEarlyReleaseOfCargo));
  EXPECT_FALSE(set.Has(Conduct::kThirdPartyPayer));
  EXPECT_FALSE(set.Has(Conduct::kReluctantEndUseInformation));
  EXPECT_EQ(set.bits(), (1u << 0) | (1u << 7));
}

TEST(EnumSet, AddIsIdempotentAndEqualityIsByMembers) {
  EnumSet<EucClause> a;
  EnumSet<EucClause> b;
  a.Add(EucClause::kNoRetransfer);
  a.Add(EucClause::kNoRetransfer);
  a.Add(EucClause::kOnSiteInspection);
  b.Add(EucClause::kOnSiteInspection);
  EXPECT_NE(a, b);
  b.Add(EucClause::kNoRetransfer);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.bits(), (1u << 2) | (1u << 5));
}

TEST(EnumSet, EveryEnumeratorHasItsOwnBit) {
  EnumSet<IntelFinding> set;
  const size_t n = kEnumWords<IntelFinding>.size();
  for (size_t i = 0; i < n; ++i) {
    EnumSet<IntelFinding> one;
    one.Add(static_cast<IntelFinding>(i));
    EXPECT_EQ(one.bits(), 1u << i);
    set.Add(static_cast<IntelFinding>(i));
  }
  EXPECT_EQ(set.bits(), (1u << n) - 1);
}

}  // namespace
}  // namespace divrisk
