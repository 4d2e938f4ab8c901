// Builder step for the end-use certificate: kind, number, issuer, dates,
// authentication, the end user and goods it names, its clauses.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>
#include <utility>

namespace divrisk::gen {

void Builder::MakeEuc() {
  if (archive_) {
    const int k = Weighted({50, 10, 40});
    if (k == 0) {
      c_.euc_presence = EucPresence::kUnknown;
      return;
    }
    if (k == 1) return;  // none supplied
  } else if (forged_ == nullptr && Chance(Area::kEuc, 0.005, 0.15, 0.25)) {
    return;  // none supplied
  }
  c_.euc_presence = EucPresence::kPresent;
  Euc& e = c_.euc;
  const Tables::Destination& d = *dest_;
  const EndUser& u = c_.end_user;
  // The kind follows the end user: state bodies certify with a government
  // EUC (or, in Wassenaar-style systems, an import certificate), companies
  // and people with their own statement.
  if (!government_) {
    e.kind = Chance(0.75) ? EucKind::kCommercialEuc : EucKind::kGovernmentEuc;
  } else if (d.tier == 0 && Chance(0.15)) {
    e.kind = EucKind::kInternationalImportCertificate;
  } else {
    e.kind = Chance(Area::kEuc, 0, 0.15, 0.2) ? EucKind::kCommercialEuc
                                   : EucKind::kGovernmentEuc;
  }

  // Templates on file on the day, if the issuing state shared one.
  const EucTemplate* tpl = nullptr;
  for (const EucTemplate* x : d.templates) {
    if ((!x->shared_on || *x->shared_on <= c_.assessed_on) &&
        (!x->withdrawn_on || c_.assessed_on < *x->withdrawn_on)) {
      tpl = x;
      break;
    }
  }
  const std::string year = Year(c_.assessed_on);
  if (forged_ != nullptr) {
    e.number = forged_->number;
  } else if (!d.flagged.empty() && Chance(Area::kEuc, 0, 0.02, 0.08)) {
    e.number = Pick(d.flagged)->number;  // reused or forged number
  } else if (Chance(Area::kEuc, 0.99, 0.9, 0.85)) {
    std::string n;
    switch (e.kind) {
      case EucKind::kGovernmentEuc:
        n = d.lang == Lang::kFr                   ? "MD/CAB/"
            : d.lang == Lang::kEs                 ? "MINDEF-"
            : d.lang == Lang::kPt                 ? "MD-DGRM-"
            : u.kind == PartyKind::kArmedForces ? "MOD/EUC/"
                                                : "MOI/EUC/";
        break;
      case EucKind::kInternationalImportCertificate:
        n = Cat({"IC-", d.code.view(), "-"});
        break;
      case EucKind::kCommercialEuc:
        n = "EUS-";
        break;
    }
    Append(&n, {year, "/"});
    Digits(&n, 4);
    e.number = std::move(n);
  }
  if (e.kind == EucKind::kCommercialEuc) {
    if (Chance(0.8)) e.issuer_authority = u.name;
  } else if (tpl != nullptr && Chance(0.9)) {
    e.issuer_authority = tpl->issuer_authority;
  } else if (Chance(0.9)) {
    e.issuer_authority = u.kind == PartyKind::kPolice ||
                                 u.kind == PartyKind::kOtherGovernment
                             ? MinistryOfInterior()
                             : MinistryOfDefence();
  }
  if (Chance(0.95)) e.issuer_country = d.code;
  if (Chance(0.6)) {
    static constexpr const char* kTitles[] = {
        ", Permanent Secretary", ", Director of Procurement",
        ", Chief of Logistics", ", Director General", ", Managing Director"};
    e.signatory = Cat({PersonName(), kTitles[r_.Below(std::size(kTitles))]});
  }
  // Dates: issued some months before; expired or post-dated now and then.
  const bool expired = Chance(Area::kEuc, 0.005, 0.2, 0.3);
  const bool post_dated = !expired && Chance(Area::kEuc, 0.001, 0.02, 0.04);
  if (Rec()) {
    if (post_dated) {
      e.issued_on = DaysAfter(c_.assessed_on, 1, 40);
    } else if (expired) {
      e.issued_on = DaysBefore(c_.assessed_on, 400, 900);
    } else {
      e.issued_on = DaysBefore(c_.assessed_on, 10, 240);
    }
  }
  if (Rec()) {
    const Date from = e.issued_on.value_or(DaysBefore(c_.assessed_on, 30, 200));
    if (expired) {
      e.valid_until = DaysBefore(c_.assessed_on, 1, 120);
    } else {
      const int span = static_cast<int>(Weighted({30, 50, 20}));
      e.valid_until = Date{from.days + (span == 0 ? 182 : span == 1 ? 365 : 730)};
      if (*e.valid_until < c_.assessed_on) {
        e.valid_until = DaysAfter(c_.assessed_on, 30, 300);
      }
    }
  }
  if (Rec()) e.original_seen = !Chance(Area::kEuc, 0.03, 0.4, 0.6);
  switch (forged_ ? Weighted({0, 50, 10, 40, 0})
                  : ByLevel(Area::kEuc, {85, 0, 8, 4, 3}, {20, 5, 35, 32, 8},
                            {5, 35, 20, 30, 10})) {
    case 0:
      e.authentication = Authentication::kConfirmed;
      break;
    case 1:
      e.authentication = Authentication::kFailed;
      break;
    case 2:
      e.authentication = Authentication::kPending;
      break;
    case 3:
      e.authentication = Authentication::kNotRequested;
      break;
    default:
      break;
  }
  // Whether it matches a template the issuing state shared: the reference
  // lists some templates; the case's own record may know of others.
  if (Rec()) {
    e.template_on_file = tpl != nullptr ? Chance(Area::kEuc, 0.95, 0.6, 0.35)
                                        : Chance(Area::kEuc, 0.7, 0.3, 0.1);
  }
  // The end user as the document names it.
  switch (!Rec() ? 3 : ByLevel(Area::kEuc, {97, 3, 0}, {60, 30, 10}, {40, 35, 25})) {
    case 0:
      e.end_user_named = !u.aliases.empty() && Chance(0.3) ? u.aliases.front()
                                                           : u.name;
      break;
    case 1:  // vaguer
      e.end_user_named = government_ && Chance(0.5)
                             ? Cat({"Government of ", d.name})
                             : std::string(d.lang == Lang::kFr ? "Forces de défense et de sécurité"
                                           : d.lang == Lang::kEs ? "Fuerzas Armadas"
                                           : d.lang == Lang::kPt ? "Forças Armadas"
                                                                 : "Ministry of Defence");
      break;
    case 2:  // another body altogether
      e.end_user_named = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
      break;
    default:
      break;
  }
  // The goods as certified: all of them, or fewer.
  if (Rec()) {
    e.goods.emplace();
    const bool fewer = Chance(Area::kEuc, 0.01, 0.3, 0.45);
    const size_t drop =
        fewer && c_.goods.size() > 1 && Chance(0.5) ? r_.Below(c_.goods.size())
                                                    : c_.goods.size();
    for (size_t i = 0; i < c_.goods.size(); ++i) {
      if (i == drop) continue;
      EucGoods g;
      g.category = c_.goods[i].category;
      if (Rec()) {
        int64_t q = c_.goods[i].quantity;
        if (fewer && drop == c_.goods.size() && i == 0) {
          q = std::max<int64_t>(1, q * Between(30, 80) / 100);
        }
        g.quantity = q;
      }
      e.goods->push_back(g);
    }
  }
  if (Rec()) {
    EnumSet<EucClause> s;
    auto maybe = [&](EucClause cl, double a, double b, double c) {
      if (Chance(Area::kEuc, a, b, c)) s.Add(cl);
    };
    maybe(EucClause::kEndUseStatement, 0.99, 0.95, 0.7);
    maybe(EucClause::kNoReexportWithoutConsent, 0.97, 0.7, 0.35);
    maybe(EucClause::kNoRetransfer, 0.7, 0.4, 0.15);
    maybe(EucClause::kNoTransferByGiftOrLoan, 0.25, 0.1, 0.05);
    maybe(EucClause::kDeliveryVerification, 0.65, 0.25, 0.08);
    maybe(EucClause::kOnSiteInspection, 0.5, 0.15, 0.05);
    e.clauses = s;
  }
  if (Chance(Area::kEuc, 0, 0.05, 0.15)) {
    e.reissued_after_objection = true;
  } else if (Rec()) {
    e.reissued_after_objection = false;
  }
}

}  // namespace divrisk::gen
