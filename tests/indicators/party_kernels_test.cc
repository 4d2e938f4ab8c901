#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// --- party_listed ----------------------------------------------------------

TEST(PartyListed, CleanCaseIsQuiet) {
  KernelRun r = RunKernel("party_listed", MinimalCase());
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(PartyListed, DeniedConsigneeFiresAfterNormalisation) {
  Case c = MinimalCase();
  c.parties.push_back(
      MakeParty("EASTGATE LOGISTICS, GLOBAL", "AE", PartyRole::kConsignee));
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"parties[0].name",
                    "\"EASTGATE LOGISTICS, GLOBAL\" ~ \"Eastgate Global "
                    "Logistics FZE\" (name), exact, score 1.00: hit"},
                   {"ref.listed_parties[DN-DE-2025-07]",
                    "denial: denial notification from DE, listed on "
                    "2025-12-01; country agrees (AE)"}}));
}

TEST(PartyListed, AliasOfEndUserFires) {
  Case c = MinimalCase();
  c.end_user.aliases = {"Green Pine", "Komid"};
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[0].path, "end_user.aliases[1]");
  EXPECT_EQ(r.evidence.facts[1],
            (Fact{"ref.listed_parties[KPe.001]",
                  "sanction: UN Security Council 1718 Committee, reference "
                  "KPe.001, listed on 2009-04-24; country differs (listed "
                  "KP)"}));
}

TEST(PartyListed, MisspeltNameStillHits) {
  Case c = MinimalCase();
  c.parties.push_back(MakeParty("Eastgate Globl Logistics", "AE",
                                PartyRole::kFreightForwarder));
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_NE(r.evidence.facts[0].value.find("fuzzy"), std::string::npos)
      << r.evidence.facts[0].value;
}

TEST(PartyListed, PartialNameIsAPossibleMatchForReview) {
  Case c = MinimalCase();
  c.parties.push_back(
      MakeParty("East Gate Logistics", "AE", PartyRole::kFreightForwarder));
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 0.5);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_NE(r.evidence.facts[0].value.find("possible"), std::string::npos)
      << r.evidence.facts[0].value;
}

TEST(PartyListed, CarrierIsScreenedToo) {
  Case c = MinimalCase();
  Leg leg;
  leg.from = c.exporter.country;
  leg.to = c.end_user.country;
  leg.carrier = "Korea Mining Development Trading Corporation";
  c.transport.emplace().legs.push_back(leg);
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_FALSE(r.evidence.facts.empty());
  EXPECT_EQ(r.evidence.facts[0].path, "transport.legs[0].carrier");
}

TEST(PartyListed, OtherCountryStillHits) {
  Case c = MinimalCase();
  c.exporter.name = "Eastgate Global Logistics FZE";  // country GB, list AE
  EXPECT_EQ(RunKernel("party_listed", c).value, 1);
}

TEST(PartyListed, EffectsParameter) {
  Case c = MinimalCase();
  c.parties.push_back(
      MakeParty("Eastgate Global Logistics FZE", "AE", PartyRole::kConsignee));
  Params sanctions = {{"effects", ListParam({"sanction"})}};
  KernelRun r = RunKernel("party_listed", c, sanctions);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
  EXPECT_EQ(
      RunKernel("party_listed", c, {{"effects", ScalarParam("denial")}}).value,
      1);
}

TEST(PartyListed, RejectsUnknownEffectWord) {
  std::vector<std::string> errors =
      ParamErrors("party_listed", {{"effects", ListParam({"embargo"})}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'embargo' is not one of: sanction, denial"),
            std::string::npos);
}

TEST(PartyListed, ListedAfterAssessmentDoesNotCountButIsSaid) {
  Case c = MinimalCase();
  c.assessed_on = D("2025-11-30");
  c.parties.push_back(
      MakeParty("Eastgate Global Logistics FZE", "AE", PartyRole::kConsignee));
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 0);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1],
            (Fact{"ref.listed_parties[DN-DE-2025-07]",
                  "denial: denial notification from DE, listed on "
                  "2025-12-01, after the assessment date 2025-11-30: not "
                  "known at the time, not counted; country agrees (AE)"}));
}

