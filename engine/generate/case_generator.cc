// The case generator's public side (case_generator.h) and the assembly of
// one case: Builder::Build draws the profile's areas, then runs the steps
// defined in the other files of this folder in a fixed order.

#include "engine/generate/case_generator.h"
#include "engine/generate/outcome_model.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <string>

#include "engine/generate/generator_parts.h"

namespace divrisk {

uint64_t MixSeed(uint64_t seed, uint64_t stream) {
  Prng p(seed ^ (stream * 0xd1b54a32d192ed03ULL) ^ 0x5851f42d4c957f2dULL);
  p.Next();
  return p.Next() ^ stream;
}

int ImoCheckDigit(std::string_view six) {
  int sum = 0;
  for (int i = 0; i < 6 && i < static_cast<int>(six.size()); ++i) {
    sum += (six[i] - '0') * (7 - i);
  }
  return sum % 10;
}

std::string CaseGenerator::CaseId(uint64_t seed, uint64_t index) {
  std::string id = "GEN-";
  id += std::to_string(seed);
  id += '-';
  id += std::to_string(index);
  return id;
}

// ---------------------------------------------------------------- the case

namespace gen {

void Builder::Build(uint64_t seed, uint64_t index, RiskProfile profile,
                    HardStopKind hard) {
  profile_ = profile;
  hard_ = hard;
  c_.id = CaseGenerator::CaseId(seed, index);
  if (profile == RiskProfile::kHardStop) {
    lv_ = Weighted({30, 40, 30});
  } else {
    lv_ = static_cast<int>(profile);
  }
  // The areas of concern: none, one to three, or four to seven of nine.
  const int areas = lv_ == 0 ? 0 : lv_ == 1 ? 1 + Weighted({35, 45, 20})
                                            : static_cast<int>(Between(4, 7));
  for (int placed = 0; placed < areas;) {
    const uint32_t bit = 1u << r_.Below(kAreaCount);
    if (areas_ & bit) continue;
    areas_ |= bit;
    ++placed;
  }
  PickDateAndDestination();
  archive_ = c_.assessed_on < DateFromCivil(2022, 1, 1) && Chance(0.25);
  rec_ = P(0.97, 0.94, 0.85) * (archive_ ? 0.5 : 1.0);
  switch (Weighted({78, 4, 5, 7, 6})) {
    case 0:
      c_.transaction = Transaction::kExport;
      break;
    case 1:
      c_.transaction = Transaction::kTransit;
      break;
    case 2:
      c_.transaction = Transaction::kTransshipment;
      break;
    case 3:
      c_.transaction = Transaction::kReExport;
      break;
    default:
      c_.transaction = Transaction::kBrokering;
      break;
  }
  PickExporter();

  // The destination: the embargoed target of a hard stop, the issuer of a
  // forged EUC, an embargoed state under an exemption, or a draw by tier.
  int dest = -1;
  if (hard_embargo_ != nullptr) {
    dest = t_.destination_index.at(*hard_embargo_->target);
  } else if (Lv(Area::kEuc) == 2 && !t_.flagged.empty() && Chance(0.15)) {
    const FlaggedEucNumber* f = Pick(t_.flagged);
    if (Clear(f->issuer_country) && f->issuer_country != c_.exporter.country) {
      forged_ = f;
      dest = t_.destination_index.at(f->issuer_country);
    }
  } else if (Lv(Area::kDestination) >= 1 && !t_.embargo_prone.empty() &&
             Chance(0.08)) {
    const int i = Pick(t_.embargo_prone);
    if (EmbargoedTo(t_.destinations[i].code, c_.assessed_on) &&
        !EmbargoedFrom(c_.exporter.country, c_.assessed_on) &&
        t_.destinations[i].code != c_.exporter.country) {
      exempted_ = true;
      dest = i;
    }
  }
  if (dest < 0) dest = PickDestination();
  dest_ = &t_.destinations[static_cast<size_t>(dest)];

  MakeEndUser();
  MakeGoods();

  // End use, force size, stocks: after the goods they describe.
  {
    EndUser& u = c_.end_user;
    const bool vague = Chance(Area::kEndUser, 0.02, 0.3, 0.4);
    if (archive_ && Chance(0.5)) {
      // not recorded
    } else if (vague) {
      u.stated_end_use = std::string(Pick(t_.vague_end_uses));
    } else {
      static constexpr const char* kForces[] = {
          "Equipping infantry battalions deployed on border security",
          "Replacement of ageing equipment of the same type",
          "Training and operational stocks of the regular forces",
          "Counter-terrorism operations in the north of the country",
          "Maritime patrol and counter-piracy operations",
          "Contribution to a United Nations peacekeeping deployment"};
      static constexpr const char* kPolice[] = {
          "Equipping the tactical response unit",
          "Replacement of service weapons for patrol officers",
          "Public order and VIP protection duties",
          "Anti-poaching and border patrol duties"};
      static constexpr const char* kCompany[] = {
          "Armed guarding of mining and energy sites",
          "Resale to licensed hunters and sport shooters",
          "Maritime security escort teams"};
      switch (u.kind.value_or(PartyKind::kCompany)) {
        case PartyKind::kArmedForces:
          u.stated_end_use = kForces[r_.Below(std::size(kForces))];
          break;
        case PartyKind::kPolice:
        case PartyKind::kOtherGovernment:
          u.stated_end_use = kPolice[r_.Below(std::size(kPolice))];
          break;
        case PartyKind::kIndividual:
          u.stated_end_use = "Hunting and sport shooting, personal collection";
          break;
        case PartyKind::kInternationalOrganisation:
          u.stated_end_use = "Force protection for the mission's personnel";
          break;
        default:
          u.stated_end_use = kCompany[r_.Below(std::size(kCompany))];
          break;
      }
    }
    // Force size where small arms are counted per person.
    const GoodsLine& g = c_.goods.front();
    if ((g.category == GoodsCategory::kSmallArms ||
         g.category == GoodsCategory::kLightWeapons) &&
        g.quantity_unit == QuantityUnit::kItems && Rec()) {
      const bool excessive = Chance(Area::kEndUser, 0, 0.3, 0.4);
      const int64_t per_person_x10 = excessive ? Between(30, 100) : Between(5, 12);
      u.force_size = std::max<int64_t>(1, g.quantity * 10 / per_person_x10);
    }
    if (Rec()) {
      const int k = ByLevel(Area::kEndUser, {95, 2, 3}, {25, 55, 20}, {10, 70, 20});
      u.stockpile_security = static_cast<StockpileSecurity>(k);
    }
    if (Chance(Area::kEndUser, 0, 0.3, 0.5)) {
      u.diversion_from_stocks_reported = true;
    } else if (Rec()) {
      u.diversion_from_stocks_reported = false;
    }
    if (government_ && Chance(0.3)) {
      u.replaces_existing_stocks = true;
      const int k = ByLevel(Area::kEndUser, {80, 12, 5, 0, 3}, {30, 30, 20, 5, 15},
                            {10, 20, 25, 30, 15});
      u.surplus_disposal = static_cast<SurplusDisposal>(k);
    } else if (Rec()) {
      u.replaces_existing_stocks = false;
    }
    if (government_ && Chance(Area::kEndUser, 0.03, 0.3, 0.4)) {
      const int n = static_cast<int>(Between(1, 4));
      for (int i = 0; i < n; ++i) {
        UltimateEndUser& x = u.ultimate_end_users.emplace_back();
        const int k = Weighted({60, 30, 10});
        if (k == 0) {
          x.name = Cat({"Regional police command ", std::to_string(i + 1), ", ",
                        dest_->name});
          x.kind = PartyKind::kPolice;
        } else if (k == 1) {
          x.name = Cat({std::to_string(Between(1, 9)), "th Infantry Brigade, ",
                        dest_->name});
          x.kind = PartyKind::kArmedForces;
        } else {
          x.name = Cat({Pick(t_.security_stems), " Security Services"});
          x.kind = PartyKind::kCompany;
        }
        if (!dest_->regions.empty() && Chance(0.8)) {
          x.region = std::string(Pick(dest_->regions));
        }
      }
    }
  }

  MakeEuc();
  MakeParties();
  MakeTransport();
  MakeDocuments();
  MakeProcess();
  MakeAmendments();
  MakeHistory();
  MakeIntelligence();
  MakeOutcome();

  c_.extensions_json = Cat({"{\"generator\":\"divrisk generate\",\"profile\":\"",
                            EnumWord(profile), "\""});
  if (profile == RiskProfile::kHardStop) {
    Append(&c_.extensions_json, {",\"hard_stop\":\"", EnumWord(hard_), "\""});
  }
  if (archive_) c_.extensions_json += ",\"archive\":true";
  c_.extensions_json += '}';
}

}  // namespace gen

// -------------------------------------------------------------- generator

CaseGenerator::CaseGenerator(const ReferenceData& ref, uint64_t seed)
    : ref_(ref), seed_(seed), tables_(gen::BuildTables(ref)) {}

CaseGenerator::~CaseGenerator() = default;

Case CaseGenerator::Next() { return At(next_index_++); }

Case CaseGenerator::At(uint64_t index) {
  Prng r(MixSeed(seed_, index));
  // Profile shares, per mille: clean 400, medium 300, high 200, hard 100.
  const uint64_t p = r.Below(1000);
  RiskProfile profile = p < 400   ? RiskProfile::kClean
                        : p < 700 ? RiskProfile::kMedium
                        : p < 900 ? RiskProfile::kHigh
                                  : RiskProfile::kHardStop;
  HardStopKind hard = HardStopKind::kNone;
  if (profile == RiskProfile::kHardStop) {
    const uint64_t h = r.Below(100);
    hard = h < 35   ? HardStopKind::kEmbargo
           : h < 60 ? HardStopKind::kSanctionedParty
           : h < 80 ? HardStopKind::kIhlKnowledge
                    : HardStopKind::kOverridingRisk;
  }
  Case c;
  gen::Builder b(*tables_, ref_, r, c);
  b.Build(seed_, index, profile, hard);
  if (outcome_model_) {
    ApplyOutcomeModel(seed_, index, &c);
    c.extensions_json.insert(c.extensions_json.size() - 1,
                             ",\"outcome_model\":true");
  }
  last_profile_ = profile;
  last_hard_stop_ = b.hard();
  last_archive_ = b.archive();
  return c;
}

}  // namespace divrisk
