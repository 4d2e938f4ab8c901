#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

Amendment Amend(std::string path, std::string old_value,
                std::string new_value) {
  Amendment a;
  a.path = std::move(path);
  a.old_value = std::move(old_value);
  a.new_value = std::move(new_value);
  return a;
}

// amendments

TEST(Amendments, NoneIsQuiet) {
  EXPECT_EQ(RunKernel("amendments", MinimalCase()).value, 0);
}

TEST(Amendments, CountsFieldsUnderThePrefixes) {
  Case c = MinimalCase();
  c.amendments.push_back(Amend("assessed_on", "2026-03-01", "2026-03-14"));
  c.amendments.push_back(Amend("end_users_note", "", "x"));  // not end_user
  EXPECT_EQ(RunKernel("amendments", c).value, 0);
  c.amendments.push_back(Amend("transport.legs[1].to", "TD", "BF"));
  KernelRun r = RunKernel("amendments", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"amendments[2].path",
                    "transport.legs[1].to: \"TD\" -> \"BF\""}}));
}

TEST(Amendments, PathsAndSaturation) {
  Case c = MinimalCase();
  c.amendments.push_back(Amend("end_user.name", "A", "B"));
  c.amendments.push_back(Amend("parties[0].country", "AE", "BF"));
  Params p = {{"paths", ListParam({"end_user", "parties"})},
              {"saturation", ScalarParam("4")}};
  EXPECT_EQ(RunKernel("amendments", c, p).value, 0.5);
  EXPECT_EQ(RunKernel("amendments", c, {{"paths", ScalarParam("goods")}}).value,
            0);
  EXPECT_EQ(
      RunKernel("amendments", c, {{"paths", ScalarParam("parties[0]")}}).value,
      1);
}

// conduct

TEST(Conduct, CountedAndSaturated) {
  Case c = MinimalCase();
  EXPECT_EQ(RunKernel("conduct", c).value, 0);
  c.conduct.Add(Conduct::kCashPayment);
  KernelRun r = RunKernel("conduct", c);
  EXPECT_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts, Facts({{"conduct", "cash_payment"}}));
  c.conduct.Add(Conduct::kPressureToExpedite);
  c.conduct.Add(Conduct::kThirdPartyPayer);
  EXPECT_EQ(RunKernel("conduct", c).value, 1);
  EXPECT_NEAR(RunKernel("conduct", c, {{"saturation", ScalarParam("4")}}).value,
              0.75, 1e-12);
}

TEST(Conduct, WordsParameterRestricts) {
  Case c = MinimalCase();
  c.conduct.Add(Conduct::kCashPayment);
  Params p = {
      {"words", ListParam({"third_party_payer", "vague_delivery_terms"})}};
  EXPECT_EQ(RunKernel("conduct", c, p).value, 0);
  c.conduct.Add(Conduct::kVagueDeliveryTerms);
  EXPECT_EQ(RunKernel("conduct", c, p).value, 0.5);
}

TEST(Conduct, RejectsUnknownWord) {
  std::vector<std::string> errors =
      ParamErrors("conduct", {{"words", ListParam({"bribery"})}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'bribery' is not one of"), std::string::npos);
}

// consultation_result

TEST(ConsultationResult, ObjectionFiresByDefault) {
  Case c = MinimalCase();
  EXPECT_EQ(RunKernel("consultation_result", c).value, 0);
  c.consultations.push_back(Consult("DE", ConsultationSubject::kEndUser,
                                    ConsultationResult::kConfirmed));
  EXPECT_EQ(RunKernel("consultation_result", c).value, 0);
  c.consultations.push_back(Consult("DE", ConsultationSubject::kDenial,
                                    ConsultationResult::kObjection));
  KernelRun r = RunKernel("consultation_result", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(
      r.evidence.facts,
      Facts({{"consultations[1].result", "objection (denial, with DE)"}}));
}

TEST(ConsultationResult, ResultsAndSubjects) {
  Case c = MinimalCase();
  c.consultations.push_back(Consult("DE",
                                    ConsultationSubject::kEucAuthentication,
                                    ConsultationResult::kNoReply));
  Params p = {{"results", ListParam({"no_reply", "inconclusive"})}};
  EXPECT_EQ(RunKernel("consultation_result", c, p).value, 1);
  p["subjects"] = ListParam({"transit"});
  EXPECT_EQ(RunKernel("consultation_result", c, p).value, 0);
}

TEST(ConsultationResult, LaterAnswerDoesNotCount) {
  Case c = MinimalCase();
  c.consultations.push_back(Consult("DE", ConsultationSubject::kTransit,
                                    ConsultationResult::kObjection));
  c.consultations[0].date = D("2026-03-15");
  EXPECT_EQ(RunKernel("consultation_result", c).value, 0);
  c.consultations[0].date = D("2026-03-14");
  EXPECT_EQ(RunKernel("consultation_result", c).value, 1);
}

}  // namespace
}  // namespace divrisk::testing
