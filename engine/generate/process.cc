// Builder steps for the licensing process: mitigations, consultations,
// authorisations, conduct and amendments.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>

namespace divrisk::gen {

void Builder::MakeProcess() {
  const Tables::Destination& d = *dest_;
  if (!archive_) {
    const double p = P(0.18, 0.22, 0.12);
    for (size_t i = 0; i < kEnumWords<Mitigation>.size(); ++i) {
      const auto m = static_cast<Mitigation>(i);
      if (m == Mitigation::kGovernmentToGovernment && !government_) continue;
      if (m == Mitigation::kEndUserTraining &&
          hard_ == HardStopKind::kOverridingRisk) {
        continue;  // it would lower the Art. 7 risk below the threshold
      }
      if (Chance(p)) c_.mitigations.Add(m);
    }
  }
  // Consultations: the destination about the EUC or end user, transit
  // states about passage, the state of origin about re-export.
  auto consult = [&](CountryCode with, ConsultationSubject subject) {
    Consultation& x = c_.consultations.emplace_back();
    x.with = with;
    if (Chance(0.9)) x.date = DaysBefore(c_.assessed_on, 3, 90);
    x.subject = subject;
    const int k = ByLevel(Area::kHistory, {55, 35, 0, 6, 4},
                          {20, 20, 15, 25, 20}, {10, 15, 30, 25, 20});
    x.result = static_cast<ConsultationResult>(k);
  };
  if (!archive_ && Chance(P(0.4, 0.5, 0.6))) {
    const int k = Weighted({50, 35, 15});
    consult(d.code, k == 0   ? ConsultationSubject::kEucAuthentication
                    : k == 1 ? ConsultationSubject::kEndUser
                             : ConsultationSubject::kOther);
  }
  for (CountryCode via : transit_) {
    if (Chance(0.3)) consult(via, ConsultationSubject::kTransit);
  }
  for (const GoodsLine& g : c_.goods) {
    if (g.origin_country && Chance(0.3)) {
      consult(*g.origin_country, ConsultationSubject::kOther);
      break;
    }
  }
  if (Chance(Area::kHistory, 0, 0.1, 0.2)) {
    consult(Pick(t_.exporters).code, ConsultationSubject::kDenial);
  }

  // Authorisations: the exemptions an embargoed destination needs, and the
  // ECOWAS exemption for small arms into West Africa.
  if (exempted_) {
    auto it = t_.embargoes.find(d.code);
    std::vector<const std::string*> bodies;
    for (const Embargo* e : it->second) {
      if (!e->InForceOn(c_.assessed_on) || !e->Covers(true)) continue;
      bool seen = false;
      for (const std::string* b : bodies) seen |= *b == e->imposing_body;
      if (!seen) bodies.push_back(&e->imposing_body);
    }
    for (const std::string* body : bodies) {
      Authorisation& a = c_.authorisations.emplace_back();
      a.body = *body;
      std::string ref = Cat({*body, " exemption ", d.code.view(), "-EX-",
                             Year(c_.assessed_on), "-"});
      Digits(&ref, 3);
      a.reference = std::move(ref);
      a.date = DaysBefore(c_.assessed_on, 1, 60);
    }
  }
  if (d.ecowas) {
    bool salw = false;
    for (const GoodsLine& g : c_.goods) {
      salw |= g.category == GoodsCategory::kSmallArms ||
              g.category == GoodsCategory::kLightWeapons;
    }
    if (salw && Chance(0.5)) {
      Authorisation& a = c_.authorisations.emplace_back();
      a.body = "ECOWAS";
      std::string ref = Cat({"ECOWAS Commission exemption ECW/SALW/",
                             Year(c_.assessed_on), "/"});
      Digits(&ref, 3);
      a.reference = std::move(ref);
      if (Chance(0.8)) a.date = DaysBefore(c_.assessed_on, 5, 120);
    }
  }

  // Conduct of the applicant or its customer.
  const int words = ByLevel(Area::kConduct, {97, 3, 0, 0}, {10, 50, 30, 10},
                            {5, 25, 35, 35});
  for (int i = 0; i < words; ++i) {
    c_.conduct.Add(static_cast<Conduct>(r_.Below(kEnumWords<Conduct>.size())));
  }
}

void Builder::MakeAmendments() {
  if (archive_ || !Chance(Area::kConduct, 0.02, 0.5, 0.6)) return;
  const int n = Weighted({60, 30, 10}) + 1;
  for (int i = 0; i < n; ++i) {
    Amendment a;
    if (Chance(0.9)) a.date = DaysBefore(c_.assessed_on, 1, 90);
    switch (r_.Below(5)) {
      case 0:
        a.path = "end_user.name";
        a.old_value = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
        a.new_value = c_.end_user.name;
        break;
      case 1:
        if (c_.parties.empty()) continue;
        {
          const size_t k = r_.Below(c_.parties.size());
          a.path = Cat({"parties[", std::to_string(k), "].name"});
          a.old_value = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
          a.new_value = c_.parties[k].name;
        }
        break;
      case 2:
        if (!c_.transport || c_.transport->legs.size() < 2) continue;
        a.path = "transport.legs[0].to";
        a.old_value = std::string(Pick(t_.hubs).code.view());
        a.new_value = std::string(c_.transport->legs[0].to.view());
        break;
      case 3:
        if (!c_.transport || !c_.transport->delivery) continue;
        a.path = "transport.delivery.method";
        a.old_value = "airport";
        a.new_value = EnumWord(c_.transport->delivery->method);
        break;
      default:
        a.path = "goods[0].quantity";
        a.old_value = std::to_string(std::max<int64_t>(1, c_.goods[0].quantity / 2));
        a.new_value = std::to_string(c_.goods[0].quantity);
        break;
    }
    if (a.old_value == a.new_value) continue;
    c_.amendments.push_back(std::move(a));
  }
}

}  // namespace divrisk::gen
