// The enumerations of the case format (divrisk-case/1) and their words.
//
// Each enum has its words in `kEnumWords<E>`, in enumerator order, so that
// readers parse and writers print from one list. A unit test checks that
// every word round-trips.

#ifndef DIVRISK_ENGINE_MODEL_ENUMS_H_
#define DIVRISK_ENGINE_MODEL_ENUMS_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

namespace divrisk {

template <typename E>
inline constexpr std::array<const char*, 0> kEnumWords{};

#define DIVRISK_ENUM_WORDS(E, ...)                                       \
  template <>                                                           \
  inline constexpr auto kEnumWords<E> = std::to_array<const char*>( \
      {__VA_ARGS__})

enum class Transaction : uint8_t {
  kExport, kTransit, kTransshipment, kReExport, kBrokering };
DIVRISK_ENUM_WORDS(Transaction, "export", "transit", "transshipment",
                   "re_export", "brokering");

enum class PartyRole : uint8_t {
  kBroker, kFreightForwarder, kCarrier, kIntermediateConsignee, kConsignee,
  kAgent, kFinancier };
DIVRISK_ENUM_WORDS(PartyRole, "broker", "freight_forwarder", "carrier",
                   "intermediate_consignee", "consignee", "agent",
                   "financier");

enum class PartyKind : uint8_t {
  kArmedForces, kPolice, kOtherGovernment, kCompany, kIndividual,
  kInternationalOrganisation };
DIVRISK_ENUM_WORDS(PartyKind, "armed_forces", "police", "other_government",
                   "company", "individual", "international_organisation");

enum class StockpileSecurity : uint8_t { kAdequate, kWeak, kUnknown };
DIVRISK_ENUM_WORDS(StockpileSecurity, "adequate", "weak", "unknown");

enum class SurplusDisposal : uint8_t {
  kDestroyedVerified, kDestroyedUnverified, kRetained, kResold, kUnknown };
DIVRISK_ENUM_WORDS(SurplusDisposal, "destroyed_verified",
                   "destroyed_unverified", "retained", "resold", "unknown");

enum class GoodsCategory : uint8_t {
  kBattleTanks, kArmouredCombatVehicles, kLargeCalibreArtillery,
  kCombatAircraft, kAttackHelicopters, kWarships, kMissilesAndLaunchers,
  kSmallArms, kLightWeapons, kAmmunition, kPartsAndComponents };
DIVRISK_ENUM_WORDS(GoodsCategory, "battle_tanks", "armoured_combat_vehicles",
                   "large_calibre_artillery", "combat_aircraft",
                   "attack_helicopters", "warships", "missiles_and_launchers",
                   "small_arms", "light_weapons", "ammunition",
                   "parts_and_components");

enum class QuantityUnit : uint8_t {
  kItems, kRounds, kKg, kTonnes, kCrates, kContainers };
DIVRISK_ENUM_WORDS(QuantityUnit, "items", "rounds", "kg", "tonnes", "crates",
                   "containers");

enum class GoodsCondition : uint8_t {
  kNew, kSurplus, kRefurbished, kSecondHand };
DIVRISK_ENUM_WORDS(GoodsCondition, "new", "surplus", "refurbished",
                   "second_hand");

enum class EucKind : uint8_t {
  kGovernmentEuc, kCommercialEuc, kInternationalImportCertificate };
DIVRISK_ENUM_WORDS(EucKind, "government_euc", "commercial_euc",
                   "international_import_certificate");

enum class Authentication : uint8_t {
  kConfirmed, kFailed, kPending, kNotRequested };
DIVRISK_ENUM_WORDS(Authentication, "confirmed", "failed", "pending",
                   "not_requested");

enum class EucClause : uint8_t {
  kEndUseStatement, kNoReexportWithoutConsent, kNoRetransfer,
  kNoTransferByGiftOrLoan, kDeliveryVerification, kOnSiteInspection };
DIVRISK_ENUM_WORDS(EucClause, "end_use_statement",
                   "no_reexport_without_consent", "no_retransfer",
                   "no_transfer_by_gift_or_loan", "delivery_verification",
                   "on_site_inspection");

enum class DocumentKind : uint8_t {
  kContract, kInvoice, kPackingList, kAirWaybill, kBillOfLading,
  kCargoManifest, kFlightRequest, kImportLicence, kTransitAuthorisation };
DIVRISK_ENUM_WORDS(DocumentKind, "contract", "invoice", "packing_list",
                   "air_waybill", "bill_of_lading", "cargo_manifest",
                   "flight_request", "import_licence",
                   "transit_authorisation");

enum class RouteDisclosure : uint8_t { kFull, kPartial, kNone, kUnknown };
DIVRISK_ENUM_WORDS(RouteDisclosure, "full", "partial", "none", "unknown");

enum class DeliveryMethod : uint8_t {
  kAirport, kPort, kAirstrip, kAirdrop, kLandBorder, kOther };
DIVRISK_ENUM_WORDS(DeliveryMethod, "airport", "port", "airstrip", "airdrop",
                   "land_border", "other");

enum class TransportMode : uint8_t { kAir, kSea, kRoad, kRail };
DIVRISK_ENUM_WORDS(TransportMode, "air", "sea", "road", "rail");

enum class CarrierService : uint8_t { kScheduled, kCharter, kState };
DIVRISK_ENUM_WORDS(CarrierService, "scheduled", "charter", "state");

enum class Mitigation : uint8_t {
  kPostShipmentVerification, kDeliveryVerificationCertificate,
  kGovernmentToGovernment, kStagedDelivery, kMarkingAndRecordKeeping,
  kDestructionOfSurplus, kEndUserTraining, kReExportBanCondition };
DIVRISK_ENUM_WORDS(Mitigation, "post_shipment_verification",
                   "delivery_verification_certificate",
                   "government_to_government", "staged_delivery",
                   "marking_and_record_keeping", "destruction_of_surplus",
                   "end_user_training", "re_export_ban_condition");

enum class ConsultationSubject : uint8_t {
  kEucAuthentication, kEndUser, kTransit, kDenial, kOther };
DIVRISK_ENUM_WORDS(ConsultationSubject, "euc_authentication", "end_user",
                   "transit", "denial", "other");

enum class ConsultationResult : uint8_t {
  kConfirmed, kNoObjection, kObjection, kNoReply, kInconclusive };
DIVRISK_ENUM_WORDS(ConsultationResult, "confirmed", "no_objection",
                   "objection", "no_reply", "inconclusive");

enum class Conduct : uint8_t {
  kCashPayment, kThirdPartyPayer, kUnusualPaymentTerms,
  kDeclinedInstallationOrTraining, kVagueDeliveryTerms, kPressureToExpedite,
  kReluctantEndUseInformation, kAttemptedEarlyReleaseOfCargo };
DIVRISK_ENUM_WORDS(Conduct, "cash_payment", "third_party_payer",
                   "unusual_payment_terms",
                   "declined_installation_or_training",
                   "vague_delivery_terms", "pressure_to_expedite",
                   "reluctant_end_use_information",
                   "attempted_early_release_of_cargo");

enum class IntelSource : uint8_t {
  kGovernment, kPartnerState, kCivilSocietyTracing, kUnPanel, kMedia };
DIVRISK_ENUM_WORDS(IntelSource, "government", "partner_state",
                   "civil_society_tracing", "un_panel", "media");

enum class IntelFinding : uint8_t {
  kDivertedItemsTraced, kForgedDocuments, kSanctionsViolation,
  kFrontCompany, kSeriousIhlViolations, kSeriousIhrlViolations,
  kGenderBasedViolence, kTerrorismLinks, kOrganisedCrimeLinks,
  kDocumentInconsistency, kRouteDeviation, kEndUserMismatch, kOther,
  // ATT Art. 6(3): what the arms would be used for, known at the time of
  // authorisation (distinct from the Art. 7 risk words above).
  kGenocide, kCrimesAgainstHumanity, kGraveBreaches, kAttacksOnCivilians,
  kWarCrimes };
DIVRISK_ENUM_WORDS(IntelFinding, "diverted_items_traced", "forged_documents",
                   "sanctions_violation", "front_company",
                   "serious_ihl_violations", "serious_ihrl_violations",
                   "gender_based_violence", "terrorism_links",
                   "organised_crime_links", "document_inconsistency",
                   "route_deviation", "end_user_mismatch", "other",
                   "genocide", "crimes_against_humanity", "grave_breaches",
                   "attacks_on_civilians", "war_crimes");

enum class Confidence : uint8_t { kConfirmed, kCredible, kUnverified };
DIVRISK_ENUM_WORDS(Confidence, "confirmed", "credible", "unverified");

enum class Decision : uint8_t {
  kApproved, kApprovedWithConditions, kRefused, kWithdrawn };
DIVRISK_ENUM_WORDS(Decision, "approved", "approved_with_conditions",
                   "refused", "withdrawn");

enum class DiversionFound : uint8_t { kYes, kNo, kUnknown };
DIVRISK_ENUM_WORDS(DiversionFound, "yes", "no", "unknown");

#undef DIVRISK_ENUM_WORDS

// The word for `value`. A C string, so that it goes into absl::StrCat (the
// Debian build of Abseil has its own string_view, not std::string_view).
template <typename E>
const char* EnumWord(E value) {
  static_assert(kEnumWords<E>.size() > 0,
                "no kEnumWords for this enum where EnumWord is used");
  return kEnumWords<E>[static_cast<size_t>(value)];
}

// The enumerator whose word is `word`, or nullopt.
template <typename E>
std::optional<E> ParseEnumWord(std::string_view word) {
  const auto& words = kEnumWords<E>;
  for (size_t i = 0; i < words.size(); ++i) {
    if (word == words[i]) return static_cast<E>(i);
  }
  return std::nullopt;
}

// A set of enumerators as a bit mask (clauses, mitigations, conduct).
template <typename E>
class EnumSet {
 public:
  static_assert(kEnumWords<E>.size() <= 32);
  void Add(E e) { bits_ |= Bit(e); }
  bool Has(E e) const { return (bits_ & Bit(e)) != 0; }
  bool empty() const { return bits_ == 0; }
  uint32_t bits() const { return bits_; }
  friend bool operator==(const EnumSet&, const EnumSet&) = default;

 private:
  static uint32_t Bit(E e) { return 1u << static_cast<unsigned>(e); }
  uint32_t bits_ = 0;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_ENUMS_H_
