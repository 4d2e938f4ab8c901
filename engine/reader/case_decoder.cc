#include "engine/reader/case_decoder.h"

#include <cctype>

#include "engine/doc/json_text.h"


namespace divrisk {

bool IsValidImo(std::string_view imo) {
  if (imo.size() != 7) return false;
  int sum = 0;
  for (int i = 0; i < 7; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(imo[i]))) return false;
  }
  for (int i = 0; i < 6; ++i) sum += (imo[i] - '0') * (7 - i);
  return sum % 10 == imo[6] - '0';
}

namespace {

constexpr const char* kFormat = "divrisk-case/1";
constexpr int64_t kMaxCount = 1'000'000'000'000;  // beyond any real quantity

// Reads one case, field by field, into `c`.
class Decoder {
 public:
  Decoder(const ReferenceData& ref, Case* c, DocErrors* errors,
          const CaseLimits& limits)
      : ref_(ref), c_(*c), errors_(errors), limits_(limits) {}

  void Run(const DocNode& root);

 private:
  // Typed optional fields of map `m`: each reads the key when present.
  template <typename T, typename F>
  void Field(MapReader& m, std::string_view key, std::optional<T>* out,
             F read) {
    if (const DocNode* n = m.Optional(key)) {
      *out = read(*n, FieldPath(m.path(), key));
    }
  }
  void Str(MapReader& m, std::string_view key, std::optional<std::string>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadString(n, p, errors_);
    });
  }
  void RequiredStr(MapReader& m, std::string_view key, std::string* o) {
    if (const DocNode* n = m.Required(key)) {
      std::optional<std::string> s =
          ReadString(*n, FieldPath(m.path(), key), errors_);
      if (s && s->empty()) {
        errors_->Add(*n, m.PathOf(key), "expected a non-empty string");
      }
      *o = s.value_or("");
    }
  }
  void Bool(MapReader& m, std::string_view key, std::optional<bool>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadBool(n, p, errors_);
    });
  }
  void Count(MapReader& m, std::string_view key, std::optional<int64_t>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadInt(n, p, errors_, 0, kMaxCount);
    });
  }
  void DateField(MapReader& m, std::string_view key, std::optional<Date>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadDate(n, p, errors_);
    });
  }
  template <typename E>
  void Enum(MapReader& m, std::string_view key, std::optional<E>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return ReadEnum<E>(n, p, errors_);
    });
  }
  template <typename E>
  void RequiredEnum(MapReader& m, std::string_view key, E* o) {
    if (const DocNode* n = m.Required(key)) {
      if (auto e = ReadEnum<E>(*n, FieldPath(m.path(), key), errors_)) *o = *e;
    }
  }
  void CountryField(MapReader& m, std::string_view key,
                    std::optional<CountryCode>* o) {
    Field(m, key, o, [&](const DocNode& n, const FieldPath& p) {
      return Country(n, p);
    });
  }
  void RequiredCountry(MapReader& m, std::string_view key, CountryCode* o) {
    if (const DocNode* n = m.Required(key)) {
      if (auto c = Country(*n, FieldPath(m.path(), key))) *o = *c;
    }
  }
  std::vector<std::string> Strings(MapReader& m, std::string_view key,
                                   size_t limit);

  // False, with an error at `n`, when `count` entries exceed `limit`.
  bool WithinLimit(const DocNode& n, const std::string& path, size_t count,
                   size_t limit) {
    if (count <= limit) return true;
    errors_->Add(n, path,
                 absl::StrCat("more than the limit of ", limit, " entries"));
    return false;
  }
  // The items of list `n` when it is a list within `limit`, else nullptr.
  const std::vector<DocNode>* Items(const DocNode& n, const std::string& path,
                                    size_t limit) {
    const auto* items = ReadList(n, path, errors_);
    if (items == nullptr || !WithinLimit(n, path, items->size(), limit)) {
      return nullptr;
    }
    return items;
  }
  template <typename E>
  EnumSet<E> Words(const DocNode& n, const std::string& path) {
    if (n.kind == DocNode::Kind::kSequence &&
        !WithinLimit(n, path, n.items.size(), limits_.enum_words)) {
      return {};
    }
    return ReadEnumSet<E>(n, path, errors_).value_or(EnumSet<E>{});
  }

  // Calls `item(node, path)` for each element of list `key` (if present).
  template <typename F>
  void List(MapReader& m, std::string_view key, size_t limit, F item) {
    const DocNode* n = m.Optional(key);
    if (n == nullptr) return;
    const std::string path = m.PathOf(key);
    const auto* items = Items(*n, path, limit);
    if (items == nullptr) return;
    for (size_t i = 0; i < items->size(); ++i) {
      item((*items)[i], IndexPath(path, i));
    }
  }

  std::optional<CountryCode> Country(const DocNode& n, const FieldPath& path);
  void ReadParty(MapReader& m, Party* p, bool with_role);
  void ReadEndUser(const DocNode& n);
  void ReadGoods(const DocNode& n, const std::string& path);
  void ReadEuc(const DocNode& n);
  void ReadDocument(const DocNode& n, const std::string& path);
  void ReadTransport(const DocNode& n);
  void ReadLeg(const DocNode& n, const std::string& path);
  void ReadHistory(const DocNode& n);
  void ReadIntel(const DocNode& n, const std::string& path);
  void ReadOutcome(const DocNode& n);
  void CheckLegChain(const DocNode& at);
  void CheckNamedParties();

  const ReferenceData& ref_;
  Case& c_;
  DocErrors* errors_;
  const CaseLimits& limits_;
  // Positions of facts checked after the whole case is read.
  std::vector<std::pair<const DocNode*, std::string>> carrier_refs_;
  std::vector<std::pair<const DocNode*, std::string>> intel_subjects_;
  const DocNode* transport_node_ = nullptr;
};

