// Builder step for the transport: route disclosure, legs, carriers,
// hubs, transit states and the delivery.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>

namespace divrisk::gen {

void Builder::MakeTransport() {
  if (c_.transaction == Transaction::kBrokering && Chance(0.6)) return;
  if (archive_ ? Chance(0.3) : Chance(Area::kRoute, 0, 0.1, 0.2)) return;
  Transport& t = c_.transport.emplace();
  const Tables::Destination& d = *dest_;
  int disclosure;
  if (c_.transaction == Transaction::kBrokering) {
    disclosure = Weighted({0, 0, 60, 40});
  } else if (archive_) {
    disclosure = Weighted({25, 15, 0, 60});
  } else {
    disclosure = ByLevel(Area::kRoute, {96, 3, 1, 0}, {40, 45, 15, 0},
                         {25, 45, 30, 0});
  }
  t.route_disclosure = static_cast<RouteDisclosure>(disclosure);
  if (disclosure <= 1 && !Rec() && Chance(0.5)) t.route_disclosure.reset();

  // The delivery: where the goods are handed over.
  auto delivery = [&](TransportMode last_mode) {
    if (!Rec()) return;
    Delivery& dl = t.delivery.emplace();
    if (Chance(Area::kRoute, 0, 0.1, 0.3)) {
      const int k = Weighted({60, 15, 25});
      dl.method = k == 0   ? DeliveryMethod::kAirstrip
                  : k == 1 ? DeliveryMethod::kAirdrop
                           : DeliveryMethod::kOther;
      const std::string_view region =
          d.regions.empty() ? std::string_view(d.name) : Pick(d.regions);
      dl.place = k == 0   ? Cat({"Unpaved airstrip in ", region})
                 : k == 1 ? Cat({"Drop zone in ", region})
                          : Cat({"Handover to the consignee's trucks, ", region});
      return;
    }
    switch (last_mode) {
      case TransportMode::kAir:
        dl.method = DeliveryMethod::kAirport;
        dl.place = d.airport;
        break;
      case TransportMode::kSea:
        dl.method = DeliveryMethod::kPort;
        if (!d.port.empty()) dl.place = d.port;
        break;
      default:
        if (Chance(0.7)) {
          dl.method = DeliveryMethod::kLandBorder;
          dl.place = "Border crossing point";
        } else {
          dl.method = DeliveryMethod::kOther;
          dl.place = "Handover at the end user's central depot";
        }
        break;
    }
  };
  if (disclosure >= 2) {
    if (Chance(0.5)) delivery(Chance(0.5) ? TransportMode::kAir : TransportMode::kSea);
    return;
  }

  // The path: home, a hub or two, the gateway of a landlocked state, the
  // destination.
  std::vector<CountryCode> path;
  path.push_back(c_.exporter.country);
  const bool transit_case = c_.transaction == Transaction::kTransit ||
                            c_.transaction == Transaction::kTransshipment;
  if (transit_case) {
    // The authority is the transit state: a major hub on the way.
    if (const Tables::Hub* h = PickHub(0)) path.push_back(h->code);
  }
  if (intermediary_hub_ != nullptr &&
      std::find(path.begin(), path.end(), intermediary_hub_->code) == path.end() &&
      Chance(0.85)) {
    path.push_back(intermediary_hub_->code);
  } else if (Chance(Area::kRoute, 0.2, 0.6, 0.8)) {
    if (const Tables::Hub* h = PickHub(Lv(Area::kRoute) == 0 ? 0 : 2)) {
      if (std::find(path.begin(), path.end(), h->code) == path.end()) {
        path.push_back(h->code);
      }
    }
  }
  if (d.gateway && *d.gateway != path.back() && Clear(*d.gateway) &&
      *d.gateway != c_.exporter.country) {
    path.push_back(*d.gateway);
  }
  if (path.back() == d.code) path.pop_back();
  path.push_back(d.code);

  // Modes: heavy platforms by sea, aircraft flown, portable goods either.
  bool heavy = false, aircraft = false, ship = false;
  for (const GoodsLine& g : c_.goods) {
    heavy |= g.category == GoodsCategory::kBattleTanks ||
             g.category == GoodsCategory::kArmouredCombatVehicles ||
             g.category == GoodsCategory::kLargeCalibreArtillery ||
             g.quantity_unit == QuantityUnit::kContainers ||
             g.quantity_unit == QuantityUnit::kTonnes;
    aircraft |= g.category == GoodsCategory::kCombatAircraft ||
                g.category == GoodsCategory::kAttackHelicopters;
    ship |= g.category == GoodsCategory::kWarships;
  }
  const bool by_air = aircraft || (!heavy && !ship && Chance(0.5));
  const bool state_flight =
      government_ && (aircraft || Chance(0.08));  // ferried or airlifted
  const bool europe_road = d.region == Region::kEurope && exporter_->europe &&
                           path.size() == 2 && Chance(0.4);
  int carrier = -1;  // carrier of the previous leg, reused on a through flight
  for (size_t i = 0; i + 1 < path.size(); ++i) {
    Leg& leg = t.legs.emplace_back();
    leg.from = path[i];
    leg.to = path[i + 1];
    const bool last = i + 2 == path.size();
    const bool overland = (last && d.gateway && path[i] == *d.gateway) ||
                          (d.port.empty() && !by_air && last) || europe_road;
    if (overland) {
      leg.mode = Chance(0.75) ? TransportMode::kRoad : TransportMode::kRail;
    } else if (by_air || (last && d.port.empty())) {
      leg.mode = TransportMode::kAir;
    } else {
      leg.mode = TransportMode::kSea;
    }
    if (leg.mode == TransportMode::kAir) air_ = true;
    if (leg.mode == TransportMode::kSea) sea_ = true;
    const bool partial_gap =
        t.route_disclosure == RouteDisclosure::kPartial && i > 0 && Chance(0.5);
    if (leg.mode == TransportMode::kAir || leg.mode == TransportMode::kSea) {
      if (ship && leg.mode == TransportMode::kSea) {
        // A warship sails to its new owner under a delivery crew.
        if (carrier < 0) {
          carrier = static_cast<int>(c_.parties.size());
          Party& p = AddParty(PartyRole::kCarrier,
                              Cat({c_.end_user.name, " delivery crew"}), d.code,
                              PartyKind::kArmedForces);
          p.identifiers.emplace_back("imo", ImoNumber());
        }
        leg.service = CarrierService::kState;
        leg.flag = d.code;
      } else if (!partial_gap && !Chance(Area::kRoute, 0.01, 0.25, 0.35)) {
        const bool reuse = carrier >= 0 && leg.mode == TransportMode::kAir &&
                           Chance(0.6);
        if (!reuse) carrier = CarrierFor(leg.mode, leg.from);
        if (state_flight && leg.mode == TransportMode::kAir) {
          leg.service = CarrierService::kState;
        } else if (leg.mode == TransportMode::kAir && Chance(Area::kRoute, 0.03, 0.35, 0.5)) {
          leg.service = CarrierService::kCharter;
          charter_ = true;
        } else if (Rec()) {
          leg.service = Chance(0.97) ? CarrierService::kScheduled
                                     : CarrierService::kCharter;
          charter_ |= *leg.service == CarrierService::kCharter;
        }
        if (Rec()) {
          // The flag of the carrier's ship or aircraft.
          for (const auto& [index, flag] : carrier_flags_) {
            if (index == carrier) leg.flag = flag;
          }
        }
      } else {
        carrier = -1;
      }
      if (carrier >= 0 && !Chance(Area::kRoute, 0.02, 0.2, 0.3) &&
          leg.mode != TransportMode::kRail) {
        const Party& p = c_.parties[static_cast<size_t>(carrier)];
        leg.carrier = p.name;
        if (const std::string* id = p.Identifier(
                leg.mode == TransportMode::kAir ? "icao" : "imo")) {
          if (Chance(0.9)) leg.vehicle_id = *id;
        }
      } else if (!ship) {
        carrier = -1;
      }
    } else if (Rec()) {
      leg.service = CarrierService::kScheduled;  // a haulier's regular service
    }
    bool ftz_hub = false;
    for (const Tables::Hub& h : t_.hubs) {
      if (h.code == leg.to) ftz_hub = h.free_trade_zone;
    }
    if (!last) {
      // At a transit state: changed conveyance, free-trade zone handling.
      if (c_.transaction == Transaction::kTransshipment ||
          Chance(Area::kRoute, 0.35, 0.7, 0.85)) {
        leg.transshipment = true;
      } else if (Rec()) {
        leg.transshipment = false;
      }
      transit_.push_back(leg.to);
    }
    if (ftz_hub && !last && Chance(Area::kRoute, 0.05, 0.5, 0.6)) {
      leg.free_trade_zone = true;
    } else if (Rec()) {
      leg.free_trade_zone = false;
    }
    if (leg.mode == TransportMode::kSea && Chance(Area::kRoute, 0.02, 0.3, 0.4)) {
      leg.shipper_owned_sealed_containers = true;
    } else if (Rec()) {
      leg.shipper_owned_sealed_containers = false;
    }
  }
  delivery(t.legs.back().mode);
}

}  // namespace divrisk::gen
