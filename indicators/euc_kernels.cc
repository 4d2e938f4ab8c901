// EUC family (catalogue EUC-1..EUC-5; ATT Art. 11): the end-user document.
//
// Kernels (params, defaults):
//   euc_absent             no end-user document supplied
//   euc_kind               its kind is in `kinds` [commercial_euc]
//   euc_not_valid          expired, or not yet issued, on assessed_on
//   euc_original_not_seen  only a copy was examined
//   euc_not_authenticated  authentication failed (1), pending
//                          (`pending_value` 0.6), not requested
//                          (`not_requested_value` 0.8), confirmed (0)
//   euc_template_mismatch  does not match the issuing state's shared template
//   euc_flagged_number     its number is reported forged or reused (ref)
//   euc_end_user_mismatch  the end user it names is not the application's;
//                          a vaguer or narrower name gives `vague_value` 0.5
//   euc_goods_mismatch     a category missing from it, or above its quantity
//   euc_missing_clauses    fraction of the `required` clauses it lacks
//   euc_reissued           re-issued with other content after an objection
//
// Every kernel but euc_absent is 0 when no document was supplied (euc_absent
// carries that concern, so it is not counted twice) and unknown, with the
// unknown fact `euc`, when the record does not say whether there was one.

#include "indicators/euc_kernels.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/name_normalizer.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

// The value when there is no document to look at, nullopt when there is.
std::optional<double> NoDocument(const Case& c, Evidence* ev) {
  switch (c.euc_presence) {
    case EucPresence::kPresent:
      return std::nullopt;
    case EucPresence::kNone:
      return 0.0;
    case EucPresence::kUnknown:
      if (ev) ev->Unknown("euc");
      return kUnknown;
  }
  return std::nullopt;
}

// The state that issued the document. An EUC is issued by the importing
// state, so the end user's country stands in when the issuer is not given.
CountryCode IssuerCountry(const Case& c) {
  return c.euc.issuer_country.value_or(c.end_user.country);
}

class Absent : public KernelBase<Absent> {
 public:
  Absent(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    switch (c.euc_presence) {
      case EucPresence::kNone:
        if (ev) ev->Add("euc", "none supplied");
        return 1;
      case EucPresence::kUnknown:
        if (ev) ev->Unknown("euc");
        return kUnknown;
      case EucPresence::kPresent:
        return 0;
    }
    return 0;
  }
};

class Kind : public KernelBase<Kind> {
 public:
  Kind(KernelParams& p, const ReferenceData&)
      : kinds_(p.Enums<EucKind>("kinds", {{EucKind::kCommercialEuc}})) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    if (!Contains(kinds_, c.euc.kind)) return 0;
    if (ev) ev->Add("euc.kind", EnumWord(c.euc.kind));
    return 1;
  }

 private:
  std::vector<EucKind> kinds_;
};

class NotValid : public KernelBase<NotValid> {
 public:
  NotValid(KernelParams&, const ReferenceData&) {}

  // One date is enough to judge: many documents carry no expiry, so a
  // missing valid_until beside a past issued_on does not make it unknown.
  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    const Euc& e = c.euc;
    if (!e.issued_on && !e.valid_until) {
      if (ev) {
        ev->Unknown("euc.issued_on");
        ev->Unknown("euc.valid_until");
      }
      return kUnknown;
    }
    double value = 0;
    if (e.valid_until && *e.valid_until < c.assessed_on) {
      value = 1;
      if (ev) {
        ev->Add("euc.valid_until", absl::StrCat(FormatDate(*e.valid_until),
                                                ", before the assessment date ",
                                                FormatDate(c.assessed_on)));
      }
    }
    if (e.issued_on && *e.issued_on > c.assessed_on) {
      value = 1;
      if (ev) {
        ev->Add("euc.issued_on", absl::StrCat(FormatDate(*e.issued_on),
                                              ", after the assessment date ",
                                              FormatDate(c.assessed_on)));
      }
    }
    return value;
  }
};

