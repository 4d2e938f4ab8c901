// Transport family (catalogue TR-1..TR-4; WA-AIR; SIPRI-PP24, PP32): the
// route, who carries the goods and how they are handed over.
//
// Kernels (params, defaults):
//   route_not_disclosed   no transport, or route_disclosure none (1);
//                         partial (`partial_value` 0.5); full (0)
//   transshipment         transshipments at transit states, divided by
//                         `saturation` (2), capped at 1
//   free_trade_zone       any leg handled in a free-trade zone
//   carrier_unidentified  an air or sea leg whose carrier is not a party with
//                         role carrier (1); a carrier with no aircraft or
//                         ship identification (`no_vehicle_value` 0.5)
//   flag_of_concern       an air or sea leg flagged in a state that is
//                         neither an ATT party nor a Wassenaar participant,
//                         or in another state than its carrier's
//   delivery_method       delivery by a method in `methods`
//                         [airstrip, airdrop, other]
//   charter_service       a chartered leg; `only_state_to_state` ("false"):
//                         when "true", only in a government-to-government deal
//   sealed_containers     shipper-owned sealed containers on any leg
//
// No `transport` means the route was not disclosed: route_not_disclosed
// carries that concern and the others are unknown (fact `transport`).

#include "indicators/transport_kernels.h"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/model/deciding_state.h"
#include "engine/model/name_normalizer.h"
#include "indicators/kernel_util.h"

namespace divrisk {
namespace {

bool AirOrSea(const Leg& leg) {
  return leg.mode == TransportMode::kAir || leg.mode == TransportMode::kSea;
}

// Three-valued "any" over every leg's boolean `field`, `name` in the evidence
// path; `describe(leg)` is the evidence where it is true.
template <typename Describe>
double AnyLeg(const Case& c, Evidence* ev, std::optional<bool> Leg::*field,
              const char* name, Describe describe) {
  const std::vector<Leg>* legs = LegsOrUnknown(c, ev);
  if (!legs) return kUnknown;
  AnyOf any;
  for (size_t i = 0; i < legs->size(); ++i) {
    const Leg& leg = (*legs)[i];
    any.Add(leg.*field);
    if (ev) {
      BoolEvidence(*ev, leg.*field, true, absl::StrCat(LegPath(i), ".", name),
                   describe(leg));
    }
  }
  return any.Value();
}

// The index of the party with role carrier that a leg's `carrier` names, by
// name or alias after normalisation (legal forms and word order aside).
std::optional<size_t> FindCarrier(const CaseContext& x,
                                  const std::string& name) {
  const Case& c = x.c();
  std::string key;  // normalised at the first carrier not named exactly
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    if (p.role != PartyRole::kCarrier) continue;
    if (p.name == name) return i;
    if (key.empty()) key = NormalizeName(name);
    const int who = static_cast<int>(i);
    if (x.NormalizedName(who, -1) == key) return i;
    for (size_t k = 0; k < p.aliases.size(); ++k) {
      if (x.NormalizedName(who, static_cast<int>(k)) == key) return i;
    }
  }
  return std::nullopt;
}

class RouteNotDisclosed : public KernelBase<RouteNotDisclosed> {
 public:
  RouteNotDisclosed(KernelParams& p, const ReferenceData&)
      : partial_value_(p.Fraction("partial_value", 0.5)) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (!c.transport) {
      if (ev) ev->Add("transport", "absent: route not disclosed");
      return 1;
    }
    const Transport& t = *c.transport;
    if (!t.route_disclosure) {
      // The format requires legs when the disclosure is not stated; a route
      // given without them is a route not disclosed.
      if (!t.legs.empty()) return 0;
      if (ev) ev->Add("transport.legs", "empty");
      return 1;
    }
    switch (*t.route_disclosure) {
      case RouteDisclosure::kFull:
        return 0;
      case RouteDisclosure::kPartial:
        if (ev) ev->Add("transport.route_disclosure", "partial");
        return partial_value_;
      case RouteDisclosure::kNone:
        if (ev) ev->Add("transport.route_disclosure", "none");
        return 1;
      case RouteDisclosure::kUnknown:
        if (ev) ev->Unknown("transport.route_disclosure");
        return kUnknown;
    }
    return kUnknown;
  }

 private:
  double partial_value_;
};

// Only transit legs count: a change of conveyance in the end user's own
// country (port to lorry) is ordinary, one at a stopover is the concern
// (TR-2, PoE-SL ¶239).
// A change of conveyance in the deciding state is not counted: for a
// transshipment licence it is what the authority itself authorises and
// controls (engine/model/deciding_state.h).
class Transshipment : public KernelBase<Transshipment> {
 public:
  Transshipment(KernelParams& p, const ReferenceData& ref)
      : ref_(ref), saturation_(p.Number("saturation", 2)) {}

