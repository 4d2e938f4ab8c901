#include "indicators/screening/case_screening.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "indicators/screening/normalize.h"

namespace divrisk::screening {
namespace {

EntityType TypeOf(const std::optional<PartyKind>& kind) {
  if (!kind) return EntityType::kUnknown;
  return *kind == PartyKind::kIndividual ? EntityType::kPerson
                                         : EntityType::kEntity;
}

IdKind KindOfKey(std::string_view key) {
  const std::string k = absl::AsciiStrToLower(std::string(key));
  if (k == "imo") return IdKind::kImo;
  if (k == "icao" || k == "registration" || k == "tail_number") {
    return IdKind::kIcao;
  }
  if (k == "call_sign") return IdKind::kCallSign;
  if (k == "passport") return IdKind::kPassport;
  if (k == "national_id") return IdKind::kNationalId;
  return IdKind::kOther;
}

std::string CanonicalFor(IdKind kind, std::string_view raw) {
  std::string v = CanonicalId(raw);
  if (kind == IdKind::kImo && v.rfind("IMO", 0) == 0) v = v.substr(3);
  return v;
}

// Screens `query` and appends a finding per match. Most parties match
// nothing, so the paths are built only for a match: `party_path()` names
// the party, `path_of(k)` query name k, `id_path()` the identifiers.
template <typename PartyPath, typename PathOf, typename IdPath>
void Run(const Screener& screener, const ScreeningQuery& query,
         PartyPath party_path, PathOf path_of, IdPath id_path,
         std::string_view id_text, Date assessed_on,
         std::vector<PartyFinding>* out) {
  for (Match& m : screener.Screen(query)) {
    PartyFinding f;
    f.party_path = party_path();
    if (m.query_name >= 0) {
      f.field_path = path_of(static_cast<size_t>(m.query_name));
      f.screened = query.names[static_cast<size_t>(m.query_name)];
    } else {
      f.field_path = id_path();
      f.screened = std::string(id_text);
    }
    const ListEntry& e = screener.lists().entries[m.entry];
    f.listed_later = e.listed_on && *e.listed_on > assessed_on;
    f.ended = e.ends_on && *e.ends_on < assessed_on;
    f.match = std::move(m);
    out->push_back(std::move(f));
  }
}

}  // namespace

namespace {

// QueryForParty into *q, its storage reused.
void FillQuery(const Party& party, ScreeningQuery* out) {
  ScreeningQuery& q = *out;
  q.names.resize(party.aliases.size() + 1);
  q.names[0] = party.name;
  for (size_t k = 0; k < party.aliases.size(); ++k) {
    q.names[k + 1] = party.aliases[k];
  }
  q.countries.clear();
  q.identifiers.clear();
  q.type = TypeOf(party.kind);
  q.state_body = party.kind == PartyKind::kArmedForces ||
                 party.kind == PartyKind::kPolice ||
                 party.kind == PartyKind::kOtherGovernment;
  if (!party.country.empty()) q.countries.push_back(party.country);
  if (party.nationality && *party.nationality != party.country) {
    q.countries.push_back(*party.nationality);
  }
  for (const auto& [key, value] : party.identifiers) {
    const IdKind kind = KindOfKey(key);
    std::string v = CanonicalFor(kind, value);
    if (!v.empty()) q.identifiers.push_back({kind, std::move(v), key});
  }
}

// A query of one name, into *q, its storage reused.
void FillQuery(const std::string& name, EntityType type, ScreeningQuery* q) {
  q->names.resize(1);
  q->names[0] = name;
  q->countries.clear();
  q->identifiers.clear();
  q->type = type;
  q->state_body = false;
}

}  // namespace

ScreeningQuery QueryForParty(const Party& party) {
  ScreeningQuery q;
  FillQuery(party, &q);
  return q;
}

std::vector<PartyFinding> ScreenCase(const Screener& screener, const Case& c) {
  std::vector<PartyFinding> out;
  // One query per thread, refilled party after party.
  thread_local ScreeningQuery q;
  auto party = [&](const Party& p, auto path) {
    auto path_of = [&](size_t k) {
      return k == 0 ? absl::StrCat(path(), ".name")
                    : absl::StrCat(path(), ".aliases[", k - 1, "]");
    };
    auto id_path = [&] {
      return p.identifiers.empty()
                 ? absl::StrCat(path(), ".identifiers")
                 : absl::StrCat(path(), ".identifiers.",
                                p.identifiers[0].first);
    };
    const std::string_view id_text =
        p.identifiers.empty() ? std::string_view() : p.identifiers[0].second;
    FillQuery(p, &q);
    Run(screener, q, path, path_of, id_path, id_text, c.assessed_on, &out);
  };
  auto only = [](auto path, const char* field) {
    return [path, field](auto...) { return absl::StrCat(path(), field); };
  };
  party(c.exporter, [] { return std::string("exporter"); });
  party(c.end_user, [] { return std::string("end_user"); });
  for (size_t i = 0; i < c.end_user.ultimate_end_users.size(); ++i) {
    const UltimateEndUser& u = c.end_user.ultimate_end_users[i];
    FillQuery(u.name, TypeOf(u.kind), &q);
    auto path = [i] {
      return absl::StrCat("end_user.ultimate_end_users[", i, "]");
    };
    Run(screener, q, path, only(path, ".name"), path, "", c.assessed_on, &out);
  }
  for (size_t i = 0; i < c.parties.size(); ++i) {
    party(c.parties[i], [i] { return absl::StrCat("parties[", i, "]"); });
  }
  if (c.transport) {
    std::vector<std::string_view> carriers_seen, vehicles_seen;
    for (size_t i = 0; i < c.transport->legs.size(); ++i) {
      const Leg& leg = c.transport->legs[i];
      auto path = [i] { return absl::StrCat("transport.legs[", i, "]"); };
      if (leg.carrier && std::find(carriers_seen.begin(), carriers_seen.end(),
                                   *leg.carrier) == carriers_seen.end()) {
        carriers_seen.push_back(*leg.carrier);
        FillQuery(*leg.carrier, EntityType::kEntity, &q);
        Run(screener, q, path, only(path, ".carrier"), path, "", c.assessed_on,
            &out);
      }
      if (leg.vehicle_id &&
          std::find(vehicles_seen.begin(), vehicles_seen.end(),
                    *leg.vehicle_id) == vehicles_seen.end()) {
        vehicles_seen.push_back(*leg.vehicle_id);
        ScreeningQuery vehicle;
        const bool sea = leg.mode == TransportMode::kSea;
        const bool air = leg.mode == TransportMode::kAir;
        vehicle.type = sea   ? EntityType::kVessel
                 : air ? EntityType::kAircraft
                       : EntityType::kUnknown;
        const IdKind kind = sea   ? IdKind::kImo
                            : air ? IdKind::kIcao
                                  : IdKind::kOther;
        std::string v = CanonicalFor(kind, *leg.vehicle_id);
        if (kind != IdKind::kOther && !v.empty()) {
          vehicle.identifiers.push_back({kind, std::move(v), "vehicle_id"});
        }
        if (leg.flag) vehicle.countries.push_back(*leg.flag);
        if (!vehicle.identifiers.empty()) {
          Run(screener, vehicle, path, [](size_t) { return std::string(); },
              only(path, ".vehicle_id"), *leg.vehicle_id, c.assessed_on,
              &out);
        }
      }
    }
  }
  return out;
}

std::pair<std::string, std::string> FindingFact(const Screener& screener,
                                                const PartyFinding& f) {
  const ListEntry& e = screener.lists().entries[f.match.entry];
  std::string listed;
  const std::string screened = f.match.disguise != kNotDisguised
                                   ? ShowInvisible(f.screened)
                                   : f.screened;
  if (f.match.listed_name >= 0) {
    const ListedName& n = e.names[static_cast<size_t>(f.match.listed_name)];
    listed = absl::StrCat(
        "\"", screened, "\" ~ \"", n.text, "\" (", NameStrengthName(n.strength),
        "), ", f.match.exact ? "exact" : "fuzzy",
        f.match.reading ? ", by its Korean or Japanese reading" : "");
  } else {
    listed = absl::StrCat("\"", screened, "\" ~ \"", e.names[0].text,
                          "\" (by identifier)");
  }
  std::string text =
      absl::StrFormat("%s, score %.2f: %s", listed, f.match.score,
                      MatchLevelName(f.match.level));
  if (f.match.disguise != kNotDisguised) {
    absl::StrAppend(&text,
                    "; name disguised: ", DisguiseText(f.match.disguise));
  }
  return {f.field_path, std::move(text)};
}

std::string ShowInvisible(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const int32_t n = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < n;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    if (c >= 0x80 &&
        (u_charType(c) == U_FORMAT_CHAR ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
         u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))) {
      absl::StrAppend(&out, absl::StrFormat("<U+%04X>", c));
      continue;
    }
    out.append(utf8.substr(static_cast<size_t>(start),
                           static_cast<size_t>(i - start)));
  }
  return out;
}

