#include "tests/engine/scoring/random_case.h"

#include <string>
#include <vector>

namespace divrisk::testing {
namespace {

const char* const kCountries[] = {"GB", "NO", "DE", "FR", "AE", "BF", "TD",
                                  "KE", "NG", "LY", "KP", "RU", "CN", "US",
                                  "MX", "KG", "CD", "EE", "PH", "JM"};
const char* const kNames[] = {"Northbridge Defence Systems Ltd",
                              "Calder Arms Trading Ltd",
                              "Eastgate Global Logistics FZE",
                              "Korea Mining Development Trading Corporation",
                              "Skyline Air Cargo", "Sahel Trade & Supply SARL",
                              "Ministry of Defence", "National Police"};

class Gen {
 public:
  explicit Gen(std::mt19937& rng) : rng_(rng) {}
  bool Coin(double p = 0.5) { return std::bernoulli_distribution(p)(rng_); }
  int Int(int lo, int hi) { return std::uniform_int_distribution<>(lo, hi)(rng_); }
  template <typename E>
  E Enum() {
    return static_cast<E>(Int(0, static_cast<int>(kEnumWords<E>.size()) - 1));
  }
  template <typename E>
  std::optional<E> MaybeEnum() {
    return Coin() ? std::optional<E>(Enum<E>()) : std::nullopt;
  }
  std::optional<bool> MaybeBool() {
    return Coin() ? std::optional<bool>(Coin()) : std::nullopt;
  }
  CountryCode Country() {
    return *CountryCode::FromText(kCountries[Int(0, std::size(kCountries) - 1)]);
  }
  std::string Name() { return kNames[Int(0, std::size(kNames) - 1)]; }
  Date DateNear(Date d, int spread) { return Date{d.days + Int(-spread, spread)}; }
  template <typename E>
  EnumSet<E> Set() {
    EnumSet<E> s;
    for (size_t i = 0; i < kEnumWords<E>.size(); ++i) {
      if (Coin(0.2)) s.Add(static_cast<E>(i));
    }
    return s;
  }

