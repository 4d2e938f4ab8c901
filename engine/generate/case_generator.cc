#include "engine/generate/case_generator.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/generate/generator_tables.h"

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

namespace {

using gen::Lang;
using gen::Region;

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  if (s.empty()) return out;
  size_t start = 0;
  for (;;) {
    size_t end = s.find(sep, start);
    out.push_back(s.substr(start, end == std::string_view::npos
                                      ? std::string_view::npos
                                      : end - start));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

// A vector of at most N elements on the stack: the per-case scratch lists,
// so that making a case allocates only for what the case itself holds.
template <typename T, size_t N>
class SmallVec {
 public:
  void push_back(const T& v) {
    if (size_ < N) items_[size_++] = v;
  }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const T& operator[](size_t i) const { return items_[i]; }
  const T& front() const { return items_[0]; }
  const T* begin() const { return items_.data(); }
  const T* end() const { return items_.data() + size_; }

 private:
  std::array<T, N> items_{};
  size_t size_ = 0;
};

CountryCode Code(std::string_view text) {
  return CountryCode::FromText(text).value_or(CountryCode());
}

const Date kFirstDay = DateFromCivil(2015, 1, 1);
const Date kLastDay = DateFromCivil(2026, 12, 31);

// Member states of ECOWAS (its small-arms convention asks for an exemption
// for every SALW transfer into the region).
constexpr const char* kEcowas[] = {"BJ", "BF", "CV", "CI", "GM", "GH", "GN",
                                   "GW", "LR", "ML", "NE", "NG", "SN", "SL",
                                   "TG"};

}  // namespace

// ---------------------------------------------------------------- tables

struct CaseGenerator::Tables {
  struct Exporter {
    CountryCode code;
    uint32_t weight = 0;
    Lang lang = Lang::kEn;
    std::vector<std::string_view> forms, stems, cities;
    std::vector<const RegisterEntry*> registered_exporters;
    std::vector<const RegisterEntry*> registered_brokers;
    bool register_held = false;  // the authority holds its exporters' register
    bool europe = false;
  };
  struct Destination {
    CountryCode code;
    Region region = Region::kEurope;
    int tier = 0;
    Lang lang = Lang::kEn;
    std::string of, name, port, airport;
    std::optional<CountryCode> gateway;
    std::vector<std::string_view> regions;
    std::vector<const EucTemplate*> templates;
    std::vector<const FlaggedEucNumber*> flagged;
    bool ecowas = false;
    bool synthetic = false;  // named from the reference data alone
    uint32_t weight = 1;
  };
  struct Hub {
    CountryCode code;
    int tier = 0;
    bool free_trade_zone = false;
    std::string_view place;
    std::vector<std::string_view> stems, forms;
  };
  struct Flag {
    CountryCode code;
    const char* air_prefix = nullptr;
    int concern = 0;
  };

  std::vector<Exporter> exporters;
  uint32_t exporter_weight = 0;
  std::vector<Destination> destinations;
  std::vector<int> by_tier[4];
  uint32_t tier_weight[4] = {};
  absl::flat_hash_map<CountryCode, int> destination_index;
  std::vector<Hub> hubs;
  std::vector<Flag> flags;
  absl::flat_hash_map<CountryCode, std::vector<const Embargo*>> embargoes;
  std::vector<const Embargo*> hard_embargoes;  // full, binding, UN/EU
  std::vector<int> embargo_prone;  // destination indices, tier 3
  std::vector<const ListedParty*> sanctioned, denied;
  std::vector<const FlaggedEucNumber*> flagged;

