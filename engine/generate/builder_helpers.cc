// Builder helpers shared by the areas: embargo checks, names of state
// bodies, listed-name variants, IMO numbers and aircraft registrations,
// hubs, flags and carriers.

#include "engine/generate/generator_parts.h"

#include <cctype>
#include <string>
#include <utility>

namespace divrisk::gen {

bool Builder::EmbargoedTo(CountryCode c, Date d) const {
  auto it = t_.embargoes.find(c);
  if (it == t_.embargoes.end()) return false;
  for (const Embargo* e : it->second) {
    if (e->InForceOn(d) && e->Covers(true)) return true;
  }
  return false;
}

bool Builder::EmbargoedFrom(CountryCode c, Date d) const {
  auto it = t_.embargoes.find(c);
  if (it == t_.embargoes.end()) return false;
  for (const Embargo* e : it->second) {
    if (e->InForceOn(d) && e->Covers(false)) return true;
  }
  return false;
}

std::string Builder::StateBody(Branch b) const {
  const std::string& of = dest_->of;
  switch (dest_->lang) {
    case Lang::kEn:
      if (dest_->synthetic) break;
      return Cat({of, b == Branch::kArmy   ? " Army"
                      : b == Branch::kNavy ? " Navy"
                                           : " Air Force"});
    case Lang::kFr:
      return Cat({b == Branch::kArmy   ? "Armée de Terre "
                  : b == Branch::kNavy ? "Marine nationale "
                                       : "Armée de l'Air ",
                  of});
    case Lang::kEs:
      return Cat({b == Branch::kArmy   ? "Ejército "
                  : b == Branch::kNavy ? "Armada "
                                       : "Fuerza Aérea ",
                  of});
    case Lang::kPt:
      return Cat({b == Branch::kArmy   ? "Exército "
                  : b == Branch::kNavy ? "Marinha "
                                       : "Força Aérea ",
                  of});
  }
  return Cat({b == Branch::kArmy   ? "Army of "
              : b == Branch::kNavy ? "Navy of "
                                   : "Air Force of ",
              dest_->name});
}

std::string Builder::PoliceBody() const {
  const std::string& of = dest_->of;
  switch (dest_->lang) {
    case Lang::kEn:
      if (dest_->synthetic) return Cat({"National Police of ", dest_->name});
      return Cat({of, " National Police"});
    case Lang::kFr:
      return Cat({"Police nationale ", of});
    case Lang::kEs:
      return Cat({"Policía Nacional ", of});
    case Lang::kPt:
      return Cat({"Polícia Nacional ", of});
  }
  return std::string();
}

std::string Builder::OtherGovernmentBody() {
  const std::string& of = dest_->of;
  const int k = static_cast<int>(r_.Below(4));
  switch (dest_->lang) {
    case Lang::kEn: {
      static constexpr const char* kBodies[] = {
          " Border Guard Service", " Customs Service", " Presidential Guard",
          " Wildlife Service"};
      if (dest_->synthetic) return Cat({"Customs Service of ", dest_->name});
      return Cat({of, kBodies[k]});
    }
    case Lang::kFr: {
      static constexpr const char* kBodies[] = {
          "Garde nationale ", "Direction générale des Douanes ",
          "Garde présidentielle ", "Direction des Eaux et Forêts "};
      return Cat({kBodies[k], of});
    }
    case Lang::kEs: {
      static constexpr const char* kBodies[] = {
          "Guardia Fronteriza ", "Dirección de Aduanas ",
          "Guardia Presidencial ", "Guardaparques Nacionales "};
      return Cat({kBodies[k], of});
    }
    case Lang::kPt: {
      static constexpr const char* kBodies[] = {
          "Guarda Fronteira ", "Direção-Geral das Alfândegas ",
          "Guarda Presidencial ", "Fiscalização Florestal "};
      return Cat({kBodies[k], of});
    }
  }
  return std::string();
}

std::string Builder::MinistryOfDefence() const {
  switch (dest_->lang) {
    case Lang::kEn:
      return Cat({"Ministry of Defence, ", dest_->name});
    case Lang::kFr:
      return Cat({"Ministère de la Défense ", dest_->of});
    case Lang::kEs:
      return Cat({"Ministerio de Defensa ", dest_->of});
    case Lang::kPt:
      return Cat({"Ministério da Defesa ", dest_->of});
  }
  return std::string();
}

std::string Builder::MinistryOfInterior() const {
  switch (dest_->lang) {
    case Lang::kEn:
      return Cat({"Ministry of Interior, ", dest_->name});
    case Lang::kFr:
      return Cat({"Ministère de l'Intérieur ", dest_->of});
    case Lang::kEs:
      return Cat({"Ministerio del Interior ", dest_->of});
    case Lang::kPt:
      return Cat({"Ministério do Interior ", dest_->of});
  }
  return std::string();
}

// A listed party's name or alias, written as a document might: another
// case, punctuation dropped or added, a legal form appended. Each variant
// normalises (name_normalizer.h) to the listed name.
std::string Builder::ListedVariant(const ListedParty& p) {
  std::string name =
      !p.aliases.empty() && Chance(0.35) ? Pick(p.aliases) : p.name;
  switch (Weighted({30, 20, 20, 15, 15})) {
    case 0:
      break;  // as listed
    case 1:  // Title Case
      for (size_t i = 0; i < name.size(); ++i) {
        unsigned char ch = static_cast<unsigned char>(name[i]);
        if (ch >= 0x80) continue;
        const bool first = i == 0 || name[i - 1] == ' ' || name[i - 1] == '(';
        name[i] = static_cast<char>(first ? std::toupper(ch) : std::tolower(ch));
      }
      break;
    case 2:  // upper case
      for (char& ch : name) {
        if (static_cast<unsigned char>(ch) < 0x80) ch = static_cast<char>(std::toupper(ch));
      }
      break;
    case 3: {  // punctuation dropped
      std::string out;
      out.reserve(name.size());
      for (char ch : name) {
        if (ch == '(' || ch == ')' || ch == ',' || ch == '.' || ch == '"') continue;
        out.push_back(ch);
      }
      name = std::move(out);
      break;
    }
    case 4:  // a legal form added
      name += Chance(0.5) ? " Ltd." : " Co., Ltd";
      break;
  }
  return name;
}

std::string Builder::ImoNumber() {
  std::string imo;
  imo.reserve(7);
  imo.push_back(Chance(0.85) ? '9' : '8');
  Digits(&imo, 5);
  imo.push_back(static_cast<char>('0' + ImoCheckDigit(imo)));
  return imo;
}

std::string Builder::AircraftRegistration(const char* prefix) {
  std::string reg = prefix;
  if (reg == "N") {
    Digits(&reg, 3);
    Letters(&reg, 2);
  } else if (reg == "UP-" || reg == "EX-" || reg == "ER-") {
    Letters(&reg, 1);
    Digits(&reg, 4);
  } else {
    Letters(&reg, 4);
  }
  return reg;
}

const Tables::Hub* Builder::PickHub(int max_tier) {
  for (int attempt = 0; attempt < 12; ++attempt) {
    const Tables::Hub& h = Pick(t_.hubs);
    if (h.tier > max_tier || h.code == c_.exporter.country ||
        h.code == dest_->code || !Clear(h.code)) {
      continue;
    }
    return &h;
  }
  return nullptr;
}

const Tables::Flag& Builder::PickFlag(bool air, bool concern) {
  for (int attempt = 0; attempt < 16; ++attempt) {
    const Tables::Flag& f = Pick(t_.flags);
    if (air && f.air_prefix == nullptr) continue;
    if (concern != (f.concern == 2)) continue;
    return f;
  }
  return t_.flags.front();
}

// Adds a carrier party for a leg of `mode` and returns its index, or -1.
int Builder::CarrierFor(TransportMode mode, CountryCode near) {
  const bool air = mode == TransportMode::kAir;
  const bool concern = Chance(Area::kRoute, 0.01, 0.3, 0.5);
  const Tables::Flag& flag = PickFlag(air, concern);
  std::string name =
      air ? Cat({Pick(t_.air_stems), " ", Pick(t_.air_suffixes)})
          : Cat({Pick(t_.sea_stems), " ", Pick(t_.sea_suffixes)});
  // Registered where its ship or aircraft is, mostly; a carrier flagged
  // elsewhere than its home is itself a warning sign (TR-1).
  Party& p = AddParty(PartyRole::kCarrier, std::move(name),
                      Chance(Area::kRoute, 0, 0.2, 0.4) ? near : flag.code,
                      PartyKind::kCompany);
  carrier_flags_.push_back({static_cast<int>(c_.parties.size()) - 1, flag.code});
  if (Rec()) p.incorporated_on = DaysBefore(c_.assessed_on, 3 * 365, 50 * 365);
  if (Rec()) p.prior_violations = 0;
  // Weakly identified carriers have no registration on file.
  if (!Chance(Area::kRoute, 0.02, 0.2, 0.35)) {
    p.identifiers.emplace_back(air ? "icao" : "imo",
                               air ? AircraftRegistration(flag.air_prefix)
                                   : ImoNumber());
  }
  return static_cast<int>(c_.parties.size()) - 1;
}

}  // namespace divrisk::gen
