// The generator's tables (CaseGenerator::Tables), built once per generator
// from the data rows of generator_tables.h and the reference data.

#include "engine/generate/generator_parts.h"

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace divrisk::gen {

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

CountryCode Code(std::string_view text) {
  return CountryCode::FromText(text).value_or(CountryCode());
}

const Date kFirstDay = DateFromCivil(2015, 1, 1);
const Date kLastDay = DateFromCivil(2026, 12, 31);

namespace {

// Member states of ECOWAS (its small-arms convention asks for an exemption
// for every SALW transfer into the region).
constexpr const char* kEcowas[] = {"BJ", "BF", "CV", "CI", "GM", "GH", "GN",
                                   "GW", "LR", "ML", "NE", "NG", "SN", "SL",
                                   "TG"};

// Only a UN embargo binds whichever state decides; an EU one binds only EU
// members, and the exporter is drawn independently of the embargo.
bool HardBody(const std::string& body) { return body == "UN"; }

}  // namespace

std::unique_ptr<Tables> BuildTables(const ReferenceData& ref) {
  auto t = std::make_unique<Tables>();
  auto known = [&](CountryCode c) { return ref.Country(c) != nullptr; };

  for (const ExporterRow& row : kExporters) {
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
  for (const DestinationRow& row : kDestinations) {
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

  for (const HubRow& row : kHubs) {
    const CountryCode code = Code(row.code);
    if (!known(code)) continue;
    t->hubs.push_back({code, row.tier, row.free_trade_zone, row.place,
                       Split(row.stems, '|'), Split(row.forms, '|')});
  }
  for (const FlagRow& row : kFlags) {
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

  t->sectors[0] = Split(kSectorsEn, '|');
  t->sectors[1] = Split(kSectorsFr, '|');
  t->sectors[2] = Split(kSectorsEs, '|');
  t->sectors[3] = Split(kSectorsPt, '|');
  t->sea_stems = Split(kSeaStems, '|');
  t->sea_suffixes = Split(kSeaSuffixes, '|');
  t->air_stems = Split(kAirStems, '|');
  t->air_suffixes = Split(kAirSuffixes, '|');
  t->forwarder_words = Split(kForwarderWords, '|');
  t->broker_words = Split(kBrokerWords, '|');
  t->financier_words = Split(kFinancierWords, '|');
  t->vague_end_uses = Split(kVagueEndUses, '|');
  t->decoy_stems = Split(kDecoyStems, '|');
  t->decoy_forms = Split(kDecoyForms, '|');
  t->trading_words = Split(kTradingWords, '|');
  t->security_stems = Split(kSecurityStems, '|');
  t->security_words = Split(kSecurityWords, '|');
  t->dealer_words = Split(kDealerWords, '|');
  t->given = Split(kGivenNames, '|');
  t->family = Split(kFamilyNames, '|');
  t->intl_orgs = Split(kIntlOrgs, '|');
  return t;
}

}  // namespace divrisk::gen
