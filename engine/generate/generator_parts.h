// Internal to engine/generate: what the parts of the case generator share.
// CaseGenerator::Tables (the generator's world, built once from the
// reference data by BuildTables) and Builder, which makes one case; its
// steps are defined one area per file (destination_exporter.cc,
// end_user.cc, goods.cc, euc.cc, parties.cc, transport.cc, documents.cc,
// process.cc, history_outcome.cc), its helpers in builder_helpers.cc and
// its assembly in case_generator.cc. Not for use outside this folder.

#ifndef DIVRISK_ENGINE_GENERATE_GENERATOR_PARTS_H_
#define DIVRISK_ENGINE_GENERATE_GENERATOR_PARTS_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "engine/generate/case_generator.h"
#include "engine/generate/generator_tables.h"
#include "engine/model/case.h"
#include "engine/model/country_code.h"
#include "engine/model/date.h"
#include "engine/model/reference_data.h"

namespace divrisk {

// ---------------------------------------------------------------- tables

struct CaseGenerator::Tables {
  struct Exporter {
    CountryCode code;
    uint32_t weight = 0;
    gen::Lang lang = gen::Lang::kEn;
    std::vector<std::string_view> forms, stems, cities;
    std::vector<const RegisterEntry*> registered_exporters;
    std::vector<const RegisterEntry*> registered_brokers;
    bool register_held = false;  // the authority holds its exporters' register
    bool europe = false;
  };
  struct Destination {
    CountryCode code;
    gen::Region region = gen::Region::kEurope;
    int tier = 0;
    gen::Lang lang = gen::Lang::kEn;
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
  std::vector<const Embargo*> hard_embargoes;  // full, binding, UN
  std::vector<int> embargo_prone;  // destination indices, tier 3
  std::vector<const ListedParty*> sanctioned, denied;
  std::vector<const FlaggedEucNumber*> flagged;

  std::vector<std::string_view> sectors[4];
  std::vector<std::string_view> sea_stems, sea_suffixes, air_stems,
      air_suffixes, forwarder_words, broker_words, financier_words,
      vague_end_uses, decoy_stems, decoy_forms, trading_words, security_stems,
      security_words, dealer_words, given, family, intl_orgs;
};

namespace gen {

using Tables = CaseGenerator::Tables;

// The generator's tables for `ref`: the built-in rows filtered to the
// countries `ref` knows, with its registers, templates, embargoes and
// listed parties sorted to where the builder looks for them
// (build_tables.cc).
std::unique_ptr<Tables> BuildTables(const ReferenceData& ref);

// The span `assessed_on` is drawn from (build_tables.cc).
extern const Date kFirstDay;
extern const Date kLastDay;

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

}  // namespace gen
}  // namespace divrisk

#endif  // DIVRISK_ENGINE_GENERATE_GENERATOR_PARTS_H_
