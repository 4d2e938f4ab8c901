// Builder steps for where a case is: the assessment date, the destination
// state and the exporter.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace divrisk::gen {

int Builder::PickDestination() {
  // The tier mix by risk level: low-concern states for clean cases,
  // high-concern ones for high-risk cases.
  const int tier = ByLevel(Area::kDestination, {85, 14, 1}, {15, 45, 40}, {5, 30, 65});
  for (int attempt = 0; attempt < 16; ++attempt) {
    const std::vector<int>& rows = t_.by_tier[tier];
    if (rows.empty()) break;
    uint64_t x = r_.Below(t_.tier_weight[tier]);
    int chosen = rows.front();
    for (int i : rows) {
      if (x < t_.destinations[i].weight) {
        chosen = i;
        break;
      }
      x -= t_.destinations[i].weight;
    }
    const Tables::Destination& d = t_.destinations[chosen];
    if (d.code == c_.exporter.country || !Clear(d.code)) continue;
    return chosen;
  }
  // A fallback that is never embargoed in the bundled data.
  for (int i : t_.by_tier[0]) {
    if (t_.destinations[i].code != c_.exporter.country &&
        Clear(t_.destinations[i].code)) {
      return i;
    }
  }
  return t_.by_tier[0].empty() ? 0 : t_.by_tier[0].front();
}

void Builder::PickDateAndDestination() {
  if (hard_ == HardStopKind::kEmbargo && !t_.hard_embargoes.empty()) {
    hard_embargo_ = Pick(t_.hard_embargoes);
    const Date lo = std::max(hard_embargo_->start, kFirstDay);
    const Date hi = std::min(hard_embargo_->end.value_or(kLastDay), kLastDay);
    c_.assessed_on = Date{static_cast<int32_t>(Between(lo.days, hi.days))};
  } else {
    hard_ = hard_ == HardStopKind::kEmbargo ? HardStopKind::kOverridingRisk
                                            : hard_;
    Date lo = kFirstDay;
    if (hard_ == HardStopKind::kSanctionedParty) {
      if (t_.sanctioned.empty()) {
        hard_ = HardStopKind::kOverridingRisk;
      } else {
        // Assessed after the listing, so that the listing was known.
        sanction_ = Pick(t_.sanctioned);
        if (sanction_->listed_on) {
          lo = std::max(lo, Date{sanction_->listed_on->days + 1});
        }
      }
    }
    c_.assessed_on = Date{static_cast<int32_t>(
        Between(lo.days, std::max(lo, kLastDay).days))};
  }
}

void Builder::PickExporter() {
  for (int attempt = 0; attempt < 8; ++attempt) {
    uint64_t x = r_.Below(t_.exporter_weight);
    for (const Tables::Exporter& e : t_.exporters) {
      if (x < e.weight) {
        exporter_ = &e;
        break;
      }
      x -= e.weight;
    }
    if (!EmbargoedFrom(exporter_->code, c_.assessed_on)) break;
  }
  const Tables::Exporter& e = *exporter_;
  Party& p = c_.exporter;
  p.country = e.code;
  p.kind = PartyKind::kCompany;
  const bool brokering = c_.transaction == Transaction::kBrokering;
  const auto& registered =
      brokering ? e.registered_brokers : e.registered_exporters;
  // A registered firm valid on the day, mostly; high-risk cases sometimes
  // come from a firm whose registration lapsed or was suspended.
  const RegisterEntry* valid = PickRegistered(registered, true);
  const RegisterEntry* lapsed = PickRegistered(registered, false);
  if (valid != nullptr && Chance(Area::kParties, 0.97, 0.7, 0.45)) {
    p.name = valid->name;
    p.register_id = valid->register_id;
  } else if (lapsed != nullptr && Chance(Area::kParties, 0, 0.2, 0.35)) {
    p.name = lapsed->name;
    p.register_id = lapsed->register_id;
  } else {
    const auto& sectors = t_.sectors[static_cast<int>(e.lang)];
    p.name = CompanyName(Pick(e.stems),
                         brokering ? Pick(t_.broker_words) : Pick(sectors),
                         Pick(e.forms));
    // Where the authority holds the register, an invented firm is not on
    // it; elsewhere it gives its number in a register not held, or none.
    if (!e.register_held && Chance(Area::kParties, 0.97, 0.7, 0.5)) {
      std::string id(e.code.view());
      id += brokering ? "-BRK-" : "-EXP-";
      Digits(&id, 5);
      p.register_id = std::move(id);
    }
  }
  if (Chance(0.5)) {
    p.address = Cat({Pick(e.cities), ", ", ref_.Country(e.code)->name});
  }
  if (Rec()) {
    const bool recent = Chance(Area::kParties, 0, 0.1, 0.2);
    p.incorporated_on =
        recent ? DaysBefore(c_.assessed_on, 30, 360)
               : DaysBefore(c_.assessed_on, 3 * 365, 60 * 365);
  }
  if (Rec()) p.internal_compliance_programme = !Chance(Area::kParties, 0.03, 0.4, 0.6);
  if (Rec()) p.prior_violations = Chance(Area::kParties, 0, 0.25, 0.45) ? Between(1, 3) : 0;
}

}  // namespace divrisk::gen