  std::vector<std::string_view> sectors[4];
  std::vector<std::string_view> sea_stems, sea_suffixes, air_stems,
      air_suffixes, forwarder_words, broker_words, financier_words,
      vague_end_uses, decoy_stems, decoy_forms, trading_words, security_stems,
      security_words, dealer_words, given, family, intl_orgs;
};

namespace {

using Tables = CaseGenerator::Tables;

bool HardBody(const std::string& body) { return body == "UN" || body == "EU"; }

std::unique_ptr<Tables> BuildTables(const ReferenceData& ref) {
  auto t = std::make_unique<Tables>();
  auto known = [&](CountryCode c) { return ref.Country(c) != nullptr; };

  for (const gen::ExporterRow& row : gen::kExporters) {
    const CountryCode code = Code(row.code);
    if (!known(code)) continue;
    Tables::Exporter e;
    e.code = code;
    e.weight = row.weight;
    e.lang = row.lang;
    e.forms = Split(row.forms, '|');
    e.stems = Split(row.stems, '|');
    e.cities = Split(row.cities, '|');
    for (const RegisterEntry& r : ref.register_entries) {
      if (r.country != code) continue;
      (r.role == RegisterRole::kExporter ? e.registered_exporters
                                         : e.registered_brokers)
          .push_back(&r);
    }
    e.register_held = ref.HoldsRegister(code, RegisterRole::kExporter);
    for (const char* eu : {"GB", "DE", "FR", "IT", "ES", "SE", "NO", "CZ", "BG",
                           "RS", "NL", "BE", "PL", "AT", "CH", "FI", "SK", "RO",
                           "HR", "PT"}) {
      e.europe |= code == Code(eu);
    }
    t->exporter_weight += e.weight;
    t->exporters.push_back(std::move(e));
  }

  for (const Embargo& e : ref.embargoes) {
    if (!e.target) continue;
    t->embargoes[*e.target].push_back(&e);
    const Date end = e.end.value_or(kLastDay);
    if (e.binding && e.scope == EmbargoScope::kFull && HardBody(e.imposing_body) &&
        e.Covers(/*arms_to_target=*/true) && known(*e.target) &&
        std::max(e.start, kFirstDay) <= std::min(end, kLastDay)) {
      t->hard_embargoes.push_back(&e);
    }
  }

  auto add_destination = [&](Tables::Destination d) {
    const int index = static_cast<int>(t->destinations.size());
    t->destination_index[d.code] = index;
    for (const EucTemplate& tpl : ref.euc_templates) {
      if (tpl.country == d.code) d.templates.push_back(&tpl);
    }
    for (const FlaggedEucNumber& f : ref.flagged_euc_numbers) {
      if (f.issuer_country == d.code) d.flagged.push_back(&f);
    }
    for (const char* e : kEcowas) d.ecowas |= d.code == Code(e);
    t->by_tier[d.tier].push_back(index);
    t->tier_weight[d.tier] += d.weight;
    if (d.tier == 3) t->embargo_prone.push_back(index);
    t->destinations.push_back(std::move(d));
  };
  for (const gen::DestinationRow& row : gen::kDestinations) {
    const CountryCode code = Code(row.code);
    if (!known(code)) continue;
    Tables::Destination d;
    d.code = code;
    d.region = row.region;
    d.tier = row.tier;
    d.lang = row.lang;
    d.of = row.of;
    d.name = row.name;
    if (row.port) d.port = row.port;
    d.airport = row.airport;
    if (row.gateway && known(Code(row.gateway))) d.gateway = Code(row.gateway);
    d.regions = Split(row.regions, ' ');
    d.weight = row.weight;
    add_destination(std::move(d));
  }
  // Embargo targets the table does not describe: named from the reference.
  for (const Embargo* e : t->hard_embargoes) {
    if (t->destination_index.contains(*e->target)) continue;
    const CountryProfile* p = ref.Country(*e->target);
    Tables::Destination d;
    d.code = *e->target;
    d.region = Region::kAfrica;
    d.tier = 3;
    d.of = p->name;
    d.name = p->name;
    d.airport = "the international airport of " + p->name;
    d.port = "the main port of " + p->name;
    d.lang = Lang::kEn;
    d.synthetic = true;
    add_destination(std::move(d));
  }

  for (const gen::HubRow& row : gen::kHubs) {
    const CountryCode code = Code(row.code);
    if (!known(code)) continue;
    t->hubs.push_back({code, row.tier, row.free_trade_zone, row.place,
                       Split(row.stems, '|'), Split(row.forms, '|')});
  }
  for (const gen::FlagRow& row : gen::kFlags) {
    const CountryCode code = Code(row.country);
    if (known(code)) t->flags.push_back({code, row.air_prefix, row.concern});
  }
  for (const ListedParty& p : ref.listed_parties) {
    (p.effect == ListingEffect::kSanction ? t->sanctioned : t->denied)
        .push_back(&p);
  }
  for (const FlaggedEucNumber& f : ref.flagged_euc_numbers) {
    if (t->destination_index.contains(f.issuer_country)) t->flagged.push_back(&f);
  }

  t->sectors[0] = Split(gen::kSectorsEn, '|');
  t->sectors[1] = Split(gen::kSectorsFr, '|');
  t->sectors[2] = Split(gen::kSectorsEs, '|');
  t->sectors[3] = Split(gen::kSectorsPt, '|');
  t->sea_stems = Split(gen::kSeaStems, '|');
  t->sea_suffixes = Split(gen::kSeaSuffixes, '|');
  t->air_stems = Split(gen::kAirStems, '|');
  t->air_suffixes = Split(gen::kAirSuffixes, '|');
  t->forwarder_words = Split(gen::kForwarderWords, '|');
  t->broker_words = Split(gen::kBrokerWords, '|');
  t->financier_words = Split(gen::kFinancierWords, '|');
  t->vague_end_uses = Split(gen::kVagueEndUses, '|');
  t->decoy_stems = Split(gen::kDecoyStems, '|');
  t->decoy_forms = Split(gen::kDecoyForms, '|');
  t->trading_words = Split(gen::kTradingWords, '|');
  t->security_stems = Split(gen::kSecurityStems, '|');
  t->security_words = Split(gen::kSecurityWords, '|');
  t->dealer_words = Split(gen::kDealerWords, '|');
  t->given = Split(gen::kGivenNames, '|');
  t->family = Split(gen::kFamilyNames, '|');
  t->intl_orgs = Split(gen::kIntlOrgs, '|');
  return t;
}

// ---------------------------------------------------------------- builder

// What one case is made of, decided before its fields are written.
enum class Branch : uint8_t { kArmy, kNavy, kAirForce };

// The areas a case's concerns lie in. A clean case has none; a medium one
// one to three, a high one four to seven: only in those does the profile's
// level apply, elsewhere the case is drawn as a clean one.
enum class Area : uint8_t {
  kDestination, kEuc, kDocuments, kParties, kRoute, kEndUser, kHistory,
  kIntel, kConduct };
constexpr int kAreaCount = 9;

// Builds one case from its own random stream. `lv` is the risk level the
// profile sets for the ordinary choices (0 clean, 1 medium, 2 high); a
// hard-stop case draws its level like any other case and then adds the one
// fact that makes it a hard stop.
class Builder {
 public:
  Builder(const Tables& t, const ReferenceData& ref, Prng& r, Case& c)
      : t_(t), ref_(ref), r_(r), c_(c) {}

  void Build(uint64_t seed, uint64_t index, RiskProfile profile,
             HardStopKind hard);
  bool archive() const { return archive_; }
  HardStopKind hard() const { return hard_; }