class OriginalNotSeen : public KernelBase<OriginalNotSeen> {
 public:
  OriginalNotSeen(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    return BoolFact(c.euc.original_seen, false, "euc.original_seen", ev);
  }
};

class NotAuthenticated : public KernelBase<NotAuthenticated> {
 public:
  NotAuthenticated(KernelParams& p, const ReferenceData&)
      : pending_(p.Fraction("pending_value", 0.6)),
        not_requested_(p.Fraction("not_requested_value", 0.8)) {}

  // Pending is less bad than not requested: the applicant has at least put
  // the document to the issuing state.
  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    const std::optional<Authentication>& a = c.euc.authentication;
    if (!a) {
      if (ev) ev->Unknown("euc.authentication");
      return kUnknown;
    }
    double value = 0;
    switch (*a) {
      case Authentication::kConfirmed:
        value = 0;
        break;
      case Authentication::kFailed:
        value = 1;
        break;
      case Authentication::kPending:
        value = pending_;
        break;
      case Authentication::kNotRequested:
        value = not_requested_;
        break;
    }
    if (ev && *a != Authentication::kConfirmed) {
      ev->Add("euc.authentication", EnumWord(*a));
    }
    return value;
  }

 private:
  double pending_;
  double not_requested_;
};

class TemplateMismatch : public KernelBase<TemplateMismatch> {
 public:
  TemplateMismatch(KernelParams&, const ReferenceData& ref) : ref_(ref) {}

  // Unknown whenever the fact is not recorded; the reference data only
  // decides what to ask next: the case file, or (when the issuing state has
  // shared no template in force) the issuing state itself.
  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    if (c.euc.template_on_file) {
      return BoolFact(c.euc.template_on_file, false, "euc.template_on_file",
                      ev);
    }
    if (ev) {
      const CountryCode issuer = IssuerCountry(c);
      if (HasTemplate(issuer, c.assessed_on)) {
        ev->Unknown("euc.template_on_file");
      } else {
        ev->Unknown(absl::StrCat("ref.euc_templates[", Cc(issuer), "]"));
      }
    }
    return kUnknown;
  }

 private:
  bool HasTemplate(CountryCode country, Date on) const {
    for (const EucTemplate& t : ref_.euc_templates) {
      if (t.country == country && KnownBy(t.shared_on, on) &&
          (!t.withdrawn_on || on < *t.withdrawn_on)) {
        return true;
      }
    }
    return false;
  }

  const ReferenceData& ref_;
};

class FlaggedNumber : public KernelBase<FlaggedNumber> {
 public:
  FlaggedNumber(KernelParams&, const ReferenceData& ref) : ref_(ref) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    if (!c.euc.number) {
      if (ev) ev->Unknown("euc.number");
      return kUnknown;
    }
    const CountryCode issuer = IssuerCountry(c);
    double value = 0;
    for (const FlaggedEucNumber& f : ref_.flagged_euc_numbers) {
      if (f.issuer_country != issuer ||
          !SameIdentifier(f.number, *c.euc.number)) {
        continue;
      }
      // A flag reported after assessed_on was not known when the decision
      // was taken (ATT 6(3)): it does not count. To keep this kernel simple
      // the explanation says nothing about it either. A flag without a date
      // counts: the list states it as known.
      if (!KnownBy(f.reported_on, c.assessed_on)) continue;
      if (!ev) return 1;
      if (value == 0) ev->Add("euc.number", *c.euc.number);
      value = 1;
      ev->Add(
          absl::StrCat("ref.flagged_euc_numbers[", Cc(f.issuer_country), ":",
                       f.number, "]"),
          absl::StrCat(f.forged ? "forged" : "reused",
                       f.reported_on ? absl::StrCat(", reported on ",
                                                    FormatDate(*f.reported_on))
                                     : "",
                       f.illustrative ? " (illustrative record)" : ""));
    }
    return value;
  }

 private:
  const ReferenceData& ref_;
};

// How two party names relate, by their normalised tokens.
enum class NameRelation : uint8_t { kSame, kVaguer, kMoreSpecific, kDifferent };

