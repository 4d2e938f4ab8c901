// End-user family (catalogue EU-1..EU-7, RS-2; WA-SALW; OSCE-HB III, VI):
// who the stated end user is, whether the goods fit its needs, and whether
// its stocks leak.
//
// Kernels (params, defaults):
//   end_user_kind       the end user's kind is in `kinds`
//                       [company, individual]
//   quantity_vs_force   small arms and light weapons counted in items above
//                       `items_per_person` (1.5) per declared person:
//                       min(1, (ratio - limit) / limit)
//   stockpile_security  weak (1), adequate (0)
//   stocks_leakage      diversion from its stocks reported
//   surplus_disposal    the goods replace stocks whose disposal is
//                       destroyed_verified (0), destroyed_unverified (0.5),
//                       retained (`retained_value` 0.5), resold (1)
//   redistribution      ultimate end users named (0.5); one of them a
//                       company or individual, or a region (1)
//   end_use_vague       the stated end use has fewer than `min_words` (3)
//                       words, or none is stated (1, never unknown)

#include "indicators/end_user_kernels.h"

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

// EU-1, WA-SALW: governments and their authorised agents are the expected
// buyers; WA-MANPADS allows governments only.
const std::vector<PartyKind> kNonGovernment = {PartyKind::kCompany,
                                               PartyKind::kIndividual};

bool NonGovernment(std::optional<PartyKind> kind) {
  return kind && Contains(kNonGovernment, *kind);
}

class EndUserKind : public KernelBase<EndUserKind> {
 public:
  EndUserKind(KernelParams& p, const ReferenceData&)
      : kinds_(p.Enums<PartyKind>("kinds", kNonGovernment)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const std::optional<PartyKind>& kind = c.end_user.kind;
    if (!kind) {
      if (ev) ev->Unknown("end_user.kind");
      return kUnknown;
    }
    if (!Contains(kinds_, *kind)) return 0;
    if (ev) ev->Add("end_user.kind", EnumWord(*kind));
    return 1;
  }

 private:
  std::vector<PartyKind> kinds_;
};

// EU-2 (CP Crit 7(a-b), WA-SALW §1): many more weapons than people to carry
// them is stock for someone else. Only lines counted in items can be set
// against a head count.
class QuantityVsForce : public KernelBase<QuantityVsForce> {
 public:
  QuantityVsForce(KernelParams& p, const ReferenceData&)
      : limit_(p.Number("items_per_person", 1.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    int64_t items = 0;
    for (const GoodsLine& g : c.goods) {
      if (Counted(g)) items += g.quantity;
    }
    if (items <= 0) return 0;
    const std::optional<int64_t>& force = c.end_user.force_size;
    if (!force) {
      if (ev) ev->Unknown("end_user.force_size");
      return kUnknown;
    }
    const double ratio = *force > 0 ? static_cast<double>(items) / *force
                                    : static_cast<double>(items);
    if (*force > 0 && ratio <= limit_) return 0;
    const double value = *force > 0 && limit_ > 0
                             ? std::min(1.0, (ratio - limit_) / limit_)
                             : 1.0;
    if (ev) {
      ev->Add("end_user.force_size",
              absl::StrFormat("%d personnel for %d small arms and light "
                              "weapons: %.1f per person, limit %g",
                              *force, items, ratio, limit_));
      for (size_t i = 0; i < c.goods.size(); ++i) {
        if (!Counted(c.goods[i])) continue;
        ev->Add(ItemPath("goods", i) + ".quantity",
                absl::StrCat(c.goods[i].quantity, " ",
                             EnumWord(c.goods[i].category)));
      }
    }
    return value;
  }

 private:
  static bool Counted(const GoodsLine& g) {
    return (g.category == GoodsCategory::kSmallArms ||
            g.category == GoodsCategory::kLightWeapons) &&
           g.quantity_unit == QuantityUnit::kItems;
  }

  double limit_;
};

class StockpileSecurityKernel : public KernelBase<StockpileSecurityKernel> {
 public:
  StockpileSecurityKernel(KernelParams&, const ReferenceData&) {}