std::vector<DisguisedName> FindDisguisedNames(const Case& c) {
  std::vector<DisguisedName> out;
  auto check = [&](const std::string& name, bool person, auto path) {
    // An ASCII name can hide only digits for letters.
    if (std::all_of(name.begin(), name.end(), [](char ch) {
          return static_cast<unsigned char>(ch) < 0x80 &&
                 !(ch >= '0' && ch <= '9');
        })) {
      return;
    }
    const NormalizedName nn = Normalize(name, person);
    if (nn.disguise != kNotDisguised) {
      out.push_back({path(), name, nn.disguise});
    }
  };
  auto party = [&](const Party& p, const std::string& path) {
    const bool person = p.kind == PartyKind::kIndividual;
    check(p.name, person, [&] { return path + ".name"; });
    for (size_t k = 0; k < p.aliases.size(); ++k) {
      check(p.aliases[k], person,
            [&] { return absl::StrCat(path, ".aliases[", k, "]"); });
    }
  };
  party(c.exporter, "exporter");
  party(c.end_user, "end_user");
  for (size_t i = 0; i < c.end_user.ultimate_end_users.size(); ++i) {
    const UltimateEndUser& u = c.end_user.ultimate_end_users[i];
    check(u.name, u.kind == PartyKind::kIndividual, [&] {
      return absl::StrCat("end_user.ultimate_end_users[", i, "].name");
    });
  }
  for (size_t i = 0; i < c.parties.size(); ++i) {
    party(c.parties[i], absl::StrCat("parties[", i, "]"));
  }
  if (c.transport) {
    for (size_t i = 0; i < c.transport->legs.size(); ++i) {
      const Leg& leg = c.transport->legs[i];
      if (leg.carrier) {
        check(*leg.carrier, false,
              [&] { return absl::StrCat("transport.legs[", i, "].carrier"); });
      }
    }
  }
  return out;
}