 private:
  // ---- random helpers
  // The case's level (0 clean, 1 medium, 2 high) in area `a`.
  int Lv(Area a) const {
    return (areas_ >> static_cast<int>(a)) & 1u ? lv_ : 0;
  }
  // By the case's overall level.
  double P(double clean, double medium, double high) const {
    return lv_ == 0 ? clean : lv_ == 1 ? medium : high;
  }
  // By the case's level in area `a`.
  double P(Area a, double clean, double medium, double high) const {
    const int l = Lv(a);
    return l == 0 ? clean : l == 1 ? medium : high;
  }
  bool Chance(Area a, double clean, double medium, double high) {
    return r_.Chance(P(a, clean, medium, high));
  }
  bool Chance(double p) { return r_.Chance(p); }
  // Whether an ordinary fact is on record: nearly always in a clean,
  // well-documented case, less in riskier ones, least in archives.
  bool Rec() { return r_.Chance(rec_); }
  int64_t Between(int64_t lo, int64_t hi) { return r_.Between(lo, hi); }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[r_.Below(v.size())];
  }
  template <typename T, size_t N>
  const T& Pick(const SmallVec<T, N>& v) {
    return v[r_.Below(v.size())];
  }
  // Index by integer weights.
  int Weighted(std::initializer_list<uint32_t> weights) {
    uint32_t total = 0;
    for (uint32_t w : weights) total += w;
    uint64_t x = r_.Below(total);
    int i = 0;
    for (uint32_t w : weights) {
      if (x < w) return i;
      x -= w;
      ++i;
    }
    return i - 1;
  }
  // Weighted by risk level: one weight list per level.
  int ByLevel(std::initializer_list<uint32_t> clean,
              std::initializer_list<uint32_t> medium,
              std::initializer_list<uint32_t> high) {
    return Weighted(lv_ == 0 ? clean : lv_ == 1 ? medium : high);
  }
  int ByLevel(Area a, std::initializer_list<uint32_t> clean,
              std::initializer_list<uint32_t> medium,
              std::initializer_list<uint32_t> high) {
    const int l = Lv(a);
    return Weighted(l == 0 ? clean : l == 1 ? medium : high);
  }
  // Mostly small values: lo + (hi - lo) * u^2, with exact arithmetic.
  int64_t Skewed(int64_t lo, int64_t hi) {
    const double u = r_.Unit();
    return lo + static_cast<int64_t>(static_cast<double>(hi - lo) * u * u);
  }
  Date DaysBefore(Date d, int lo, int hi) {
    return Date{d.days - static_cast<int32_t>(Between(lo, hi))};
  }
  Date DaysAfter(Date d, int lo, int hi) {
    return Date{d.days + static_cast<int32_t>(Between(lo, hi))};
  }
  void Digits(std::string* s, int n) {
    for (int i = 0; i < n; ++i) s->push_back(static_cast<char>('0' + r_.Below(10)));
  }
  void Letters(std::string* s, int n) {
    for (int i = 0; i < n; ++i) s->push_back(static_cast<char>('A' + r_.Below(26)));
  }
  static void Append(std::string* s, std::initializer_list<std::string_view> parts) {
    for (std::string_view p : parts) s->append(p);
  }
  static std::string Cat(std::initializer_list<std::string_view> parts) {
    size_t n = 0;
    for (std::string_view p : parts) n += p.size();
    std::string s;
    s.reserve(n);
    for (std::string_view p : parts) s.append(p);
    return s;
  }
  static std::string Year(Date d) {
    return std::to_string(CivilFromDate(d).year);
  }

  // ---- embargo checks
  bool EmbargoedTo(CountryCode c, Date d) const;
  bool EmbargoedFrom(CountryCode c, Date d) const;
  bool Clear(CountryCode c) const {
    return !EmbargoedTo(c, c_.assessed_on) && !EmbargoedFrom(c, c_.assessed_on);
  }

  // ---- steps
  void PickDateAndDestination();
  int PickDestination();
  void PickExporter();
  void MakeEndUser();
  void MakeGoods();
  void MakeEuc();
  void MakeParties();
  void MakeTransport();
  void MakeDocuments();
  void MakeProcess();  // mitigations, consultations, authorisations, conduct
  void MakeAmendments();
  void MakeHistory();
  void MakeIntelligence();
  void MakeOutcome();

  // ---- names
  std::string CompanyName(std::string_view stem, std::string_view words,
                          std::string_view form) {
    return Cat({stem, " ", words, " ", form});
  }
  std::string StateBody(Branch b) const;
  std::string PoliceBody() const;
  std::string OtherGovernmentBody();
  std::string MinistryOfDefence() const;
  std::string MinistryOfInterior() const;
  std::string PersonName() {
    return Cat({Pick(t_.given), " ", Pick(t_.family)});
  }
  std::string HubCompany(const Tables::Hub& hub, std::string_view words) {
    return CompanyName(Pick(hub.stems), words, Pick(hub.forms));
  }
  std::string ListedVariant(const ListedParty& p);
  std::string ImoNumber();
  std::string AircraftRegistration(const char* prefix);
  Party& AddParty(PartyRole role, std::string name, CountryCode country,
                  PartyKind kind) {
    Party& p = c_.parties.emplace_back();
    p.role = role;
    p.name = std::move(name);
    p.country = country;
    p.kind = kind;
    return p;
  }
  const Tables::Hub* PickHub(int max_tier);
  // A register entry that is (or is not) valid on assessed_on, by a few
  // random draws (registers can be long), or nullptr.
  const RegisterEntry* PickRegistered(
      const std::vector<const RegisterEntry*>& entries, bool valid) {
    if (entries.empty()) return nullptr;
    for (int attempt = 0; attempt < 8; ++attempt) {
      const RegisterEntry* r = Pick(entries);
      if (r->ValidOn(c_.assessed_on) == valid) return r;
    }
    return nullptr;
  }
  const Tables::Flag& PickFlag(bool air, bool concern);
  int CarrierFor(TransportMode mode, CountryCode near);

  const Tables& t_;
  const ReferenceData& ref_;
  Prng& r_;
  Case& c_;