TEST(PartyListed, SameEntryByNameAndAliasReportedOnce) {
  Case c = MinimalCase();
  c.parties.push_back(MakeParty("Korea Mining Development Trading Corp", "KP",
                                PartyRole::kBroker));
  c.parties[0].aliases = {"KOMID"};
  KernelRun r = RunKernel("party_listed", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts.size(), 2u);
}

// --- party_unregistered ----------------------------------------------------

TEST(PartyUnregistered, ExporterWithoutRegisterIdFires) {
  KernelRun r = RunKernel("party_unregistered", MinimalCase());
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"exporter.register_id", "none: not registered"}}));
}

TEST(PartyUnregistered, ValidEntryIsQuiet) {
  Case c = MinimalCase();
  c.exporter.register_id = " gb-exp-0412";
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(PartyUnregistered, EntryOfAnotherNameFires) {
  Case c = MinimalCase();
  c.exporter.name = "Northbridge Trading Ltd";
  c.exporter.register_id = "GB-EXP-0412";
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"exporter.register_id", "GB-EXP-0412"},
                   {"ref.registers[GB-exporters]",
                    "registered to \"Northbridge Defence Systems Ltd\""}}));
}

TEST(PartyUnregistered, ExpiredOrSuspendedEntryFires) {
  Case c = MinimalCase();
  c.exporter.register_id = "GB-EXP-0412";
  c.assessed_on = D("2028-01-01");
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1].value, "expired on 2027-12-31");

  ReferenceData ref = TestReference();
  ref.register_entries[0].suspended_on = D("2026-02-01");
  c.assessed_on = D("2026-03-14");
  r = RunKernel("party_unregistered", c, {}, ref);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1].value, "suspended on 2026-02-01");
}

TEST(PartyUnregistered, MissingFromHeldRegisterFires) {
  Case c = MinimalCase();
  c.exporter.register_id = "GB-EXP-9999";
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"exporter.register_id", "GB-EXP-9999"},
                   {"ref.registers[GB-exporters]", "no such entry"}}));
}

TEST(PartyUnregistered, RegisterNotHeldIsUnknown) {
  Case c = MinimalCase();
  c.exporter.country = CC("NO");
  c.exporter.register_id = "NO-123";
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.registers[NO-exporters]"}));
}

