// DecodeCase's top level: the case's own fields in the format's order, the
// small lists (consultations, authorisations, amendments), the word sets and
// the extensions, then the checks that need the whole case. Each area of the
// case is read in a case_decoder_*.cc file (see case_decoder_internal.h).

#include "engine/reader/case_decoder.h"

#include <cctype>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/doc/json_text.h"
#include "engine/reader/case_decoder_internal.h"

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

namespace reader_internal {
namespace {

constexpr const char* kFormat = "divrisk-case/1";

}  // namespace

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
  // A NUL would cut the id short in C strings (a database, a file name):
  // refused however it arrived, "\u0000" in JSON or "\0" in YAML.
  if (c_.id.find('\0') != std::string::npos) {
    errors_->Add(*m.Optional("id"), m.PathOf("id"),
                 "the id contains a NUL character (U+0000)");
    c_.id.clear();
  }
  std::optional<Transaction> transaction;
  Enum(m, "transaction", &transaction);
  c_.transaction = transaction.value_or(Transaction::kExport);
  CountryField(m, "licensing_state", &c_.licensing_state);
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

}  // namespace reader_internal

bool DecodeCase(const DocNode& root, const ReferenceData& countries, Case* out,
                DocErrors* errors, const CaseLimits& limits) {
  const size_t before = errors->size();
  *out = Case();
  reader_internal::Decoder(countries, out, errors, limits).Run(root);
  return errors->size() == before;
}

std::optional<std::string> CaseIdOf(const DocNode& root) {
  // The decoder's own steps for "id" (Decoder::Run, RequiredStr).
  DocErrors errors;
  MapReader m(root, "", &errors);
  if (!m.ok()) return std::nullopt;
  const DocNode* n = m.Required("id");
  if (n == nullptr) return std::nullopt;
  std::optional<std::string> id = ReadString(*n, "id", &errors);
  if (!id || id->empty() || id->find('\0') != std::string::npos) {
    return std::nullopt;
  }
  return id;
}

}  // namespace divrisk
