// Case: one arms-export licence application, typed and validated.
//
// The reader (engine/reader) fills a Case from a divrisk-case/1 file; kernels
// (indicators/) read it. Every fact that the format lets a file leave out is
// a std::optional here, so that an absent fact stays *unknown* all the way to
// the score and is never read as false. Vector indices are the indices of the
// file's lists, so evidence can name `parties[2].country`.

#ifndef DIVRISK_ENGINE_MODEL_CASE_H_
#define DIVRISK_ENGINE_MODEL_CASE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/model/country_code.h"
#include "engine/model/date.h"
#include "engine/model/enums.h"

namespace divrisk {

struct Party {
  std::string name;
  std::vector<std::string> aliases;
  CountryCode country;
  std::optional<PartyRole> role;  // parties[] only, required there
  std::optional<PartyKind> kind;
  std::optional<CountryCode> nationality;
  std::optional<std::string> register_id;  // absent = not registered
  std::vector<std::pair<std::string, std::string>> identifiers;  // imo, icao..
  std::optional<std::string> address;
  std::optional<Date> incorporated_on;
  std::optional<bool> internal_compliance_programme;
  std::optional<int64_t> prior_violations;

  // The value of identifier `key` ("imo", "icao"), or nullptr.
  const std::string* Identifier(std::string_view key) const {
    for (const auto& [k, v] : identifiers) {
      if (k == key) return &v;
    }
    return nullptr;
  }
};

struct UltimateEndUser {
  std::string name;
  std::optional<PartyKind> kind;
  std::optional<std::string> region;  // ISO 3166-2, e.g. MX-GRO
};

struct EndUser : Party {
  std::optional<std::string> stated_end_use;
  std::optional<int64_t> force_size;
  std::optional<StockpileSecurity> stockpile_security;
  std::optional<bool> diversion_from_stocks_reported;
  std::optional<bool> replaces_existing_stocks;
  std::optional<SurplusDisposal> surplus_disposal;
  std::vector<UltimateEndUser> ultimate_end_users;
};

struct GoodsLine {
  GoodsCategory category = GoodsCategory::kSmallArms;
  std::string description;
  std::optional<std::string> control_entry;
  int64_t quantity = 0;
  QuantityUnit quantity_unit = QuantityUnit::kItems;
  std::optional<GoodsCondition> condition;
  std::optional<CountryCode> origin_country;
  std::optional<double> unit_value;
  std::optional<bool> marked;
  std::optional<bool> manpads;
};

struct EucGoods {
  GoodsCategory category = GoodsCategory::kSmallArms;
  std::optional<int64_t> quantity;
};

struct Euc {
  EucKind kind = EucKind::kGovernmentEuc;
  std::optional<std::string> number;
  std::optional<std::string> issuer_authority;
  std::optional<CountryCode> issuer_country;
  std::optional<std::string> signatory;
  std::optional<Date> issued_on;
  std::optional<Date> valid_until;
  std::optional<bool> original_seen;
  std::optional<Authentication> authentication;
  std::optional<bool> template_on_file;
  std::optional<std::string> end_user_named;
  std::optional<std::vector<EucGoods>> goods;
  std::optional<EnumSet<EucClause>> clauses;  // absent = not recorded
  std::optional<bool> reissued_after_objection;
};

// Whether the case has an end-user document.
enum class EucPresence : uint8_t {
  kNone,     // key absent: none supplied
  kUnknown,  // `euc: unknown`: the record does not say
  kPresent,
};

struct Document {
  DocumentKind kind = DocumentKind::kContract;
  std::optional<std::string> number;
  std::optional<Date> issued_on;
  std::optional<std::string> declared_goods;
  std::optional<bool> declared_as_arms;
  std::optional<std::string> consignee;
  std::optional<std::string> end_user;
  std::optional<CountryCode> destination;
  std::vector<std::string> references;
};

struct Leg {
  CountryCode from;
  CountryCode to;
  TransportMode mode = TransportMode::kAir;
  std::optional<std::string> carrier;
  std::optional<CarrierService> service;
  std::optional<std::string> vehicle_id;
  std::optional<bool> transshipment;
  std::optional<bool> free_trade_zone;
  std::optional<CountryCode> flag;
  std::optional<bool> shipper_owned_sealed_containers;
};

struct Delivery {
  DeliveryMethod method = DeliveryMethod::kAirport;
  std::optional<std::string> place;
};

struct Transport {
  std::vector<Leg> legs;
  std::optional<RouteDisclosure> route_disclosure;
  std::optional<Delivery> delivery;
};

struct Consultation {
  CountryCode with;
  std::optional<Date> date;
  ConsultationSubject subject = ConsultationSubject::kOther;
  ConsultationResult result = ConsultationResult::kInconclusive;
};

struct Authorisation {
  std::string body;
  std::optional<std::string> reference;
  std::optional<Date> date;
};

struct Amendment {
  std::optional<Date> date;
  std::string path;
  std::optional<std::string> old_value;
  std::string new_value;
};

struct History {
  std::optional<int64_t> prior_licences_to_end_user;
  std::optional<int64_t> prior_refusals_to_end_user;
  std::optional<int64_t> denial_notifications;
  std::optional<bool> post_shipment_check_failed;
  std::optional<int64_t> condition_breaches;
};

struct IntelReport {
  IntelSource source = IntelSource::kGovernment;
  std::string subject;  // end_user, exporter, euc, route, or a party's name
  IntelFinding finding = IntelFinding::kOther;
  std::optional<Date> reported_on;
  Confidence confidence = Confidence::kCredible;
};

struct Outcome {
  std::optional<Decision> decision;
  std::optional<Date> decided_on;
  std::optional<DiversionFound> diversion_found;
};

struct Case {
  std::string id;
  Transaction transaction = Transaction::kExport;
  // The state whose authority decides, when the case says (ISO code);
  // otherwise the run or the rule set says, or it is derived from
  // `transaction` (engine/model/deciding_state.h).
  std::optional<CountryCode> licensing_state;
  Date assessed_on;
  Party exporter;
  std::vector<GoodsLine> goods;
  EndUser end_user;
  EucPresence euc_presence = EucPresence::kNone;
  Euc euc;  // meaningful when euc_presence == kPresent
  std::vector<Document> documents;
  std::vector<Party> parties;
  std::optional<Transport> transport;  // absent = route not disclosed
  EnumSet<Mitigation> mitigations;
  std::vector<Consultation> consultations;
  std::vector<Authorisation> authorisations;
  std::vector<Amendment> amendments;
  EnumSet<Conduct> conduct;
  std::optional<History> history;
  std::vector<IntelReport> intelligence;
  std::optional<Outcome> outcome;
  std::string extensions_json;  // the `extensions` map as JSON, or empty
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_CASE_H_