std::optional<CountryCode> Decoder::Country(const DocNode& n,
                                            const FieldPath& path) {
  std::optional<CountryCode> code = ReadCountryShape(n, path, errors_);
  if (code && ref_.Country(*code) == nullptr) {
    errors_->Add(n, path,
                 absl::StrCat("expected an ISO 3166 country code; '", n.text,
                              "' is not one"));
    return std::nullopt;
  }
  return code;
}

std::vector<std::string> Decoder::Strings(MapReader& m, std::string_view key,
                                          size_t limit) {
  std::vector<std::string> out;
  List(m, key, limit, [&](const DocNode& n, const std::string& path) {
    if (auto s = ReadString(n, path, errors_)) out.push_back(*s);
  });
  return out;
}

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

void Decoder::ReadGoods(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  GoodsLine g;
  RequiredEnum(m, "category", &g.category);
  RequiredStr(m, "description", &g.description);
  Str(m, "control_entry", &g.control_entry);
  if (const DocNode* q = m.Required("quantity")) {
    g.quantity = ReadInt(*q, FieldPath(m.path(), "quantity"), errors_, 1, kMaxCount)
                     .value_or(0);
  }
  std::optional<QuantityUnit> unit;
  Enum(m, "quantity_unit", &unit);
  g.quantity_unit = unit.value_or(QuantityUnit::kItems);
  Enum(m, "condition", &g.condition);
  CountryField(m, "origin_country", &g.origin_country);
  Field(m, "unit_value", &g.unit_value,
        [&](const DocNode& v, const FieldPath& p) -> std::optional<double> {
          auto d = ReadNumber(v, p, errors_);
          if (d && *d < 0) {
            errors_->Add(v, p, "expected a value of zero or more");
            return std::nullopt;
          }
          return d;
        });
  Bool(m, "marked", &g.marked);
  Bool(m, "manpads", &g.manpads);
  m.Finish();
  c_.goods.push_back(std::move(g));
}