// The distinct tokens of a name once normalised, sorted (as
// CaseContext::NameTokens gives the parties').
std::vector<std::string_view> NameTokens(const std::string& normalized) {
  std::vector<std::string_view> tokens;
  size_t start = 0;
  while (start < normalized.size()) {
    size_t end = normalized.find(' ', start);
    if (end == std::string::npos) end = normalized.size();
    tokens.push_back(std::string_view(normalized).substr(start, end - start));
    start = end + 1;
  }
  std::sort(tokens.begin(), tokens.end());
  tokens.erase(std::unique(tokens.begin(), tokens.end()), tokens.end());
  return tokens;
}

// How `named` (on the document) relates to `applied` (in the application):
// kVaguer when named has a strict subset of the tokens ("Ministry of
// Interior" for "Directorate of Logistics, Ministry of Interior"),
// kMoreSpecific when it has a strict superset.
NameRelation Relate(std::span<const std::string_view> named,
                    std::span<const std::string_view> applied) {
  if (std::equal(named.begin(), named.end(), applied.begin(), applied.end())) {
    return NameRelation::kSame;
  }
  if (std::includes(applied.begin(), applied.end(), named.begin(),
                    named.end())) {
    return NameRelation::kVaguer;
  }
  if (std::includes(named.begin(), named.end(), applied.begin(),
                    applied.end())) {
    return NameRelation::kMoreSpecific;
  }
  return NameRelation::kDifferent;
}

class EndUserMismatch : public KernelBase<EndUserMismatch> {
 public:
  EndUserMismatch(KernelParams& p, const ReferenceData&)
      : vague_(p.Fraction("vague_value", 0.5)) {}

  // The end user's aliases count as its names (former names,
  // transliterations): the closest of them decides.
  double Eval(const CaseContext& x, Evidence* ev) const {
    const Case& c = x.c();
    if (auto v = NoDocument(c, ev)) return *v;
    if (!c.euc.end_user_named) {
      if (ev) ev->Unknown("euc.end_user_named");
      return kUnknown;
    }
    const std::string named_text = NormalizeName(*c.euc.end_user_named);
    const std::vector<std::string_view> named = NameTokens(named_text);
    NameRelation best = Relate(named, x.NameTokens(kEndUserParty, -1));
    int best_alias = -1;
    for (size_t i = 0;
         i < c.end_user.aliases.size() && best != NameRelation::kSame; ++i) {
      const NameRelation r =
          Relate(named, x.NameTokens(kEndUserParty, static_cast<int>(i)));
      if (r < best) {
        best = r;
        best_alias = static_cast<int>(i);
      }
    }
    double value = 0;
    const char* relation = "";
    switch (best) {
      case NameRelation::kSame:
        return 0;
      case NameRelation::kVaguer:
        value = vague_;
        relation = "vaguer than";
        break;
      case NameRelation::kMoreSpecific:
        value = vague_;
        relation = "more specific than";
        break;
      case NameRelation::kDifferent:
        value = 1;
        relation = "differs from";
        break;
    }
    if (ev) {
      const std::string& applied =
          best_alias < 0 ? c.end_user.name : c.end_user.aliases[best_alias];
      ev->Add("euc.end_user_named",
              absl::StrCat(Quoted(*c.euc.end_user_named), ", ", relation,
                           " the application's"));
      ev->Add(best_alias < 0 ? std::string("end_user.name")
                             : ItemPath("end_user.aliases",
                                        static_cast<size_t>(best_alias)),
              Quoted(applied));
    }
    return value;
  }

 private:
  double vague_;
};

class GoodsMismatch : public KernelBase<GoodsMismatch> {
 public:
  GoodsMismatch(KernelParams&, const ReferenceData&) {}

