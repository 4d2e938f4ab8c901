// The generator's world: exporting states, destinations, transit hubs,
// goods, and the word lists its names are made from. Internal to
// case_generator.cc (data only, no logic). Codes that the rule set's
// country table does not know are dropped when a generator is built.
//
// Invented names only: every company, ship, aircraft and document number
// the generator writes is made from these lists and is fictional; state
// bodies are named generically ("Ministry of Defence, Ghana").

#ifndef DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_
#define DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_

#include <cstdint>

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

inline constexpr ExporterRow kExporters[] = {
    {"GB", 140, Lang::kEn, "Ltd|Ltd|plc|LLP",
     "Medway|Severn|Cotswold|Humber|Mersey|Trent|Cheviot|Fenland|Wrekin|"
     "Quantock|Mendip|Chiltern|Tyneside|Clyde|Exmoor",
     "Bristol|Glasgow|Preston|Newcastle upon Tyne|Southampton|Derby"},
    {"DE", 120, Lang::kEn, "GmbH|GmbH|AG|GmbH & Co. KG",
     "Taunus|Elbtal|Spessart|Nordmark|Breisgau|Allgäu|Weserland|Eifel|"
     "Odenwald|Lausitz|Rhön|Fichtel",
     "Kassel|Oberndorf am Neckar|Unterlüß|Düsseldorf|Kiel|Ulm"},
    {"FR", 100, Lang::kFr, "SAS|SA|SARL",
     "Vauban|Armor|Garonne|Lorraine|Aquitaine|Vercors|Morvan|Cévennes|"
     "Sologne|Ardennes",
     "Bourges|Versailles|Toulouse|Saint-Étienne|Tarbes|Brest"},
    {"IT", 70, Lang::kEn, "S.p.A.|S.r.l.",
     "Valtrompia|Ligure|Adriatica|Tirrena|Dolomiti|Sabina|Sannio|Carnia|"
     "Murgia|Lessinia",
     "Brescia|La Spezia|Gardone Val Trompia|Roma|Torino|Taranto"},
    {"ES", 50, Lang::kEs, "S.A.|S.L.",
     "Cantábrica|Levante|Guadalquivir|Navarra|Montsec|Gredos|Moncayo",
     "Oviedo|Zaragoza|Sevilla|Granada|Bilbao|Cartagena"},
    {"SE", 40, Lang::kEn, "AB",
     "Norrland|Vättern|Bergslagen|Kolmården|Hälsinge|Siljan",
     "Karlskoga|Linköping|Eskilstuna|Örnsköldsvik|Göteborg"},
    {"NO", 30, Lang::kEn, "AS|ASA",
     "Fjordane|Kongsdal|Trondhjem|Hardanger|Lofoten|Romsdal",
     "Raufoss|Kongsberg|Oslo|Bergen|Trondheim"},
    {"CZ", 40, Lang::kEn, "s.r.o.|a.s.",
     "Vysočina|Morava|Brdy|Šumava|Krkonoše|Jeseník|Polabí",
     "Uherský Brod|Vlašim|Praha|Brno|Ostrava|Šternberk"},
    {"BG", 40, Lang::kEn, "AD|EOOD|OOD",
     "Rodopi|Maritsa|Strandzha|Pirin|Vitosha|Stara Planina|Dunav",
     "Kazanlak|Sopot|Karlovo|Sofia|Burgas|Varna"},
    {"RS", 30, Lang::kEn, "d.o.o.|a.d.",
     "Šumadija|Drina|Timok|Zlatibor|Fruška|Ibar|Kopaonik",
     "Kragujevac|Čačak|Užice|Beograd|Lučani|Valjevo"},
    {"KR", 50, Lang::kEn, "Co., Ltd.|Corporation|Industries Co., Ltd.",
     "Hanbit|Daehan|Seorak|Hallasan|Geumgang|Naedong|Baekdu",
     "Changwon|Daejeon|Seoul|Gumi|Busan|Sacheon"},
    {"IL", 40, Lang::kEn, "Ltd.|Ltd.",
     "Carmel|Negev|Galil|Arava|Sharon|Gilboa|Hermon",
     "Haifa|Beersheba|Ramat HaSharon|Petah Tikva|Yokneam"},
    {"TR", 50, Lang::kEn, "A.Ş.|Sanayi ve Ticaret A.Ş.|Ltd. Şti.",
     "Anadolu|Ege|Toros|Kapadokya|Marmara|Karadeniz|Erciyes",
     "Ankara|Kırıkkale|İstanbul|Konya|Bursa|Eskişehir"},
    {"BR", 30, Lang::kPt, "S.A.|Ltda.",
     "Paraná|Tocantins|Guanabara|Mantiqueira|Xingu|Araguaia",
     "São Paulo|São José dos Campos|Ribeirão Pires|Rio de Janeiro"},
    {"ZA", 30, Lang::kEn, "(Pty) Ltd|(Pty) Ltd|SOC Ltd",
     "Highveld|Drakensberg|Karoo|Limpopo|Magaliesberg|Waterberg",
     "Pretoria|Centurion|Somerset West|Boksburg|Durban"},
    {"US", 120, Lang::kEn, "Inc.|LLC|Corp.|LLC",
     "Bayou|Cascade|Ozark|Appalachian|Mesa|Chesapeake|Sierra|Lakeshore|"
     "Palmetto|Shenandoah|Black Hills|Sonoran",
     "Springfield|Huntsville|Tucson|Lafayette|Knoxville|Fort Worth"},
    {"NL", 15, Lang::kEn, "B.V.|N.V.", "Veluwe|Zeeland|Drenthe|Waddenzee",
     "Den Haag|Hengelo|Rotterdam|Eindhoven"},
    {"BE", 25, Lang::kEn, "SA|NV|SRL", "Meuse|Ardenne|Condroz|Kempen|Hesbaye",
     "Herstal|Liège|Zwijnaarde|Charleroi"},
    {"PL", 25, Lang::kEn, "S.A.|Sp. z o.o.", "Wisła|Tatry|Mazury|Bieszczady|Warta",
     "Radom|Stalowa Wola|Gliwice|Skarżysko-Kamienna"},
    {"AT", 15, Lang::kEn, "GmbH", "Wachau|Tauern|Mühlviertel|Salzkammergut",
     "Deutsch-Wagram|Ferlach|Steyr|Wien"},
    {"CH", 15, Lang::kEn, "AG|SA", "Jura|Engadin|Emmental|Ticino",
     "Thun|Neuhausen|Altdorf|Kreuzlingen"},
    {"FI", 10, Lang::kEn, "Oy|Oyj", "Saimaa|Karelia|Lapin|Päijänne",
     "Jyväskylä|Lapua|Riihimäki|Tampere"},
    {"AU", 20, Lang::kEn, "Pty Ltd", "Kimberley|Murray|Gippsland|Pilbara",
     "Adelaide|Lithgow|Benalla|Brisbane"},
    {"CA", 20, Lang::kEn, "Inc.|Ltd.", "Laurentian|Okanagan|Muskoka|Fundy",
     "London, Ontario|Montréal|Kingston|Halifax"},
    {"SK", 15, Lang::kEn, "a.s.|s.r.o.", "Tatra|Považie|Záhorie|Orava",
     "Dubnica nad Váhom|Trenčín|Banská Bystrica"},
    {"RO", 15, Lang::kEn, "S.A.|S.R.L.", "Carpați|Olt|Mureș|Bucegi",
     "Cugir|Sadu|Brașov|București"},
    {"HR", 10, Lang::kEn, "d.o.o.|d.d.", "Velebit|Sava|Kvarner|Zagorje",
     "Karlovac|Zagreb|Slavonski Brod"},
    {"PT", 10, Lang::kPt, "S.A.|Lda.", "Douro|Alentejo|Minho|Tejo",
     "Lisboa|Braga|Oeiras"},
};