  int lv_ = 0;
  uint32_t areas_ = 0;  // bit per Area: where the concerns lie
  double rec_ = 1;  // see Rec()
  RiskProfile profile_ = RiskProfile::kClean;
  HardStopKind hard_ = HardStopKind::kNone;
  bool archive_ = false;
  const Embargo* hard_embargo_ = nullptr;
  const FlaggedEucNumber* forged_ = nullptr;  // forged-EUC scenario
  bool exempted_ = false;  // embargoed destination under an exemption
  const Tables::Exporter* exporter_ = nullptr;
  const Tables::Destination* dest_ = nullptr;
  Branch branch_ = Branch::kArmy;
  uint8_t use_ = gen::kArmy;
  bool government_ = true;
  const Tables::Hub* intermediary_hub_ = nullptr;
  int consignee_party_ = -1;
  SmallVec<CountryCode, 8> transit_;  // transit states in leg order
  SmallVec<std::pair<int, CountryCode>, 16> carrier_flags_;  // party, flag
  const ListedParty* sanction_ = nullptr;  // the sanctioned-party hard stop
  bool air_ = false, sea_ = false, charter_ = false;
  std::string contract_number_;
};

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

// ---------------------------------------------------------- date and place

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

// ------------------------------------------------------------- end user

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

// ---------------------------------------------------------------- goods

void Builder::MakeGoods() {
  // The main line: something this end user buys, portable items weighted
  // up for the riskier levels.
  SmallVec<int, std::size(gen::kGoods)> candidates;
  for (int i = 0; i < static_cast<int>(std::size(gen::kGoods)); ++i) {
    const gen::GoodsRow& g = gen::kGoods[i];
    if ((g.use & use_) == 0) continue;
    if (g.manpads && !Chance(Area::kEndUser, 0.0, 0.1, 0.25)) continue;  // rare
    candidates.push_back(i);
  }
  if (candidates.empty()) candidates.push_back(0);
  auto portable = [](GoodsCategory cat) {
    return cat == GoodsCategory::kSmallArms ||
           cat == GoodsCategory::kLightWeapons ||
           cat == GoodsCategory::kAmmunition ||
           cat == GoodsCategory::kMissilesAndLaunchers;
  };
  auto add_line = [&](const gen::GoodsRow& row, bool main_line) {
    GoodsLine& g = c_.goods.emplace_back();
    g.category = row.category;
    g.description = row.description;
    if (row.control_entry && !(archive_ && Chance(0.5)) && Chance(0.85)) {
      g.control_entry = row.control_entry;
    }
    int64_t q = Skewed(row.qty_lo, row.qty_hi);
    if (q >= 100000) {
      q = q / 10000 * 10000;
    } else if (q >= 1000) {
      q = q / 100 * 100;
    }
    g.quantity = std::max<int64_t>(q, 1);
    g.quantity_unit = row.unit;
    const int cond = Weighted({80, 10, 10});
    if (cond == 0) {
      g.condition = row.condition;
    } else if (cond == 1) {
      g.condition = static_cast<GoodsCondition>(r_.Below(4));
    }
    if (c_.transaction == Transaction::kReExport ||
        c_.transaction == Transaction::kBrokering || Chance(0.05)) {
      // Made elsewhere: the original exporter's consent may be needed.
      for (int attempt = 0; attempt < 4; ++attempt) {
        const Tables::Exporter& o = Pick(t_.exporters);
        if (o.code != c_.exporter.country &&
            !EmbargoedFrom(o.code, c_.assessed_on)) {
          g.origin_country = o.code;
          break;
        }
      }
      if (c_.transaction == Transaction::kReExport && main_line) {
        g.condition = Chance(0.5) ? GoodsCondition::kSecondHand
                                  : GoodsCondition::kSurplus;
      }
    }
    if (!(archive_ && Chance(0.5)) && Chance(0.92)) {
      // Cents, rounded to a sensible precision; exact in binary64 / 100.
      int64_t cents = row.value_lo + static_cast<int64_t>(r_.Below(
                                         static_cast<uint64_t>(row.value_hi - row.value_lo + 1)));
      if (cents >= 100000000) {
        cents = cents / 100000 * 100000;
      } else if (cents >= 100000) {
        cents = cents / 1000 * 1000;
      } else if (cents >= 1000) {
        cents = cents / 100 * 100;
      }
      g.unit_value = static_cast<double>(cents) / 100.0;
    }
    if (portable(row.category)) {
      switch (ByLevel(Area::kEndUser, {92, 2, 6}, {50, 35, 15}, {30, 50, 20})) {
        case 0:
          g.marked = true;
          break;
        case 1:
          g.marked = false;
          break;
        default:
          break;
      }
    } else if (Chance(0.3)) {
      g.marked = true;
    }
    if (row.manpads) {
      g.manpads = true;
    } else if (portable(row.category) && Chance(0.2)) {
      g.manpads = false;
    }
  };

  uint32_t total = 0;
  SmallVec<uint32_t, std::size(gen::kGoods)> weights;
  for (int i : candidates) {
    const uint32_t w = portable(gen::kGoods[i].category) ? 1u << Lv(Area::kEndUser) : 1u;
    weights.push_back(w);
    total += w;
  }
  uint64_t x = r_.Below(total);
  size_t k = 0;
  while (x >= weights[k]) x -= weights[k++];
  const gen::GoodsRow& main = gen::kGoods[candidates[k]];
  add_line(main, true);

  // Companions: ammunition for weapons, parts for platforms.
  const bool weapon = main.category == GoodsCategory::kSmallArms ||
                      main.category == GoodsCategory::kLightWeapons;
  const int extra = weapon ? Weighted({35, 45, 20}) : Weighted({70, 25, 5});
  for (int n = 0; n < extra; ++n) {
    const GoodsCategory want =
        weapon && n == 0 ? GoodsCategory::kAmmunition
                         : GoodsCategory::kPartsAndComponents;
    SmallVec<int, std::size(gen::kGoods)> fits;
    for (int i = 0; i < static_cast<int>(std::size(gen::kGoods)); ++i) {
      if (gen::kGoods[i].category == want && (gen::kGoods[i].use & use_) != 0 &&
          &gen::kGoods[i] != &main) {
        fits.push_back(i);
      }
    }
    if (fits.empty()) break;
    add_line(gen::kGoods[Pick(fits)], false);
  }
}

// --------------------------------------------------------------- the EUC

void Builder::MakeEuc() {
  if (archive_) {
    const int k = Weighted({50, 10, 40});
    if (k == 0) {
      c_.euc_presence = EucPresence::kUnknown;
      return;
    }
    if (k == 1) return;  // none supplied
  } else if (forged_ == nullptr && Chance(Area::kEuc, 0.005, 0.15, 0.25)) {
    return;  // none supplied
  }
  c_.euc_presence = EucPresence::kPresent;
  Euc& e = c_.euc;
  const Tables::Destination& d = *dest_;
  const EndUser& u = c_.end_user;
  // The kind follows the end user: state bodies certify with a government
  // EUC (or, in Wassenaar-style systems, an import certificate), companies
  // and people with their own statement.
  if (!government_) {
    e.kind = Chance(0.75) ? EucKind::kCommercialEuc : EucKind::kGovernmentEuc;
  } else if (d.tier == 0 && Chance(0.15)) {
    e.kind = EucKind::kInternationalImportCertificate;
  } else {
    e.kind = Chance(Area::kEuc, 0, 0.15, 0.2) ? EucKind::kCommercialEuc
                                   : EucKind::kGovernmentEuc;
  }

  // Templates on file on the day, if the issuing state shared one.
  const EucTemplate* tpl = nullptr;
  for (const EucTemplate* x : d.templates) {
    if ((!x->shared_on || *x->shared_on <= c_.assessed_on) &&
        (!x->withdrawn_on || c_.assessed_on < *x->withdrawn_on)) {
      tpl = x;
      break;
    }
  }
  const std::string year = Year(c_.assessed_on);
  if (forged_ != nullptr) {
    e.number = forged_->number;
  } else if (!d.flagged.empty() && Chance(Area::kEuc, 0, 0.02, 0.08)) {
    e.number = Pick(d.flagged)->number;  // reused or forged number
  } else if (Chance(Area::kEuc, 0.99, 0.9, 0.85)) {
    std::string n;
    switch (e.kind) {
      case EucKind::kGovernmentEuc:
        n = d.lang == Lang::kFr                   ? "MD/CAB/"
            : d.lang == Lang::kEs                 ? "MINDEF-"
            : d.lang == Lang::kPt                 ? "MD-DGRM-"
            : u.kind == PartyKind::kArmedForces ? "MOD/EUC/"
                                                : "MOI/EUC/";
        break;
      case EucKind::kInternationalImportCertificate:
        n = Cat({"IC-", d.code.view(), "-"});
        break;
      case EucKind::kCommercialEuc:
        n = "EUS-";
        break;
    }
    Append(&n, {year, "/"});
    Digits(&n, 4);
    e.number = std::move(n);
  }
  if (e.kind == EucKind::kCommercialEuc) {
    if (Chance(0.8)) e.issuer_authority = u.name;
  } else if (tpl != nullptr && Chance(0.9)) {
    e.issuer_authority = tpl->issuer_authority;
  } else if (Chance(0.9)) {
    e.issuer_authority = u.kind == PartyKind::kPolice ||
                                 u.kind == PartyKind::kOtherGovernment
                             ? MinistryOfInterior()
                             : MinistryOfDefence();
  }
  if (Chance(0.95)) e.issuer_country = d.code;
  if (Chance(0.6)) {
    static constexpr const char* kTitles[] = {
        ", Permanent Secretary", ", Director of Procurement",
        ", Chief of Logistics", ", Director General", ", Managing Director"};
    e.signatory = Cat({PersonName(), kTitles[r_.Below(std::size(kTitles))]});
  }
  // Dates: issued some months before; expired or post-dated now and then.
  const bool expired = Chance(Area::kEuc, 0.005, 0.2, 0.3);
  const bool post_dated = !expired && Chance(Area::kEuc, 0.001, 0.02, 0.04);
  if (Rec()) {
    if (post_dated) {
      e.issued_on = DaysAfter(c_.assessed_on, 1, 40);
    } else if (expired) {
      e.issued_on = DaysBefore(c_.assessed_on, 400, 900);
    } else {
      e.issued_on = DaysBefore(c_.assessed_on, 10, 240);
    }
  }
  if (Rec()) {
    const Date from = e.issued_on.value_or(DaysBefore(c_.assessed_on, 30, 200));
    if (expired) {
      e.valid_until = DaysBefore(c_.assessed_on, 1, 120);
    } else {
      const int span = static_cast<int>(Weighted({30, 50, 20}));
      e.valid_until = Date{from.days + (span == 0 ? 182 : span == 1 ? 365 : 730)};
      if (*e.valid_until < c_.assessed_on) {
        e.valid_until = DaysAfter(c_.assessed_on, 30, 300);
      }
    }
  }
  if (Rec()) e.original_seen = !Chance(Area::kEuc, 0.03, 0.4, 0.6);
  switch (forged_ ? Weighted({0, 50, 10, 40, 0})
                  : ByLevel(Area::kEuc, {85, 0, 8, 4, 3}, {20, 5, 35, 32, 8},
                            {5, 35, 20, 30, 10})) {
    case 0:
      e.authentication = Authentication::kConfirmed;
      break;
    case 1:
      e.authentication = Authentication::kFailed;
      break;
    case 2:
      e.authentication = Authentication::kPending;
      break;
    case 3:
      e.authentication = Authentication::kNotRequested;
      break;
    default:
      break;
  }
  // Whether it matches a template the issuing state shared: the reference
  // lists some templates; the case's own record may know of others.
  if (Rec()) {
    e.template_on_file = tpl != nullptr ? Chance(Area::kEuc, 0.95, 0.6, 0.35)
                                        : Chance(Area::kEuc, 0.7, 0.3, 0.1);
  }
  // The end user as the document names it.
  switch (!Rec() ? 3 : ByLevel(Area::kEuc, {97, 3, 0}, {60, 30, 10}, {40, 35, 25})) {
    case 0:
      e.end_user_named = !u.aliases.empty() && Chance(0.3) ? u.aliases.front()
                                                           : u.name;
      break;
    case 1:  // vaguer
      e.end_user_named = government_ && Chance(0.5)
                             ? Cat({"Government of ", d.name})
                             : std::string(d.lang == Lang::kFr ? "Forces de défense et de sécurité"
                                           : d.lang == Lang::kEs ? "Fuerzas Armadas"
                                           : d.lang == Lang::kPt ? "Forças Armadas"
                                                                 : "Ministry of Defence");
      break;
    case 2:  // another body altogether
      e.end_user_named = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
      break;
    default:
      break;
  }
  // The goods as certified: all of them, or fewer.
  if (Rec()) {
    e.goods.emplace();
    const bool fewer = Chance(Area::kEuc, 0.01, 0.3, 0.45);
    const size_t drop =
        fewer && c_.goods.size() > 1 && Chance(0.5) ? r_.Below(c_.goods.size())
                                                    : c_.goods.size();
    for (size_t i = 0; i < c_.goods.size(); ++i) {
      if (i == drop) continue;
      EucGoods g;
      g.category = c_.goods[i].category;
      if (Rec()) {
        int64_t q = c_.goods[i].quantity;
        if (fewer && drop == c_.goods.size() && i == 0) {
          q = std::max<int64_t>(1, q * Between(30, 80) / 100);
        }
        g.quantity = q;
      }
      e.goods->push_back(g);
    }
  }
  if (Rec()) {
    EnumSet<EucClause> s;
    auto maybe = [&](EucClause cl, double a, double b, double c) {
      if (Chance(Area::kEuc, a, b, c)) s.Add(cl);
    };
    maybe(EucClause::kEndUseStatement, 0.99, 0.95, 0.7);
    maybe(EucClause::kNoReexportWithoutConsent, 0.97, 0.7, 0.35);
    maybe(EucClause::kNoRetransfer, 0.7, 0.4, 0.15);
    maybe(EucClause::kNoTransferByGiftOrLoan, 0.25, 0.1, 0.05);
    maybe(EucClause::kDeliveryVerification, 0.65, 0.25, 0.08);
    maybe(EucClause::kOnSiteInspection, 0.5, 0.15, 0.05);
    e.clauses = s;
  }
  if (Chance(Area::kEuc, 0, 0.05, 0.15)) {
    e.reissued_after_objection = true;
  } else if (Rec()) {
    e.reissued_after_objection = false;
  }
}

// --------------------------------------------------------------- parties

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

// -------------------------------------------------------------- transport

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

// -------------------------------------------------------------- documents

void Builder::MakeDocuments() {
  if (archive_ && !Chance(0.2)) return;
  const Tables::Destination& d = *dest_;
  const std::string year = Year(c_.assessed_on);
  // What the consistent paper trail says.
  std::string goods_text;
  for (size_t i = 0; i < c_.goods.size() && i < 2; ++i) {
    if (i) goods_text += "; ";
    goods_text += std::to_string(c_.goods[i].quantity);
    goods_text += ' ';
    goods_text += c_.goods[i].description;
  }
  const std::string& consignee =
      consignee_party_ >= 0 ? c_.parties[static_cast<size_t>(consignee_party_)].name
                            : c_.end_user.name;
  const std::string prefix(c_.exporter.name.substr(0, 3));
  std::string upper_prefix;
  for (char ch : prefix) {
    upper_prefix.push_back(static_cast<unsigned char>(ch) < 0x80 && ch != ' '
                               ? static_cast<char>(std::toupper(static_cast<unsigned char>(ch)))
                               : 'X');
  }
  contract_number_ = Cat({upper_prefix, "-", d.code.view(), "-", year, "-"});
  Digits(&contract_number_, 2);

  auto add = [&](DocumentKind kind) -> Document& {
    Document& doc = c_.documents.emplace_back();
    doc.kind = kind;
    return doc;
  };
  if (Chance(0.7)) {
    Document& doc = add(DocumentKind::kContract);
    doc.number = contract_number_;
    doc.issued_on = DaysBefore(c_.assessed_on, 40, 300);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = c_.end_user.name;
    doc.destination = d.code;
  }
  if (Chance(0.5)) {
    Document& doc = add(DocumentKind::kInvoice);
    std::string n = Cat({"INV-", year.substr(2), "-"});
    Digits(&n, 4);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 5, 120);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = consignee;
    doc.destination = d.code;
    doc.references.push_back(contract_number_);
  }
  if (Chance(0.25)) {
    Document& doc = add(DocumentKind::kPackingList);
    std::string n = Cat({"PL-", year, "-"});
    Digits(&n, 3);
    doc.number = std::move(n);
    doc.declared_goods = goods_text;
    doc.consignee = consignee;
  }
  auto transport_doc = [&](DocumentKind kind) {
    Document& doc = add(kind);
    std::string n;
    if (kind == DocumentKind::kAirWaybill) {
      Digits(&n, 3);
      n += '-';
      Digits(&n, 8);
    } else {
      Letters(&n, 4);
      Digits(&n, 7);
    }
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 0, 45);
    doc.declared_goods = goods_text;
    doc.declared_as_arms = true;
    doc.consignee = consignee;
    doc.destination = d.code;
    if (Chance(0.5)) doc.references.push_back(contract_number_);
    if (c_.euc_presence == EucPresence::kPresent && c_.euc.number && Chance(0.3)) {
      doc.references.push_back(*c_.euc.number);
    }
    if (Chance(0.1)) doc.declared_as_arms.reset();
  };
  if (sea_ && Chance(0.55)) transport_doc(DocumentKind::kBillOfLading);
  if (air_ && Chance(0.55)) transport_doc(DocumentKind::kAirWaybill);
  if ((sea_ || air_) && Chance(0.15)) transport_doc(DocumentKind::kCargoManifest);
  if (charter_ && Chance(0.6)) transport_doc(DocumentKind::kFlightRequest);
  if (Chance(0.2)) {
    Document& doc = add(DocumentKind::kImportLicence);
    std::string n = Cat({"IL-", d.code.view(), "-", year, "-"});
    Digits(&n, 5);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 20, 200);
    doc.end_user = c_.end_user.name;
    doc.destination = d.code;
  }
  for (CountryCode via : transit_) {
    if (!Chance(0.25)) continue;
    Document& doc = add(DocumentKind::kTransitAuthorisation);
    std::string n = Cat({"TA-", via.view(), "-", year, "-"});
    Digits(&n, 4);
    doc.number = std::move(n);
    doc.issued_on = DaysBefore(c_.assessed_on, 1, 60);
    doc.destination = d.code;
  }

  // The double paper trail: one transport or commercial document tells
  // another story.
  SmallVec<size_t, 16> transport_docs;
  for (size_t i = 0; i < c_.documents.size(); ++i) {
    const DocumentKind k = c_.documents[i].kind;
    if (k == DocumentKind::kAirWaybill || k == DocumentKind::kBillOfLading ||
        k == DocumentKind::kCargoManifest || k == DocumentKind::kFlightRequest ||
        k == DocumentKind::kInvoice) {
      transport_docs.push_back(i);
    }
  }
  if (transport_docs.empty()) return;
  Document& doc = c_.documents[Pick(transport_docs)];
  const bool decoy_goods = Chance(Area::kDocuments, 0, 0.15, 0.25);
  if (decoy_goods) {
    std::string_view decoy = "Spare parts";
    for (const gen::GoodsRow& g : gen::kGoods) {
      if (c_.goods.front().description == g.description) decoy = g.decoy;
    }
    doc.declared_goods = std::string(decoy);
  }
  if (decoy_goods || Chance(Area::kDocuments, 0.01, 0.4, 0.5)) doc.declared_as_arms = false;
  if (Chance(Area::kDocuments, 0, 0.3, 0.4)) {
    doc.consignee = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
  }
  if (Chance(Area::kDocuments, 0, 0.15, 0.3)) {
    // Another destination: a neighbour, a hub, or an embargoed state.
    const int k = Weighted({40, 30, 30});
    CountryCode other = d.code;
    if (k == 0 && d.gateway) {
      other = *d.gateway;
    } else if (k == 1 && !t_.hubs.empty()) {
      other = Pick(t_.hubs).code;
    } else if (!t_.embargo_prone.empty()) {
      other = t_.destinations[static_cast<size_t>(Pick(t_.embargo_prone))].code;
    }
    if (other != d.code) doc.destination = other;
  }
  if (Chance(Area::kDocuments, 0, 0.1, 0.2)) {
    doc.end_user = Cat({Pick(t_.decoy_stems), " ", Pick(t_.decoy_forms)});
  }
}

