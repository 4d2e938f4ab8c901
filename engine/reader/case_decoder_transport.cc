// How the goods travel: the legs (kept one per file entry, so errors name
// the right leg), the route disclosure and delivery, and, once the case is
// read, the chain of legs from the exporter's country to the end user's.

#include <string>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/reader/case_decoder_internal.h"

namespace divrisk::reader_internal {

void Decoder::ReadLeg(const DocNode& n, const std::string& path) {
  MapReader m(n, path, errors_);
  if (!m.ok()) {
    // Keep legs[i] the file's i-th leg, so the chain check names the right
    // leg; the empty leg's countries are skipped there.
    c_.transport->legs.emplace_back();
    return;
  }
  Leg leg;
  RequiredCountry(m, "from", &leg.from);
  RequiredCountry(m, "to", &leg.to);
  RequiredEnum(m, "mode", &leg.mode);
  Str(m, "carrier", &leg.carrier);
  if (leg.carrier) carrier_refs_.emplace_back(m.Optional("carrier"), m.PathOf("carrier"));
  Enum(m, "service", &leg.service);
  Str(m, "vehicle_id", &leg.vehicle_id);
  Bool(m, "transshipment", &leg.transshipment);
  Bool(m, "free_trade_zone", &leg.free_trade_zone);
  CountryField(m, "flag", &leg.flag);
  Bool(m, "shipper_owned_sealed_containers",
       &leg.shipper_owned_sealed_containers);
  m.Finish();
  c_.transport->legs.push_back(std::move(leg));
}

void Decoder::ReadTransport(const DocNode& n) {
  MapReader m(n, "transport", errors_);
  if (!m.ok()) return;
  transport_node_ = &n;
  c_.transport.emplace();
  Enum(m, "route_disclosure", &c_.transport->route_disclosure);
  const bool legs_optional =
      c_.transport->route_disclosure == RouteDisclosure::kNone ||
      c_.transport->route_disclosure == RouteDisclosure::kUnknown;
  if (!legs_optional && m.Optional("legs") == nullptr) {
    m.Required("legs");  // records the error
  }
  List(m, "legs", limits_.legs,
       [&](const DocNode& item, const std::string& p) {
    ReadLeg(item, p);
  });
  if (!legs_optional && m.Optional("legs") &&
      m.Optional("legs")->kind == DocNode::Kind::kSequence &&
      m.Optional("legs")->items.empty()) {
    errors_->Add(*m.Optional("legs"), "transport.legs",
                 "expected at least one leg when the route is disclosed");
  }
  if (const DocNode* d = m.Optional("delivery")) {
    MapReader dm(*d, m.PathOf("delivery"), errors_);
    if (dm.ok()) {
      Delivery delivery;
      RequiredEnum(dm, "method", &delivery.method);
      Str(dm, "place", &delivery.place);
      dm.Finish();
      c_.transport->delivery = delivery;
    }
  }
  m.Finish();
}

// The first leg leaves the exporter's (consignor's) country, each leg starts
// where the last one ended, and the last reaches the end user's country.
void Decoder::CheckLegChain(const DocNode& at) {
  if (!c_.transport || c_.transport->legs.empty()) return;
  const std::vector<Leg>& legs = c_.transport->legs;
  const DocNode* legs_node = at.Find("legs");
  auto leg_at = [&](size_t i) -> const DocNode& {
    return legs_node && i < legs_node->items.size() ? legs_node->items[i] : at;
  };
  auto name = [](CountryCode c) { return std::string(c.view()); };
  if (!legs.front().from.empty() && !c_.exporter.country.empty() &&
      legs.front().from != c_.exporter.country) {
    errors_->Add(leg_at(0), "transport.legs[0].from",
                 absl::StrCat("expected the exporter's country ",
                              name(c_.exporter.country), ", found ",
                              name(legs.front().from)));
  }
  for (size_t i = 1; i < legs.size(); ++i) {
    if (legs[i].from.empty() || legs[i - 1].to.empty()) continue;
    if (legs[i].from != legs[i - 1].to) {
      errors_->Add(leg_at(i), IndexPath("transport.legs", i) + ".from",
                   absl::StrCat("the route breaks: expected ",
                                name(legs[i - 1].to),
                                " (where the previous leg ended), found ",
                                name(legs[i].from)));
    }
  }
  if (!legs.back().to.empty() && !c_.end_user.country.empty() &&
      legs.back().to != c_.end_user.country) {
    errors_->Add(leg_at(legs.size() - 1),
                 IndexPath("transport.legs", legs.size() - 1) + ".to",
                 absl::StrCat("expected the end user's country ",
                              name(c_.end_user.country), ", found ",
                              name(legs.back().to)));
  }
}

}  // namespace divrisk::reader_internal