void Decoder::ReadEuc(const DocNode& n) {
  if (n.IsScalar() && n.type == DocNode::ScalarType::kString &&
      n.text == "unknown") {
    c_.euc_presence = EucPresence::kUnknown;
    return;
  }
  if (n.kind != DocNode::Kind::kMap) {
    errors_->Add(n, "euc",
                 absl::StrCat("expected an end-user document or the word "
                              "unknown, found ", n.Describe()));
    return;
  }
  MapReader m(n, "euc", errors_);
  c_.euc_presence = EucPresence::kPresent;
  Euc& e = c_.euc;
  RequiredEnum(m, "kind", &e.kind);
  Str(m, "number", &e.number);
  Str(m, "issuer_authority", &e.issuer_authority);
  CountryField(m, "issuer_country", &e.issuer_country);
  Str(m, "signatory", &e.signatory);
  DateField(m, "issued_on", &e.issued_on);
  DateField(m, "valid_until", &e.valid_until);
  Bool(m, "original_seen", &e.original_seen);
  Enum(m, "authentication", &e.authentication);
  Bool(m, "template_on_file", &e.template_on_file);
  Str(m, "end_user_named", &e.end_user_named);
  if (m.Optional("goods") != nullptr) {
    e.goods.emplace();
    List(m, "goods", limits_.euc_goods,
         [&](const DocNode& item, const std::string& p) {
      MapReader gm(item, p, errors_);
      if (!gm.ok()) return;
      EucGoods g;
      RequiredEnum(gm, "category", &g.category);
      Count(gm, "quantity", &g.quantity);
      gm.Finish();
      e.goods->push_back(g);
    });
  }
  if (const DocNode* clauses = m.Optional("clauses")) {
    if (clauses->kind != DocNode::Kind::kSequence ||
        WithinLimit(*clauses, m.PathOf("clauses"), clauses->items.size(),
                    limits_.enum_words)) {
      e.clauses =
          ReadEnumSet<EucClause>(*clauses, m.PathOf("clauses"), errors_);
    }
  }
  Bool(m, "reissued_after_objection", &e.reissued_after_objection);
  m.Finish();
}

void Decoder::ReadDocument(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  Document d;
  RequiredEnum(m, "kind", &d.kind);
  Str(m, "number", &d.number);
  DateField(m, "issued_on", &d.issued_on);
  Str(m, "declared_goods", &d.declared_goods);
  Bool(m, "declared_as_arms", &d.declared_as_arms);
  Str(m, "consignee", &d.consignee);
  Str(m, "end_user", &d.end_user);
  CountryField(m, "destination", &d.destination);
  d.references = Strings(m, "references", limits_.document_references);
  m.Finish();
  c_.documents.push_back(std::move(d));
}

void Decoder::ReadLeg(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) {
    // Keep legs[i] the file's i-th leg, so the chain check names the right
    // leg; the empty leg's countries are skipped there.
    c_.transport->legs.emplace_back();
    return;
  }
  Leg leg;
  RequiredCountry(m, "from", &leg.from);
  RequiredCountry(m, "to", &leg.to);
  RequiredEnum(m, "mode", &leg.mode);
  Str(m, "carrier", &leg.carrier);
  if (leg.carrier) carrier_refs_.emplace_back(m.Optional("carrier"), m.PathOf("carrier"));
  Enum(m, "service", &leg.service);
  Str(m, "vehicle_id", &leg.vehicle_id);
  Bool(m, "transshipment", &leg.transshipment);
  Bool(m, "free_trade_zone", &leg.free_trade_zone);
  CountryField(m, "flag", &leg.flag);
  Bool(m, "shipper_owned_sealed_containers",
       &leg.shipper_owned_sealed_containers);
  m.Finish();
  c_.transport->legs.push_back(std::move(leg));
}

void Decoder::ReadTransport(const DocNode& n) {
  MapReader m(n, "transport", errors_);
  if (!m.ok()) return;
  transport_node_ = &n;
  c_.transport.emplace();
  Enum(m, "route_disclosure", &c_.transport->route_disclosure);
  const bool legs_optional =
      c_.transport->route_disclosure == RouteDisclosure::kNone ||
      c_.transport->route_disclosure == RouteDisclosure::kUnknown;
  if (!legs_optional && m.Optional("legs") == nullptr) {
    m.Required("legs");  // records the error
  }
  List(m, "legs", limits_.legs,
       [&](const DocNode& item, const std::string& p) {
    ReadLeg(item, p);
  });
  if (!legs_optional && m.Optional("legs") &&
      m.Optional("legs")->kind == DocNode::Kind::kSequence &&
      m.Optional("legs")->items.empty()) {
    errors_->Add(*m.Optional("legs"), "transport.legs",
                 "expected at least one leg when the route is disclosed");
  }
  if (const DocNode* d = m.Optional("delivery")) {
    MapReader dm(*d, m.PathOf("delivery"), errors_);
    if (dm.ok()) {
      Delivery delivery;
      RequiredEnum(dm, "method", &delivery.method);
      Str(dm, "place", &delivery.place);
      dm.Finish();
      c_.transport->delivery = delivery;
    }
  }
  m.Finish();
}

