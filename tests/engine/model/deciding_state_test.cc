#include "engine/model/deciding_state.h"

#include "gtest/gtest.h"

namespace divrisk {
namespace {

CountryCode CC(std::string_view code) { return *CountryCode::FromText(code); }

Leg L(std::string_view from, std::string_view to,
      std::optional<bool> transshipment = std::nullopt) {
  Leg leg;
  leg.from = CC(from);
  leg.to = CC(to);
  leg.transshipment = transshipment;
  return leg;
}

Case ExportCase() {
  Case c;
  c.exporter.country = CC("GB");
  c.end_user.country = CC("NG");
  return c;
}

TEST(DecidingState, FlagThenCaseThenRuleSetThenDerived) {
  ReferenceData ref;
  Case c = ExportCase();
  DecidingState d = ResolveDecidingState(c, ref);
  EXPECT_EQ(d.state, CC("GB"));
  EXPECT_EQ(d.basis, DecidingStateBasis::kDerived);
  EXPECT_EQ(DecidingStateReason(c, d),
            "GB: assumed, the exporter's state (transaction export)");
  ref.authority_state = CC("DE");
  d = ResolveDecidingState(c, ref);
  EXPECT_EQ(d.state, CC("DE"));
  EXPECT_EQ(DecidingStateReason(c, d), "DE: the rule set's authority.state");
  c.licensing_state = CC("FR");
  d = ResolveDecidingState(c, ref);
  EXPECT_EQ(d.state, CC("FR"));
  EXPECT_EQ(DecidingStateReason(c, d), "FR: the case's licensing_state");
  ref.authority_override = CC("CA");
  d = ResolveDecidingState(c, ref);
  EXPECT_EQ(d.state, CC("CA"));
  EXPECT_EQ(DecidingStateReason(c, d), "CA: given with --authority");
}

TEST(DecidingState, BrokeringIsTheApplicantsState) {
  Case c = ExportCase();
  c.transaction = Transaction::kBrokering;
  const DecidingState d = ResolveDecidingState(c, ReferenceData());
  EXPECT_EQ(d.state, CC("GB"));
  EXPECT_EQ(DecidingStateReason(c, d),
            "GB: assumed, the applicant's state (transaction brokering: the "
            "applicant is the broker)");
}

TEST(DecidingState, TransshipmentIsWhereTheGoodsChangeConveyance) {
  Case c = ExportCase();
  c.exporter.country = CC("RU");
  c.end_user.country = CC("CM");
  c.transaction = Transaction::kTransshipment;
  c.transport.emplace();
  c.transport->legs = {L("RU", "TR"), L("TR", "NG", true), L("NG", "CM")};
  const DecidingState d = ResolveDecidingState(c, ReferenceData());
  EXPECT_EQ(d.state, CC("NG"));
  EXPECT_EQ(DecidingStateReason(c, d),
            "NG: assumed, the state where the goods change conveyance "
            "(transaction transshipment)");
  const std::vector<TransitStop> stops = TransitStops(c, d.state);
  ASSERT_EQ(stops.size(), 1u);
  EXPECT_EQ(stops[0].country, CC("TR"));
}

TEST(DecidingState, TransitThroughOneStateIsThatState) {
  Case c = ExportCase();
  c.transaction = Transaction::kTransit;
  c.transport.emplace();
  c.transport->legs = {L("GB", "NL"), L("NL", "NG")};
  const DecidingState d = ResolveDecidingState(c, ReferenceData());
  EXPECT_EQ(d.state, CC("NL"));
  EXPECT_EQ(DecidingStateReason(c, d),
            "NL: assumed, the only transit state of the route (transaction "
            "transit)");
}

TEST(DecidingState, TransitThroughSeveralStatesIsUndetermined) {
  Case c = ExportCase();
  c.transaction = Transaction::kTransit;
  c.transport.emplace();
  c.transport->legs = {L("GB", "NL"), L("NL", "BE"), L("BE", "NG")};
  const DecidingState d = ResolveDecidingState(c, ReferenceData());
  EXPECT_FALSE(d.state.has_value());
  EXPECT_EQ(d.basis, DecidingStateBasis::kUndetermined);
  EXPECT_EQ(DecidingStateReason(c, d),
            "undetermined: transaction transit through NL, BE and no single "
            "state where the goods change conveyance; give licensing_state "
            "in the case or --authority");
  c.transport->legs[1].transshipment = true;
  EXPECT_EQ(ResolveDecidingState(c, ReferenceData()).state, CC("BE"));
  c.transport.reset();
  EXPECT_EQ(DecidingStateReason(c, ResolveDecidingState(c, ReferenceData())),
            "undetermined: transaction transit with no transit state on the "
            "route; give licensing_state in the case or --authority");
}

}  // namespace
}  // namespace divrisk
