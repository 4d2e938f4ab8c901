// The case's people: the exporter and parties (names, aliases, country,
// identifiers with IMO check digits), the end user with its ultimate end
// users (ISO 3166-2 regions), and, once the whole case is read, carriers and
// intelligence subjects that must name a party.

#include <cctype>
#include <optional>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "engine/reader/case_decoder_internal.h"

namespace divrisk::reader_internal {

void Decoder::ReadParty(MapReader& m, Party* p, bool with_role) {
  RequiredStr(m, "name", &p->name);
  p->aliases = Strings(m, "aliases", limits_.aliases);
  RequiredCountry(m, "country", &p->country);
  if (with_role) {
    if (const DocNode* n = m.Required("role")) {
      p->role = ReadEnum<PartyRole>(*n, FieldPath(m.path(), "role"), errors_);
    }
  }
  Enum(m, "kind", &p->kind);
  CountryField(m, "nationality", &p->nationality);
  Str(m, "register_id", &p->register_id);
  if (const DocNode* ids = m.Optional("identifiers")) {
    MapReader im(*ids, m.PathOf("identifiers"), errors_);
    const bool within = WithinLimit(*ids, m.PathOf("identifiers"),
                                    ids->fields.size(), limits_.identifiers);
    for (const auto& [key, value] : ids->fields) {
      if (!within) break;
      const std::string path = im.PathOf(key.text);
      im.Optional(key.text);
      std::optional<std::string> v = ReadString(value, path, errors_);
      if (!v) continue;
      if (key.text == "imo" && !IsValidImo(*v)) {
        errors_->Add(value, path,
                     absl::StrCat("expected a seven-digit IMO number with a "
                                  "valid check digit, found '", *v, "'"));
      }
      p->identifiers.emplace_back(key.text, *v);
    }
  }
  Str(m, "address", &p->address);
  DateField(m, "incorporated_on", &p->incorporated_on);
  Bool(m, "internal_compliance_programme", &p->internal_compliance_programme);
  Count(m, "prior_violations", &p->prior_violations);
}

void Decoder::ReadEndUser(const DocNode& n) {
  MapReader m(n, "end_user", errors_);
  if (!m.ok()) return;
  EndUser& e = c_.end_user;
  ReadParty(m, &e, /*with_role=*/false);
  Str(m, "stated_end_use", &e.stated_end_use);
  Count(m, "force_size", &e.force_size);
  Enum(m, "stockpile_security", &e.stockpile_security);
  Bool(m, "diversion_from_stocks_reported", &e.diversion_from_stocks_reported);
  Bool(m, "replaces_existing_stocks", &e.replaces_existing_stocks);
  Enum(m, "surplus_disposal", &e.surplus_disposal);
  List(m, "ultimate_end_users", limits_.ultimate_end_users,
       [&](const DocNode& item, const std::string& p) {
    MapReader um(item, p, errors_);
    if (!um.ok()) return;
    UltimateEndUser u;
    RequiredStr(um, "name", &u.name);
    Enum(um, "kind", &u.kind);
    Str(um, "region", &u.region);
    if (u.region) {
      // ISO 3166-2: a country code, a hyphen, one to three letters/digits.
      const std::string& r = *u.region;
      size_t dash = r.find('-');
      bool ok = dash != std::string::npos && r.size() - dash - 1 >= 1 &&
                r.size() - dash - 1 <= 3;
      for (size_t i = dash + 1; ok && i < r.size(); ++i) {
        ok = std::isupper(static_cast<unsigned char>(r[i])) ||
             std::isdigit(static_cast<unsigned char>(r[i]));
      }
      auto code = ok ? CountryCode::FromText(r.substr(0, dash)) : std::nullopt;
      if (!code || ref_.Country(*code) == nullptr) {
        errors_->Add(*um.Optional("region"), um.PathOf("region"),
                     absl::StrCat("expected an ISO 3166-2 code such as "
                                  "MX-GRO, found '", r, "'"));
      }
    }
    um.Finish();
    e.ultimate_end_users.push_back(std::move(u));
  });
  m.Finish();
}

// A leg's carrier names a party with role carrier; an intelligence subject
// is one of the words or a party's name.
void Decoder::CheckNamedParties() {
  for (const auto& [node, path] : carrier_refs_) {
    bool found = false;
    for (const Party& p : c_.parties) {
      found |= p.role == PartyRole::kCarrier && p.name == node->text;
    }
    if (!found) {
      errors_->Add(*node, path,
                   absl::StrCat("expected the name of a party with role "
                                "carrier, found '", node->text, "'"));
    }
  }
  for (const auto& [node, path] : intel_subjects_) {
    const std::string& s = node->text;
    bool found = s == "end_user" || s == "exporter" || s == "euc" ||
                 s == "route" || s == c_.exporter.name || s == c_.end_user.name;
    for (const Party& p : c_.parties) found |= p.name == s;
    if (!found) {
      errors_->Add(*node, path,
                   absl::StrCat("expected end_user, exporter, euc, route or a "
                                "party's name, found '", s, "'"));
    }
  }
}

}  // namespace divrisk::reader_internal