void Decoder::ReadHistory(const DocNode& n) {
  MapReader m(n, "history", errors_);
  if (!m.ok()) return;
  History h;
  Count(m, "prior_licences_to_end_user", &h.prior_licences_to_end_user);
  Count(m, "prior_refusals_to_end_user", &h.prior_refusals_to_end_user);
  Count(m, "denial_notifications", &h.denial_notifications);
  Bool(m, "post_shipment_check_failed", &h.post_shipment_check_failed);
  Count(m, "condition_breaches", &h.condition_breaches);
  m.Finish();
  c_.history = h;
}

void Decoder::ReadIntel(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) return;
  IntelReport r;
  RequiredEnum(m, "source", &r.source);
  RequiredStr(m, "subject", &r.subject);
  if (!r.subject.empty()) {
    intel_subjects_.emplace_back(m.Optional("subject"), m.PathOf("subject"));
  }
  RequiredEnum(m, "finding", &r.finding);
  DateField(m, "reported_on", &r.reported_on);
  std::optional<Confidence> confidence;
  Enum(m, "confidence", &confidence);
  r.confidence = confidence.value_or(Confidence::kCredible);
  m.Finish();
  c_.intelligence.push_back(std::move(r));
}

void Decoder::ReadOutcome(const DocNode& n) {
  MapReader m(n, "outcome", errors_);
  if (!m.ok()) return;
  Outcome o;
  Enum(m, "decision", &o.decision);
  DateField(m, "decided_on", &o.decided_on);
  Enum(m, "diversion_found", &o.diversion_found);
  m.Finish();
  c_.outcome = o;
}

