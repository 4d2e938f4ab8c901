// Builder step for the end user: its kind, name and the state body or
// firm it is.

#include "engine/generate/generator_parts.h"

#include <string>

namespace divrisk::gen {

void Builder::MakeEndUser() {
  EndUser& u = c_.end_user;
  const Tables::Destination& d = *dest_;
  u.country = d.code;
  int kind;  // 0 forces 1 police 2 other gov 3 company 4 individual 5 intl
  if (hard_embargo_ != nullptr || exempted_) {
    kind = Weighted({60, 30, 10});
  } else {
    kind = ByLevel(Area::kEndUser, {50, 22, 10, 12, 3, 3},
                   {40, 18, 8, 26, 5, 3}, {35, 15, 7, 33, 7, 3});
  }
  government_ = kind <= 2;
  switch (kind) {
    case 0: {
      branch_ = static_cast<Branch>(Weighted({60, d.port.empty() ? 0u : 20u, 20}));
      u.kind = PartyKind::kArmedForces;
      use_ = branch_ == Branch::kArmy   ? gen::kArmy
             : branch_ == Branch::kNavy ? gen::kNavy
                                        : gen::kAirForce;
      u.name = Chance(0.12) ? MinistryOfDefence() : StateBody(branch_);
      if (d.lang != Lang::kEn && Chance(0.25)) {
        u.aliases.push_back(Cat({"Armed Forces of ", d.name}));
      }
      break;
    }
    case 1:
      u.kind = PartyKind::kPolice;
      use_ = gen::kPolice;
      u.name = d.lang == Lang::kFr && Chance(0.3)
                   ? Cat({"Gendarmerie nationale ", d.of})
                   : PoliceBody();
      break;
    case 2:
      u.kind = PartyKind::kOtherGovernment;
      use_ = gen::kPolice;
      u.name = OtherGovernmentBody();
      break;
    case 3:
      u.kind = PartyKind::kCompany;
      if (Chance(0.6)) {
        use_ = gen::kSecurity;
        u.name = Cat({Pick(t_.security_stems), " ", Pick(t_.security_words),
                      Chance(0.5) ? " Ltd" : " SA"});
      } else {
        use_ = gen::kSporting;
        u.name = Cat({Pick(t_.family), " ", Pick(t_.dealer_words)});
      }
      u.incorporated_on = Chance(Area::kParties, 0, 0.2, 0.4)
                              ? DaysBefore(c_.assessed_on, 20, 360)
                              : DaysBefore(c_.assessed_on, 2 * 365, 40 * 365);
      if (Chance(0.5)) u.address = d.airport;
      break;
    case 4:
      u.kind = PartyKind::kIndividual;
      use_ = gen::kSporting;
      u.name = PersonName();
      if (Chance(0.3)) {
        const Tables::Exporter& e = Pick(t_.exporters);
        if (e.code != d.code) u.nationality = e.code;
      }
      break;
    default:
      u.kind = PartyKind::kInternationalOrganisation;
      use_ = gen::kArmy | gen::kPolice;
      u.name = Cat({Pick(t_.intl_orgs), " (", d.name, ")"});
      break;
  }
  if (archive_ && Chance(0.2)) u.kind.reset();
}

}  // namespace divrisk::gen