TEST(PartyUnregistered, BrokersAndAgentsAnswerToTheBrokersRegister) {
  Case c = MinimalCase();
  c.exporter.register_id = "GB-EXP-0412";
  c.parties.push_back(MakeParty("Carrier Co", "AE", PartyRole::kCarrier));
  c.parties.push_back(MakeParty("Gulf Agency", "GB", PartyRole::kAgent));
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"parties[1].register_id", "none: not registered"}}));
  // A broker abroad, in a register the rule set does not hold: unknown,
  // with or without a register_id.
  c.parties[1].country = CC("AE");
  r = RunKernel("party_unregistered", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.registers[AE-brokers]"}));
  c.parties[1].register_id = "AE-BRK-7";
  r = RunKernel("party_unregistered", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.registers[AE-brokers]"}));
}

// Issue 11: registers list companies and individuals, not state bodies.
TEST(PartyUnregistered, StateBodiesAreNotChecked) {
  for (PartyKind kind : {PartyKind::kArmedForces, PartyKind::kPolice,
                         PartyKind::kOtherGovernment,
                         PartyKind::kInternationalOrganisation}) {
    Case c = MinimalCase();  // exporter in GB, no register_id
    c.exporter.kind = kind;
    KernelRun r = RunKernel("party_unregistered", c);
    EXPECT_EQ(r.value, 0) << EnumWord(kind);
    EXPECT_TRUE(r.evidence.facts.empty());
  }
}

// Issue 11: a register the rule set does not hold makes the fact unknown,
// never "not registered".
TEST(PartyUnregistered, NoRegisterIdWhereNoRegisterIsHeldIsUnknown) {
  Case c = MinimalCase();
  c.exporter.country = CC("NO");
  KernelRun r = RunKernel("party_unregistered", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.registers[NO-exporters]"}));
}

// Issue 11, finding 5: the applicant of a brokering licence is the broker,
// checked against the brokers' register, not the exporters'.
TEST(PartyUnregistered, BrokeringApplicantAnswersToTheBrokersRegister) {
  ReferenceData ref = TestReference();
  RegisterEntry b;
  b.register_name = "GB-brokers";
  b.country = CC("GB");
  b.role = RegisterRole::kBroker;
  b.register_id = "GB-BRK-0112";
  b.name = "Sterling Meridian Brokerage LLP";
  ref.register_entries.push_back(b);
  ref.registers_held.push_back({CC("GB"), RegisterRole::kBroker});
  Case c = MinimalCase();
  c.transaction = Transaction::kBrokering;
  c.exporter.name = "Sterling Meridian Brokerage LLP";
  c.exporter.register_id = "GB-BRK-0112";
  KernelRun r = RunKernel("party_unregistered", c, {}, ref);
  EXPECT_EQ(r.value, 0) << r.evidence.facts.size();
  // The same id read as an exporter's registration is no such entry.
  c.transaction = Transaction::kExport;
  EXPECT_EQ(RunKernel("party_unregistered", c, {}, ref).value, 1);
  // A broker's register entry does not make an exporter registered either.
  c.transaction = Transaction::kBrokering;
  c.exporter.name = "Northbridge Defence Systems Ltd";
  c.exporter.register_id = "GB-EXP-0412";
  EXPECT_EQ(RunKernel("party_unregistered", c, {}, ref).value, 1);
}

// The consignor of a transit or transshipment is registered, if at all, in
// its own state, not with the transit state that decides.
TEST(PartyUnregistered, TransitConsignorIsNotChecked) {
  Case c = MinimalCase();  // no register_id
  c.transaction = Transaction::kTransshipment;
  EXPECT_EQ(RunKernel("party_unregistered", c).value, 0);
  c.transaction = Transaction::kTransit;
  EXPECT_EQ(RunKernel("party_unregistered", c).value, 0);
  c.transaction = Transaction::kReExport;
  EXPECT_EQ(RunKernel("party_unregistered", c).value, 1);
}

TEST(PartyUnregistered, RolesParameter) {
  Case c = MinimalCase();  // exporter not registered
  c.parties.push_back(MakeParty("Gulf Agency", "GB", PartyRole::kBroker));
  EXPECT_EQ(
      RunKernel("party_unregistered", c, {{"roles", ListParam({"broker"})}})
          .value,
      1);
  c.exporter.register_id = "GB-EXP-0412";
  EXPECT_EQ(
      RunKernel("party_unregistered", c, {{"roles", ListParam({"exporter"})}})
          .value,
      0);
  EXPECT_EQ(
      ParamErrors("party_unregistered", {{"roles", ListParam({"carrier"})}})
          .size(),
      1u);
}

// --- party_no_icp ----------------------------------------------------------

TEST(PartyNoIcp, UnknownThenFiresThenQuiet) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("party_no_icp", c);
  EXPECT_TRUE(IsUnknownWith(r, {"exporter.internal_compliance_programme"}));
  c.exporter.internal_compliance_programme = true;
  EXPECT_EQ(RunKernel("party_no_icp", c).value, 0);
  c.parties.push_back(
      MakeParty("Fast Freight", "AE", PartyRole::kFreightForwarder));
  c.parties[0].internal_compliance_programme = false;
  r = RunKernel("party_no_icp", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"parties[0].internal_compliance_programme", "false"}}));
}

TEST(PartyNoIcp, RolesParameter) {
  Case c = MinimalCase();
  c.exporter.internal_compliance_programme = true;
  c.parties.push_back(MakeParty("Air Cargo", "AE", PartyRole::kCarrier));
  c.parties[0].internal_compliance_programme = false;
  EXPECT_EQ(RunKernel("party_no_icp", c).value, 0);
  EXPECT_EQ(
      RunKernel("party_no_icp", c, {{"roles", ListParam({"carrier"})}}).value,
      1);
  c.exporter.internal_compliance_programme = false;
  EXPECT_EQ(
      RunKernel("party_no_icp", c, {{"roles", ListParam({"broker"})}}).value,
      0);
}

// --- party_recently_incorporated -------------------------------------------

