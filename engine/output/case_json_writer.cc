#include "engine/output/case_json_writer.h"

#include <string_view>
#include <type_traits>

#include "engine/doc/json_writer.h"
#include "engine/model/date.h"

namespace divrisk {
namespace {

// "YYYY-MM-DD" as FormatDate writes it, without its formatting library.
void AppendDate(Date date, JsonWriter* out) {
  const CivilDate civil = CivilFromDate(date);
  const int y = civil.year, m = civil.month, d = civil.day;
  if (y < 0 || y > 9999) {
    out->Str(FormatDate(date));
    return;
  }
  const char text[12] = {'"',
                         static_cast<char>('0' + y / 1000),
                         static_cast<char>('0' + y / 100 % 10),
                         static_cast<char>('0' + y / 10 % 10),
                         static_cast<char>('0' + y % 10),
                         '-',
                         static_cast<char>('0' + m / 10),
                         static_cast<char>('0' + m % 10),
                         '-',
                         static_cast<char>('0' + d / 10),
                         static_cast<char>('0' + d % 10),
                         '"'};
  out->Raw(std::string_view(text, 12));
}

// The JsonWriter with the case format's own values (dates, countries,
// enumeration words and sets) and its optional members, so that the writer
// below reads like the format's tables.
class Out : public JsonWriter {
 public:
  using JsonWriter::JsonWriter;
  using JsonWriter::Word;

  void Day(Date d) { AppendDate(d, this); }
  void Country(CountryCode c) { Str(c.view()); }
  // An enumeration word (lower-case letters and '_': no escaping).
  template <typename E>
    requires std::is_enum_v<E>
  void Word(E e) {
    Word(EnumWord(e));
  }

