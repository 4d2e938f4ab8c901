// Document family (catalogue TR-3, EUC-4; CAR-DD2): the double paper trail.
// Each entry of `documents` is compared with the application (end user,
// goods, parties) and with the EUC.
//
// Kernels (params, defaults):
//   document_not_declared_as_arms  a transport document (air waybill, bill of
//                                  lading, cargo manifest, flight request)
//                                  does not declare the goods as arms
//   document_consignee_mismatch    a consignee that is neither the end user,
//                                  a party in `roles` [consignee,
//                                  intermediate_consignee] nor the EUC's end
//                                  user
//   document_end_user_mismatch     an end user that is neither the
//                                  application's (name or alias) nor the
//                                  EUC's
//   document_destination_mismatch  a destination other than the end user's
//                                  country
//   document_goods_mismatch        declared goods sharing fewer than
//                                  `min_shared_tokens` [1] words with the
//                                  goods lines' descriptions and categories
//
// Documents are evidence, not required facts: no documents is 0 (nothing
// contradicts the application), and a document that leaves the compared
// field out does not count, neither for nor against. The one exception is
// document_not_declared_as_arms, whose question is that very field: a
// transport document that does not record declared_as_arms is unknown.
// Names are compared after NormalizeName.

#include "indicators/document_kernels.h"

#include <algorithm>
#include <cctype>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/name_normalizer.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

bool IsTransportDocument(DocumentKind kind) {
  return kind == DocumentKind::kAirWaybill ||
         kind == DocumentKind::kBillOfLading ||
         kind == DocumentKind::kCargoManifest ||
         kind == DocumentKind::kFlightRequest;
}

// Whether `name`, normalised, is one that a document may give for the end
// user: the application's name or an alias of it or of a party in `roles`,
// or the EUC's end user when there is an EUC.
bool KnownName(const CaseContext& x, const std::string& name,
               const std::vector<PartyRole>& roles) {
  const Case& c = x.c();
  auto party_named = [&](int who, const Party& party) {
    for (int k = -1; k < static_cast<int>(party.aliases.size()); ++k) {
      if (x.NormalizedName(who, k) == name) return true;
    }
    return false;
  };
  if (party_named(kEndUserParty, c.end_user)) return true;
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& party = c.parties[i];
    if (party.role && Contains(roles, *party.role) &&
        party_named(static_cast<int>(i), party)) {
      return true;
    }
  }
  return c.euc_presence == EucPresence::kPresent && c.euc.end_user_named &&
         NormalizeName(*c.euc.end_user_named) == name;
}

// 1 when a document gives at `field` (`field_name`) a name that is not a
// KnownName; the evidence quotes each such name and says `why`.
double UnknownName(const CaseContext& x, Evidence* ev,
                   std::optional<std::string> Document::*field,
                   const char* field_name, const std::vector<PartyRole>& roles,
                   const char* why) {
  const Case& c = x.c();
  double value = 0;
  for (size_t i = 0; i < c.documents.size(); ++i) {
    const std::optional<std::string>& name = c.documents[i].*field;
    if (!name) continue;
    if (KnownName(x, NormalizeName(*name), roles)) continue;
    value = 1;
    if (!ev) break;
    ev->Add(absl::StrCat(ItemPath("documents", i), ".", field_name),
            absl::StrCat(Quoted(*name), why));
  }
  return value;
}

class NotDeclaredAsArms : public KernelBase<NotDeclaredAsArms> {
 public:
  NotDeclaredAsArms(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    AnyOf any;
    for (size_t i = 0; i < c.documents.size(); ++i) {
      const Document& d = c.documents[i];
      if (!IsTransportDocument(d.kind)) continue;
      any.Add(d.declared_as_arms, /*concern=*/false);
      if (ev) {
        BoolEvidence(*ev, d.declared_as_arms, false,
                     ItemPath("documents", i) + ".declared_as_arms",
                     absl::StrCat("false (", EnumWord(d.kind), ")"));
      }
    }
    return any.Value();
  }
};