// -------------------------------------- mitigations, consultations, conduct

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

// ---------------------------------------------------------------- history

void Builder::MakeHistory() {
  if (archive_ ? !Chance(0.5) : !Chance(P(0.97, 0.95, 0.9))) return;
  History& h = c_.history.emplace();
  auto field = [&](std::optional<int64_t>* f, int64_t value) {
    if (Rec()) *f = value;
  };
  const int lv = Lv(Area::kHistory);
  field(&h.prior_licences_to_end_user,
        lv == 0 ? (Chance(0.2) ? 0 : Between(1, 15))
        : lv == 1 ? Between(0, 6)
                  : Between(0, 2));
  field(&h.prior_refusals_to_end_user,
        lv == 0 ? (Chance(0.03) ? 1 : 0) : lv == 1 ? Between(0, 1) : Between(0, 3));
  field(&h.denial_notifications,
        lv == 0 ? 0 : lv == 1 ? (Chance(0.3) ? 1 : 0) : Skewed(0, 4));
  if (Chance(Area::kHistory, 0, 0.1, 0.25)) {
    h.post_shipment_check_failed = true;
  } else if (Rec()) {
    h.post_shipment_check_failed = false;
  }
  field(&h.condition_breaches,
        lv == 0 ? 0 : lv == 1 ? (Chance(0.2) ? 1 : 0)
                              : (Chance(0.35) ? Between(1, 2) : 0));
}

