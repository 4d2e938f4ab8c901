// ReferenceData: the world a case is judged against, as the rule set states
// it (countries, embargoes, memberships of regional organisations, registers,
// EUC templates, forged EUC numbers, denied and sanctioned parties), where
// each file comes from and whether it is illustrative, and the state whose
// authority decides. Built once by the rule-set compiler and read, never
// written, by kernels.

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
#include "engine/model/enums.h"

namespace divrisk {

enum class ControlStrength : uint8_t { kUnknown, kWeak, kModerate, kStrong };

struct CountryProfile {
  CountryCode code;
  std::string name;
  bool former = false;                 // ISO 3166-3: the state no longer exists
  std::optional<Date> att_in_force;    // ATT in force for it since
  bool att_signatory = false;          // signed, not (yet) a party
  bool wassenaar = false;              // listed as a Wassenaar participant
  std::optional<Date> wassenaar_from;  // credited as one from (latest reading)
  ControlStrength export_controls = ControlStrength::kUnknown;
  ControlStrength transit_controls = ControlStrength::kUnknown;
  std::string controls_basis;          // why the strengths are what they are
};

enum class EmbargoScope : uint8_t {
  kFull, kNonStateActors, kNamedPersons, kSpecificRegions, kPartial };
enum class EmbargoDirection : uint8_t { kTo, kFrom, kBoth };
// Here, beside the enums, so that every user of EnumWord sees them (a
// specialisation in one .cc left EnumWord(scope) elsewhere reading the
// empty primary template).
template <>
inline constexpr auto kEnumWords<EmbargoScope> = std::to_array<const char*>(
    {"full", "non_state_actors", "named_persons", "specific_regions",
     "partial"});
template <>
inline constexpr auto kEnumWords<EmbargoDirection> =
    std::to_array<const char*>({"to", "from", "both"});

// The ATT entered into force on 2014-12-24 (Art. 22(1)): before that day no
// state was a party, and not being one says nothing about a state.
inline constexpr Date kAttEntryIntoForce{16428};  // 2014-12-24

struct Embargo {
  std::string id;
  std::string imposing_body;                  // UN, EU, OSCE, ...
  std::optional<CountryCode> target;          // absent: see target_members_of
  // The targets are the member states of this organisation on the date
  // (the ECOWAS small-arms instruments), when `target` is absent.
  std::string target_members_of;
  std::string target_name;
  EmbargoScope scope = EmbargoScope::kFull;
  EmbargoDirection direction = EmbargoDirection::kTo;
  // Legally binding on the members of the imposing body (UN: every state);
  // false for political commitments (OSCE 1992, LAS 2011, EU China 1989).
  bool binding = true;
  // Binding only from this day (EC declarations became binding CFSP acts
  // later); before it, a political commitment.
  std::optional<Date> binding_from;
  std::vector<GoodsCategory> categories;      // empty: all goods
  Date start;                                 // earliest the start can mean
  std::optional<Date> end;                    // latest the end can mean
  std::string status;
  std::string instrument;
  std::string source;
  bool illustrative = false;

  bool InForceOn(Date d) const { return start <= d && (!end || d <= *end); }
  bool LegallyBindingOn(Date d) const {
    return binding && (!binding_from || *binding_from <= d);
  }
  bool Covers(bool arms_to_target) const {
    return direction == EmbargoDirection::kBoth ||
           (direction == EmbargoDirection::kTo) == arms_to_target;
  }
};

// One period of a state in a regional organisation (EU, ECOWAS, OSCE,
// League of Arab States): a member (or participating state) from `joined`
// inclusive until `left`, or suspended in that period.
enum class MembershipRole : uint8_t {
  kMemberState,
  kParticipatingState,
  kSuspended
};
template <>
inline constexpr auto kEnumWords<MembershipRole> = std::to_array<const char*>(
    {"member_state", "participating_state", "suspended"});

struct Membership {
  std::string organisation;  // as the imposing body names it: EU, OSCE
  CountryCode country;
  MembershipRole role = MembershipRole::kMemberState;
  Date joined;               // earliest the joining date can mean
  std::optional<Date> left;  // latest the leaving date can mean
  std::string legal_basis;

  bool InOn(Date d) const { return joined <= d && (!left || d < *left); }
  bool Member() const { return role != MembershipRole::kSuspended; }
};

// Where the facts of one reference file come from: its `source` header.
struct ReferenceFileInfo {
  std::string kind;  // countries, att, embargoes, ...
  std::string file;  // the path as written under `reference:`
  std::string title;
  std::string as_of;
  bool illustrative = false;  // invented or sample records, not real ones
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
  bool illustrative = false;

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
  bool illustrative = false;
};

struct FlaggedEucNumber {
  CountryCode issuer_country;
  std::string number;
  bool forged = true;  // false: a "unique" number seen reused
  std::optional<Date> reported_on;
  std::string note;
  bool illustrative = false;
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
  bool illustrative = false;
};

struct ReferenceData {
  absl::flat_hash_map<CountryCode, CountryProfile> countries;
  std::vector<Embargo> embargoes;
  std::vector<Membership> memberships;
  // The reference files in load order, with their sources.
  std::vector<ReferenceFileInfo> files;
  // The deciding state: `authority.state` of the rule set, and the
  // `--authority` of the run, which wins over the case's licensing_state
  // (engine/model/deciding_state.h).
  std::optional<CountryCode> authority_state;
  std::optional<CountryCode> authority_override;
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
  bool AnyIllustrative() const {
    for (const ReferenceFileInfo& f : files) {
      if (f.illustrative) return true;
    }
    return false;
  }
  // Whether the file of `kind` ("registers") is illustrative.
  bool KindIllustrative(std::string_view kind) const {
    for (const ReferenceFileInfo& f : files) {
      if (f.kind == kind) return f.illustrative;
    }
    return false;
  }
  // Whether the rule set holds the membership of `body` ("EU", "OSCE
  // (CSCE)", "League of Arab States"): the organisation's name as the
  // memberships file writes it, or empty.
  std::string MembershipOrganisation(std::string_view body) const;
  // The period of `country` in `organisation` that covers `on`, or null.
  const Membership* MembershipOn(std::string_view organisation,
                                 CountryCode country, Date on) const;
};

// Whether `word` names the body `imposing_body`, ignoring case: its full
// name, the name before or inside a parenthesis ("OSCE" and "CSCE" for
// "OSCE (CSCE)"), or the initials of its capitalised words ("LAS" for
// "League of Arab States").
bool BodyMatches(std::string_view word, std::string_view imposing_body);

// Whether the body is the UN Security Council, whose embargoes bind every
// state (UN Charter Art. 25, 48).
bool IsUniversalBody(std::string_view imposing_body);

// Whether a country is credited as a Wassenaar participant on `on`: listed,
// and on or after the (latest reading of its) joining date.
inline bool WassenaarOn(const CountryProfile& p, Date on) {
  return p.wassenaar && p.wassenaar_from && *p.wassenaar_from <= on;
}

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_MODEL_REFERENCE_DATA_H_