// Sector words for exporters' names, by what they sell.
inline constexpr const char* kSectorsEn =
    "Defence Systems|Arms|Munitions|Ordnance|Aerospace|Defence Technologies|"
    "Tactical Supplies|Precision Industries|Armour|Defence Industries";
inline constexpr const char* kSectorsFr =
    "Défense|Armement|Munitions|Systèmes de Défense|Aéronautique";
inline constexpr const char* kSectorsEs =
    "Defensa|Armamento|Municiones|Sistemas de Defensa";
inline constexpr const char* kSectorsPt =
    "Defesa|Armamentos|Munições|Sistemas de Defesa";

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

inline constexpr DestinationRow kDestinations[] = {
    // Europe
    {"PL", Region::kEurope, 0, Lang::kEn, "Polish", "Poland", "Port of Gdynia",
     "Warsaw Chopin Airport", nullptr, "PL-14 PL-22 PL-06", 8},
    {"EE", Region::kEurope, 0, Lang::kEn, "Estonian", "Estonia",
     "Port of Paldiski", "Tallinn Airport", nullptr, "EE-37 EE-79", 4},
    {"LT", Region::kEurope, 0, Lang::kEn, "Lithuanian", "Lithuania",
     "Port of Klaipėda", "Vilnius Airport", nullptr, "LT-VL LT-KL", 4},
    {"LV", Region::kEurope, 0, Lang::kEn, "Latvian", "Latvia", "Port of Riga",
     "Riga International Airport", nullptr, "LV-RIX", 3},
    {"RO", Region::kEurope, 0, Lang::kEn, "Romanian", "Romania",
     "Port of Constanța", "Bucharest Henri Coandă Airport", nullptr,
     "RO-CT RO-B", 5},
    {"DK", Region::kEurope, 0, Lang::kEn, "Danish", "Denmark", "Port of Aarhus",
     "Copenhagen Airport", nullptr, "DK-84 DK-82", 3},
    {"FI", Region::kEurope, 0, Lang::kEn, "Finnish", "Finland",
     "Port of Hamina-Kotka", "Helsinki Airport", nullptr, "FI-18 FI-19", 3},
    {"GR", Region::kEurope, 0, Lang::kEn, "Hellenic", "Greece",
     "Port of Piraeus", "Athens International Airport", nullptr, "GR-I GR-A", 4},
    {"PT", Region::kEurope, 0, Lang::kPt, "de Portugal", "Portugal",
     "Porto de Lisboa", "Aeroporto de Lisboa", nullptr, "PT-11 PT-13", 2},
    {"CH", Region::kEurope, 0, Lang::kEn, "Swiss", "Switzerland", nullptr,
     "Zurich Airport", "DE", "CH-BE CH-ZH", 3},
    {"ME", Region::kEurope, 0, Lang::kEn, "Montenegrin", "Montenegro",
     "Port of Bar", "Podgorica Airport", nullptr, "ME-16", 1},
    {"UA", Region::kEurope, 1, Lang::kEn, "Ukrainian", "Ukraine", nullptr,
     "Rzeszów-Jasionka Airport (onward by road)", "PL",
     "UA-14 UA-09 UA-30 UA-63 UA-65", 8},
    {"GE", Region::kEurope, 1, Lang::kEn, "Georgian", "Georgia", "Port of Poti",
     "Tbilisi International Airport", nullptr, "GE-TB GE-AJ", 2},
    {"MD", Region::kEurope, 1, Lang::kEn, "Moldovan", "Moldova", nullptr,
     "Chișinău International Airport", "RO", "MD-CU MD-BA", 1},
    // Middle East
    {"AE", Region::kMiddleEast, 1, Lang::kEn, "Emirati", "the United Arab Emirates",
     "Jebel Ali Port, Dubai", "Abu Dhabi International Airport", nullptr,
     "AE-AZ AE-DU", 7},
    {"SA", Region::kMiddleEast, 2, Lang::kEn, "Royal Saudi", "Saudi Arabia",
     "King Abdulaziz Port, Dammam", "King Khalid International Airport, Riyadh",
     nullptr, "SA-01 SA-04 SA-09", 6},
    {"QA", Region::kMiddleEast, 1, Lang::kEn, "Qatari", "Qatar", "Hamad Port",
     "Hamad International Airport", nullptr, "QA-DA", 3},
    {"KW", Region::kMiddleEast, 1, Lang::kEn, "Kuwaiti", "Kuwait",
     "Shuwaikh Port", "Kuwait International Airport", nullptr, "KW-KU", 2},
    {"OM", Region::kMiddleEast, 1, Lang::kEn, "Royal Omani", "Oman",
     "Port Sultan Qaboos, Muscat", "Muscat International Airport", nullptr,
     "OM-MA", 2},
    {"BH", Region::kMiddleEast, 1, Lang::kEn, "Bahraini", "Bahrain",
     "Khalifa Bin Salman Port", "Bahrain International Airport", nullptr,
     "BH-13", 1},
    {"JO", Region::kMiddleEast, 1, Lang::kEn, "Jordanian", "Jordan",
     "Port of Aqaba", "Queen Alia International Airport", nullptr,
     "JO-AM JO-AQ", 3},
    {"EG", Region::kMiddleEast, 2, Lang::kEn, "Egyptian", "Egypt",
     "Port of Alexandria", "Cairo International Airport", nullptr,
     "EG-C EG-SIN EG-ALX", 4},
    {"IQ", Region::kMiddleEast, 2, Lang::kEn, "Iraqi", "Iraq", "Umm Qasr Port",
     "Baghdad International Airport", nullptr, "IQ-BG IQ-NI IQ-AN IQ-AR", 3},
    {"LB", Region::kMiddleEast, 2, Lang::kEn, "Lebanese", "Lebanon",
     "Port of Beirut", "Beirut-Rafic Hariri International Airport", nullptr,
     "LB-BA LB-JA", 2},
    {"IL", Region::kMiddleEast, 2, Lang::kEn, "Israeli", "Israel",
     "Port of Haifa", "Ben Gurion Airport", nullptr, "IL-HA IL-D", 2},
    // Africa
    {"NG", Region::kAfrica, 2, Lang::kEn, "Nigerian", "Nigeria",
     "Apapa Port, Lagos", "Nnamdi Azikiwe International Airport, Abuja", nullptr,
     "NG-LA NG-BO NG-ZA NG-KD NG-FC NG-RI", 6},
    {"GH", Region::kAfrica, 1, Lang::kEn, "Ghana", "Ghana", "Port of Tema",
     "Kotoka International Airport, Accra", nullptr, "GH-AA GH-NP", 3},
    {"KE", Region::kAfrica, 1, Lang::kEn, "Kenya", "Kenya", "Port of Mombasa",
     "Jomo Kenyatta International Airport", nullptr, "KE-30 KE-28 KE-07", 4},
    {"SN", Region::kAfrica, 1, Lang::kFr, "du Sénégal", "Senegal",
     "Port autonome de Dakar", "Aéroport international Blaise-Diagne", nullptr,
     "SN-DK SN-ZG", 2},
    {"CI", Region::kAfrica, 1, Lang::kFr, "de Côte d'Ivoire", "Côte d'Ivoire",
     "Port autonome d'Abidjan",
     "Aéroport international Félix-Houphouët-Boigny", nullptr, "CI-AB CI-SV",
     2},
    {"CM", Region::kAfrica, 2, Lang::kFr, "du Cameroun", "Cameroon",
     "Port autonome de Douala", "Aéroport international de Yaoundé-Nsimalen",
     nullptr, "CM-NW CM-SW CM-EN", 2},
    {"TZ", Region::kAfrica, 1, Lang::kEn, "Tanzanian", "Tanzania",
     "Port of Dar es Salaam", "Julius Nyerere International Airport", nullptr,
     "TZ-02 TZ-17", 2},
    {"UG", Region::kAfrica, 2, Lang::kEn, "Ugandan", "Uganda", nullptr,
     "Entebbe International Airport", "KE", "UG-N UG-C", 2},
    {"RW", Region::kAfrica, 2, Lang::kEn, "Rwandan", "Rwanda", nullptr,
     "Kigali International Airport", "TZ", "RW-01 RW-04", 1},
    {"ZM", Region::kAfrica, 1, Lang::kEn, "Zambian", "Zambia", nullptr,
     "Kenneth Kaunda International Airport", "TZ", "ZM-09 ZM-08", 1},
    {"BW", Region::kAfrica, 0, Lang::kEn, "Botswana", "Botswana", nullptr,
     "Sir Seretse Khama International Airport", "ZA", "BW-SE", 1},
    {"NA", Region::kAfrica, 1, Lang::kEn, "Namibian", "Namibia",
     "Port of Walvis Bay", "Hosea Kutako International Airport", nullptr,
     "NA-KH", 1},
    {"ET", Region::kAfrica, 2, Lang::kEn, "Ethiopian", "Ethiopia", nullptr,
     "Addis Ababa Bole International Airport", "DJ", "ET-TI ET-AM ET-OR ET-AA",
     2},
    {"MZ", Region::kAfrica, 2, Lang::kPt, "de Moçambique", "Mozambique",
     "Porto de Maputo", "Aeroporto Internacional de Maputo", nullptr,
     "MZ-P MZ-MPM MZ-N", 2},
    {"AO", Region::kAfrica, 1, Lang::kPt, "de Angola", "Angola",
     "Porto de Luanda", "Aeroporto Internacional de Luanda", nullptr,
     "AO-LUA AO-CAB", 2},
    {"ML", Region::kAfrica, 2, Lang::kFr, "du Mali", "Mali", nullptr,
     "Aéroport international Modibo-Keïta, Bamako", "SN",
     "ML-6 ML-7 ML-8 ML-BKO", 2},
    {"BF", Region::kAfrica, 2, Lang::kFr, "du Burkina Faso", "Burkina Faso",
     nullptr, "Aéroport international de Ouagadougou", "CI", "BF-12 BF-13 BF-03",
     2},
    {"NE", Region::kAfrica, 2, Lang::kFr, "du Niger", "Niger", nullptr,
     "Aéroport international Diori-Hamani, Niamey", "BJ", "NE-2 NE-6 NE-8", 2},
    {"TD", Region::kAfrica, 2, Lang::kFr, "du Tchad", "Chad", nullptr,
     "Aéroport international Hassan-Djamous, N'Djamena", "CM", "TD-LC TD-ND",
     1},
    {"CD", Region::kAfrica, 2, Lang::kFr,
     "de la République démocratique du Congo", "the DR Congo", "Port de Matadi",
     "Aéroport international de N'djili, Kinshasa", nullptr,
     "CD-NK CD-SK CD-IT CD-KN", 2},
    {"CF", Region::kAfrica, 3, Lang::kFr, "de la République centrafricaine",
     "the Central African Republic", nullptr,
     "Aéroport international de Bangui M'Poko", "CM", "CF-BGF CF-HK", 1},
    {"SS", Region::kAfrica, 3, Lang::kEn, "South Sudanese", "South Sudan",
     nullptr, "Juba International Airport", "KE", "SS-EC SS-UY", 1},
    {"SO", Region::kAfrica, 3, Lang::kEn, "Somali", "Somalia",
     "Port of Mogadishu", "Aden Adde International Airport", nullptr,
     "SO-BN SO-JH", 1},
    {"LY", Region::kAfrica, 3, Lang::kEn, "Libyan", "Libya", "Port of Tripoli",
     "Mitiga International Airport, Tripoli", nullptr, "LY-TB LY-BA LY-MI", 1},
    {"SD", Region::kAfrica, 3, Lang::kEn, "Sudanese", "Sudan", "Port Sudan",
     "Port Sudan New International Airport", nullptr, "SD-DN SD-DW SD-KH", 1},
    {"DZ", Region::kAfrica, 1, Lang::kFr, "d'Algérie", "Algeria", "Port d'Alger",
     "Aéroport d'Alger Houari-Boumédiène", nullptr, "DZ-16", 2},
    {"MA", Region::kAfrica, 1, Lang::kFr, "du Maroc", "Morocco",
     "Port de Casablanca", "Aéroport Mohammed V, Casablanca", nullptr,
     "MA-06", 2},
    {"TN", Region::kAfrica, 1, Lang::kFr, "de Tunisie", "Tunisia",
     "Port de Radès", "Aéroport international de Tunis-Carthage", nullptr,
     "TN-11", 1},
    {"BJ", Region::kAfrica, 1, Lang::kFr, "du Bénin", "Benin",
     "Port autonome de Cotonou", "Aéroport de Cotonou-Cadjehoun", nullptr,
     "BJ-LI BJ-AL", 1},
    {"TG", Region::kAfrica, 1, Lang::kFr, "du Togo", "Togo",
     "Port autonome de Lomé", "Aéroport international de Lomé-Tokoin", nullptr,
     "TG-M", 1},
    {"MR", Region::kAfrica, 2, Lang::kFr, "de Mauritanie", "Mauritania",
     "Port autonome de Nouakchott", "Aéroport international de Nouakchott",
     nullptr, "MR-NKC", 1},
    {"DJ", Region::kAfrica, 1, Lang::kFr, "de Djibouti", "Djibouti",
     "Port de Djibouti", "Aéroport international de Djibouti", nullptr,
     "DJ-DJ", 1},
    {"BI", Region::kAfrica, 2, Lang::kFr, "du Burundi", "Burundi", nullptr,
     "Aéroport international Melchior-Ndadaye", "TZ", "BI-BM", 1},
    {"ER", Region::kAfrica, 3, Lang::kEn, "Eritrean", "Eritrea",
     "Port of Massawa", "Asmara International Airport", nullptr, "ER-MA", 1},
    {"LR", Region::kAfrica, 3, Lang::kEn, "Liberian", "Liberia",
     "Freeport of Monrovia", "Roberts International Airport", nullptr,
     "LR-MO", 1},
    {"SL", Region::kAfrica, 3, Lang::kEn, "Sierra Leone", "Sierra Leone",
     "Queen Elizabeth II Quay, Freetown", "Freetown International Airport",
     nullptr, "SL-W", 1},
    {"ZA", Region::kAfrica, 0, Lang::kEn, "South African", "South Africa",
     "Port of Durban", "O. R. Tambo International Airport", nullptr,
     "ZA-GP ZA-KZN", 2},
    {"ZW", Region::kAfrica, 3, Lang::kEn, "Zimbabwe National", "Zimbabwe",
     nullptr, "Robert Gabriel Mugabe International Airport", "MZ", "ZW-HA",
     1},
    // Asia
    {"IN", Region::kAsia, 1, Lang::kEn, "Indian", "India",
     "Jawaharlal Nehru Port, Mumbai", "Indira Gandhi International Airport",
     nullptr, "IN-JK IN-MN IN-CT IN-DL", 5},
    {"PK", Region::kAsia, 2, Lang::kEn, "Pakistan", "Pakistan",
     "Port of Karachi", "Islamabad International Airport", nullptr,
     "PK-BA PK-KP PK-IS", 3},
    {"BD", Region::kAsia, 1, Lang::kEn, "Bangladesh", "Bangladesh",
     "Port of Chattogram", "Hazrat Shahjalal International Airport", nullptr,
     "BD-13 BD-10", 2},
    {"LK", Region::kAsia, 1, Lang::kEn, "Sri Lanka", "Sri Lanka",
     "Port of Colombo", "Bandaranaike International Airport", nullptr,
     "LK-1 LK-4", 1},
    {"ID", Region::kAsia, 1, Lang::kEn, "Indonesian", "Indonesia",
     "Tanjung Priok Port, Jakarta", "Soekarno-Hatta International Airport",
     nullptr, "ID-PA ID-AC ID-JK", 4},
    {"MY", Region::kAsia, 0, Lang::kEn, "Royal Malaysian", "Malaysia",
     "Port Klang", "Kuala Lumpur International Airport", nullptr, "MY-14 MY-12",
     3},
    {"PH", Region::kAsia, 1, Lang::kEn, "Philippine", "the Philippines",
     "Port of Manila", "Clark International Airport", nullptr,
     "PH-00 PH-14 PH-11", 3},
    {"TH", Region::kAsia, 1, Lang::kEn, "Royal Thai", "Thailand",
     "Laem Chabang Port", "Don Mueang International Airport", nullptr,
     "TH-94 TH-95 TH-96 TH-10", 3},
    {"VN", Region::kAsia, 1, Lang::kEn, "Vietnam People's", "Viet Nam",
     "Port of Hai Phong", "Noi Bai International Airport", nullptr, "VN-HN", 2},
    {"SG", Region::kAsia, 0, Lang::kEn, "Singapore", "Singapore",
     "Port of Singapore", "Singapore Changi Airport", nullptr, "SG-01", 2},
    {"KR", Region::kAsia, 0, Lang::kEn, "Republic of Korea", "the Republic of Korea",
     "Port of Busan", "Incheon International Airport", nullptr, "KR-11 KR-26",
     2},
    {"KZ", Region::kAsia, 1, Lang::kEn, "Kazakh", "Kazakhstan", nullptr,
     "Almaty International Airport", nullptr, "KZ-75 KZ-71", 2},
    {"KG", Region::kAsia, 2, Lang::kEn, "Kyrgyz", "Kyrgyzstan", nullptr,
     "Manas International Airport, Bishkek", nullptr, "KG-GB KG-O", 1},
    {"UZ", Region::kAsia, 2, Lang::kEn, "Uzbek", "Uzbekistan", nullptr,
     "Tashkent International Airport", nullptr, "UZ-TK UZ-FA", 1},
    {"TJ", Region::kAsia, 2, Lang::kEn, "Tajik", "Tajikistan", nullptr,
     "Dushanbe International Airport", nullptr, "TJ-DU TJ-GB", 1},
    {"MN", Region::kAsia, 1, Lang::kEn, "Mongolian", "Mongolia", nullptr,
     "Chinggis Khaan International Airport", nullptr, "MN-1", 1},
    {"NP", Region::kAsia, 1, Lang::kEn, "Nepali", "Nepal", nullptr,
     "Tribhuvan International Airport", "IN", "NP-P3", 1},
    {"MM", Region::kAsia, 3, Lang::kEn, "Myanmar", "Myanmar", "Port of Yangon",
     "Yangon International Airport", nullptr, "MM-06 MM-11 MM-13", 1},
    {"AF", Region::kAsia, 3, Lang::kEn, "Afghan", "Afghanistan", nullptr,
     "Kabul International Airport", "PK", "AF-KAB AF-KAN", 1},
    {"CN", Region::kAsia, 3, Lang::kEn, "Chinese", "China", "Port of Shanghai",
     "Beijing Capital International Airport", nullptr, "CN-BJ CN-XJ", 1},
    {"KP", Region::kAsia, 3, Lang::kEn, "Korean People's", "the DPRK",
     "Port of Nampo", "Pyongyang Sunan International Airport", nullptr,
     "KP-01", 1},
    {"IR", Region::kMiddleEast, 3, Lang::kEn, "Iranian", "Iran",
     "Bandar Abbas Port", "Imam Khomeini International Airport", nullptr,
     "IR-23 IR-07", 1},
    {"SY", Region::kMiddleEast, 3, Lang::kEn, "Syrian Arab", "Syria",
     "Port of Latakia", "Damascus International Airport", nullptr,
     "SY-DI SY-HL", 1},
    {"YE", Region::kMiddleEast, 3, Lang::kEn, "Yemeni", "Yemen", "Port of Aden",
     "Aden International Airport", nullptr, "YE-AD YE-SA", 1},
    {"RU", Region::kEurope, 3, Lang::kEn, "Russian", "the Russian Federation",
     "Port of Novorossiysk", "Moscow Sheremetyevo Airport", nullptr,
     "RU-MOW RU-KDA", 1},
    {"BY", Region::kEurope, 3, Lang::kEn, "Belarusian", "Belarus", nullptr,
     "Minsk National Airport", nullptr, "BY-HM", 1},
    // Americas
    {"MX", Region::kAmericas, 2, Lang::kEs, "de México", "Mexico",
     "Puerto de Veracruz", "Aeropuerto Internacional de la Ciudad de México",
     nullptr, "MX-GRO MX-CHH MX-JAL MX-MIC MX-TAM MX-CMX", 4},
    {"GT", Region::kAmericas, 2, Lang::kEs, "de Guatemala", "Guatemala",
     "Puerto Quetzal", "Aeropuerto Internacional La Aurora", nullptr,
     "GT-01 GT-17", 1},
    {"HN", Region::kAmericas, 2, Lang::kEs, "de Honduras", "Honduras",
     "Puerto Cortés", "Aeropuerto Internacional Toncontín", nullptr,
     "HN-CR HN-FM", 1},
    {"SV", Region::kAmericas, 2, Lang::kEs, "de El Salvador", "El Salvador",
     "Puerto de Acajutla", "Aeropuerto Internacional de El Salvador", nullptr,
     "SV-SS SV-SA", 1},
    {"CO", Region::kAmericas, 1, Lang::kEs, "de Colombia", "Colombia",
     "Puerto de Cartagena", "Aeropuerto Internacional El Dorado", nullptr,
     "CO-ANT CO-NAR CO-CAU CO-DC", 3},
    {"PE", Region::kAmericas, 1, Lang::kEs, "del Perú", "Peru",
     "Puerto del Callao", "Aeropuerto Internacional Jorge Chávez", nullptr,
     "PE-LIM PE-CUS PE-JUN", 2},
    {"BR", Region::kAmericas, 1, Lang::kPt, "do Brasil", "Brazil",
     "Porto do Rio de Janeiro", "Aeroporto Internacional de Guarulhos", nullptr,
     "BR-RJ BR-SP BR-AM", 2},
    {"AR", Region::kAmericas, 0, Lang::kEs, "de Argentina", "Argentina",
     "Puerto de Buenos Aires", "Aeropuerto Internacional de Ezeiza", nullptr,
     "AR-C AR-B", 2},
    {"CL", Region::kAmericas, 0, Lang::kEs, "de Chile", "Chile",
     "Puerto de Valparaíso", "Aeropuerto Internacional Arturo Merino Benítez",
     nullptr, "CL-RM CL-VS", 2},
    {"EC", Region::kAmericas, 1, Lang::kEs, "del Ecuador", "Ecuador",
     "Puerto de Guayaquil", "Aeropuerto Internacional Mariscal Sucre", nullptr,
     "EC-G EC-P", 1},
    {"BO", Region::kAmericas, 2, Lang::kEs, "de Bolivia", "Bolivia", nullptr,
     "Aeropuerto Internacional de Viru Viru", "PE", "BO-L BO-S", 1},
    {"PY", Region::kAmericas, 1, Lang::kEs, "del Paraguay", "Paraguay", nullptr,
     "Aeropuerto Internacional Silvio Pettirossi", "AR", "PY-ASU", 1},
    {"UY", Region::kAmericas, 0, Lang::kEs, "del Uruguay", "Uruguay",
     "Puerto de Montevideo", "Aeropuerto Internacional de Carrasco", nullptr,
     "UY-MO", 1},
    {"JM", Region::kAmericas, 1, Lang::kEn, "Jamaica", "Jamaica",
     "Port of Kingston", "Norman Manley International Airport", nullptr,
     "JM-01 JM-13", 1},
    {"TT", Region::kAmericas, 1, Lang::kEn, "Trinidad and Tobago",
     "Trinidad and Tobago", "Port of Port of Spain", "Piarco International Airport",
     nullptr, "TT-POS", 1},
    {"DO", Region::kAmericas, 1, Lang::kEs, "de la República Dominicana",
     "the Dominican Republic", "Puerto de Haina",
     "Aeropuerto Internacional de Las Américas", nullptr, "DO-01", 1},
    {"CA", Region::kAmericas, 0, Lang::kEn, "Canadian", "Canada",
     "Port of Halifax", "Ottawa Macdonald-Cartier International Airport",
     nullptr, "CA-ON CA-NS", 2},
    {"US", Region::kAmericas, 0, Lang::kEn, "United States", "the United States",
     "Port of Baltimore", "Dulles International Airport", nullptr,
     "US-TX US-VA", 2},
    {"VE", Region::kAmericas, 3, Lang::kEs, "de Venezuela", "Venezuela",
     "Puerto Cabello", "Aeropuerto Internacional de Maiquetía", nullptr,
     "VE-A VE-X", 1},
    {"HT", Region::kAmericas, 3, Lang::kEn, "Haitian", "Haiti",
     "Port-au-Prince port", "Toussaint Louverture International Airport",
     nullptr, "HT-OU", 1},
    // Oceania
    {"AU", Region::kOceania, 0, Lang::kEn, "Australian", "Australia",
     "Port of Darwin", "Canberra Airport", nullptr, "AU-NT AU-ACT", 3},
    {"NZ", Region::kOceania, 0, Lang::kEn, "New Zealand", "New Zealand",
     "Port of Auckland", "Auckland Airport", nullptr, "NZ-AUK", 1},
    {"PG", Region::kOceania, 2, Lang::kEn, "Papua New Guinea", "Papua New Guinea",
     "Port Moresby port", "Jacksons International Airport", nullptr,
     "PG-NCD PG-NSB", 1},
    {"FJ", Region::kOceania, 1, Lang::kEn, "Republic of Fiji", "Fiji",
     "Port of Suva", "Nadi International Airport", nullptr, "FJ-C", 1},
};