TEST(PartyRecentlyIncorporated, UnknownThenFiresThenQuiet) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("party_recently_incorporated", c);
  EXPECT_TRUE(IsUnknownWith(r, {"exporter.incorporated_on"}));
  c.exporter.incorporated_on = D("2025-12-01");
  r = RunKernel("party_recently_incorporated", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"exporter.incorporated_on",
                    "2025-12-01, 103 days before the assessment date"}}));
  c.exporter.incorporated_on = D("2001-01-01");
  EXPECT_EQ(RunKernel("party_recently_incorporated", c).value, 0);
}

TEST(PartyRecentlyIncorporated, OnlyCompaniesAndParameter) {
  Case c = MinimalCase();
  c.exporter.incorporated_on = D("2001-01-01");
  c.parties.push_back(MakeParty("Sky Cargo", "AE", PartyRole::kCarrier));
  c.parties[0].kind = PartyKind::kOtherGovernment;  // not a company
  EXPECT_EQ(RunKernel("party_recently_incorporated", c).value, 0);
  c.parties[0].kind = PartyKind::kCompany;
  c.parties[0].incorporated_on = D("2026-01-13");  // 60 days
  KernelRun r = RunKernel("party_recently_incorporated", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0].path, "parties[0].incorporated_on");
  EXPECT_EQ(RunKernel("party_recently_incorporated", c,
                      {{"min_age_days", ScalarParam("60")}})
                .value,
            0);
}

// --- party_prior_violations ------------------------------------------------

TEST(PartyPriorViolations, UnknownWhenNoRecordKnown) {
  KernelRun r = RunKernel("party_prior_violations", MinimalCase());
  EXPECT_TRUE(IsUnknownWith(r, {"exporter.prior_violations"}));
}

TEST(PartyPriorViolations, WorstRecordOverSaturation) {
  Case c = MinimalCase();
  c.exporter.prior_violations = 0;
  KernelRun r = RunKernel("party_prior_violations", c);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
  c.exporter.prior_violations = 1;
  EXPECT_DOUBLE_EQ(RunKernel("party_prior_violations", c).value, 0.5);
  c.parties.push_back(MakeParty("Gulf Agency", "AE", PartyRole::kBroker));
  c.parties[0].prior_violations = 3;
  r = RunKernel("party_prior_violations", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"exporter.prior_violations", "1"},
                                     {"parties[0].prior_violations", "3"}}));
  EXPECT_DOUBLE_EQ(
      RunKernel("party_prior_violations", c, {{"saturation", ScalarParam("4")}})
          .value,
      0.75);
}

// --- party_intermediaries --------------------------------------------------

TEST(PartyIntermediaries, BrokerFiresCarrierDoesNot) {
  Case c = MinimalCase();
  EXPECT_EQ(RunKernel("party_intermediaries", c).value, 0);
  c.parties.push_back(MakeParty("Sky Cargo", "AE", PartyRole::kCarrier));
  EXPECT_EQ(RunKernel("party_intermediaries", c).value, 0);
  c.parties.push_back(MakeParty("Gulf Agency", "AE", PartyRole::kBroker));
  KernelRun r = RunKernel("party_intermediaries", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"parties[1].role", "broker: Gulf Agency"}}));
  EXPECT_EQ(RunKernel("party_intermediaries", c,
                      {{"roles", ListParam({"financier"})}})
                .value,
            0);
}

// --- party_foreign_intermediary --------------------------------------------

TEST(PartyForeignIntermediary, ThirdCountryConsigneeFires) {
  Case c = MinimalCase();
  c.parties.push_back(MakeParty("Oslo Depot", "NO", PartyRole::kConsignee));
  c.parties.push_back(MakeParty("Gulf Agency", "AE", PartyRole::kBroker));
  EXPECT_EQ(RunKernel("party_foreign_intermediary", c).value, 0);
  c.parties.push_back(MakeParty("Eastgate Global Logistics FZE", "AE",
                                PartyRole::kIntermediateConsignee));
  KernelRun r = RunKernel("party_foreign_intermediary", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"parties[2].country",
                    "AE: intermediate_consignee \"Eastgate Global Logistics "
                    "FZE\", end user in NO, exporter in GB"}}));
}

}  // namespace
}  // namespace divrisk::testing