std::pair<std::string, std::string> EntryFact(const Screener& screener,
                                              const PartyFinding& f,
                                              Date assessed_on) {
  const ListEntry& e = screener.lists().entries[f.match.entry];
  const ListSource& s = screener.lists().sources[e.source];
  std::string text =
      absl::StrCat(s.effect == ListingEffect::kSanction ? "sanction" : "denial",
                   ": ", s.title);
  if (s.as_of) absl::StrAppend(&text, " (as of ", FormatDate(*s.as_of), ")");
  // The rule set's own entries are cited by its ids and reference numbers.
  const bool own = s.format == ListFormat::kListedParties;
  if (!e.program.empty()) {
    absl::StrAppend(&text, own ? ", reference " : ", program ", e.program);
  }
  if (e.type != EntityType::kUnknown) {
    absl::StrAppend(&text, ", ", EntityTypeName(e.type));
  }
  if (f.listed_later) {
    absl::StrAppend(&text, ", listed on ", FormatDate(*e.listed_on),
                    ", after the assessment date ", FormatDate(assessed_on),
                    ": not known at the time, not counted");
  } else if (f.ended) {
    absl::StrAppend(&text, ", listing ended on ", FormatDate(*e.ends_on),
                    ", before the assessment date: not counted");
  } else if (e.listed_on) {
    absl::StrAppend(&text, ", listed on ", FormatDate(*e.listed_on));
  }
  if (!f.match.reasons.empty()) {
    absl::StrAppend(&text, "; ", absl::StrJoin(f.match.reasons, "; "));
  }
  if (s.illustrative) absl::StrAppend(&text, " (illustrative record)");
  return {own ? absl::StrCat("ref.listed_parties[", e.reference, "]")
              : absl::StrCat("ref.lists[", screener.lists().EntryId(e), "]"),
          text};
}

}  // namespace divrisk::screening
