// The screening list model: every sanctions or denial list, whatever its
// published format, loaded into one in-memory shape.
//
// A ListSet holds the declared lists (ListSource: where a list comes from,
// its as-of date and its effect) and their entries (ListEntry: names and
// aliases with their strength, entity type, countries, identifiers, program,
// listing date). Loaders (loaders.h) fill it; the Screener (screener.h)
// indexes it once and is then read-only.

#ifndef DIVRISK_INDICATORS_SCREENING_LIST_MODEL_H_
#define DIVRISK_INDICATORS_SCREENING_LIST_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/country_code.h"
#include "engine/model/date.h"
#include "engine/model/reference_data.h"

namespace divrisk::screening {

enum class EntityType : uint8_t { kUnknown, kPerson, kEntity, kVessel, kAircraft };
const char* EntityTypeName(EntityType type);

// How much a name identifies its entry. kPrimary is the entry's own name;
// kStrong an alias the list gives as good (UN "Good"/"a.k.a.", OFAC alt.csv,
// CSL alt_names); kWeak an alias the list itself calls weak or low quality
// (UN "Low", OFAC a.k.a. in the remarks): a match on a weak alias alone is
// never more than a possible match.
enum class NameStrength : uint8_t { kPrimary, kStrong, kWeak };
const char* NameStrengthName(NameStrength strength);

struct ListedName {
  std::string text;
  NameStrength strength = NameStrength::kPrimary;
  bool original_script = false;  // UN NAME_ORIGINAL_SCRIPT
};

// Identifier kinds. kIcao is an aircraft's registration mark (tail number,
// "EP-GOM"), the `icao` key of a case party's identifiers.
enum class IdKind : uint8_t {
  kImo, kIcao, kCallSign, kPassport, kNationalId, kMsn, kOther };
const char* IdKindName(IdKind kind);

struct Identifier {
  IdKind kind = IdKind::kOther;
  std::string value;  // canonical: ASCII upper-case letters and digits only
  std::string label;  // as the list describes it ("Passport (Iran)")
};

// Canonical identifier value: letters upper-cased, everything but ASCII
// letters and digits dropped ("IMO 9166455" keeps the prefix: callers strip
// it; "ab 850901 " -> "AB850901").
std::string CanonicalId(std::string_view raw);

struct ListEntry {
  uint16_t source = 0;       // index into ListSet::sources
  std::string reference;     // the list's own id (UN KPe.001, OFAC ent_num)
  EntityType type = EntityType::kUnknown;
  std::vector<ListedName> names;  // names[0] is the primary name
  std::vector<CountryCode> countries;  // nationality, citizenship, addresses
  std::vector<Identifier> identifiers;
  std::string program;       // UN regime (DPRK), OFAC programs (SDGT; IRAN)
  std::optional<Date> listed_on;  // UN LISTED_ON, DPL effective date
  std::optional<Date> ends_on;    // DPL/CSL expiration: not in force after
};

enum class ListFormat : uint8_t {
  kUnXml, kOfacCsv, kBisDpl, kUsCsl, kListedParties };
const char* ListFormatName(ListFormat format);

struct ListSource {
  std::string id;      // short, unique in the set: "UN-SC", "OFAC-SDN"
  std::string title;   // "UN Security Council consolidated list"
  ListFormat format = ListFormat::kUnXml;
  ListingEffect effect = ListingEffect::kSanction;
  std::optional<Date> as_of;
  std::string origin;  // file path(s) it was read from
  bool illustrative = false;  // invented entries (a rule set's sample data)
};

struct ListSet {
  std::vector<ListSource> sources;
  std::vector<ListEntry> entries;

  uint16_t AddSource(ListSource source);
  size_t NameCount() const;
  // "UN-SC:KPe.001"
  std::string EntryId(const ListEntry& e) const;
};

}  // namespace divrisk::screening

#endif  // DIVRISK_INDICATORS_SCREENING_LIST_MODEL_H_