  // Members, written only when the value is there.
  template <size_t N>
  void S(const char (&key)[N], const std::string& v) {
    Key(key);
    Str(v);
  }
  template <size_t N>
  void S(const char (&key)[N], const std::optional<std::string>& v) {
    if (v) S(key, *v);
  }
  template <size_t N>
  void B(const char (&key)[N], const std::optional<bool>& v) {
    if (!v) return;
    Key(key);
    Bool(*v);
  }
  template <size_t N>
  void I(const char (&key)[N], const std::optional<int64_t>& v) {
    if (!v) return;
    Key(key);
    Int(*v);
  }
  template <size_t N>
  void D(const char (&key)[N], const std::optional<Date>& v) {
    if (!v) return;
    Key(key);
    Day(*v);
  }
  template <size_t N>
  void C(const char (&key)[N], const std::optional<CountryCode>& v) {
    if (!v) return;
    Key(key);
    Country(*v);
  }
  template <size_t N, typename E>
  void W(const char (&key)[N], const std::optional<E>& v) {
    if (!v) return;
    Key(key);
    Word(*v);
  }
  template <size_t N, typename E>
  void W(const char (&key)[N], E v) {
    Key(key);
    Word(v);
  }
  template <size_t N>
  void Strings(const char (&key)[N], const std::vector<std::string>& v) {
    if (v.empty()) return;
    Key(key);
    Open('[');
    for (const std::string& s : v) Str(s);
    Close(']');
  }
  // An enumeration set as a list of words, in enumerator order.
  template <typename E>
  void Set(EnumSet<E> set) {
    Open('[');
    for (size_t i = 0; i < kEnumWords<E>.size(); ++i) {
      if (!set.Has(static_cast<E>(i))) continue;
      Word(kEnumWords<E>[i]);
    }
    Close(']');
  }

};

// Members shared by `exporter`, `end_user` and `parties[]`, in the Party
// table's order.
void PartyMembers(Out& o, const Party& p) {
  o.S("name", p.name);
  o.Strings("aliases", p.aliases);
  o.Key("country");
  o.Country(p.country);
  o.W("role", p.role);
  o.W("kind", p.kind);
  o.C("nationality", p.nationality);
  o.S("register_id", p.register_id);
  if (!p.identifiers.empty()) {
    o.Key("identifiers");
    o.Open('{');
    for (const auto& [k, v] : p.identifiers) {
      o.Key(k);
      o.Str(v);
    }
    o.Close('}');
  }
  o.S("address", p.address);
  o.D("incorporated_on", p.incorporated_on);
  o.B("internal_compliance_programme", p.internal_compliance_programme);
  o.I("prior_violations", p.prior_violations);
}

void WriteParty(Out& o, const Party& p) {
  o.Open('{');
  PartyMembers(o, p);
  o.Close('}');
}

void WriteEndUser(Out& o, const EndUser& e) {
  o.Open('{');
  PartyMembers(o, e);
  o.S("stated_end_use", e.stated_end_use);
  o.I("force_size", e.force_size);
  o.W("stockpile_security", e.stockpile_security);
  o.B("diversion_from_stocks_reported", e.diversion_from_stocks_reported);
  o.B("replaces_existing_stocks", e.replaces_existing_stocks);
  o.W("surplus_disposal", e.surplus_disposal);
  if (!e.ultimate_end_users.empty()) {
    o.Key("ultimate_end_users");
    o.Open('[');
    for (const UltimateEndUser& u : e.ultimate_end_users) {
      o.Open('{');
      o.S("name", u.name);
      o.W("kind", u.kind);
      o.S("region", u.region);
      o.Close('}');
    }
    o.Close(']');
  }
  o.Close('}');
}

void WriteGoods(Out& o, const GoodsLine& g) {
  o.Open('{');
  o.W("category", g.category);
  o.S("description", g.description);
  o.S("control_entry", g.control_entry);
  o.Key("quantity");
  o.Int(g.quantity);
  o.W("quantity_unit", g.quantity_unit);
  o.W("condition", g.condition);
  o.C("origin_country", g.origin_country);
  if (g.unit_value) {
    o.Key("unit_value");
    o.Double(*g.unit_value);
  }
  o.B("marked", g.marked);
  o.B("manpads", g.manpads);
  o.Close('}');
}

void WriteEuc(Out& o, const Euc& e) {
  o.Open('{');
  o.W("kind", e.kind);
  o.S("number", e.number);
  o.S("issuer_authority", e.issuer_authority);
  o.C("issuer_country", e.issuer_country);
  o.S("signatory", e.signatory);
  o.D("issued_on", e.issued_on);
  o.D("valid_until", e.valid_until);
  o.B("original_seen", e.original_seen);
  o.W("authentication", e.authentication);
  o.B("template_on_file", e.template_on_file);
  o.S("end_user_named", e.end_user_named);
  if (e.goods) {
    o.Key("goods");
    o.Open('[');
    for (const EucGoods& g : *e.goods) {
      o.Open('{');
      o.W("category", g.category);
      o.I("quantity", g.quantity);
      o.Close('}');
    }
    o.Close(']');
  }
  if (e.clauses) {
    o.Key("clauses");
    o.Set(*e.clauses);
  }
  o.B("reissued_after_objection", e.reissued_after_objection);
  o.Close('}');
}

void WriteDocument(Out& o, const Document& d) {
  o.Open('{');
  o.W("kind", d.kind);
  o.S("number", d.number);
  o.D("issued_on", d.issued_on);
  o.S("declared_goods", d.declared_goods);
  o.B("declared_as_arms", d.declared_as_arms);
  o.S("consignee", d.consignee);
  o.S("end_user", d.end_user);
  o.C("destination", d.destination);
  o.Strings("references", d.references);
  o.Close('}');
}

void WriteTransport(Out& o, const Transport& t) {
  o.Open('{');
  o.Key("legs");
  o.Open('[');
  for (const Leg& leg : t.legs) {
    o.Open('{');
    o.Key("from");
    o.Country(leg.from);
    o.Key("to");
    o.Country(leg.to);
    o.W("mode", leg.mode);
    o.S("carrier", leg.carrier);
    o.W("service", leg.service);
    o.S("vehicle_id", leg.vehicle_id);
    o.B("transshipment", leg.transshipment);
    o.B("free_trade_zone", leg.free_trade_zone);
    o.C("flag", leg.flag);
    o.B("shipper_owned_sealed_containers", leg.shipper_owned_sealed_containers);
    o.Close('}');
  }
  o.Close(']');
  o.W("route_disclosure", t.route_disclosure);
  if (t.delivery) {
    o.Key("delivery");
    o.Open('{');
    o.W("method", t.delivery->method);
    o.S("place", t.delivery->place);
    o.Close('}');
  }
  o.Close('}');
}

// Writes list `key` of `items` with `write(item)` unless it is empty.
template <size_t N, typename T, typename F>
void List(Out& o, const char (&key)[N], const std::vector<T>& items,
          F write) {
  if (items.empty()) return;
  o.Key(key);
  o.Open('[');
  for (const T& item : items) {
    write(item);
  }
  o.Close(']');
}

}  // namespace

void AppendCaseJson(const Case& c, std::string* out) {
  Out o(out);
  o.Open('{');
  o.Key("format");
  o.Str("divrisk-case/1");
  o.S("id", c.id);
  o.W("transaction", c.transaction);
  o.C("licensing_state", c.licensing_state);
  o.Key("assessed_on");
  o.Day(c.assessed_on);
  o.Key("exporter");
  WriteParty(o, c.exporter);
  o.Key("goods");
  o.Open('[');
  for (const GoodsLine& g : c.goods) {
    WriteGoods(o, g);
  }
  o.Close(']');
  o.Key("end_user");
  WriteEndUser(o, c.end_user);
  if (c.euc_presence == EucPresence::kUnknown) {
    o.Key("euc");
    o.Str("unknown");
  } else if (c.euc_presence == EucPresence::kPresent) {
    o.Key("euc");
    WriteEuc(o, c.euc);
  }
  List(o, "documents", c.documents,
       [&](const Document& d) { WriteDocument(o, d); });
  List(o, "parties", c.parties, [&](const Party& p) { WriteParty(o, p); });
  if (c.transport) {
    o.Key("transport");
    WriteTransport(o, *c.transport);
  }
  if (!c.mitigations.empty()) {
    o.Key("mitigations");
    o.Set(c.mitigations);
  }
  List(o, "consultations", c.consultations, [&](const Consultation& x) {
    o.Open('{');
    o.Key("with");
    o.Country(x.with);
    o.D("date", x.date);
    o.W("subject", x.subject);
    o.W("result", x.result);
    o.Close('}');
  });
  List(o, "authorisations", c.authorisations, [&](const Authorisation& a) {
    o.Open('{');
    o.S("body", a.body);
    o.S("reference", a.reference);
    o.D("date", a.date);
    o.Close('}');
  });
  List(o, "amendments", c.amendments, [&](const Amendment& a) {
    o.Open('{');
    o.D("date", a.date);
    o.S("path", a.path);
    o.S("old", a.old_value);
    o.S("new", a.new_value);
    o.Close('}');
  });
  if (!c.conduct.empty()) {
    o.Key("conduct");
    o.Set(c.conduct);
  }
  if (c.history) {
    const History& h = *c.history;
    o.Key("history");
    o.Open('{');
    o.I("prior_licences_to_end_user", h.prior_licences_to_end_user);
    o.I("prior_refusals_to_end_user", h.prior_refusals_to_end_user);
    o.I("denial_notifications", h.denial_notifications);
    o.B("post_shipment_check_failed", h.post_shipment_check_failed);
    o.I("condition_breaches", h.condition_breaches);
    o.Close('}');
  }
  List(o, "intelligence", c.intelligence, [&](const IntelReport& r) {
    o.Open('{');
    o.W("source", r.source);
    o.S("subject", r.subject);
    o.W("finding", r.finding);
    o.D("reported_on", r.reported_on);
    o.W("confidence", r.confidence);
    o.Close('}');
  });
  if (c.outcome) {
    const Outcome& x = *c.outcome;
    o.Key("outcome");
    o.Open('{');
    o.W("decision", x.decision);
    o.D("decided_on", x.decided_on);
    o.W("diversion_found", x.diversion_found);
    o.Close('}');
  }
  if (!c.extensions_json.empty()) {
    o.Key("extensions");
    o.Raw(c.extensions_json);
  }
  o.Close('}');
}

}  // namespace divrisk