// ----------------------------------------------------------- intelligence

void Builder::MakeIntelligence() {
  // Subjects: the format's four words, or a party's name.
  auto subject = [&](bool party_ok) -> std::string {
    if (party_ok && !c_.parties.empty() && Chance(0.3)) {
      return Pick(c_.parties).name;
    }
    static constexpr const char* kWords[] = {"end_user", "exporter", "euc",
                                             "route"};
    return kWords[Weighted({55, 15, 15, 15})];
  };
  auto report = [&](IntelFinding finding, Confidence confidence,
                    std::string subj, bool before) {
    IntelReport& r = c_.intelligence.emplace_back();
    r.source = static_cast<IntelSource>(r_.Below(kEnumWords<IntelSource>.size()));
    r.subject = std::move(subj);
    r.finding = finding;
    r.confidence = confidence;
    if (!before) {
      r.reported_on = DaysAfter(c_.assessed_on, 1, 500);
    } else if (Chance(0.95)) {
      r.reported_on = DaysBefore(c_.assessed_on, 1, 900);
    }
  };
  // Findings that are not about Art. 7 (diversion, forgery, fronts).
  static constexpr IntelFinding kDiversion[] = {
      IntelFinding::kDivertedItemsTraced, IntelFinding::kForgedDocuments,
      IntelFinding::kSanctionsViolation, IntelFinding::kFrontCompany,
      IntelFinding::kDocumentInconsistency, IntelFinding::kRouteDeviation,
      IntelFinding::kEndUserMismatch, IntelFinding::kOther};
  static constexpr IntelFinding kArt7[] = {
      IntelFinding::kSeriousIhrlViolations, IntelFinding::kGenderBasedViolence,
      IntelFinding::kTerrorismLinks, IntelFinding::kOrganisedCrimeLinks};

  const int n = ByLevel(Area::kIntel, {90, 10}, {10, 50, 30, 10}, {5, 25, 35, 35});
  bool art7_used = false;
  for (int i = 0; i < n; ++i) {
    const bool before = Chance(0.88);
    if (Lv(Area::kIntel) == 0) {
      // Old, unverified or irrelevant chatter.
      report(Chance(0.6) ? IntelFinding::kOther
                         : kDiversion[r_.Below(std::size(kDiversion))],
             Confidence::kUnverified, subject(false), Chance(0.5));
      continue;
    }
    if (!art7_used && Chance(Area::kIntel, 0.0, 0.2, 0.25)) {
      // At most one Art. 7 report counts, so a case that is not a hard stop
      // never reaches the overriding-risk threshold on intelligence alone.
      art7_used = true;
      report(kArt7[r_.Below(std::size(kArt7))],
             Chance(0.5) ? Confidence::kCredible : Confidence::kUnverified,
             subject(true), before);
      continue;
    }
    if (Lv(Area::kIntel) == 2 && Chance(0.04)) {
      // A credible IHL report: the Art. 6(3) gate refers it.
      art7_used = true;
      report(IntelFinding::kSeriousIhlViolations, Confidence::kCredible,
             "end_user", true);
      continue;
    }
    const int conf = ByLevel(Area::kIntel, {0, 0, 1}, {10, 45, 45}, {25, 50, 25});
    report(kDiversion[r_.Below(std::size(kDiversion))],
           static_cast<Confidence>(conf), subject(true), before);
  }
  // Reports learned only after the decision, kept by archives.
  if (Chance(Area::kIntel, 0.02, 0.05, 0.1)) {
    report(static_cast<IntelFinding>(r_.Below(kEnumWords<IntelFinding>.size())),
           Confidence::kConfirmed, "end_user", false);
  }
  switch (hard_) {
    case HardStopKind::kIhlKnowledge:
      report(IntelFinding::kSeriousIhlViolations, Confidence::kConfirmed,
             "end_user", true);
      c_.intelligence.back().reported_on =
          DaysBefore(c_.assessed_on, 10, 700);
      c_.intelligence.back().source =
          Chance(0.5) ? IntelSource::kUnPanel : IntelSource::kPartnerState;
      break;
    case HardStopKind::kOverridingRisk:
      if (Chance(0.6)) {
        report(kArt7[r_.Below(std::size(kArt7))], Confidence::kConfirmed,
               subject(true), true);
      } else {
        report(IntelFinding::kTerrorismLinks, Confidence::kCredible,
               subject(true), true);
        report(IntelFinding::kSeriousIhrlViolations, Confidence::kCredible,
               "end_user", true);
        c_.intelligence[c_.intelligence.size() - 2].reported_on =
            DaysBefore(c_.assessed_on, 10, 700);
      }
      c_.intelligence.back().reported_on = DaysBefore(c_.assessed_on, 10, 700);
      break;
    default:
      break;
  }
}