  double Eval(const Case& c, Evidence* ev) const {
    const std::vector<Leg>* legs = LegsOrUnknown(c, ev);
    if (!legs) return kUnknown;
    const std::span<const Leg> transit = TransitLegs(*legs);
    const std::optional<CountryCode> decider =
        ResolveDecidingState(c, ref_).state;
    int64_t count = 0;
    bool unknown = false;
    for (size_t i = 0; i < transit.size(); ++i) {
      const Leg& leg = transit[i];
      if (decider && leg.to == *decider) continue;
      if (!leg.transshipment) {
        unknown = true;
        if (ev) ev->Unknown(LegPath(i) + ".transshipment");
      } else if (*leg.transshipment) {
        ++count;
        if (ev) {
          ev->Add(LegPath(i) + ".transshipment",
                  absl::StrCat("true, in ", Cc(leg.to)));
        }
      }
    }
    if (count > 0) return Saturate(count, saturation_);
    return unknown ? kUnknown : 0;
  }

 private:
  const ReferenceData& ref_;
  double saturation_;
};

// Every leg, the last included: a free zone in the importing state is
// outside its customs control too.
class FreeTradeZone : public KernelBase<FreeTradeZone> {
 public:
  FreeTradeZone(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    return AnyLeg(
        c, ev, &Leg::free_trade_zone, "free_trade_zone",
        [](const Leg& leg) { return absl::StrCat("true, in ", Cc(leg.to)); });
  }
};

// Road and rail legs are left out: WA-AIR and SIPRI-PP24/PP32 are about
// aircraft and ships, whose operators and registrations hide the carrier.
class CarrierUnidentified : public KernelBase<CarrierUnidentified> {
 public:
  CarrierUnidentified(KernelParams& p, const ReferenceData&)
      : no_vehicle_value_(p.Fraction("no_vehicle_value", 0.5)) {}

  double Eval(const CaseContext& x, Evidence* ev) const {
    const Case& c = x.c();
    const std::vector<Leg>* legs = LegsOrUnknown(c, ev);
    if (!legs) return kUnknown;
    double value = 0;
    for (size_t i = 0; i < legs->size() && (ev || value < 1); ++i) {
      const Leg& leg = (*legs)[i];
      if (!AirOrSea(leg)) continue;
      if (!leg.carrier) {
        value = 1;
        if (ev) {
          ev->Add(LegPath(i) + ".carrier",
                  absl::StrCat("not given (", EnumWord(leg.mode), " leg)"));
        }
        continue;
      }
      std::optional<size_t> k = FindCarrier(x, *leg.carrier);
      if (!k) {
        value = 1;
        if (ev) {
          ev->Add(LegPath(i) + ".carrier",
                  absl::StrCat("\"", *leg.carrier,
                               "\" is not a party with role carrier"));
        }
        continue;
      }
      const Party& carrier = c.parties[*k];
      if (leg.vehicle_id || carrier.Identifier("imo") ||
          carrier.Identifier("icao")) {
        continue;
      }
      value = std::max(value, no_vehicle_value_);
      if (ev) {
        ev->Add(LegPath(i) + ".vehicle_id",
                absl::StrCat("not given, and ", ItemPath("parties", *k),
                             " has no imo or icao identifier"));
      }
    }
    return value;
  }

 private:
  double no_vehicle_value_;
};

// A flag state outside both the ATT and Wassenaar need not control what its
// ships and aircraft carry (ATT Art. 9); a flag other than the operator's
// country is the re-registration pattern of WA-AIR and SIPRI-PP24.
class FlagOfConcern : public KernelBase<FlagOfConcern> {
 public:
  FlagOfConcern(KernelParams&, const ReferenceData& ref) : ref_(ref) {}