// The first leg leaves the exporter's (consignor's) country, each leg starts
// where the last one ended, and the last reaches the end user's country.
void Decoder::CheckLegChain(const DocNode& at) {
  if (!c_.transport || c_.transport->legs.empty()) return;
  const std::vector<Leg>& legs = c_.transport->legs;
  const DocNode* legs_node = at.Find("legs");
  auto leg_at = [&](size_t i) -> const DocNode& {
    return legs_node && i < legs_node->items.size() ? legs_node->items[i] : at;
  };
  auto name = [](CountryCode c) { return std::string(c.view()); };
  if (!legs.front().from.empty() && !c_.exporter.country.empty() &&
      legs.front().from != c_.exporter.country) {
    errors_->Add(leg_at(0), "transport.legs[0].from",
                 absl::StrCat("expected the exporter's country ",
                              name(c_.exporter.country), ", found ",
                              name(legs.front().from)));
  }
  for (size_t i = 1; i < legs.size(); ++i) {
    if (legs[i].from.empty() || legs[i - 1].to.empty()) continue;
    if (legs[i].from != legs[i - 1].to) {
      errors_->Add(leg_at(i), IndexPath("transport.legs", i) + ".from",
                   absl::StrCat("the route breaks: expected ",
                                name(legs[i - 1].to),
                                " (where the previous leg ended), found ",
                                name(legs[i].from)));
    }
  }
  if (!legs.back().to.empty() && !c_.end_user.country.empty() &&
      legs.back().to != c_.end_user.country) {
    errors_->Add(leg_at(legs.size() - 1),
                 IndexPath("transport.legs", legs.size() - 1) + ".to",
                 absl::StrCat("expected the end user's country ",
                              name(c_.end_user.country), ", found ",
                              name(legs.back().to)));
  }
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

void Decoder::Run(const DocNode& root) {
  MapReader m(root, "", errors_);
  if (!m.ok()) return;
  if (const DocNode* f = m.Required("format")) {
    if (f->text != kFormat) {
      errors_->Add(*f, "format",
                   absl::StrCat("expected '", kFormat, "', found '", f->text,
                                "'"));
    }
  }
  RequiredStr(m, "id", &c_.id);
  std::optional<Transaction> transaction;
  Enum(m, "transaction", &transaction);
  c_.transaction = transaction.value_or(Transaction::kExport);
  if (const DocNode* d = m.Required("assessed_on")) {
    if (auto date = ReadDate(*d, "assessed_on", errors_)) c_.assessed_on = *date;
  }
  if (const DocNode* e = m.Required("exporter")) {
    MapReader em(*e, "exporter", errors_);
    if (em.ok()) {
      ReadParty(em, &c_.exporter, /*with_role=*/false);
      em.Finish();
    }
  }
  if (const DocNode* g = m.Required("goods")) {
    if (const auto* items = Items(*g, "goods", limits_.goods)) {
      if (items->empty()) {
        errors_->Add(*g, "goods", "expected at least one goods line");
      }
      for (size_t i = 0; i < items->size(); ++i) {
        ReadGoods((*items)[i], IndexPath("goods", i));
      }
    }
  }
  if (const DocNode* e = m.Required("end_user")) ReadEndUser(*e);
  if (const DocNode* e = m.Optional("euc")) ReadEuc(*e);
  List(m, "documents", limits_.documents,
       [&](const DocNode& n, const std::string& p) {
    ReadDocument(n, p);
  });
  List(m, "parties", limits_.parties,
       [&](const DocNode& n, const std::string& p) {
    MapReader pm(n, p, errors_);
    if (!pm.ok()) return;
    Party party;
    ReadParty(pm, &party, /*with_role=*/true);
    pm.Finish();
    c_.parties.push_back(std::move(party));
  });
  if (const DocNode* t = m.Optional("transport")) ReadTransport(*t);
  if (const DocNode* n = m.Optional("mitigations")) {
    c_.mitigations = Words<Mitigation>(*n, "mitigations");
  }
  List(m, "consultations", limits_.consultations,
       [&](const DocNode& n, const std::string& p) {
    MapReader cm(n, p, errors_);
    if (!cm.ok()) return;
    Consultation c;
    RequiredCountry(cm, "with", &c.with);
    DateField(cm, "date", &c.date);
    RequiredEnum(cm, "subject", &c.subject);
    RequiredEnum(cm, "result", &c.result);
    cm.Finish();
    c_.consultations.push_back(c);
  });
  List(m, "authorisations", limits_.authorisations,
       [&](const DocNode& n, const std::string& p) {
    MapReader am(n, p, errors_);
    if (!am.ok()) return;
    Authorisation a;
    RequiredStr(am, "body", &a.body);
    Str(am, "reference", &a.reference);
    DateField(am, "date", &a.date);
    am.Finish();
    c_.authorisations.push_back(std::move(a));
  });
  List(m, "amendments", limits_.amendments,
       [&](const DocNode& n, const std::string& p) {
    MapReader am(n, p, errors_);
    if (!am.ok()) return;
    Amendment a;
    DateField(am, "date", &a.date);
    RequiredStr(am, "path", &a.path);
    Str(am, "old", &a.old_value);
    if (const DocNode* v = am.Required("new")) {
      a.new_value = ReadString(*v, FieldPath(am.path(), "new"), errors_).value_or("");
    }
    am.Finish();
    c_.amendments.push_back(std::move(a));
  });
  if (const DocNode* n = m.Optional("conduct")) {
    c_.conduct = Words<Conduct>(*n, "conduct");
  }
  if (const DocNode* h = m.Optional("history")) ReadHistory(*h);
  List(m, "intelligence", limits_.intelligence,
       [&](const DocNode& n, const std::string& p) {
    ReadIntel(n, p);
  });
  if (const DocNode* o = m.Optional("outcome")) ReadOutcome(*o);
  if (const DocNode* x = m.Optional("extensions")) {
    if (x->kind != DocNode::Kind::kMap) {
      errors_->Add(*x, "extensions",
                   absl::StrCat("expected a map, found ", x->Describe()));
    } else {
      AppendJson(*x, &c_.extensions_json);
    }
  }
  m.Finish();
  if (transport_node_) CheckLegChain(*transport_node_);
  CheckNamedParties();
}

}  // namespace

bool DecodeCase(const DocNode& root, const ReferenceData& countries, Case* out,
                DocErrors* errors, const CaseLimits& limits) {
  const size_t before = errors->size();
  *out = Case();
  Decoder(countries, out, errors, limits).Run(root);
  return errors->size() == before;
}

}  // namespace divrisk