// ---------------------------------------------------------------- outcome

void Builder::MakeOutcome() {
  const Date cutoff = DateFromCivil(2026, 6, 1);
  if (!archive_ && !(c_.assessed_on < cutoff && Chance(0.45))) return;
  Outcome& o = c_.outcome.emplace();
  int decision;
  if (profile_ == RiskProfile::kHardStop) {
    decision = Weighted({4, 2, 80, 14});
  } else {
    decision = ByLevel({68, 27, 3, 2}, {30, 45, 15, 10}, {10, 20, 50, 20});
  }
  if (Chance(0.97)) o.decision = static_cast<Decision>(decision);
  if (Chance(0.9)) o.decided_on = DaysAfter(c_.assessed_on, 0, 30);
  const bool delivered = decision <= 1;
  if (delivered) {
    const int k = ByLevel({60, 2, 38}, {45, 10, 45}, {25, 30, 45});
    o.diversion_found = k == 0 ? DiversionFound::kNo
                        : k == 1 ? DiversionFound::kYes
                                 : DiversionFound::kUnknown;
  } else if (Chance(0.7)) {
    o.diversion_found = DiversionFound::kUnknown;
  }
}

// ---------------------------------------------------------------- the case

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

}  // namespace

// -------------------------------------------------------------- generator

CaseGenerator::CaseGenerator(const ReferenceData& ref, uint64_t seed)
    : ref_(ref), seed_(seed), tables_(BuildTables(ref)) {}

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
  Builder b(*tables_, ref_, r, c);
  b.Build(seed_, index, profile, hard);
  last_profile_ = profile;
  last_hard_stop_ = b.hard();
  last_archive_ = b.archive();
  return c;
}

}  // namespace divrisk