  double Eval(const CaseContext& x, Evidence* ev) const {
    const Case& c = x.c();
    const std::vector<Leg>* legs = LegsOrUnknown(c, ev);
    if (!legs) return kUnknown;
    AnyOf any;
    for (size_t i = 0; i < legs->size(); ++i) {
      const Leg& leg = (*legs)[i];
      if (!AirOrSea(leg)) continue;
      const std::string path = LegPath(i) + ".flag";
      if (!leg.flag) {
        any.Add(std::nullopt);
        if (ev) ev->Unknown(path);
        continue;
      }
      bool concern = false;
      std::optional<size_t> k;
      if (leg.carrier) k = FindCarrier(x, *leg.carrier);
      if (k && c.parties[*k].country != *leg.flag) {
        concern = true;
        if (ev) {
          ev->Add(path, absl::StrCat(Cc(*leg.flag), ", carrier ",
                                     ItemPath("parties", *k), " is in ",
                                     Cc(c.parties[*k].country)));
        }
      }
      const std::string ref_path = RefCountry(*leg.flag);
      const CountryProfile* state = ref_.Country(*leg.flag);
      if (!state) {
        if (ev) ev->Unknown(ref_path);
        any.Add(concern ? std::optional<bool>(true) : std::nullopt);
        continue;
      }
      if (!AttPartyOn(*state, c.assessed_on) &&
          !WassenaarOn(*state, c.assessed_on)) {
        if (ev) {
          if (!concern) ev->Add(path, Cc(*leg.flag));
          ev->Add(ref_path,
                  absl::StrCat(c.assessed_on < kAttEntryIntoForce
                                   ? "the ATT was not yet in force on "
                                   : "not an ATT party on ",
                               FormatDate(c.assessed_on),
                               ", not a Wassenaar participant"));
        }
        concern = true;
      }
      any.Add(concern);
    }
    return any.Value();
  }

 private:
  const ReferenceData& ref_;
};

const std::vector<DeliveryMethod> kOffAirport = {DeliveryMethod::kAirstrip,
                                                 DeliveryMethod::kAirdrop,
                                                 DeliveryMethod::kOther};

class DeliveryMethodKernel : public KernelBase<DeliveryMethodKernel> {
 public:
  DeliveryMethodKernel(KernelParams& p, const ReferenceData&)
      : methods_(p.Enums<DeliveryMethod>("methods", kOffAirport)) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (!c.transport || !c.transport->delivery) {
      if (ev) ev->Unknown("transport.delivery.method");
      return kUnknown;
    }
    const Delivery& d = *c.transport->delivery;
    if (!Contains(methods_, d.method)) return 0;
    if (ev) {
      ev->Add("transport.delivery.method",
              d.place ? absl::StrCat(EnumWord(d.method), ", ", *d.place)
                      : std::string(EnumWord(d.method)));
    }
    return 1;
  }

 private:
  std::vector<DeliveryMethod> methods_;
};

// WA-AQI's concern is a private charter where the deal is state to state;
// `only_state_to_state` narrows the kernel to that reading.
class CharterService : public KernelBase<CharterService> {
 public:
  CharterService(KernelParams& p, const ReferenceData&)
      : only_state_to_state_(Flag(p, "only_state_to_state", false)) {}

  double Eval(const Case& c, Evidence* ev) const {
    if (only_state_to_state_ &&
        !c.mitigations.Has(Mitigation::kGovernmentToGovernment)) {
      return 0;
    }
    const std::vector<Leg>* legs = LegsOrUnknown(c, ev);
    if (!legs) return kUnknown;
    AnyOf any;
    for (size_t i = 0; i < legs->size(); ++i) {
      const Leg& leg = (*legs)[i];
      if (!leg.service) {
        any.Add(std::nullopt);
        if (ev) ev->Unknown(LegPath(i) + ".service");
      } else if (*leg.service == CarrierService::kCharter) {
        any.AddTrue();
        if (ev) ev->Add(LegPath(i) + ".service", "charter");
      } else {
        any.Add(false);
      }
    }
    const double value = any.Value();
    if (ev && value == 1 && only_state_to_state_) {
      ev->Add("mitigations", "government_to_government");
    }
    return value;
  }

 private:
  bool only_state_to_state_;
};

// Containers the shipper owns and seals are not opened on the way, so what
// is declared cannot be checked at transit points (SIPRI-PP32).
class SealedContainers : public KernelBase<SealedContainers> {
 public:
  SealedContainers(KernelParams&, const ReferenceData&) {}

  double Eval(const Case& c, Evidence* ev) const {
    return AnyLeg(c, ev, &Leg::shipper_owned_sealed_containers,
                  "shipper_owned_sealed_containers",
                  [](const Leg&) { return std::string("true"); });
  }
};

}  // namespace

void RegisterTransportKernels(KernelRegistry& registry) {
  RegisterKernel<RouteNotDisclosed>(registry, "route_not_disclosed");
  RegisterKernel<Transshipment>(registry, "transshipment");
  RegisterKernel<FreeTradeZone>(registry, "free_trade_zone");
  RegisterKernel<CarrierUnidentified>(registry, "carrier_unidentified");
  RegisterKernel<FlagOfConcern>(registry, "flag_of_concern");
  RegisterKernel<DeliveryMethodKernel>(registry, "delivery_method");
  RegisterKernel<CharterService>(registry, "charter_service");
  RegisterKernel<SealedContainers>(registry, "sealed_containers");
}

}  // namespace divrisk
