#include "tests/indicators/kernel_test_util.h"

#include <cmath>

#include "gtest/gtest.h"
#include "indicators/registry.h"

namespace divrisk::testing {

CountryCode CC(std::string_view code) { return *CountryCode::FromText(code); }
Date D(std::string_view iso) { return *ParseIsoDate(iso); }

Case MinimalCase() {
  Case c;
  c.id = "TEST-1";
  c.assessed_on = D("2026-03-14");
  c.exporter.name = "Northbridge Defence Systems Ltd";
  c.exporter.country = CC("GB");
  GoodsLine g;
  g.category = GoodsCategory::kSmallArms;
  g.description = "5.56mm rifles";
  g.quantity = 10;
  c.goods.push_back(g);
  c.end_user.name = "Ministry of Defence of Norway";
  c.end_user.country = CC("NO");
  return c;
}

Leg MakeLeg(std::string_view from, std::string_view to, TransportMode mode) {
  Leg leg;
  leg.from = CC(from);
  leg.to = CC(to);
  leg.mode = mode;
  return leg;
}

Party MakeParty(std::string name, std::string_view country, PartyRole role) {
  Party p;
  p.name = std::move(name);
  p.country = CC(country);
  p.role = role;
  return p;
}

Document Doc(DocumentKind kind) {
  Document d;
  d.kind = kind;
  return d;
}

Consultation Consult(std::string_view with, ConsultationSubject subject,
                     ConsultationResult result) {
  Consultation k;
  k.with = CC(with);
  k.subject = subject;
  k.result = result;
  return k;
}

Embargo MakeEmbargo(std::string id, std::string body, std::string_view target,
                    std::string target_name, std::string_view start,
                    std::string instrument) {
  Embargo e;
  e.id = std::move(id);
  e.imposing_body = std::move(body);
  e.target = CC(target);
  e.target_name = std::move(target_name);
  e.start = D(start);
  e.instrument = std::move(instrument);
  return e;
}

Case RouteCase(std::vector<std::string_view> stops) {
  Case c = MinimalCase();
  c.transport.emplace();
  std::string_view from = "GB";
  for (std::string_view stop : stops) {
    c.transport->legs.push_back(MakeLeg(from, stop));
    from = stop;
  }
  c.transport->legs.push_back(MakeLeg(from, "NO"));
  return c;
}

namespace {

ReferenceData BuildReference() {
  ReferenceData ref;
  auto country = [&](std::string_view code, std::string name,
                     std::optional<Date> att, bool wassenaar) {
    CountryProfile p;
    p.code = CC(code);
    p.name = std::move(name);
    p.att_in_force = att;
    p.wassenaar = wassenaar;
    if (wassenaar) p.wassenaar_from = D("1996-12-31");
    ref.countries[p.code] = p;
  };
  country("GB", "United Kingdom", D("2014-12-24"), true);
  country("NO", "Norway", D("2014-12-24"), true);
  country("AE", "United Arab Emirates", std::nullopt, false);
  country("BF", "Burkina Faso", D("2014-12-24"), false);
  country("TD", "Chad", D("2015-05-25"), false);
  country("LY", "Libya", std::nullopt, false);
  country("KP", "Korea, Democratic People's Republic of", std::nullopt, false);
  country("RU", "Russian Federation", std::nullopt, true);
  country("CN", "China", D("2020-09-29"), false);
  country("US", "United States", std::nullopt, true);
  country("DE", "Germany", D("2014-12-24"), true);
  country("CA", "Canada", D("2019-09-17"), true);

  // EU membership: DE from 1958; GB from 1973 until its withdrawal.
  auto member = [&](std::string org, std::string_view code,
                    std::string_view joined, std::optional<Date> left) {
    Membership m;
    m.organisation = std::move(org);
    m.country = CC(code);
    m.joined = D(joined);
    m.left = left;
    ref.memberships.push_back(m);
  };
  member("EU", "DE", "1958-01-01", std::nullopt);
  member("EU", "GB", "1973-01-01", D("2020-01-31"));

  Embargo ly = MakeEmbargo("UN-LY-2011", "UN", "LY", "Libya", "2011-02-26",
                           "UNSCR 1970 (2011)");
  ly.direction = EmbargoDirection::kBoth;
  ref.embargoes.push_back(ly);
  ref.embargoes.push_back(MakeEmbargo("EU-RU-2014", "EU", "RU",
                                      "Russian Federation", "2014-07-31",
                                      "Council Decision 2014/512/CFSP"));
  Embargo so =
      MakeEmbargo("UN-SO-1992", "UN", "SO", "Somalia", "1992-01-23", "");
  so.direction = EmbargoDirection::kBoth;
  so.end = D("2023-12-01");
  ref.embargoes.push_back(so);

  RegisterEntry e;
  e.register_name = "GB-exporters";
  e.country = CC("GB");
  e.role = RegisterRole::kExporter;
  e.register_id = "GB-EXP-0412";
  e.name = "Northbridge Defence Systems Ltd";
  e.registered_on = D("2015-04-01");
  e.valid_until = D("2027-12-31");
  ref.register_entries.push_back(e);
  ref.registers_held.push_back({CC("GB"), RegisterRole::kExporter});
  RegisterEntry b = e;
  b.register_name = "GB-brokers";
  b.role = RegisterRole::kBroker;
  b.register_id = "GB-BRK-0112";
  b.name = "Sterling Meridian Brokerage LLP";
  ref.register_entries.push_back(b);
  ref.registers_held.push_back({CC("GB"), RegisterRole::kBroker});

  ref.euc_templates.push_back({CC("NO"), "Norwegian Ministry of Defence",
                               "NO-EUC-2019", D("2019-05-01"), std::nullopt});
  ref.flagged_euc_numbers.push_back(
      {CC("TD"), "MI/DL/2025/001", true, D("2025-06-01"), "test"});

  ListedParty s;
  s.id = "KPe.001";
  s.name = "Korea Mining Development Trading Corporation";
  s.aliases = {"KOMID"};
  s.country = CC("KP");
  s.effect = ListingEffect::kSanction;
  s.list = "UN Security Council 1718 Committee";
  s.reference = "KPe.001";
  s.listed_on = D("2009-04-24");
  ref.listed_parties.push_back(s);
  ListedParty d;
  d.id = "DN-DE-2025-07";
  d.name = "Eastgate Global Logistics FZE";
  d.country = CC("AE");
  d.effect = ListingEffect::kDenial;
  d.list = "denial notification from DE";
  d.listed_on = D("2025-12-01");
  ref.listed_parties.push_back(d);
  return ref;
}

}  // namespace

const ReferenceData& TestReference() {
  static const ReferenceData* ref = new ReferenceData(BuildReference());
  return *ref;
}

ParamValue ScalarParam(std::string text) {
  ParamValue v;
  v.text = std::move(text);
  return v;
}

ParamValue ListParam(std::vector<std::string> items) {
  ParamValue v;
  v.items = std::move(items);
  v.is_list = true;
  return v;
}

namespace {

// Kernel `name` built with `params`, its parameter errors in *errors; null
// (with ADD_FAILURE) if it is not registered.
std::unique_ptr<Kernel> Build(const std::string& name, Params params,
                              const ReferenceData& ref,
                              std::vector<std::string>* errors) {
  const KernelFactory* factory = BuiltinKernels().Find(name);
  if (factory == nullptr) {
    ADD_FAILURE() << "kernel not registered: " << name;
    return nullptr;
  }
  KernelParams kp(std::move(params));
  std::unique_ptr<Kernel> kernel = (*factory)(kp, BindContext{ref, nullptr});
  *errors = kp.Errors();
  return kernel;
}

}  // namespace

std::vector<std::string> ParamErrors(const std::string& name, Params params,
                                     const ReferenceData& ref) {
  std::vector<std::string> errors;
  Build(name, std::move(params), ref, &errors);
  return errors;
}

::testing::AssertionResult IsUnknownWith(
    const KernelRun& run, const std::vector<std::string>& facts) {
  if (IsUnknown(run.value) && run.evidence.unknown_facts == facts) {
    return ::testing::AssertionSuccess();
  }
  ::testing::AssertionResult failure = ::testing::AssertionFailure();
  failure << "value " << run.value << ", unknown facts {";
  for (const std::string& f : run.evidence.unknown_facts) failure << " " << f;
  failure << " }, expected unknown with {";
  for (const std::string& f : facts) failure << " " << f;
  return failure << " }";
}

KernelRun RunKernel(const std::string& name, const Case& c, Params params,
                    const ReferenceData& ref) {
  KernelRun run;
  std::unique_ptr<Kernel> kernel =
      Build(name, std::move(params), ref, &run.param_errors);
  if (kernel == nullptr) return run;
  EXPECT_TRUE(run.param_errors.empty())
      << name << ": " << run.param_errors.front();
  run.value = kernel->Explain(c, &run.evidence);
  std::vector<double> out(1);
  const CaseContext context(c);
  kernel->EvaluateBatch(std::span<const CaseContext>(&context, 1), out);
  run.batch_value = out[0];
  const bool same = (std::isnan(run.value) && std::isnan(run.batch_value)) ||
                    run.value == run.batch_value;
  EXPECT_TRUE(same) << name << ": batch " << run.batch_value << " vs explain "
                    << run.value;
  return run;
}

}  // namespace divrisk::testing