// ------------------------------------------------------------ transit hubs

struct HubRow {
  const char* code;
  uint8_t tier;          // 0: a major port or airport with strong controls
  bool free_trade_zone;  // has a free-trade zone goods can be handled in
  const char* place;
  const char* stems;     // local trading-company stems, '|' separated
  const char* forms;     // local legal forms
};

inline constexpr HubRow kHubs[] = {
    {"NL", 0, false, "Rotterdam", "Maasvlakte|Delfshaven|Botlek",
     "B.V."},
    {"BE", 0, false, "Antwerp", "Scheldt|Kallo|Zandvliet", "NV|BV"},
    {"DE", 0, false, "Hamburg", "Elbe|Altona|Waltershof", "GmbH"},
    {"GB", 0, false, "Felixstowe", "Orwell|Harwich Gateway|Landguard", "Ltd"},
    {"SG", 1, true, "Singapore", "Lion City|Straits|Merlion|Temasek Bay|Jurong",
     "Pte Ltd"},
    {"AE", 1, true, "Jebel Ali Free Zone",
     "Al Noor|Sandgrouse|Gulf Horizon|Oasis|Desert Falcon|Al Wafa|"
     "Crescent Star|Emerald Sands|Jebel Crest",
     "FZE|FZCO|General Trading LLC"},
    {"HK", 1, true, "Hong Kong",
     "Harbour Gate|Victoria Peak|Kowloon Bay|Pearl River|Jade Dragon",
     "Co., Ltd|Limited|International Trading Ltd"},
    {"PA", 1, true, "Colón Free Zone", "Istmo|Canal Azul|Pacífico Sur|Gatún",
     "S.A.|Inc."},
    {"CY", 1, false, "Limassol", "Aphrodite|Troodos|Akamas|Larnaca Bay",
     "Ltd"},
    {"TR", 1, true, "Mersin", "Bosphorus|Anadolu Köprü|Mersin Liman|Toros",
     "A.Ş.|Ltd. Şti."},
    {"MT", 1, true, "Malta Freeport", "Valletta|Grand Harbour|Marsaxlokk",
     "Ltd"},
    {"DJ", 2, true, "Djibouti Free Zone", "Tadjourah|Bab el Mandeb|Ghoubet",
     "SARL|FZCO"},
    {"TG", 2, true, "Lomé", "Golfe du Bénin|Lomé Transit|Kara", "SARL|SA"},
    {"BJ", 2, false, "Cotonou", "Green Crescent|Ouémé|Ganvié", "SARL"},
    {"KE", 2, false, "Mombasa", "Kilindini|Likoni|Tana River", "Ltd"},
    {"ZA", 1, false, "Durban", "Umhlanga|Bluff|Point Waterfront", "(Pty) Ltd"},
    {"KZ", 2, false, "Almaty", "Altyn Dala|Steppe Gate|Alatau", "LLP"},
    {"GE", 2, true, "Poti Free Industrial Zone", "Rioni|Kolkheti|Black Sea Gate",
     "LLC"},
};

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

