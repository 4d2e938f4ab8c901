// The generator's world: exporting states, destinations, transit hubs,
// goods, and the word lists its names are made from. Internal to
// engine/generate (data only, no logic): declared here, defined in
// generator_tables_places.cc and generator_tables_goods.cc. Codes that the
// rule set's country table does not know are dropped when a generator is
// built (build_tables.cc).
//
// Invented names only: every company, ship, aircraft and document number
// the generator writes is made from these lists and is fictional; state
// bodies are named generically ("Ministry of Defence, Ghana").

#ifndef DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_
#define DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_

#include <cstddef>
#include <cstdint>
#include <span>

#include "engine/model/enums.h"

namespace divrisk::gen {

enum class Region : uint8_t {
  kEurope, kMiddleEast, kAfrica, kAsia, kAmericas, kOceania };

// The language state bodies are named in.
enum class Lang : uint8_t { kEn, kFr, kEs, kPt };

// ---------------------------------------------------------------- exporters

struct ExporterRow {
  const char* code;
  uint16_t weight;     // share of cases (per 1000 of exporter draws)
  Lang lang;           // of sector words
  const char* forms;   // legal forms, '|' separated
  const char* stems;   // company name stems, '|' separated
  const char* cities;  // for addresses, '|' separated
};

extern const std::span<const ExporterRow> kExporters;

// Sector words for exporters' names, by what they sell.
extern const char* const kSectorsEn;
extern const char* const kSectorsFr;
extern const char* const kSectorsEs;
extern const char* const kSectorsPt;

// ------------------------------------------------------------- destinations

struct DestinationRow {
  const char* code;
  Region region;
  uint8_t tier;         // 0 low concern, 1 medium, 2 high; 3 embargo-prone
  Lang lang;
  const char* of;       // en: adjective ("Nigerian"); fr/es/pt: "du Mali"
  const char* name;     // English short name, for free text
  const char* port;     // sea delivery place; nullptr when landlocked
  const char* airport;  // air delivery place
  const char* gateway;  // the coastal neighbour a landlocked state is
                        // reached through (road or rail), else nullptr
  const char* regions;  // ISO 3166-2 subdivisions, ' ' separated
  uint16_t weight;      // relative, within its tier
};

extern const std::span<const DestinationRow> kDestinations;

// ------------------------------------------------------------ transit hubs

struct HubRow {
  const char* code;
  uint8_t tier;          // 0: a major port or airport with strong controls
  bool free_trade_zone;  // has a free-trade zone goods can be handled in
  const char* place;
  const char* stems;     // local trading-company stems, '|' separated
  const char* forms;     // local legal forms
};

extern const std::span<const HubRow> kHubs;

// ------------------------------------------------------------------- goods

struct GoodsRow {
  GoodsCategory category;
  const char* description;
  const char* control_entry;  // nullptr: not stated
  QuantityUnit unit;
  int64_t qty_lo, qty_hi;
  int64_t value_lo, value_hi;  // US cents per unit
  GoodsCondition condition;    // usual condition
  uint8_t use;  // bit mask of Use below: who buys it
  bool manpads;
  const char* decoy;  // how a double paper trail describes it
};

enum Use : uint8_t {
  kArmy = 1, kNavy = 2, kAirForce = 4, kPolice = 8, kSecurity = 16,
  kSporting = 32 };

inline constexpr size_t kGoodsCount = 51;
extern const GoodsRow kGoods[kGoodsCount];

// -------------------------------------------------------- other word lists

// Carriers: sea and air. Names are "<stem> <suffix>".
extern const char* const kSeaStems;
extern const char* const kSeaSuffixes;
extern const char* const kAirStems;
extern const char* const kAirSuffixes;

// Flags of registration and the ICAO-style registration prefix of each
// aircraft-registering state, for air legs (prefix, country).
struct FlagRow {
  const char* country;
  const char* air_prefix;  // nullptr: not used for aircraft
  uint8_t concern;         // 0 usual, 1 open registry, 2 flag of concern
};
extern const std::span<const FlagRow> kFlags;

// Registered brokers and forwarders outside the hubs.
extern const char* const kForwarderWords;
extern const char* const kBrokerWords;
extern const char* const kTradingWords;
extern const char* const kFinancierWords;

// Vague end uses (EU-3 fires on fewer than three words).
extern const char* const kVagueEndUses;

// Decoy consignees and end users for double paper trails.
extern const char* const kDecoyStems;
extern const char* const kDecoyForms;

// Private security companies and dealers, as end users.
extern const char* const kSecurityStems;
extern const char* const kSecurityWords;
extern const char* const kDealerWords;

// People, for signatories and individual end users.
extern const char* const kGivenNames;
extern const char* const kFamilyNames;

// International organisations as end users.
extern const char* const kIntlOrgs;

}  // namespace divrisk::gen

#endif  // DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_
