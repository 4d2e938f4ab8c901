#include "indicators/screening/list_model.h"

#include "absl/strings/str_cat.h"

namespace divrisk::screening {

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kUnknown: return "unknown";
    case EntityType::kPerson: return "person";
    case EntityType::kEntity: return "entity";
    case EntityType::kVessel: return "vessel";
    case EntityType::kAircraft: return "aircraft";
  }
  return "unknown";
}

const char* NameStrengthName(NameStrength strength) {
  switch (strength) {
    case NameStrength::kPrimary: return "name";
    case NameStrength::kStrong: return "alias";
    case NameStrength::kWeak: return "weak alias";
  }
  return "name";
}

const char* IdKindName(IdKind kind) {
  switch (kind) {
    case IdKind::kImo: return "IMO";
    case IdKind::kIcao: return "aircraft registration";
    case IdKind::kCallSign: return "call sign";
    case IdKind::kPassport: return "passport";
    case IdKind::kNationalId: return "national id";
    case IdKind::kMsn: return "aircraft serial number";
    case IdKind::kOther: return "identifier";
  }
  return "identifier";
}

const char* ListFormatName(ListFormat format) {
  switch (format) {
    case ListFormat::kUnXml: return "un_xml";
    case ListFormat::kOfacCsv: return "ofac_csv";
    case ListFormat::kBisDpl: return "bis_dpl";
    case ListFormat::kUsCsl: return "us_csl";
    case ListFormat::kListedParties: return "listed_parties";
  }
  return "un_xml";
}

std::string CanonicalId(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c >= 'a' && c <= 'z') {
      out.push_back(static_cast<char>(c - 'a' + 'A'));
    } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      out.push_back(c);
    }
  }
  return out;
}

uint16_t ListSet::AddSource(ListSource source) {
  sources.push_back(std::move(source));
  return static_cast<uint16_t>(sources.size() - 1);
}

size_t ListSet::NameCount() const {
  size_t n = 0;
  for (const ListEntry& e : entries) n += e.names.size();
  return n;
}

std::string ListSet::EntryId(const ListEntry& e) const {
  return absl::StrCat(sources[e.source].id, ":", e.reference);
}

}  // namespace divrisk::screening