 private:
  std::mt19937& rng_;
};

Party RandomParty(Gen& g, bool with_role) {
  Party p;
  p.name = g.Name();
  if (g.Coin(0.2)) p.aliases.push_back(g.Name());
  p.country = g.Country();
  if (with_role) p.role = g.Enum<PartyRole>();
  p.kind = g.MaybeEnum<PartyKind>();
  if (g.Coin()) p.register_id = g.Coin() ? "GB-EXP-0412" : "XX-1";
  if (g.Coin(0.3)) p.identifiers.emplace_back("icao", "EX-47012");
  if (g.Coin()) p.incorporated_on = Date{g.Int(15000, 20500)};
  p.internal_compliance_programme = g.MaybeBool();
  if (g.Coin()) p.prior_violations = g.Int(0, 3);
  return p;
}

}  // namespace

Case RandomCase(std::mt19937& rng, int index) {
  Gen g(rng);
  Case c;
  c.id = "RND-" + std::to_string(index);
  c.transaction = g.Enum<Transaction>();
  c.assessed_on = Date{g.Int(19000, 20800)};
  c.exporter = RandomParty(g, false);
  for (int i = g.Int(1, 3); i > 0; --i) {
    GoodsLine line;
    line.category = g.Enum<GoodsCategory>();
    line.description = "item";
    line.quantity = g.Int(1, 100000);
    line.condition = g.MaybeEnum<GoodsCondition>();
    line.marked = g.MaybeBool();
    line.manpads = g.MaybeBool();
    c.goods.push_back(line);
  }
  static_cast<Party&>(c.end_user) = RandomParty(g, false);
  if (g.Coin()) c.end_user.force_size = g.Int(10, 50000);
  c.end_user.stockpile_security = g.MaybeEnum<StockpileSecurity>();
  c.end_user.diversion_from_stocks_reported = g.MaybeBool();
  c.end_user.replaces_existing_stocks = g.MaybeBool();
  c.end_user.surplus_disposal = g.MaybeEnum<SurplusDisposal>();
  if (g.Coin()) c.end_user.stated_end_use = g.Coin() ? "defence" : "equipping border police units";
  if (g.Coin(0.2)) c.end_user.ultimate_end_users.push_back({"Unit 1", g.MaybeEnum<PartyKind>(), std::nullopt});

  c.euc_presence = static_cast<EucPresence>(g.Int(0, 2));
  if (c.euc_presence == EucPresence::kPresent) {
    Euc& e = c.euc;
    e.kind = g.Enum<EucKind>();
    if (g.Coin()) e.number = g.Coin() ? "MI/DL/2025/001" : "N-1";
    if (g.Coin()) e.issued_on = g.DateNear(c.assessed_on, 400);
    if (g.Coin()) e.valid_until = g.DateNear(c.assessed_on, 400);
    e.original_seen = g.MaybeBool();
    e.authentication = g.MaybeEnum<Authentication>();
    e.template_on_file = g.MaybeBool();
    if (g.Coin()) e.end_user_named = g.Coin() ? c.end_user.name : g.Name();
    if (g.Coin()) e.goods = std::vector<EucGoods>{{c.goods[0].category, g.Int(1, 100000)}};
    if (g.Coin()) e.clauses = g.Set<EucClause>();
    e.reissued_after_objection = g.MaybeBool();
  }
  for (int i = g.Int(0, 3); i > 0; --i) c.parties.push_back(RandomParty(g, true));
  if (g.Coin(0.8)) {
    Transport t;
    t.route_disclosure = g.MaybeEnum<RouteDisclosure>();
    CountryCode from = c.exporter.country;
    const int legs = g.Int(1, 3);
    for (int i = 0; i < legs; ++i) {
      Leg leg;
      leg.from = from;
      leg.to = i + 1 == legs ? c.end_user.country : g.Country();
      leg.mode = g.Enum<TransportMode>();
      leg.service = g.MaybeEnum<CarrierService>();
      leg.transshipment = g.MaybeBool();
      leg.free_trade_zone = g.MaybeBool();
      if (g.Coin()) leg.flag = g.Country();
      leg.shipper_owned_sealed_containers = g.MaybeBool();
      from = leg.to;
      t.legs.push_back(leg);
    }
    if (g.Coin()) t.delivery = Delivery{g.Enum<DeliveryMethod>(), std::nullopt};
    c.transport = t;
  }
  for (int i = g.Int(0, 2); i > 0; --i) {
    Document d;
    d.kind = g.Enum<DocumentKind>();
    if (g.Coin()) d.declared_goods = g.Coin() ? "item" : "machinery parts";
    d.declared_as_arms = g.MaybeBool();
    if (g.Coin()) d.consignee = g.Name();
    if (g.Coin()) d.destination = g.Country();
    c.documents.push_back(d);
  }
  c.mitigations = g.Set<Mitigation>();
  c.conduct = g.Set<Conduct>();
  for (int i = g.Int(0, 2); i > 0; --i) {
    c.consultations.push_back({g.Country(), std::nullopt,
                               g.Enum<ConsultationSubject>(),
                               g.Enum<ConsultationResult>()});
  }
  if (g.Coin(0.2)) c.authorisations.push_back({"UN", std::nullopt, std::nullopt});
  if (g.Coin(0.2)) c.amendments.push_back({std::nullopt, "end_user.name", std::nullopt, "X"});
  if (g.Coin()) {
    History h;
    if (g.Coin()) h.prior_refusals_to_end_user = g.Int(0, 3);
    if (g.Coin()) h.denial_notifications = g.Int(0, 3);
    h.post_shipment_check_failed = g.MaybeBool();
    if (g.Coin()) h.condition_breaches = g.Int(0, 2);
    c.history = h;
  }
  for (int i = g.Int(0, 2); i > 0; --i) {
    IntelReport r;
    r.source = g.Enum<IntelSource>();
    r.subject = g.Coin() ? "end_user" : "exporter";
    r.finding = g.Enum<IntelFinding>();
    if (g.Coin()) r.reported_on = g.DateNear(c.assessed_on, 500);
    r.confidence = g.Enum<Confidence>();
    c.intelligence.push_back(r);
  }
  return c;
}

}  // namespace divrisk::testing
