#include "rules/reference_loader.h"

#include <initializer_list>


namespace divrisk {
namespace {

// Marks descriptive keys as known; their values are documentation.
void Accept(MapReader& m, std::initializer_list<std::string_view> keys) {
  for (std::string_view k : keys) m.Optional(k);
}

std::string StringOr(MapReader& m, std::string_view key, bool required);
bool BoolOr(MapReader& m, std::string_view key, bool fallback);

// The `source` header, into *info (title, as_of, illustrative).
void ReadSourceHeader(MapReader& top, ReferenceFileInfo* info) {
  const DocNode* source = top.Required("source");
  if (source == nullptr) return;
  MapReader m(*source, top.PathOf("source"), top.errors());
  info->title = StringOr(m, "title", true);
  info->as_of = StringOr(m, "as_of", true);
  info->illustrative = BoolOr(m, "illustrative", false);
  Accept(m, {"publishers", "notes"});
  m.Finish();
}

// A code that the loaded country table knows.
std::optional<CountryCode> ReadKnownCountry(const DocNode& n,
                                            const std::string& path,
                                            const ReferenceData& ref,
                                            DocErrors* errors) {
  std::optional<CountryCode> code = ReadCountryShape(n, path, errors);
  if (code && ref.Country(*code) == nullptr) {
    errors->Add(n, path,
                absl::StrCat("'", n.text, "' is not in the country table"));
    return std::nullopt;
  }
  return code;
}

std::string StringOr(MapReader& m, std::string_view key, bool required) {
  const DocNode* n = required ? m.Required(key) : m.Optional(key);
  if (n == nullptr) return "";
  return ReadString(*n, m.PathOf(key), m.errors()).value_or("");
}

std::optional<Date> DateOf(MapReader& m, std::string_view key, bool latest) {
  const DocNode* n = m.Optional(key);
  if (n == nullptr) return std::nullopt;
  return ReadPartialDate(*n, m.PathOf(key), m.errors(), latest);
}

bool BoolOr(MapReader& m, std::string_view key, bool fallback) {
  const DocNode* n = m.Optional(key);
  if (n == nullptr) return fallback;
  return ReadBool(*n, m.PathOf(key), m.errors()).value_or(fallback);
}

// An entry's own `illustrative`, defaulting to its file's.
bool EntryIllustrative(MapReader& m, const ReferenceFileInfo& file) {
  return BoolOr(m, "illustrative", file.illustrative);
}

// Reads the `source` header into *file, then calls `entry` with a MapReader
// for each item of list `key` of `root`.
template <typename F>
void ForEachEntry(const DocNode& root, std::string_view key, DocErrors* errors,
                  ReferenceFileInfo* file, F entry) {
  MapReader top(root, "", errors);
  if (!top.ok()) return;
  ReadSourceHeader(top, file);
  const DocNode* list = top.Required(key);
  top.Finish();
  if (list == nullptr) return;
  const std::vector<DocNode>* items = ReadList(*list, std::string(key), errors);
  if (items == nullptr) return;
  for (size_t i = 0; i < items->size(); ++i) {
    MapReader m((*items)[i], IndexPath(std::string(key), i), errors);
    if (!m.ok()) continue;
    entry(m);
    m.Finish();
  }
}

void LoadCountries(const DocNode& root, ReferenceData* ref, DocErrors* errors,
                   ReferenceFileInfo* file) {
  ForEachEntry(root, "countries", errors, file, [&](MapReader& m) {
    CountryProfile p;
    const DocNode* code = m.Required("code");
    p.name = StringOr(m, "name", true);
    p.former = BoolOr(m, "former", false);
    Accept(m, {"alpha3", "numeric", "official_name", "common_name",
               "former_until", "former_alpha2", "user_assigned", "note",
               "source"});
    if (code == nullptr) return;
    if (auto c = ReadCountryShape(*code, m.PathOf("code"), errors)) {
      p.code = *c;
      if (!ref->countries.emplace(*c, p).second) {
        errors->Add(*code, m.PathOf("code"), "country listed twice");
      }
    }
  });
}

// ATT in force for a state: the stated date; else 90 days after deposit
// (Art. 22(2)), never before 2014-12-24 (Art. 22(1)); with only the deposit
// year known, 90 days after that year's end, so that membership is never
// credited before it can have begun.
void LoadAtt(const DocNode& root, ReferenceData* ref, DocErrors* errors,
             ReferenceFileInfo* file) {
  const Date treaty_in_force = DateFromCivil(2014, 12, 24);
  ForEachEntry(root, "states", errors, file, [&](MapReader& m) {
    const DocNode* code = m.Required("code");
    const std::string status = StringOr(m, "status", true);
    std::optional<Date> in_force = DateOf(m, "in_force", true);
    std::optional<Date> deposit = DateOf(m, "deposit", true);
    std::optional<int64_t> year;
    if (const DocNode* y = m.Optional("deposit_year")) {
      year = ReadInt(*y, m.PathOf("deposit_year"), errors, 2013, 2100);
    }
    Accept(m, {"name", "signature", "instrument", "in_force_basis",
               "date_verification", "notes", "source"});
    if (code == nullptr) return;
    auto c = ReadKnownCountry(*code, m.PathOf("code"), *ref, errors);
    if (!c) return;
    CountryProfile& p = ref->countries[*c];
    if (status == "signatory_only") {
      p.att_signatory = true;
      return;
    }
    if (status != "state_party") {
      errors->Add(m.node(), m.PathOf("status"),
                  "expected state_party or signatory_only");
      return;
    }
    if (!in_force && deposit) in_force = Date{deposit->days + 90};
    if (!in_force && year) {
      in_force = Date{DateFromCivil(static_cast<int>(*year), 12, 31).days + 90};
    }
    if (in_force && *in_force < treaty_in_force) in_force = treaty_in_force;
    // A party whose deposit date is unknown (Niue) is not credited with
    // membership on any date: the controls proxy then treats it as unknown.
    p.att_in_force = in_force;
  });
}

// A participant is credited from the last day its joining date can mean
// (`joined: "1996"` from 1996-12-31), never earlier; without `joined`, from
// `joined_by`, the latest day it can have joined; without either, never.
void LoadWassenaar(const DocNode& root, ReferenceData* ref, DocErrors* errors,
                   ReferenceFileInfo* file) {
  ForEachEntry(root, "participants", errors, file, [&](MapReader& m) {
    const DocNode* code = m.Required("code");
    std::optional<Date> joined = DateOf(m, "joined", true);
    std::optional<Date> joined_by = DateOf(m, "joined_by", true);
    Accept(m, {"name", "joined_verification", "note", "source"});
    if (code == nullptr) return;
    if (auto c = ReadKnownCountry(*code, m.PathOf("code"), *ref, errors)) {
      CountryProfile& p = ref->countries[*c];
      p.wassenaar = true;
      p.wassenaar_from = joined ? joined : joined_by;
    }
  });
}

template <typename E>
E EnumOr(MapReader& m, std::string_view key, E fallback) {
  const DocNode* n = m.Required(key);
  if (n == nullptr) return fallback;
  return ReadEnum<E>(*n, m.PathOf(key), m.errors()).value_or(fallback);
}

}  // namespace

template <>
inline constexpr auto kEnumWords<RegisterRole> =
    std::to_array<const char*>({"exporter", "broker"});

namespace {

// Periods of states in regional organisations. `joined` is read as the
// earliest day it can mean and `left` as the latest, so that a state is
// taken as bound by its organisation's embargoes for as long as it may have
// been (the cautious reading for a prohibition).
void LoadMemberships(const DocNode& root, ReferenceData* ref, DocErrors* errors,
                     ReferenceFileInfo* file) {
  ForEachEntry(root, "memberships", errors, file, [&](MapReader& m) {
    Membership ms;
    ms.organisation = StringOr(m, "organisation", true);
    const DocNode* code = m.Required("code");
    ms.role = EnumOr(m, "role", MembershipRole::kMemberState);
    const DocNode* joined = m.Required("joined");
    std::optional<Date> from;
    if (joined != nullptr) {
      from = ReadPartialDate(*joined, m.PathOf("joined"), errors, false);
    }
    ms.left = DateOf(m, "left", true);
    ms.legal_basis = StringOr(m, "legal_basis", false);
    Accept(m, {"name", "left_note", "source"});
    if (code == nullptr || !from) return;
    auto c = ReadKnownCountry(*code, m.PathOf("code"), *ref, errors);
    if (!c) return;
    ms.country = *c;
    ms.joined = *from;
    if (ms.left && *ms.left < ms.joined) {
      errors->Add(m.node(), m.PathOf("left"), "left before joined");
      return;
    }
    ref->memberships.push_back(std::move(ms));
  });
}

// An embargo whose status says it ended but whose end date is unknown is
// not applied at all: the engine cannot tell which historical cases it
// covered (fill in `end` to apply it).
void LoadEmbargoes(const DocNode& root, ReferenceData* ref, DocErrors* errors,
                   ReferenceFileInfo* file) {
  ForEachEntry(root, "embargoes", errors, file, [&](MapReader& m) {
    Embargo e;
    e.id = StringOr(m, "id", true);
    e.imposing_body = StringOr(m, "imposing_body", true);
    if (const DocNode* t = m.Optional("target")) {
      e.target = ReadKnownCountry(*t, m.PathOf("target"), *ref, errors);
    }
    if (const DocNode* t = m.Optional("target_members_of")) {
      e.target_members_of =
          ReadString(*t, m.PathOf("target_members_of"), errors).value_or("");
      if (m.Optional("target") != nullptr) {
        errors->Add(*t, m.PathOf("target_members_of"),
                    "give target or target_members_of, not both");
      } else if (!e.target_members_of.empty() &&
                 ref->MembershipOrganisation(e.target_members_of).empty()) {
        errors->Add(*t, m.PathOf("target_members_of"),
                    absl::StrCat("no memberships of '", e.target_members_of,
                                 "' in the memberships file"));
      } else {
        e.target_members_of = ref->MembershipOrganisation(e.target_members_of);
      }
    }
    e.target_name = StringOr(m, "target_name", true);
    e.scope = EnumOr(m, "scope", EmbargoScope::kFull);
    e.direction = EnumOr(m, "direction", EmbargoDirection::kTo);
    e.binding = BoolOr(m, "binding", true);
    e.binding_from = DateOf(m, "binding_from", false);
    if (const DocNode* g = m.Optional("categories")) {
      if (const auto* items = ReadList(*g, m.PathOf("categories"), errors)) {
        for (size_t i = 0; i < items->size(); ++i) {
          if (auto cat = ReadEnum<GoodsCategory>(
                  (*items)[i], IndexPath(m.PathOf("categories"), i), errors)) {
            e.categories.push_back(*cat);
          }
        }
      }
    }
    e.illustrative = EntryIllustrative(m, *file);
    e.status = StringOr(m, "status", true);
    e.start = DateOf(m, "start", false).value_or(Date{INT32_MIN});
    e.end = DateOf(m, "end", true);
    e.instrument = StringOr(m, "instrument", true);
    e.source = StringOr(m, "source", true);
    Accept(m, {"regime", "legal_nature", "last_confirmed_renewal",
               "other_instruments", "scope_note", "date_verification",
               "verification_note", "direction_basis", "binding_basis"});
    const bool ended = e.status == "lifted" || e.status == "expired" ||
                       e.status == "replaced";
    if (ended && !e.end) return;
    ref->embargoes.push_back(std::move(e));
  });
}

void LoadRegisters(const DocNode& root, ReferenceData* ref, DocErrors* errors,
                   ReferenceFileInfo* file) {
  ForEachEntry(root, "registers", errors, file, [&](MapReader& m) {
    const std::string id = StringOr(m, "id", true);
    const DocNode* country = m.Required("country");
    const RegisterRole role = EnumOr(m, "role", RegisterRole::kExporter);
    Accept(m, {"title"});
    const DocNode* entries = m.Required("entries");
    if (country == nullptr) return;
    auto c = ReadKnownCountry(*country, m.PathOf("country"), *ref, errors);
    if (!c) return;
    ref->registers_held.push_back({*c, role});
    if (entries == nullptr) return;
    const auto* items = ReadList(*entries, m.PathOf("entries"), errors);
    if (items == nullptr) return;
    for (size_t i = 0; i < items->size(); ++i) {
      MapReader e((*items)[i], IndexPath(m.PathOf("entries"), i), errors);
      if (!e.ok()) continue;
      RegisterEntry r;
      r.register_name = id;
      r.country = *c;
      r.role = role;
      r.register_id = StringOr(e, "register_id", true);
      r.name = StringOr(e, "name", true);
      r.registered_on = DateOf(e, "registered_on", false);
      r.valid_until = DateOf(e, "valid_until", true);
      r.suspended_on = DateOf(e, "suspended_on", false);
      r.illustrative = EntryIllustrative(e, *file);
      Accept(e, {"note"});
      e.Finish();
      ref->register_entries.push_back(std::move(r));
    }
  });
}

void LoadEucTemplates(const DocNode& root, ReferenceData* ref,
                      DocErrors* errors, ReferenceFileInfo* file) {
  ForEachEntry(root, "templates", errors, file, [&](MapReader& m) {
    EucTemplate t;
    const DocNode* country = m.Required("country");
    t.issuer_authority = StringOr(m, "issuer_authority", true);
    t.template_id = StringOr(m, "template_id", true);
    t.shared_on = DateOf(m, "shared_on", false);
    t.withdrawn_on = DateOf(m, "withdrawn_on", false);
    t.illustrative = EntryIllustrative(m, *file);
    Accept(m, {"note"});
    if (country == nullptr) return;
    if (auto c = ReadKnownCountry(*country, m.PathOf("country"), *ref, errors)) {
      t.country = *c;
      ref->euc_templates.push_back(std::move(t));
    }
  });
}

void LoadFlaggedEucNumbers(const DocNode& root, ReferenceData* ref,
                           DocErrors* errors, ReferenceFileInfo* file) {
  ForEachEntry(root, "numbers", errors, file, [&](MapReader& m) {
    FlaggedEucNumber f;
    const DocNode* country = m.Required("issuer_country");
    f.number = StringOr(m, "number", true);
    const std::string status = StringOr(m, "status", true);
    f.reported_on = DateOf(m, "reported_on", false);
    f.note = StringOr(m, "note", false);
    f.illustrative = EntryIllustrative(m, *file);
    Accept(m, {"source"});
    if (status != "forged" && status != "reused") {
      errors->Add(m.node(), m.PathOf("status"),
                  absl::StrCat("expected forged or reused, found '", status,
                               "'"));
    }
    f.forged = status == "forged";
    if (country == nullptr) return;
    if (auto c = ReadKnownCountry(*country, m.PathOf("issuer_country"), *ref,
                                  errors)) {
      f.issuer_country = *c;
      ref->flagged_euc_numbers.push_back(std::move(f));
    }
  });
}

void LoadListedParties(const DocNode& root, ReferenceData* ref,
                       DocErrors* errors, ReferenceFileInfo* file) {
  ForEachEntry(root, "entries", errors, file, [&](MapReader& m) {
    ListedParty p;
    p.id = StringOr(m, "id", true);
    p.name = StringOr(m, "name", true);
    if (const DocNode* a = m.Optional("aliases")) {
      if (const auto* items = ReadList(*a, m.PathOf("aliases"), errors)) {
        for (size_t i = 0; i < items->size(); ++i) {
          if (auto s = ReadString((*items)[i],
                                  IndexPath(m.PathOf("aliases"), i), errors)) {
            p.aliases.push_back(*s);
          }
        }
      }
    }
    if (const DocNode* c = m.Optional("country")) {
      p.country = ReadKnownCountry(*c, m.PathOf("country"), *ref, errors);
    }
    p.effect = EnumOr(m, "effect", ListingEffect::kSanction);
    p.list = StringOr(m, "list", true);
    p.reference = StringOr(m, "reference", false);
    p.listed_on = DateOf(m, "listed_on", false);
    p.source = StringOr(m, "source", true);
    p.illustrative = EntryIllustrative(m, *file);
    Accept(m, {"note", "kind"});
    ref->listed_parties.push_back(std::move(p));
  });
}

}  // namespace

namespace {

void LoadKind(ReferenceKind kind, const DocNode& root, ReferenceData* ref,
              DocErrors* errors, ReferenceFileInfo* file) {
  switch (kind) {
    case ReferenceKind::kCountries:
      return LoadCountries(root, ref, errors, file);
    case ReferenceKind::kAtt:
      return LoadAtt(root, ref, errors, file);
    case ReferenceKind::kWassenaar:
      return LoadWassenaar(root, ref, errors, file);
    case ReferenceKind::kMemberships:
      return LoadMemberships(root, ref, errors, file);
    case ReferenceKind::kEmbargoes:
      return LoadEmbargoes(root, ref, errors, file);
    case ReferenceKind::kRegisters:
      return LoadRegisters(root, ref, errors, file);
    case ReferenceKind::kEucTemplates:
      return LoadEucTemplates(root, ref, errors, file);
    case ReferenceKind::kFlaggedEucNumbers:
      return LoadFlaggedEucNumbers(root, ref, errors, file);
    case ReferenceKind::kListedParties:
      return LoadListedParties(root, ref, errors, file);
  }
}

}  // namespace

void LoadReference(ReferenceKind kind, const DocNode& root, ReferenceData* ref,
                   DocErrors* errors, std::string_view file) {
  ReferenceFileInfo info;
  info.kind = kEnumWords<ReferenceKind>[static_cast<size_t>(kind)];
  info.file = std::string(file);
  LoadKind(kind, root, ref, errors, &info);
  ref->files.push_back(std::move(info));
}

}  // namespace divrisk
