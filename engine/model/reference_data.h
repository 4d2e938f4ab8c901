// ReferenceData: the world a case is judged against, as the rule set states
// it (countries, embargoes, registers, EUC templates, forged EUC numbers,
// denied and sanctioned parties). Built once by the rule-set compiler and
// read, never written, by kernels.

#ifndef DIVRISK_ENGINE_MODEL_REFERENCE_DATA_H_
#define DIVRISK_ENGINE_MODEL_REFERENCE_DATA_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/model/country_code.h"
#include "engine/model/date.h"

namespace divrisk {

enum class ControlStrength : uint8_t { kUnknown, kWeak, kModerate, kStrong };

struct CountryProfile {
  CountryCode code;
  std::string name;
  bool former = false;                 // ISO 3166-3: the state no longer exists
  std::optional<Date> att_in_force;    // ATT in force for it since
  bool att_signatory = false;          // signed, not (yet) a party
  bool wassenaar = false;              // Wassenaar participating state
  ControlStrength export_controls = ControlStrength::kUnknown;
  ControlStrength transit_controls = ControlStrength::kUnknown;
  std::string controls_basis;          // why the strengths are what they are
};

enum class EmbargoScope : uint8_t {
  kFull, kNonStateActors, kNamedPersons, kSpecificRegions, kPartial };
enum class EmbargoDirection : uint8_t { kTo, kFrom, kBoth };

struct Embargo {
  std::string id;
  std::string imposing_body;                  // UN, EU, OSCE, ...
  std::optional<CountryCode> target;          // absent: global named persons
  std::string target_name;
  EmbargoScope scope = EmbargoScope::kFull;
  EmbargoDirection direction = EmbargoDirection::kTo;
  bool binding = true;                        // legally binding on the state
  Date start;                                 // earliest the start can mean
  std::optional<Date> end;                    // latest the end can mean
  std::string status;
  std::string instrument;
  std::string source;

  bool InForceOn(Date d) const { return start <= d && (!end || d <= *end); }
  bool Covers(bool arms_to_target) const {
    return direction == EmbargoDirection::kBoth ||
           (direction == EmbargoDirection::kTo) == arms_to_target;
  }
};

enum class RegisterRole : uint8_t { kExporter, kBroker };

struct RegisterEntry {
  std::string register_name;
  CountryCode country;
  RegisterRole role = RegisterRole::kExporter;
  std::string register_id;
  std::string name;
  std::optional<Date> registered_on;
  std::optional<Date> valid_until;
  std::optional<Date> suspended_on;

  bool ValidOn(Date d) const {
    return (!registered_on || *registered_on <= d) &&
           (!valid_until || d <= *valid_until) &&
           (!suspended_on || d < *suspended_on);
  }
};

struct EucTemplate {
  CountryCode country;
  std::string issuer_authority;
  std::string template_id;
  std::optional<Date> shared_on;
  std::optional<Date> withdrawn_on;
};

struct FlaggedEucNumber {
  CountryCode issuer_country;
  std::string number;
  bool forged = true;  // false: a "unique" number seen reused
  std::optional<Date> reported_on;
  std::string note;
};

enum class ListingEffect : uint8_t { kSanction, kDenial };

struct ListedParty {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::optional<CountryCode> country;
  ListingEffect effect = ListingEffect::kSanction;
  std::string list;
  std::string reference;
  std::optional<Date> listed_on;
  std::string source;
};

struct ReferenceData {
  absl::flat_hash_map<CountryCode, CountryProfile> countries;
  std::vector<Embargo> embargoes;
  std::vector<RegisterEntry> register_entries;
  // Registers the authority holds, by (country, role): a register_id that is
  // missing from a held register is false, from one not held unknown.
  std::vector<std::pair<CountryCode, RegisterRole>> registers_held;
  std::vector<EucTemplate> euc_templates;
  std::vector<FlaggedEucNumber> flagged_euc_numbers;
  std::vector<ListedParty> listed_parties;

  const CountryProfile* Country(CountryCode code) const {
    auto it = countries.find(code);
    return it == countries.end() ? nullptr : &it->second;
  }
  bool HoldsRegister(CountryCode country, RegisterRole role) const {
    for (const auto& held : registers_held) {
      if (held.first == country && held.second == role) return true;
    }
    return false;
  }
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_REFERENCE_DATA_H_
