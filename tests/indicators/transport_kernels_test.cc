#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// GB -> AE -> NO by air, nothing else stated.
Case TwoLegCase() { return RouteCase({"AE"}); }

// GB -> NO by sea with an identified Norwegian carrier.
Case CarriedCase() {
  Case c = MinimalCase();
  c.parties.push_back(
      MakeParty("North Sea Ro-Ro AS", "NO", PartyRole::kCarrier));
  c.parties[0].identifiers = {{"imo", "9412347"}};
  c.transport.emplace();
  Leg leg = MakeLeg("GB", "NO", TransportMode::kSea);
  leg.carrier = "North Sea Ro-Ro AS";
  leg.flag = CC("NO");
  c.transport->legs = {leg};
  return c;
}

// route_not_disclosed

TEST(RouteNotDisclosed, NoTransportFires) {
  KernelRun r = RunKernel("route_not_disclosed", MinimalCase());
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 1u);
  EXPECT_EQ(r.evidence.facts[0].path, "transport");
}

TEST(RouteNotDisclosed, ByDisclosureWord) {
  Case c = TwoLegCase();
  EXPECT_EQ(RunKernel("route_not_disclosed", c).value, 0);  // absent, legs
  c.transport->route_disclosure = RouteDisclosure::kFull;
  EXPECT_EQ(RunKernel("route_not_disclosed", c).value, 0);
  c.transport->route_disclosure = RouteDisclosure::kPartial;
  KernelRun r = RunKernel("route_not_disclosed", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.route_disclosure", "partial"}}));
  EXPECT_EQ(RunKernel("route_not_disclosed", c,
                      {{"partial_value", ScalarParam("0.7")}})
                .value,
            0.7);
  c.transport->route_disclosure = RouteDisclosure::kNone;
  c.transport->legs.clear();
  EXPECT_EQ(RunKernel("route_not_disclosed", c).value, 1);
}

TEST(RouteNotDisclosed, UnknownWordIsUnknown) {
  Case c = MinimalCase();
  c.transport.emplace();
  c.transport->route_disclosure = RouteDisclosure::kUnknown;
  KernelRun r = RunKernel("route_not_disclosed", c);
  EXPECT_TRUE(IsUnknownWith(r, {"transport.route_disclosure"}));
}

// transshipment

TEST(Transshipment, UnknownWithoutTransportOrFlags) {
  KernelRun r = RunKernel("transshipment", MinimalCase());
  EXPECT_TRUE(IsUnknownWith(r, {"transport"}));
  r = RunKernel("transshipment", TwoLegCase());
  EXPECT_TRUE(IsUnknown(r.value));
  // The last leg ends in the end user's country: not asked about.
  EXPECT_EQ(r.evidence.unknown_facts,
            std::vector<std::string>{"transport.legs[0].transshipment"});
}

TEST(Transshipment, DirectRouteIsQuiet) {
  EXPECT_EQ(RunKernel("transshipment", CarriedCase()).value, 0);
}

TEST(Transshipment, GradedBySaturation) {
  Case c = TwoLegCase();
  c.transport->legs[0].transshipment = false;
  EXPECT_EQ(RunKernel("transshipment", c).value, 0);
  c.transport->legs[0].transshipment = true;
  KernelRun r = RunKernel("transshipment", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.legs[0].transshipment", "true, in AE"}}));
  EXPECT_EQ(
      RunKernel("transshipment", c, {{"saturation", ScalarParam("1")}}).value,
      1);
  c.transport->legs.insert(c.transport->legs.begin() + 1, MakeLeg("AE", "BF"));
  c.transport->legs[2].from = CC("BF");
  c.transport->legs[1].transshipment = true;
  EXPECT_EQ(RunKernel("transshipment", c).value, 1);
}

TEST(Transshipment, TrueOutweighsUnknown) {
  Case c = TwoLegCase();
  c.transport->legs.insert(c.transport->legs.begin() + 1, MakeLeg("AE", "BF"));
  c.transport->legs[2].from = CC("BF");
  c.transport->legs[0].transshipment = true;
  KernelRun r = RunKernel("transshipment", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.unknown_facts,
            std::vector<std::string>{"transport.legs[1].transshipment"});
}

// free_trade_zone

TEST(FreeTradeZone, UnknownThenFiresThenQuiet) {
  Case c = TwoLegCase();
  KernelRun r = RunKernel("free_trade_zone", c);
  EXPECT_TRUE(IsUnknown(r.value));
  EXPECT_EQ(r.evidence.unknown_facts.size(), 2u);
  c.transport->legs[0].free_trade_zone = true;
  r = RunKernel("free_trade_zone", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.legs[0].free_trade_zone", "true, in AE"}}));
  c.transport->legs[0].free_trade_zone = false;
  c.transport->legs[1].free_trade_zone = false;
  EXPECT_EQ(RunKernel("free_trade_zone", c).value, 0);
}

TEST(FreeTradeZone, NoTransportIsUnknown) {
  EXPECT_TRUE(IsUnknown(RunKernel("free_trade_zone", MinimalCase()).value));
}

// carrier_unidentified

TEST(CarrierUnidentified, IdentifiedCarrierIsQuiet) {
  EXPECT_EQ(RunKernel("carrier_unidentified", CarriedCase()).value, 0);
}

TEST(CarrierUnidentified, MissingCarrierFires) {
  KernelRun r = RunKernel("carrier_unidentified", TwoLegCase());
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[0],
            (Fact{"transport.legs[0].carrier", "not given (air leg)"}));
}

TEST(CarrierUnidentified, CarrierNotAPartyFires) {
  Case c = CarriedCase();
  c.transport->legs[0].carrier = "Blue Horizon Shipping";
  KernelRun r = RunKernel("carrier_unidentified", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0].path, "transport.legs[0].carrier");
  // A party of another role does not count as the carrier.
  c.parties[0].name = "Blue Horizon Shipping";
  c.parties[0].role = PartyRole::kFreightForwarder;
  EXPECT_EQ(RunKernel("carrier_unidentified", c).value, 1);
}

TEST(CarrierUnidentified, MatchesAfterNormalisation) {
  Case c = CarriedCase();
  c.transport->legs[0].carrier = "NORTH SEA RO RO";
  EXPECT_EQ(RunKernel("carrier_unidentified", c).value, 0);
}

TEST(CarrierUnidentified, NoVehicleIdentificationIsPartial) {
  Case c = CarriedCase();
  c.parties[0].identifiers.clear();
  KernelRun r = RunKernel("carrier_unidentified", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts[0].path, "transport.legs[0].vehicle_id");
  EXPECT_EQ(RunKernel("carrier_unidentified", c,
                      {{"no_vehicle_value", ScalarParam("0.3")}})
                .value,
            0.3);
  c.transport->legs[0].vehicle_id = "9412347";
  EXPECT_EQ(RunKernel("carrier_unidentified", c).value, 0);
}

TEST(CarrierUnidentified, RoadLegsAreNotJudged) {
  Case c = MinimalCase();
  c.transport.emplace();
  c.transport->legs = {MakeLeg("GB", "NO", TransportMode::kRoad)};
  EXPECT_EQ(RunKernel("carrier_unidentified", c).value, 0);
  c.transport->legs.clear();
  KernelRun r = RunKernel("carrier_unidentified", c);
  EXPECT_TRUE(IsUnknownWith(r, {"transport.legs"}));
}

// flag_of_concern

TEST(FlagOfConcern, AttAndWassenaarFlagIsQuiet) {
  EXPECT_EQ(RunKernel("flag_of_concern", CarriedCase()).value, 0);
}

TEST(FlagOfConcern, AbsentFlagIsUnknown) {
  Case c = CarriedCase();
  c.transport->legs[0].flag.reset();
  KernelRun r = RunKernel("flag_of_concern", c);
  EXPECT_TRUE(IsUnknownWith(r, {"transport.legs[0].flag"}));
}

TEST(FlagOfConcern, FlagOutsideAttAndWassenaarFires) {
  Case c = CarriedCase();
  c.parties[0].country = CC("AE");
  c.transport->legs[0].flag = CC("AE");
  KernelRun r = RunKernel("flag_of_concern", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[0], (Fact{"transport.legs[0].flag", "AE"}));
  EXPECT_EQ(r.evidence.facts[1].path, "ref.countries[AE]");
  EXPECT_EQ(r.evidence.facts[1].value,
            "not an ATT party on 2026-03-14, not a Wassenaar participant");
}

TEST(FlagOfConcern, AttPartyOnlyFromEntryIntoForce) {
  Case c = CarriedCase();
  c.parties[0].country = CC("CN");
  c.transport->legs[0].flag = CC("CN");  // ATT in force 2020-09-29
  EXPECT_EQ(RunKernel("flag_of_concern", c).value, 0);
  c.assessed_on = D("2019-01-01");
  EXPECT_EQ(RunKernel("flag_of_concern", c).value, 1);
}

TEST(FlagOfConcern, FlagOtherThanCarriersCountryFires) {
  Case c = CarriedCase();
  c.transport->legs[0].flag = CC("GB");
  KernelRun r = RunKernel("flag_of_concern", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(
      r.evidence.facts,
      Facts({{"transport.legs[0].flag", "GB, carrier parties[0] is in NO"}}));
}

TEST(FlagOfConcern, BothConcernsNameTheFlagOnce) {
  Case c = CarriedCase();
  c.transport->legs[0].flag = CC("AE");
  KernelRun r = RunKernel("flag_of_concern", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[0], (Fact{"transport.legs[0].flag",
                                       "AE, carrier parties[0] is in NO"}));
  EXPECT_EQ(r.evidence.facts[1].path, "ref.countries[AE]");
}

TEST(FlagOfConcern, FlagStateMissingFromReferenceIsUnknown) {
  Case c = CarriedCase();
  c.parties[0].country = CC("KG");
  c.transport->legs[0].flag = CC("KG");
  KernelRun r = RunKernel("flag_of_concern", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.countries[KG]"}));
}

// delivery_method

TEST(DeliveryMethod, UnknownFiresQuiet) {
  Case c = TwoLegCase();
  KernelRun r = RunKernel("delivery_method", c);
  EXPECT_TRUE(IsUnknownWith(r, {"transport.delivery.method"}));
  c.transport->delivery = Delivery{DeliveryMethod::kAirstrip, "Am Djarass"};
  r = RunKernel("delivery_method", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.delivery.method", "airstrip, Am Djarass"}}));
  c.transport->delivery = Delivery{DeliveryMethod::kAirport, std::nullopt};
  EXPECT_EQ(RunKernel("delivery_method", c).value, 0);
}

TEST(DeliveryMethod, MethodsParameter) {
  Case c = TwoLegCase();
  c.transport->delivery = Delivery{DeliveryMethod::kLandBorder, std::nullopt};
  EXPECT_EQ(RunKernel("delivery_method", c).value, 0);
  EXPECT_EQ(
      RunKernel("delivery_method", c, {{"methods", ListParam({"land_border"})}})
          .value,
      1);
}

// charter_service

TEST(CharterService, UnknownFiresQuiet) {
  Case c = TwoLegCase();
  KernelRun r = RunKernel("charter_service", c);
  EXPECT_TRUE(IsUnknown(r.value));
  EXPECT_EQ(r.evidence.unknown_facts.size(), 2u);
  c.transport->legs[1].service = CarrierService::kCharter;
  r = RunKernel("charter_service", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.legs[1].service", "charter"}}));
  c.transport->legs[0].service = CarrierService::kScheduled;
  c.transport->legs[1].service = CarrierService::kState;
  EXPECT_EQ(RunKernel("charter_service", c).value, 0);
}

TEST(CharterService, OnlyStateToState) {
  Case c = TwoLegCase();
  c.transport->legs[0].service = CarrierService::kCharter;
  Params p = {{"only_state_to_state", ScalarParam("true")}};
  EXPECT_EQ(RunKernel("charter_service", c, p).value, 0);
  c.mitigations.Add(Mitigation::kGovernmentToGovernment);
  KernelRun r = RunKernel("charter_service", c, p);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(),
            (Fact{"mitigations", "government_to_government"}));
  EXPECT_EQ(RunKernel("charter_service", c,
                      {{"only_state_to_state", ScalarParam("false")}})
                .value,
            1);
}

TEST(CharterService, RejectsNonBooleanWord) {
  std::vector<std::string> errors = ParamErrors(
      "charter_service", {{"only_state_to_state", ScalarParam("yes")}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'yes' is not one of: false, true"),
            std::string::npos);
  errors = ParamErrors("charter_service",
                       {{"only_state_to_state", ListParam({"true", "false"})}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("found a list"), std::string::npos);
}

// sealed_containers

TEST(SealedContainers, UnknownFiresQuiet) {
  Case c = CarriedCase();
  KernelRun r = RunKernel("sealed_containers", c);
  EXPECT_TRUE(
      IsUnknownWith(r, {"transport.legs[0].shipper_owned_sealed_containers"}));
  c.transport->legs[0].shipper_owned_sealed_containers = true;
  r = RunKernel("sealed_containers", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(
      r.evidence.facts,
      Facts({{"transport.legs[0].shipper_owned_sealed_containers", "true"}}));
  c.transport->legs[0].shipper_owned_sealed_containers = false;
  EXPECT_EQ(RunKernel("sealed_containers", c).value, 0);
}

}  // namespace
}  // namespace divrisk::testing