class ConsigneeMismatch : public KernelBase<ConsigneeMismatch> {
 public:
  ConsigneeMismatch(KernelParams& p, const ReferenceData&)
      : roles_(p.Enums<PartyRole>(
            "roles", std::vector{PartyRole::kConsignee,
                                 PartyRole::kIntermediateConsignee})) {}

  double Eval(const CaseContext& x, Evidence* ev) const {
    return UnknownName(x, ev, &Document::consignee, "consignee", roles_,
                       ": not the end user, a declared consignee or the "
                       "EUC's end user");
  }

 private:
  std::vector<PartyRole> roles_;
};

class EndUserMismatch : public KernelBase<EndUserMismatch> {
 public:
  EndUserMismatch(KernelParams&, const ReferenceData&) {}

  double Eval(const CaseContext& x, Evidence* ev) const {
    return UnknownName(x, ev, &Document::end_user, "end_user", {},
                       ": not the end user of the application or the EUC");
  }
};

class DestinationMismatch : public KernelBase<DestinationMismatch> {
 public:
  DestinationMismatch(KernelParams&, const ReferenceData&) {}

  // Transit authorisations are included: the destination they state is the
  // final one, not the transit state, so a transit state written there
  // means the goods are meant to stop on the way.
  double Eval(const Case& c, Evidence* ev) const {
    double value = 0;
    for (size_t i = 0; i < c.documents.size(); ++i) {
      const std::optional<CountryCode>& dest = c.documents[i].destination;
      if (!dest || *dest == c.end_user.country) continue;
      value = 1;
      if (!ev) break;
      ev->Add(ItemPath("documents", i) + ".destination",
              absl::StrCat(Cc(*dest), ", the end user is in ",
                           Cc(c.end_user.country)));
    }
    return value;
  }
};

// How many words two sorted, duplicate-free lists share.
size_t CountShared(const std::vector<std::string>& a,
                   const std::vector<std::string>& b) {
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    const int order = a[i].compare(b[j]);
    if (order == 0) ++shared;
    i += order <= 0;
    j += order >= 0;
  }
  return shared;
}

class GoodsMismatch : public KernelBase<GoodsMismatch> {
 public:
  GoodsMismatch(KernelParams& p, const ReferenceData&)
      : min_shared_(p.Number("min_shared_tokens", 1)) {}

  // The words of all goods lines are pooled: one document may describe
  // several lines at once ("rifles and ammunition").
  // The words of a description: CaseContext::GoodsWords ("of", "5"
  // dropped; "rifles" meets "rifle").
  double Eval(const CaseContext& x, Evidence* ev) const {
    const Case& c = x.c();
    double value = 0;
    for (size_t i = 0; i < c.documents.size(); ++i) {
      const std::optional<std::string>& declared =
          c.documents[i].declared_goods;
      if (!declared) continue;
      const size_t shared =
          CountShared(SignificantWords(*declared), x.GoodsWords());
      if (static_cast<double>(shared) >= min_shared_) continue;
      value = 1;
      if (!ev) break;
      ev->Add(ItemPath("documents", i) + ".declared_goods",
              absl::StrCat(Quoted(*declared), ": ",
                           shared == 0 ? "no word" : "too few words",
                           " in common with the goods lines"));
    }
    return value;
  }

 private:
  double min_shared_;
};

}  // namespace

void RegisterDocumentKernels(KernelRegistry& registry) {
  RegisterKernel<NotDeclaredAsArms>(registry, "document_not_declared_as_arms");
  RegisterKernel<ConsigneeMismatch>(registry, "document_consignee_mismatch");
  RegisterKernel<EndUserMismatch>(registry, "document_end_user_mismatch");
  RegisterKernel<DestinationMismatch>(registry,
                                      "document_destination_mismatch");
  RegisterKernel<GoodsMismatch>(registry, "document_goods_mismatch");
}

}  // namespace divrisk
