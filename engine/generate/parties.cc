// Builder step for the other parties: consignee, forwarder, broker,
// intermediate consignee, agent, financier, denied and sanctioned names.

#include "engine/generate/generator_parts.h"

#include <string>
#include <utility>

namespace divrisk::gen {

void Builder::MakeParties() {
  const Tables::Destination& d = *dest_;
  const CountryCode home = c_.exporter.country;
  // A consignee at the destination: the end user's depot.
  if (government_ && Chance(Area::kParties, 0.4, 0.3, 0.2)) {
    std::string name;
    switch (d.lang) {
      case Lang::kFr:
        name = Cat({"Direction du Matériel, ", c_.end_user.name});
        break;
      case Lang::kEs:
        name = Cat({"Servicio de Material de Guerra, ", c_.end_user.name});
        break;
      case Lang::kPt:
        name = Cat({"Direção de Material, ", c_.end_user.name});
        break;
      case Lang::kEn:
        name = Cat({"Central Ordnance Depot, ", c_.end_user.name});
        break;
    }
    consignee_party_ = static_cast<int>(c_.parties.size());
    AddParty(PartyRole::kConsignee, std::move(name), d.code,
             c_.end_user.kind == PartyKind::kPolice ? PartyKind::kPolice
             : c_.end_user.kind == PartyKind::kOtherGovernment
                 ? PartyKind::kOtherGovernment
                 : PartyKind::kArmedForces);
  }
  // A freight forwarder at home.
  if (Chance(Area::kParties, 0.6, 0.6, 0.5)) {
    Party& f = AddParty(PartyRole::kFreightForwarder,
                        CompanyName(Pick(exporter_->stems),
                                    Pick(t_.forwarder_words),
                                    Pick(exporter_->forms)),
                        home, PartyKind::kCompany);
    if (Rec()) f.internal_compliance_programme = !Chance(Area::kParties, 0.03, 0.4, 0.5);
    if (Rec()) f.incorporated_on = DaysBefore(c_.assessed_on, 2 * 365, 40 * 365);
    if (Rec()) f.prior_violations = Chance(Area::kParties, 0, 0.1, 0.2) ? 1 : 0;
  }
  // A broker: registered at home, or a trading house in a hub.
  if (c_.transaction != Transaction::kBrokering && Chance(Area::kParties, 0.1, 0.5, 0.7)) {
    // Valid on the day, or for a high-risk case perhaps lapsed.
    const RegisterEntry* r = PickRegistered(
        exporter_->registered_brokers,
        Lv(Area::kParties) < 2 || Chance(0.5));
    if (r != nullptr && Chance(Area::kParties, 0.8, 0.4, 0.25)) {
      Party& b = AddParty(PartyRole::kBroker, r->name, home, PartyKind::kCompany);
      b.register_id = r->register_id;
      if (Rec()) b.internal_compliance_programme = Chance(Area::kParties, 0.95, 0.5, 0.3);
      if (Rec()) b.incorporated_on = DaysBefore(c_.assessed_on, 2 * 365, 30 * 365);
      if (Rec()) b.prior_violations = 0;
    } else if (const Tables::Hub* hub =
                   PickHub(Lv(Area::kParties) == 0 ? 1 : 2)) {
      Party& b = AddParty(PartyRole::kBroker, HubCompany(*hub, Pick(t_.broker_words)),
                          hub->code, PartyKind::kCompany);
      if (Chance(Area::kParties, 0.7, 0.3, 0.15)) {
        std::string id(hub->code.view());
        id += "-BRK-";
        Digits(&id, 4);
        b.register_id = std::move(id);
      }
      if (Chance(Area::kParties, 0, 0.3, 0.5)) {
        b.incorporated_on = DaysBefore(c_.assessed_on, 20, 360);
      } else if (Rec()) {
        b.incorporated_on = DaysBefore(c_.assessed_on, 2 * 365, 25 * 365);
      }
      if (Rec()) b.prior_violations = Chance(Area::kParties, 0.02, 0.2, 0.35) ? Between(1, 4) : 0;
      if (Rec()) b.internal_compliance_programme = Chance(Area::kParties, 0.8, 0.3, 0.1);
    }
  }
  // An intermediate consignee in a trading hub.
  if (Chance(Area::kParties, 0.01, 0.35, 0.6)) {
    if (const Tables::Hub* hub = PickHub(2)) {
      intermediary_hub_ = hub;
      Party& ic = AddParty(PartyRole::kIntermediateConsignee,
                           HubCompany(*hub, Pick(t_.trading_words)), hub->code,
                           PartyKind::kCompany);
      if (Chance(Area::kParties, 0, 0.3, 0.5)) {
        ic.incorporated_on = DaysBefore(c_.assessed_on, 15, 360);
      } else if (Rec()) {
        ic.incorporated_on = DaysBefore(c_.assessed_on, 2 * 365, 20 * 365);
      }
      if (Chance(0.5)) ic.address = Cat({hub->place});
    }
  }
  // A local agent.
  if (Chance(Area::kParties, 0.02, 0.2, 0.3)) {
    if (Chance(0.5)) {
      Party& a = AddParty(PartyRole::kAgent, PersonName(), d.code,
                          PartyKind::kIndividual);
      if (Chance(0.3)) a.nationality = Pick(t_.exporters).code;
    } else {
      Party& a = AddParty(PartyRole::kAgent,
                          Cat({Pick(t_.decoy_stems), " Commercial Agency"}),
                          d.code, PartyKind::kCompany);
      if (Rec()) a.incorporated_on = DaysBefore(c_.assessed_on, 100, 20 * 365);
    }
  }
  // A financier, usually offshore.
  if (Chance(Area::kParties, 0, 0.1, 0.2)) {
    if (const Tables::Hub* hub = PickHub(2)) {
      Party& f = AddParty(PartyRole::kFinancier,
                          HubCompany(*hub, Pick(t_.financier_words)), hub->code,
                          PartyKind::kCompany);
      if (Rec()) f.incorporated_on = DaysBefore(c_.assessed_on, 60, 15 * 365);
    }
  }
  // A party another state has denied, under a variant of its name.
  if (!t_.denied.empty() && Chance(Area::kParties, 0, 0.03, 0.12)) {
    const ListedParty& l = *Pick(t_.denied);
    static constexpr PartyRole kRoles[] = {PartyRole::kBroker,
                                           PartyRole::kFreightForwarder,
                                           PartyRole::kIntermediateConsignee};
    AddParty(kRoles[r_.Below(3)], ListedVariant(l),
             l.country.value_or(dest_->code), PartyKind::kCompany);
  }
  // The hard stop: a party on a binding sanctions list.
  if (sanction_ != nullptr) {
    const ListedParty& l = *sanction_;
    static constexpr PartyRole kRoles[] = {
        PartyRole::kFreightForwarder, PartyRole::kIntermediateConsignee,
        PartyRole::kBroker, PartyRole::kFinancier, PartyRole::kAgent};
    Party& p = AddParty(kRoles[r_.Below(5)], ListedVariant(l),
                        l.country.value_or(dest_->code), PartyKind::kCompany);
    if (Chance(0.4)) p.address = Cat({"c/o ", Pick(t_.decoy_stems), " Trading"});
  }
}

}  // namespace divrisk::gen
