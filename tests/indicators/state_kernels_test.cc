#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// TestReference plus ZA, whose stated strengths override its ATT and
// Wassenaar standing (both of which it has).
const ReferenceData& StrengthReference() {
  static const ReferenceData* ref = [] {
    auto* r = new ReferenceData(TestReference());
    CountryProfile za;
    za.code = CC("ZA");
    za.name = "South Africa";
    za.att_in_force = D("2014-12-24");
    za.wassenaar = true;
    za.transit_controls = ControlStrength::kModerate;
    za.export_controls = ControlStrength::kWeak;
    za.controls_basis = "test basis";
    r->countries[za.code] = za;
    CountryProfile ae = r->countries.at(CC("AE"));
    ae.transit_controls = ControlStrength::kStrong;
    r->countries[ae.code] = ae;
    return r;
  }();
  return *ref;
}

// transit_state_controls

// Issue 11, finding 5: a transit or transshipment state that decides is not
// a transit state of its own decision.
TEST(TransitStateControls, TheDecidingStateIsNotItsOwnTransitState) {
  Case c = RouteCase({"AE", "BF"});  // GB -> AE -> BF -> NO
  EXPECT_EQ(RunKernel("transit_state_controls", c).value, 1);  // AE
  c.transaction = Transaction::kTransshipment;
  c.transport->legs[0].transshipment = true;  // AE decides (derived)
  KernelRun r = RunKernel("transit_state_controls", c);
  EXPECT_EQ(r.value, 0.5);  // BF only
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"transport.legs[1].to", "BF"}));
  c.licensing_state = CC("BF");
  EXPECT_EQ(RunKernel("transit_state_controls", c).value, 1);  // AE only
}

// Issue 11: the state whose controls are judged. A transit state relies on
// the exporting state's licence; an exporting state on its own controls.
TEST(ExportingStateControls, JudgedWhenAnotherStateDecides) {
  Case c = RouteCase({"AE"});
  c.exporter.country = CC("BF");  // ATT party, not Wassenaar
  c.transport->legs[0].from = CC("BF");
  EXPECT_EQ(RunKernel("exporting_state_controls", c).value, 0);  // BF decides
  c.transaction = Transaction::kTransshipment;
  c.transport->legs[0].transshipment = true;  // AE decides
  KernelRun r = RunKernel("exporting_state_controls", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts.back(),
            (Fact{"exporter.country", "BF, the exporting state; AE decides"}));
  // Transit through two states, neither a transshipment: undetermined.
  c.transaction = Transaction::kTransit;
  c.transport->legs = {MakeLeg("BF", "AE"), MakeLeg("AE", "GB"),
                       MakeLeg("GB", "NO")};
  EXPECT_TRUE(IsUnknownWith(RunKernel("exporting_state_controls", c),
                            {"licensing_state"}));
}

TEST(TransitNotAuthorised, TheDecidingStateNeedsNoAuthorisationFromItself) {
  Case c = RouteCase({"AE"});
  c.transaction = Transaction::kTransshipment;
  c.transport->legs[0].transshipment = true;
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 0);
  c.transaction = Transaction::kExport;  // GB decides: AE is a transit state
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 1);
}

// Issue 11, finding 6: before the ATT entered into force no state could be
// a party, and that says nothing about its controls.
TEST(ImportingStateControls, BeforeTheAttByWassenaarAlone) {
  Case c = MinimalCase();
  c.assessed_on = D("2010-06-01");
  c.end_user.country = CC("AE");  // neither, then and now
  KernelRun r = RunKernel("importing_state_controls", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts[0],
            (Fact{"ref.countries[AE]",
                  "the ATT was not yet in force on 2010-06-01 (judged by "
                  "Wassenaar alone), not a Wassenaar participant"}));
  c.end_user.country = CC("GB");
  EXPECT_EQ(RunKernel("importing_state_controls", c).value, 0);
  c.assessed_on = D("2014-12-24");
  c.end_user.country = CC("AE");
  EXPECT_EQ(RunKernel("importing_state_controls", c).value, 1);
}

