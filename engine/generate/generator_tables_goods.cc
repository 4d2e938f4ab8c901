// The generator's goods catalogue and word lists (generator_tables.h):
// carriers, flags, brokers, decoys, security firms, people and
// international organisations.

#include <span>

#include "engine/generate/generator_tables.h"

namespace divrisk::gen {

const GoodsRow kGoods[] = {
    // small arms
    {GoodsCategory::kSmallArms, "9x19 mm semi-automatic pistols", "ML1.a",
     QuantityUnit::kItems, 50, 5000, 35000, 90000, GoodsCondition::kNew,
     kArmy | kPolice | kSecurity, false, "Sporting goods"},
    {GoodsCategory::kSmallArms, "5.56x45 mm assault rifles", "ML1.a",
     QuantityUnit::kItems, 100, 12000, 70000, 180000, GoodsCondition::kNew,
     kArmy | kPolice, false, "Steel tubes and fittings"},
    {GoodsCategory::kSmallArms, "7.62x39 mm assault rifles, ex-military stocks",
     "ML1.a", QuantityUnit::kItems, 500, 20000, 15000, 35000,
     GoodsCondition::kSurplus, kArmy | kPolice, false,
     "Used agricultural equipment"},
    {GoodsCategory::kSmallArms, "7.62x51 mm general-purpose machine guns",
     "ML1.a", QuantityUnit::kItems, 20, 600, 600000, 1200000,
     GoodsCondition::kNew, kArmy | kNavy, false, "Machine tools"},
    {GoodsCategory::kSmallArms, ".338 Lapua Magnum sniper rifles", "ML1.a",
     QuantityUnit::kItems, 10, 200, 600000, 1500000, GoodsCondition::kNew,
     kArmy | kPolice, false, "Optical instruments"},
    {GoodsCategory::kSmallArms, "12-gauge pump-action shotguns", "ML1.a",
     QuantityUnit::kItems, 50, 2000, 30000, 70000, GoodsCondition::kNew,
     kPolice | kSecurity, false, "Hardware"},
    {GoodsCategory::kSmallArms, "9x19 mm sub-machine guns", "ML1.a",
     QuantityUnit::kItems, 50, 1500, 120000, 250000, GoodsCondition::kNew,
     kPolice | kArmy, false, "Spare parts"},
    {GoodsCategory::kSmallArms, ".308 Win bolt-action sporting rifles", "ML1.a",
     QuantityUnit::kItems, 2, 60, 90000, 350000, GoodsCondition::kNew,
     kSporting, false, "Sporting goods"},
    // light weapons
    {GoodsCategory::kLightWeapons, "12.7x99 mm heavy machine guns", "ML1.a",
     QuantityUnit::kItems, 10, 400, 1500000, 3000000, GoodsCondition::kNew,
     kArmy | kNavy, false, "Industrial equipment"},
    {GoodsCategory::kLightWeapons, "40 mm automatic grenade launchers", "ML2.a",
     QuantityUnit::kItems, 10, 200, 1500000, 4000000, GoodsCondition::kNew,
     kArmy, false, "Pumps and compressors"},
    {GoodsCategory::kLightWeapons, "RPG-7 type 40 mm shoulder-fired launchers",
     "ML2.a", QuantityUnit::kItems, 50, 1000, 80000, 150000,
     GoodsCondition::kNew, kArmy, false, "Agricultural machinery spare parts"},
    {GoodsCategory::kLightWeapons, "60 mm commando mortars", "ML2.a",
     QuantityUnit::kItems, 10, 300, 300000, 800000, GoodsCondition::kNew, kArmy,
     false, "Steel pipes"},
    {GoodsCategory::kLightWeapons, "81 mm mortars with baseplates and sights",
     "ML2.a", QuantityUnit::kItems, 6, 120, 1500000, 4500000,
     GoodsCondition::kNew, kArmy, false, "Construction equipment"},
    {GoodsCategory::kLightWeapons, "84 mm recoilless rifles", "ML2.a",
     QuantityUnit::kItems, 10, 200, 2000000, 6000000, GoodsCondition::kNew,
     kArmy, false, "Drilling equipment"},
    // ammunition
    {GoodsCategory::kAmmunition, "9x19 mm cartridges", "ML3.a",
     QuantityUnit::kRounds, 50000, 2000000, 25, 45, GoodsCondition::kNew,
     kArmy | kPolice | kSecurity, false, "Hardware components"},
    {GoodsCategory::kAmmunition, "5.56x45 mm ball cartridges", "ML3.a",
     QuantityUnit::kRounds, 100000, 5000000, 35, 60, GoodsCondition::kNew,
     kArmy | kPolice, false, "Metal parts"},
    {GoodsCategory::kAmmunition, "7.62x39 mm ball cartridges", "ML3.a",
     QuantityUnit::kRounds, 100000, 5000000, 25, 45, GoodsCondition::kSurplus,
     kArmy | kPolice, false, "Spare parts"},
    {GoodsCategory::kAmmunition, "7.62x51 mm cartridges, linked", "ML3.a",
     QuantityUnit::kRounds, 50000, 2000000, 80, 140, GoodsCondition::kNew,
     kArmy | kNavy, false, "Industrial supplies"},
    {GoodsCategory::kAmmunition, "12.7x99 mm cartridges, linked", "ML3.a",
     QuantityUnit::kRounds, 10000, 500000, 200, 400, GoodsCondition::kNew,
     kArmy | kNavy, false, "Machinery parts"},
    {GoodsCategory::kAmmunition, "40 mm HEAT rockets, 10 per crate", "ML4.a",
     QuantityUnit::kCrates, 20, 500, 200000, 350000, GoodsCondition::kNew,
     kArmy, false, "Agricultural machinery spare parts"},
    {GoodsCategory::kAmmunition, "81 mm high-explosive mortar bombs", "ML3.a",
     QuantityUnit::kItems, 500, 20000, 20000, 50000, GoodsCondition::kNew,
     kArmy, false, "Steel castings"},
    {GoodsCategory::kAmmunition, "155 mm high-explosive artillery shells",
     "ML3.a", QuantityUnit::kItems, 500, 50000, 300000, 800000,
     GoodsCondition::kNew, kArmy, false, "Steel forgings"},
    {GoodsCategory::kAmmunition,
     "Small-calibre ammunition in sealed 20-foot containers", "ML3.a",
     QuantityUnit::kContainers, 1, 6, 15000000, 40000000,
     GoodsCondition::kNew, kArmy | kPolice, false, "General cargo"},
    {GoodsCategory::kAmmunition, "Mixed small-calibre ammunition, palletised",
     "ML3.a", QuantityUnit::kTonnes, 5, 80, 800000, 1500000,
     GoodsCondition::kSurplus, kArmy, false, "Scrap metal"},
    {GoodsCategory::kAmmunition, "Single-base propellant for 155 mm charges",
     "ML8.c", QuantityUnit::kKg, 500, 20000, 2000, 6000, GoodsCondition::kNew,
     kArmy, false, "Industrial chemicals"},
    {GoodsCategory::kAmmunition, "Plastic explosive demolition charges", "ML4.a",
     QuantityUnit::kKg, 100, 5000, 3000, 9000, GoodsCondition::kNew, kArmy,
     false, "Mining supplies"},
    {GoodsCategory::kAmmunition, "Less-lethal 40 mm impact rounds", "ML7.e",
     QuantityUnit::kRounds, 1000, 50000, 800, 2500, GoodsCondition::kNew,
     kPolice, false, "Security equipment"},
    // parts and components
    {GoodsCategory::kPartsAndComponents, "30-round magazines for rifles",
     "ML1.d", QuantityUnit::kItems, 400, 40000, 1500, 4000,
     GoodsCondition::kNew, kArmy | kPolice, false, "Plastic parts"},
    {GoodsCategory::kPartsAndComponents,
     "Spare barrels for 12.7 mm machine guns", "ML1.d", QuantityUnit::kItems,
     20, 400, 80000, 200000, GoodsCondition::kNew, kArmy | kNavy, false,
     "Steel tubes"},
    {GoodsCategory::kPartsAndComponents, "Thermal weapon sights", "ML5.a",
     QuantityUnit::kItems, 10, 500, 400000, 1500000, GoodsCondition::kNew,
     kArmy | kPolice, false, "Optical instruments"},
    {GoodsCategory::kPartsAndComponents,
     "Recoil assemblies for 30 mm naval gun mounts", "ML2.d",
     QuantityUnit::kItems, 4, 60, 3000000, 8000000, GoodsCondition::kNew, kNavy,
     false, "Hydraulic components"},
    {GoodsCategory::kPartsAndComponents,
     "Engine and transmission spares for armoured vehicles", "ML6.b",
     QuantityUnit::kItems, 10, 300, 500000, 5000000, GoodsCondition::kNew,
     kArmy, false, "Truck spare parts"},
    {GoodsCategory::kPartsAndComponents,
     "Landing-gear and avionics spares for military aircraft", "ML10.d",
     QuantityUnit::kItems, 5, 200, 1000000, 20000000, GoodsCondition::kNew,
     kAirForce, false, "Aircraft parts"},
    {GoodsCategory::kPartsAndComponents, "Main rotor blades for helicopters",
     "ML10.d", QuantityUnit::kItems, 4, 40, 8000000, 25000000,
     GoodsCondition::kNew, kAirForce, false, "Aircraft parts"},
    {GoodsCategory::kPartsAndComponents, "Fire-control system modules", "ML5.b",
     QuantityUnit::kItems, 2, 40, 10000000, 60000000, GoodsCondition::kNew,
     kArmy | kNavy, false, "Electronic equipment"},
    // major conventional arms
    {GoodsCategory::kBattleTanks, "Main battle tanks, refurbished", "ML6.a",
     QuantityUnit::kItems, 4, 60, 150000000, 600000000,
     GoodsCondition::kRefurbished, kArmy, false, "Heavy vehicles"},
    {GoodsCategory::kArmouredCombatVehicles, "8x8 armoured personnel carriers",
     "ML6.a", QuantityUnit::kItems, 4, 80, 100000000, 350000000,
     GoodsCondition::kNew, kArmy, false, "Trucks"},
    {GoodsCategory::kArmouredCombatVehicles, "4x4 armoured patrol vehicles",
     "ML6.a", QuantityUnit::kItems, 10, 150, 25000000, 70000000,
     GoodsCondition::kNew, kArmy | kPolice, false, "Utility vehicles"},
    {GoodsCategory::kArmouredCombatVehicles,
     "Tracked infantry fighting vehicles, second-hand", "ML6.a",
     QuantityUnit::kItems, 6, 50, 80000000, 250000000,
     GoodsCondition::kSecondHand, kArmy, false, "Used construction vehicles"},
    {GoodsCategory::kLargeCalibreArtillery, "155 mm self-propelled howitzers",
     "ML2.a", QuantityUnit::kItems, 2, 36, 300000000, 900000000,
     GoodsCondition::kNew, kArmy, false, "Heavy machinery"},
    {GoodsCategory::kLargeCalibreArtillery,
     "122 mm truck-mounted multiple rocket launchers", "ML4.a",
     QuantityUnit::kItems, 2, 18, 100000000, 300000000,
     GoodsCondition::kSurplus, kArmy, false, "Trucks"},
    {GoodsCategory::kLargeCalibreArtillery, "105 mm towed light guns", "ML2.a",
     QuantityUnit::kItems, 4, 36, 50000000, 150000000, GoodsCondition::kNew,
     kArmy, false, "Agricultural trailers"},
    {GoodsCategory::kCombatAircraft, "Jet trainer / light attack aircraft",
     "ML10.a", QuantityUnit::kItems, 2, 12, 1200000000, 3000000000,
     GoodsCondition::kNew, kAirForce, false, "Civil aircraft"},
    {GoodsCategory::kCombatAircraft, "Turboprop light attack aircraft",
     "ML10.a", QuantityUnit::kItems, 2, 12, 800000000, 1600000000,
     GoodsCondition::kNew, kAirForce, false, "Civil aircraft"},
    {GoodsCategory::kCombatAircraft, "Medium-altitude armed unmanned aircraft",
     "ML10.c", QuantityUnit::kItems, 2, 12, 200000000, 800000000,
     GoodsCondition::kNew, kAirForce, false, "Agricultural drones"},
    {GoodsCategory::kAttackHelicopters,
     "Attack helicopters, overhauled, second-hand", "ML10.a",
     QuantityUnit::kItems, 2, 12, 800000000, 2500000000,
     GoodsCondition::kSecondHand, kAirForce, false, "Civil helicopters"},
    {GoodsCategory::kWarships, "Offshore patrol vessel, refurbished", "ML9.a",
     QuantityUnit::kItems, 1, 2, 2000000000, 6000000000,
     GoodsCondition::kRefurbished, kNavy, false, "Passenger vessel"},
    {GoodsCategory::kWarships, "Fast attack craft with 30 mm gun mounts",
     "ML9.a", QuantityUnit::kItems, 1, 6, 500000000, 2000000000,
     GoodsCondition::kNew, kNavy, false, "Pleasure boats"},
    {GoodsCategory::kMissilesAndLaunchers,
     "Anti-tank guided missile launchers and missiles", "ML4.a",
     QuantityUnit::kItems, 10, 200, 10000000, 25000000, GoodsCondition::kNew,
     kArmy, false, "Electronic equipment"},
    {GoodsCategory::kMissilesAndLaunchers,
     "Short-range surface-to-air missile system", "ML4.a", QuantityUnit::kItems,
     1, 4, 3000000000, 9000000000, GoodsCondition::kNew, kArmy | kAirForce,
     false, "Radar equipment"},
    {GoodsCategory::kMissilesAndLaunchers,
     "Man-portable air-defence systems (MANPADS), gripstocks and missiles",
     "ML4.a", QuantityUnit::kItems, 10, 200, 8000000, 20000000,
     GoodsCondition::kNew, kArmy, true, "Sporting goods"},
};

// Carriers: sea and air. Names are "<stem> <suffix>".
const char* const kSeaStems =
    "Atlantic Crest|Mistral Sud|Nordic Star|Blue Anchor|Baltic Wave|"
    "Cape Horizon|Red Sea Feeder|Silver Gull|Coral Reef|Iron Pelican|"
    "Southern Cross|Gulf of Guinea Feeder|Levant Star|Adriatic Bay|Oceanic Bridge";
const char* const kSeaSuffixes =
    "Shipping Ltd|Maritime SA|Lines|Shipping Co.|Navigation Inc.";
const char* const kAirStems =
    "Skyline|Sky Caravan|Trans Sahel|Albatross|Nightjar|Condor|Polar Tern|"
    "Silver Kite|Desert Eagle|Blue Heron|Northern Lights|Caspian";
const char* const kAirSuffixes =
    "Air Cargo|Aviation|Airlines|Air Services|Airlift";

namespace {

constexpr FlagRow kFlagRows[] = {
    {"GB", "G-", 0},  {"DE", "D-", 0},   {"FR", "F-", 0},   {"NL", "PH-", 0},
    {"NO", "LN-", 0}, {"US", "N", 0},    {"AE", "A6-", 1},  {"SG", "9V-", 0},
    {"TR", "TC-", 0}, {"PA", nullptr, 1}, {"LR", nullptr, 1}, {"MH", nullptr, 1},
    {"MT", "9H-", 1}, {"CY", "5B-", 1},  {"BS", nullptr, 1}, {"GR", "SX-", 0},
    {"KZ", "UP-", 2}, {"KG", "EX-", 2},  {"MD", "ER-", 2},  {"GE", "4L-", 2},
    {"UA", "UR-", 1}, {"SL", "9L-", 2},  {"KM", nullptr, 2}, {"TG", nullptr, 2},
    {"KH", nullptr, 2}, {"CM", nullptr, 2}, {"AM", "EK-", 2}, {"ZA", "ZS-", 0},
};

}  // namespace

const std::span<const FlagRow> kFlags = kFlagRows;

// Registered brokers and forwarders outside the hubs.
const char* const kForwarderWords =
    "Freight|Logistics|Forwarding|Cargo Services|Global Logistics|Shipping Agency";
const char* const kBrokerWords =
    "Trade Services|Brokerage|Trading|Defence Brokers|International Trading|"
    "Procurement Services";
const char* const kTradingWords =
    "General Trading|Import-Export|Trading|Supplies|Commodities|Logistics";
const char* const kFinancierWords =
    "Capital|Finance|Investment Holdings|Trade Finance";

// Vague end uses (EU-3 fires on fewer than three words).
const char* const kVagueEndUses = "Security|Defence needs|Operations|"
                                  "Stock|General use";

// Decoy consignees and end users for double paper trails.
const char* const kDecoyStems =
    "Al Wafa|Golden Dune|Sahara Link|Nile Delta|Blue Lagoon|Eastern Gate|"
    "Morning Star|Twin Rivers|Highland|Coastal Link|New Horizon|Silver Sands";
const char* const kDecoyForms =
    "General Trading|Import-Export SARL|Trading Company|Enterprises Ltd|"
    "Commercial Agency|Holdings";

// Private security companies and dealers, as end users.
const char* const kSecurityStems =
    "Sentinel|Bastion|Aegis|Watchtower|Shieldline|Vanguard|Safeguard|Ironclad";
const char* const kSecurityWords =
    "Security Services|Protection Services|Risk Management|Guarding Company";
const char* const kDealerWords =
    "Gun Shop|Sporting Arms|Hunting Supplies|Firearms Dealers";

// People, for signatories and individual end users.
const char* const kGivenNames =
    "Amara|Daniel|Fatima|Ivan|Jean-Baptiste|Kofi|Lucía|Mehmet|Nadia|Oleksandr|"
    "Pedro|Rashid|Sofia|Tomasz|Wanjiru|Yusuf|Aiko|Bongani|Carlos|Elena";
const char* const kFamilyNames =
    "Okafor|Mensah|Kowalski|Diallo|Haddad|Fernández|Kuznetsov|Mwangi|Tan|"
    "Ndlovu|Silva|Traoré|Yilmaz|Novak|Castillo|Hashemi|Banda|Petrov|Ochieng|Rossi";

// International organisations as end users.
const char* const kIntlOrgs =
    "United Nations peacekeeping mission, contingent logistics base|"
    "African Union mission, force headquarters|"
    "EU training mission, weapons training wing|"
    "OSCE special monitoring mission, security detail";

}  // namespace divrisk::gen
