// OFAC SDN and consolidated non-SDN lists, CSV without a header: the
// primary file with add.csv (countries) and alt.csv (strong aliases), and
// the facts in the remarks (weak aliases, nationality, IMO numbers,
// passports, national ids, aircraft numbers). loaders.h, README.md "Lists".

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_map.h"
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
using loader_internal::UpTo;

EntityType OfacType(std::string_view t) {
  t = OfacField(t);
  if (EqualsNoCase(t, "individual")) return EntityType::kPerson;
  if (EqualsNoCase(t, "vessel")) return EntityType::kVessel;
  if (EqualsNoCase(t, "aircraft")) return EntityType::kAircraft;
  return EntityType::kEntity;
}

// "[SDGT] [IFSR]" or "SDGT; IFSR" -> "SDGT; IFSR".
std::string OfacPrograms(std::string_view p) {
  std::string out;
  for (std::string_view part : SplitAny(p, "[];")) {
    part = TrimAscii(part);
    if (part.empty()) continue;
    if (!out.empty()) out += "; ";
    out += std::string(part);
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
    return std::isdigit(c);
  });
}

}  // namespace

RemarkFacts ParseOfacRemarks(std::string_view remarks) {
  RemarkFacts facts;
  // Weak aliases: a.k.a. 'X'; the closing quote is one followed by
  // punctuation or the end (names may hold apostrophes: 'AL-QA'IDA').
  for (std::string_view marker : {"a.k.a. '", "f.k.a. '", "n.k.a. '"}) {
    for (size_t pos = FindNoCase(remarks, marker); pos != remarks.npos;
         pos = FindNoCase(remarks, marker, pos + 1)) {
      const size_t start = pos + marker.size();
      size_t end = start;
      for (; end < remarks.size(); ++end) {
        if (remarks[end] != '\'') continue;
        const char next = end + 1 < remarks.size() ? remarks[end + 1] : ';';
        if (next == ';' || next == '.' || next == ',' || next == ')') break;
      }
      std::string_view alias = TrimAscii(remarks.substr(start, end - start));
      if (!alias.empty()) facts.weak_aliases.emplace_back(alias);
    }
  }
  for (std::string_view marker : {"nationality ", "citizen "}) {
    for (size_t pos = FindNoCase(remarks, marker); pos != remarks.npos;
         pos = FindNoCase(remarks, marker, pos + 1)) {
      std::string_view c = UpTo(remarks, pos + marker.size(), ";");
      if (!c.empty() && c.back() == '.') c.remove_suffix(1);
      if (!c.empty()) facts.countries.emplace_back(c);
    }
  }
  for (size_t pos = FindNoCase(remarks, "IMO"); pos != remarks.npos;
       pos = FindNoCase(remarks, "IMO", pos + 3)) {
    if (pos > 0 && std::isalnum(static_cast<unsigned char>(remarks[pos - 1]))) {
      continue;
    }
    size_t i = pos + 3;
    while (i < remarks.size() && !std::isdigit(static_cast<unsigned char>(remarks[i])) &&
           i < pos + 16 && remarks[i] != ';') {
      ++i;
    }
    size_t j = i;
    while (j < remarks.size() && std::isdigit(static_cast<unsigned char>(remarks[j]))) ++j;
    if (j - i == 7) {
      facts.identifiers.push_back(
          {IdKind::kImo, std::string(remarks.substr(i, 7)), "IMO"});
    }
  }
  struct Marker {
    std::string_view text;
    IdKind kind;
  };
  for (const Marker& m : {Marker{"Passport ", IdKind::kPassport},
                          Marker{"National ID No. ", IdKind::kNationalId},
                          Marker{"Tail Number ", IdKind::kIcao},
                          Marker{"Serial Number (MSN) ", IdKind::kMsn}}) {
    for (size_t pos = FindNoCase(remarks, m.text); pos != remarks.npos;
         pos = FindNoCase(remarks, m.text, pos + 1)) {
      size_t start = pos + m.text.size();
      if (FindNoCase(remarks.substr(start), "No. ") == 0) start += 4;
      std::string_view value = UpTo(remarks, start, ";(");
      while (!value.empty() && value.back() == '.') value.remove_suffix(1);
      // Numbers hold a digit; a registration mark may not (EP-MMH).
      if (value.empty() || value.size() > 30 ||
          (m.kind != IdKind::kIcao && !HasDigit(value))) {
        continue;
      }
      std::string label(TrimAscii(m.text));
      const size_t open = start + value.size();
      if (open < remarks.size()) {
        const std::string_view rest = remarks.substr(open);
        const size_t l = rest.find('('), r = rest.find(')');
        if (l != rest.npos && r != rest.npos && l < r && l < 3) {
          absl::StrAppend(&label, " ", Sv(rest.substr(l, r - l + 1)));
        }
      }
      std::string canon = CanonicalId(value);
      if (canon.empty()) continue;
      facts.identifiers.push_back({m.kind, std::move(canon), std::move(label)});
    }
  }
  return facts;
}

absl::Status ParseOfacCsv(std::string_view primary, std::string_view add,
                          std::string_view alt, uint16_t source, ListSet* set) {
  absl::flat_hash_map<std::string, size_t> by_ent;
  std::vector<std::string> f;
  DelimitedReader prim(primary, ',');
  while (prim.Next(&f)) {
    if (f.size() < 2) continue;
    // A copy: f.resize() below may move f[0]'s characters.
    const std::string ent(OfacField(f[0]));
    if (!AllDigits(ent)) {
      return absl::InvalidArgumentError(absl::StrCat(
          "line ", prim.line(), ": expected an OFAC ent_num, found '", Sv(ent),
          "'"));
    }
    f.resize(12);
    ListEntry e;
    e.source = source;
    e.reference = std::string(ent);
    e.type = OfacType(f[2]);
    e.program = OfacPrograms(OfacField(f[3]));
    AddName(OfacField(f[1]), NameStrength::kPrimary, &e);
    if (e.names.empty()) continue;
    if (!OfacField(f[5]).empty()) {
      AddIdentifier(IdKind::kCallSign, OfacField(f[5]), "Call sign", &e);
    }
    if (!OfacField(f[9]).empty()) AddCountry(OfacField(f[9]), &e);
    if (e.type == EntityType::kAircraft && e.names[0].text.size() <= 12) {
      AddIdentifier(IdKind::kIcao, e.names[0].text, "Aircraft registration",
                    &e);
    }
    const RemarkFacts facts = ParseOfacRemarks(OfacField(f[11]));
    for (const std::string& a : facts.weak_aliases) {
      AddName(a, NameStrength::kWeak, &e);
    }
    for (const std::string& c : facts.countries) AddCountry(c, &e);
    for (const Identifier& id : facts.identifiers) {
      AddIdentifier(id.kind, id.value, id.label, &e);
    }
    by_ent[e.reference] = set->entries.size();
    set->entries.push_back(std::move(e));
  }
  DelimitedReader adds(add, ',');
  while (adds.Next(&f)) {
    if (f.size() < 5) continue;
    auto it = by_ent.find(std::string(OfacField(f[0])));
    if (it == by_ent.end()) continue;  // an address of no listed entry
    AddCountry(OfacField(f[4]), &set->entries[it->second]);
  }
  DelimitedReader alts(alt, ',');
  while (alts.Next(&f)) {
    if (f.size() < 4) continue;
    auto it = by_ent.find(std::string(OfacField(f[0])));
    if (it == by_ent.end()) continue;
    AddName(OfacField(f[3]), NameStrength::kStrong,
            &set->entries[it->second]);
  }
  return absl::OkStatus();
}

}  // namespace divrisk::screening