// Wassenaar participation counts from the joining date only (India
// 2017-12-08).
TEST(ImportingStateControls, WassenaarFromItsJoiningDate) {
  ReferenceData ref = TestReference();
  CountryProfile in;
  in.code = CC("IN");
  in.name = "India";
  in.wassenaar = true;
  in.wassenaar_from = D("2017-12-08");
  ref.countries[in.code] = in;
  Case c = MinimalCase();
  c.end_user.country = CC("IN");
  c.assessed_on = D("2017-12-07");
  KernelRun r = RunKernel("importing_state_controls", c, {}, ref);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0].value,
            "not an ATT party on 2017-12-07, not yet a Wassenaar participant");
  c.assessed_on = D("2017-12-08");
  EXPECT_EQ(RunKernel("importing_state_controls", c, {}, ref).value, 0.5);
}

TEST(TransitStateControls, UnknownWithoutRoute) {
  KernelRun r = RunKernel("transit_state_controls", MinimalCase());
  EXPECT_TRUE(IsUnknownWith(r, {"transport"}));
  Case c = MinimalCase();
  c.transport.emplace();
  c.transport->route_disclosure = RouteDisclosure::kNone;
  r = RunKernel("transit_state_controls", c);
  EXPECT_TRUE(IsUnknownWith(r, {"transport.legs"}));
}

TEST(TransitStateControls, DirectRouteIsQuiet) {
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({})).value, 0);
}

TEST(TransitStateControls, ByAttAndWassenaar) {
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({"GB"})).value, 0);
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({"BF"})).value, 0.5);
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({"RU"})).value, 0.5);
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({"BF"}),
                      {{"partial_value", ScalarParam("0.4")}})
                .value,
            0.4);
  KernelRun r = RunKernel("transit_state_controls", RouteCase({"BF", "AE"}));
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"ref.countries[BF]",
                    "ATT party on 2026-03-14, not a Wassenaar participant"},
                   {"transport.legs[0].to", "BF"},
                   {"ref.countries[AE]",
                    "not an ATT party on 2026-03-14, not a Wassenaar "
                    "participant"},
                   {"transport.legs[1].to", "AE"}}));
}

TEST(TransitStateControls, AttCountsFromEntryIntoForce) {
  Case c = RouteCase({"CN"});  // ATT in force 2020-09-29, not Wassenaar
  EXPECT_EQ(RunKernel("transit_state_controls", c).value, 0.5);
  c.assessed_on = D("2019-06-01");
  EXPECT_EQ(RunKernel("transit_state_controls", c).value, 1);
}

TEST(TransitStateControls, MissingCountryIsUnknownUnlessSettled) {
  KernelRun r = RunKernel("transit_state_controls", RouteCase({"KG"}));
  EXPECT_TRUE(IsUnknownWith(r, {"ref.countries[KG]"}));
  // A partial concern elsewhere does not settle it; a full one does.
  EXPECT_TRUE(IsUnknown(
      RunKernel("transit_state_controls", RouteCase({"BF", "KG"})).value));
  EXPECT_EQ(RunKernel("transit_state_controls", RouteCase({"KG", "AE"})).value,
            1);
}

TEST(TransitStateControls, StatedStrengthComesFirst) {
  const ReferenceData& ref = StrengthReference();
  EXPECT_EQ(
      RunKernel("transit_state_controls", RouteCase({"AE"}), {}, ref).value, 0);
  KernelRun r = RunKernel("transit_state_controls", RouteCase({"ZA"}), {}, ref);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(
      r.evidence.facts[0],
      (Fact{"ref.countries[ZA]", "transit controls moderate: test basis"}));
}

// importing_state_controls

