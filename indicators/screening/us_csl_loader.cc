// The US Consolidated Screening List, CSV with a header (2019 and 2025
// layouts): names and alternative names, programs, countries from
// citizenships, nationalities and addresses, identifiers in either layout,
// start and end dates. loaders.h, README.md "Lists".

#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "indicators/screening/delimited.h"
#include "indicators/screening/loader_util.h"
#include "indicators/screening/loaders.h"
#include "indicators/screening/text_util.h"

namespace divrisk::screening {
namespace {

using loader_internal::AddCountry;
using loader_internal::AddIdentifier;
using loader_internal::AddName;
using loader_internal::FindNoCase;
using loader_internal::HasDigit;
using loader_internal::HeaderColumns;

EntityType CslType(std::string_view t) {
  t = TrimAscii(t);
  if (EqualsNoCase(t, "Individual")) return EntityType::kPerson;
  if (EqualsNoCase(t, "Entity")) return EntityType::kEntity;
  if (EqualsNoCase(t, "Vessel")) return EntityType::kVessel;
  if (EqualsNoCase(t, "Aircraft")) return EntityType::kAircraft;
  return EntityType::kUnknown;
}

// One CSL `ids` item, in either layout: "IMO 8898831, Vessel Registration
// Identification" (2019: value, type) or "Passport, U00242309, TR" (2025:
// type, value, country) or "US, 80-0890696, Tax ID No." (country first).
void AddCslIdentifier(std::string_view item, ListEntry* e) {
  for (std::string_view noise : {"Website", "Email", "Directive", "anctions",
                                 "Gender", "Transactions", "Subject to"}) {
    if (FindNoCase(item, noise) != item.npos) return;
  }
  std::vector<std::string_view> parts;
  for (std::string_view p : SplitAny(item, ",")) {
    p = TrimAscii(p);
    if (!p.empty()) parts.push_back(p);
  }
  std::string_view type, value;
  for (std::string_view p : parts) {
    const bool typeish =
        FindNoCase(p, "passport") != p.npos || FindNoCase(p, "national") != p.npos ||
        FindNoCase(p, "registration identification") != p.npos ||
        FindNoCase(p, "tail number") != p.npos ||
        FindNoCase(p, "serial number") != p.npos ||
        FindNoCase(p, " no.") != p.npos || FindNoCase(p, "number") != p.npos ||
        FindNoCase(p, " id") != p.npos;
    if (typeish && type.empty() && !(HasDigit(p) && FindNoCase(p, "IMO ") == 0)) {
      type = p;
    } else if (value.empty() && HasDigit(p) && !(p.size() == 2)) {
      value = p;
    }
  }
  if (value.empty()) return;
  IdKind kind = IdKind::kOther;
  if (FindNoCase(value, "IMO") == 0 ||
      FindNoCase(type, "Vessel Registration") != type.npos) {
    kind = IdKind::kImo;
  } else if (FindNoCase(type, "passport") != type.npos) {
    kind = IdKind::kPassport;
  } else if (FindNoCase(type, "national id") != type.npos) {
    kind = IdKind::kNationalId;
  } else if (FindNoCase(type, "tail number") != type.npos) {
    kind = IdKind::kIcao;
  } else if (FindNoCase(type, "serial number") != type.npos) {
    kind = IdKind::kMsn;
  }
  AddIdentifier(kind, value, std::string(type.empty() ? "id" : type), e);
}

}  // namespace

absl::Status ParseUsCsl(std::string_view csv, uint16_t source, ListSet* set) {
  DelimitedReader r(csv, ',');
  HeaderColumns columns;
  if (absl::Status s = columns.Read(r, "CSL", {"source", "name", "type"});
      !s.ok()) {
    return s;
  }
  std::vector<std::string> f;
  auto get = [&](const char* name) { return columns.Get(f, name); };
  while (r.Next(&f)) {
    ListEntry e;
    e.source = source;
    e.reference = std::string(get("entity_number"));
    if (e.reference.empty()) e.reference = std::string(get("_id"));
    if (e.reference.empty()) e.reference = absl::StrCat("line ", r.line());
    e.type = CslType(get("type"));
    std::vector<std::string> aliases;
    std::string name = SplitAliasMarkers(get("name"), &aliases);
    // "X; and any successor, sub-unit, or subsidiary thereof"
    if (const size_t semi = name.find(';'); semi != std::string::npos) {
      name.resize(semi);
    }
    AddName(name, NameStrength::kPrimary, &e);
    if (e.names.empty()) continue;
    for (const std::string& a : aliases) AddName(a, NameStrength::kStrong, &e);
    for (std::string_view a : SplitAny(get("alt_names"), ";")) {
      AddName(a, NameStrength::kStrong, &e);
    }
    e.program = std::string(get("source"));
    if (!get("programs").empty()) {
      absl::StrAppend(&e.program, ": ", Sv(get("programs")));
    }
    for (const char* c : {"citizenships", "nationalities"}) {
      for (std::string_view v : SplitAny(get(c), ";,")) {
        AddCountry(v, &e);
      }
    }
    // Addresses: "street, city, state, zip, US; ..." -> the last part.
    for (std::string_view a : SplitAny(get("addresses"), ";")) {
      const size_t comma = a.rfind(',');
      AddCountry(comma == a.npos ? a : a.substr(comma + 1), &e);
    }
    if (!get("vessel_flag").empty()) AddCountry(get("vessel_flag"), &e);
    for (std::string_view item : SplitAny(get("ids"), ";")) {
      AddCslIdentifier(item, &e);
    }
    if (!get("call_sign").empty()) {
      AddIdentifier(IdKind::kCallSign, get("call_sign"), "Call sign", &e);
    }
    e.listed_on = ParseIsoDate(get("start_date"));
    e.ends_on = ParseIsoDate(get("end_date"));
    set->entries.push_back(std::move(e));
  }
  return absl::OkStatus();
}

}  // namespace divrisk::screening