  // `unknown` is the assessor saying it does not know: no reassurance.
  double Eval(const Case& c, Evidence* ev) const {
    const std::optional<StockpileSecurity>& s = c.end_user.stockpile_security;
    if (!s || *s == StockpileSecurity::kUnknown) {
      if (ev) ev->Unknown("end_user.stockpile_security");
      return kUnknown;
    }
    if (*s == StockpileSecurity::kAdequate) return 0;
    if (ev) ev->Add("end_user.stockpile_security", "weak");
    return 1;
  }
};

class StocksLeakage : public KernelBase<StocksLeakage> {
 public:
  StocksLeakage(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    return BoolFact(c.end_user.diversion_from_stocks_reported, true,
                    "end_user.diversion_from_stocks_reported", ev);
  }
};

// EU-7 (WGETI-11, OSCE-HB VI): replaced holdings are a second consignment
// nobody licensed; only verified destruction takes them off the table.
class SurplusDisposalKernel : public KernelBase<SurplusDisposalKernel> {
 public:
  SurplusDisposalKernel(KernelParams& p, const ReferenceData&)
      : retained_value_(p.Fraction("retained_value", 0.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const EndUser& u = c.end_user;
    if (!u.replaces_existing_stocks) {
      if (ev) ev->Unknown("end_user.replaces_existing_stocks");
      return kUnknown;
    }
    if (!*u.replaces_existing_stocks) return 0;
    if (!u.surplus_disposal ||
        *u.surplus_disposal == SurplusDisposal::kUnknown) {
      if (ev) ev->Unknown("end_user.surplus_disposal");
      return kUnknown;
    }
    double value = 0;
    switch (*u.surplus_disposal) {
      case SurplusDisposal::kDestroyedVerified:
        return 0;
      case SurplusDisposal::kDestroyedUnverified:
        value = kUnverifiedValue;
        break;
      case SurplusDisposal::kRetained:
        value = retained_value_;
        break;
      case SurplusDisposal::kResold:
        value = 1;
        break;
      case SurplusDisposal::kUnknown:
        return kUnknown;  // handled above
    }
    if (ev) {
      ev->Add("end_user.replaces_existing_stocks", "true");
      ev->Add("end_user.surplus_disposal", EnumWord(*u.surplus_disposal));
    }
    return value;
  }

 private:
  static constexpr double kUnverifiedValue = 0.5;
  double retained_value_;
};

// EU-4: a central buyer that passes the goods on is a second end user the
// licence does not see; a company, an individual or a sub-national region
// among them is the diversion-prone case.
class Redistribution : public KernelBase<Redistribution> {
 public:
  Redistribution(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    const std::vector<UltimateEndUser>& users = c.end_user.ultimate_end_users;
    if (users.empty()) return 0;
    double value = kNamedValue;
    if (ev) {
      ev->Add("end_user.ultimate_end_users",
              absl::StrCat(users.size(), " named"));
    }
    for (size_t i = 0; i < users.size() && (ev || value < 1); ++i) {
      const std::string path = ItemPath("end_user.ultimate_end_users", i);
      if (NonGovernment(users[i].kind)) {
        value = 1;
        if (ev) ev->Add(path + ".kind", EnumWord(*users[i].kind));
      }
      if (users[i].region) {
        value = 1;
        if (ev) ev->Add(path + ".region", *users[i].region);
      }
    }
    return value;
  }

 private:
  static constexpr double kNamedValue = 0.5;
};

// Words with at least one letter or digit; bytes >= 0x80 count as letters
// so that non-ASCII end-use statements are not all "vague".
int64_t CountWords(std::string_view text) {
  int64_t words = 0;
  bool in_word = false;
  bool has_alnum = false;
  for (size_t i = 0; i <= text.size(); ++i) {
    const unsigned char ch = i < text.size() ? text[i] : ' ';
    if (std::isspace(ch)) {
      if (in_word && has_alnum) ++words;
      in_word = has_alnum = false;
      continue;
    }
    in_word = true;
    has_alnum |= std::isalnum(ch) || ch >= 0x80;
  }
  return words;
}

// EU-3 (CAR-DD2, WA-AQI): "security purposes" says nothing that could be
// checked after delivery.
class EndUseVague : public KernelBase<EndUseVague> {
 public:
  EndUseVague(KernelParams& p, const ReferenceData&)
      : min_words_(p.Number("min_words", 3)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const std::optional<std::string>& use = c.end_user.stated_end_use;
    // The applicant must state the end use: its absence is a known gap in
    // the application, not a fact nobody has checked (issue 11).
    if (!use) {
      if (ev) ev->Add("end_user.stated_end_use", "none stated");
      return 1;
    }
    const int64_t words = CountWords(*use);
    if (words >= min_words_) return 0;
    if (ev) {
      ev->Add("end_user.stated_end_use",
              absl::StrCat("\"", *use, "\": ", words,
                           words == 1 ? " word" : " words"));
    }
    return 1;
  }

 private:
  double min_words_;
};

}  // namespace

void RegisterEndUserKernels(KernelRegistry& registry) {
  RegisterKernel<EndUserKind>(registry, "end_user_kind");
  RegisterKernel<QuantityVsForce>(registry, "quantity_vs_force");
  RegisterKernel<StockpileSecurityKernel>(registry, "stockpile_security");
  RegisterKernel<StocksLeakage>(registry, "stocks_leakage");
  RegisterKernel<SurplusDisposalKernel>(registry, "surplus_disposal");
  RegisterKernel<Redistribution>(registry, "redistribution");
  RegisterKernel<EndUseVague>(registry, "end_use_vague");
}

}  // namespace divrisk