TEST(ImportingStateControls, ByAttAndWassenaar) {
  Case c = MinimalCase();
  EXPECT_EQ(RunKernel("importing_state_controls", c).value, 0);
  c.end_user.country = CC("TD");
  EXPECT_EQ(RunKernel("importing_state_controls", c).value, 0.5);
  c.end_user.country = CC("LY");
  KernelRun r = RunKernel("importing_state_controls", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.back(), (Fact{"end_user.country", "LY"}));
  EXPECT_EQ(r.evidence.facts[0].path, "ref.countries[LY]");
}

TEST(ImportingStateControls, StatedExportControlsComeFirst) {
  Case c = MinimalCase();
  c.end_user.country = CC("ZA");
  KernelRun r =
      RunKernel("importing_state_controls", c, {}, StrengthReference());
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0],
            (Fact{"ref.countries[ZA]", "export controls weak: test basis"}));
}

TEST(ImportingStateControls, MissingCountryIsUnknown) {
  Case c = MinimalCase();
  c.end_user.country = CC("KG");
  KernelRun r = RunKernel("importing_state_controls", c,
                          {{"partial_value", ScalarParam("0.6")}});
  EXPECT_TRUE(IsUnknownWith(r, {"ref.countries[KG]"}));
}

// transit_not_authorised

TEST(TransitNotAuthorised, NoTransitIsQuietNoRouteUnknown) {
  EXPECT_EQ(RunKernel("transit_not_authorised", RouteCase({})).value, 0);
  KernelRun r = RunKernel("transit_not_authorised", MinimalCase());
  EXPECT_TRUE(IsUnknownWith(r, {"transport"}));
}

TEST(TransitNotAuthorised, ShareOfTransitStatesWithoutAnswer) {
  Case c = RouteCase({"AE", "BF"});
  KernelRun r = RunKernel("transit_not_authorised", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1].path, "transport.legs[1].to");
  c.consultations.push_back(Consult("AE", ConsultationSubject::kTransit,
                                    ConsultationResult::kNoObjection));
  r = RunKernel("transit_not_authorised", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"transport.legs[1].to",
                    "BF: no transit consultation confirmed or "
                    "without objection"}}));
  c.consultations.push_back(Consult("BF", ConsultationSubject::kTransit,
                                    ConsultationResult::kConfirmed));
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 0);
}

TEST(TransitNotAuthorised, OtherAnswersDoNotCount) {
  Case c = RouteCase({"AE"});
  c.consultations.push_back(Consult("AE", ConsultationSubject::kTransit,
                                    ConsultationResult::kNoReply));
  c.consultations.push_back(Consult("AE", ConsultationSubject::kEndUser,
                                    ConsultationResult::kConfirmed));
  c.consultations.push_back(Consult("BF", ConsultationSubject::kTransit,
                                    ConsultationResult::kConfirmed));
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 1);
  // An answer dated after the decision was not known when it was taken.
  Consultation late = Consult("AE", ConsultationSubject::kTransit,
                              ConsultationResult::kNoObjection);
  late.date = D("2026-04-01");
  c.consultations.push_back(late);
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 1);
}

TEST(TransitNotAuthorised, DocumentCoversOneTransitState) {
  Case c = RouteCase({"AE", "BF"});
  const Document d = Doc(DocumentKind::kTransitAuthorisation);
  c.documents.push_back(d);
  KernelRun r = RunKernel("transit_not_authorised", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts.back().path, "documents[0].kind");
  c.documents.push_back(d);
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 0);
}

TEST(TransitNotAuthorised, RepeatedTransitStateCountsOnce) {
  Case c = RouteCase({"AE", "BF", "AE"});
  c.consultations.push_back(Consult("AE", ConsultationSubject::kTransit,
                                    ConsultationResult::kConfirmed));
  EXPECT_EQ(RunKernel("transit_not_authorised", c).value, 0.5);
}

}  // namespace
}  // namespace divrisk::testing