  // Quantities are compared as counts: the document's goods carry no unit,
  // so a line in rounds is compared with the document's number as written.
  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    if (!c.euc.goods) {
      if (ev) ev->Unknown("euc.goods");
      return kUnknown;
    }
    const std::vector<EucGoods>& on_euc = *c.euc.goods;
    // Application totals per category, in order of first appearance.
    std::vector<std::pair<GoodsCategory, int64_t>> applied;
    for (const GoodsLine& g : c.goods) {
      auto it =
          std::find_if(applied.begin(), applied.end(),
                       [&](const auto& a) { return a.first == g.category; });
      if (it == applied.end()) {
        applied.push_back({g.category, g.quantity});
      } else {
        it->second += g.quantity;
      }
    }
    AnyOf any;
    for (const auto& [category, quantity] : applied) {
      int64_t euc_quantity = 0;
      int first = -1;
      std::vector<size_t> unknown_quantities;
      for (size_t j = 0; j < on_euc.size(); ++j) {
        if (on_euc[j].category != category) continue;
        if (first < 0) first = static_cast<int>(j);
        if (on_euc[j].quantity) {
          euc_quantity += *on_euc[j].quantity;
        } else {
          unknown_quantities.push_back(j);
        }
      }
      if (first < 0) {
        any.AddTrue();
        if (ev) {
          ev->Add("euc.goods",
                  absl::StrCat(EnumWord(category), ": application ", quantity,
                               ", not on the EUC"));
        }
      } else if (quantity <= euc_quantity) {
        any.Add(false);
      } else if (!unknown_quantities.empty()) {
        // The quantities not written could make up the difference.
        any.Add(std::nullopt);
        if (ev) {
          for (size_t j : unknown_quantities) {
            ev->Unknown(ItemPath("euc.goods", j) + ".quantity");
          }
        }
      } else {
        any.AddTrue();
        if (ev) {
          ev->Add(
              ItemPath("euc.goods", static_cast<size_t>(first)) + ".quantity",
              absl::StrCat(EnumWord(category), ": application ", quantity,
                           ", EUC ", euc_quantity));
        }
      }
    }
    return any.Value();
  }
};

class MissingClauses : public KernelBase<MissingClauses> {
 public:
  MissingClauses(KernelParams& p, const ReferenceData&)
      : required_(p.Enums<EucClause>("required")) {
    std::sort(required_.begin(), required_.end());
    required_.erase(std::unique(required_.begin(), required_.end()),
                    required_.end());
  }

  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    if (!c.euc.clauses) {
      if (ev) ev->Unknown("euc.clauses");
      return kUnknown;
    }
    if (required_.empty()) return 0;
    size_t missing = 0;
    for (EucClause clause : required_) {
      if (c.euc.clauses->Has(clause)) continue;
      ++missing;
      if (ev) ev->Add("euc.clauses", absl::StrCat("no ", EnumWord(clause)));
    }
    return static_cast<double>(missing) / required_.size();
  }

 private:
  std::vector<EucClause> required_;
};

class Reissued : public KernelBase<Reissued> {
 public:
  Reissued(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (auto v = NoDocument(c, ev)) return *v;
    return BoolFact(c.euc.reissued_after_objection, true,
                    "euc.reissued_after_objection", ev);
  }
};

}  // namespace

void RegisterEucKernels(KernelRegistry& registry) {
  RegisterKernel<Absent>(registry, "euc_absent");
  RegisterKernel<Kind>(registry, "euc_kind");
  RegisterKernel<NotValid>(registry, "euc_not_valid");
  RegisterKernel<OriginalNotSeen>(registry, "euc_original_not_seen");
  RegisterKernel<NotAuthenticated>(registry, "euc_not_authenticated");
  RegisterKernel<TemplateMismatch>(registry, "euc_template_mismatch");
  RegisterKernel<FlaggedNumber>(registry, "euc_flagged_number");
  RegisterKernel<EndUserMismatch>(registry, "euc_end_user_mismatch");
  RegisterKernel<GoodsMismatch>(registry, "euc_goods_mismatch");
  RegisterKernel<MissingClauses>(registry, "euc_missing_clauses");
  RegisterKernel<Reissued>(registry, "euc_reissued");
}

}  // namespace divrisk