inline constexpr GoodsRow kGoods[] = {
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

// -------------------------------------------------------- other word lists

// Carriers: sea and air. Names are "<stem> <suffix>".
inline constexpr const char* kSeaStems =
    "Atlantic Crest|Mistral Sud|Nordic Star|Blue Anchor|Baltic Wave|"
    "Cape Horizon|Red Sea Feeder|Silver Gull|Coral Reef|Iron Pelican|"
    "Southern Cross|Gulf of Guinea Feeder|Levant Star|Adriatic Bay|Oceanic Bridge";
inline constexpr const char* kSeaSuffixes =
    "Shipping Ltd|Maritime SA|Lines|Shipping Co.|Navigation Inc.";
inline constexpr const char* kAirStems =
    "Skyline|Sky Caravan|Trans Sahel|Albatross|Nightjar|Condor|Polar Tern|"
    "Silver Kite|Desert Eagle|Blue Heron|Northern Lights|Caspian";
inline constexpr const char* kAirSuffixes =
    "Air Cargo|Aviation|Airlines|Air Services|Airlift";

// Flags of registration and the ICAO-style registration prefix of each
// aircraft-registering state, for air legs (prefix, country).
struct FlagRow {
  const char* country;
  const char* air_prefix;  // nullptr: not used for aircraft
  uint8_t concern;         // 0 usual, 1 open registry, 2 flag of concern
};
inline constexpr FlagRow kFlags[] = {
    {"GB", "G-", 0},  {"DE", "D-", 0},   {"FR", "F-", 0},   {"NL", "PH-", 0},
    {"NO", "LN-", 0}, {"US", "N", 0},    {"AE", "A6-", 1},  {"SG", "9V-", 0},
    {"TR", "TC-", 0}, {"PA", nullptr, 1}, {"LR", nullptr, 1}, {"MH", nullptr, 1},
    {"MT", "9H-", 1}, {"CY", "5B-", 1},  {"BS", nullptr, 1}, {"GR", "SX-", 0},
    {"KZ", "UP-", 2}, {"KG", "EX-", 2},  {"MD", "ER-", 2},  {"GE", "4L-", 2},
    {"UA", "UR-", 1}, {"SL", "9L-", 2},  {"KM", nullptr, 2}, {"TG", nullptr, 2},
    {"KH", nullptr, 2}, {"CM", nullptr, 2}, {"AM", "EK-", 2}, {"ZA", "ZS-", 0},
};

// Registered brokers and forwarders outside the hubs.
inline constexpr const char* kForwarderWords =
    "Freight|Logistics|Forwarding|Cargo Services|Global Logistics|Shipping Agency";
inline constexpr const char* kBrokerWords =
    "Trade Services|Brokerage|Trading|Defence Brokers|International Trading|"
    "Procurement Services";
inline constexpr const char* kTradingWords =
    "General Trading|Import-Export|Trading|Supplies|Commodities|Logistics";
inline constexpr const char* kFinancierWords =
    "Capital|Finance|Investment Holdings|Trade Finance";

// Vague end uses (EU-3 fires on fewer than three words).
inline constexpr const char* kVagueEndUses = "Security|Defence needs|Operations|"
                                             "Stock|General use";

// Decoy consignees and end users for double paper trails.
inline constexpr const char* kDecoyStems =
    "Al Wafa|Golden Dune|Sahara Link|Nile Delta|Blue Lagoon|Eastern Gate|"
    "Morning Star|Twin Rivers|Highland|Coastal Link|New Horizon|Silver Sands";
inline constexpr const char* kDecoyForms =
    "General Trading|Import-Export SARL|Trading Company|Enterprises Ltd|"
    "Commercial Agency|Holdings";

// Private security companies and dealers, as end users.
inline constexpr const char* kSecurityStems =
    "Sentinel|Bastion|Aegis|Watchtower|Shieldline|Vanguard|Safeguard|Ironclad";
inline constexpr const char* kSecurityWords =
    "Security Services|Protection Services|Risk Management|Guarding Company";
inline constexpr const char* kDealerWords =
    "Gun Shop|Sporting Arms|Hunting Supplies|Firearms Dealers";

// People, for signatories and individual end users.
inline constexpr const char* kGivenNames =
    "Amara|Daniel|Fatima|Ivan|Jean-Baptiste|Kofi|Lucía|Mehmet|Nadia|Oleksandr|"
    "Pedro|Rashid|Sofia|Tomasz|Wanjiru|Yusuf|Aiko|Bongani|Carlos|Elena";
inline constexpr const char* kFamilyNames =
    "Okafor|Mensah|Kowalski|Diallo|Haddad|Fernández|Kuznetsov|Mwangi|Tan|"
    "Ndlovu|Silva|Traoré|Yilmaz|Novak|Castillo|Hashemi|Banda|Petrov|Ochieng|Rossi";

// International organisations as end users.
inline constexpr const char* kIntlOrgs =
    "United Nations peacekeeping mission, contingent logistics base|"
    "African Union mission, force headquarters|"
    "EU training mission, weapons training wing|"
    "OSCE special monitoring mission, security detail";

}  // namespace divrisk::gen

#endif  // DIVRISK_ENGINE_GENERATE_GENERATOR_TABLES_H_
