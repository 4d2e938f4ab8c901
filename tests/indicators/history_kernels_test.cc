#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// history_count

TEST(HistoryCount, UnknownWithoutHistoryOrField) {
  Params p = {{"field", ScalarParam("denial_notifications")}};
  KernelRun r = RunKernel("history_count", MinimalCase(), p);
  EXPECT_TRUE(IsUnknownWith(r, {"history.denial_notifications"}));
  Case c = MinimalCase();
  c.history.emplace();
  c.history->prior_refusals_to_end_user = 3;
  EXPECT_TRUE(IsUnknown(RunKernel("history_count", c, p).value));
}

TEST(HistoryCount, CountsAndSaturates) {
  Case c = MinimalCase();
  c.history.emplace();
  c.history->denial_notifications = 0;
  Params p = {{"field", ScalarParam("denial_notifications")}};
  EXPECT_EQ(RunKernel("history_count", c, p).value, 0);
  c.history->denial_notifications = 2;
  KernelRun r = RunKernel("history_count", c, p);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"history.denial_notifications", "2"}}));
  p["saturation"] = ScalarParam("4");
  EXPECT_EQ(RunKernel("history_count", c, p).value, 0.5);
}

TEST(HistoryCount, EachField) {
  Case c = MinimalCase();
  c.history.emplace();
  c.history->prior_refusals_to_end_user = 1;
  c.history->condition_breaches = 0;
  EXPECT_EQ(RunKernel("history_count", c,
                      {{"field", ScalarParam("prior_refusals_to_end_user")}})
                .value,
            1);
  EXPECT_EQ(RunKernel("history_count", c,
                      {{"field", ScalarParam("condition_breaches")}})
                .value,
            0);
}

TEST(HistoryCount, FieldIsRequiredAndChecked) {
  std::vector<std::string> missing = ParamErrors("history_count");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].find("params.field: missing parameter"),
            std::string::npos);
  std::vector<std::string> wrong = ParamErrors(
      "history_count", {{"field", ScalarParam("prior_licences_to_end_user")}});
  ASSERT_EQ(wrong.size(), 1u);
  EXPECT_NE(wrong[0].find("is not one of"), std::string::npos);
}

// post_shipment_check_failed

TEST(PostShipmentCheckFailed, TrueFalseAbsent) {
  Case c = MinimalCase();
  KernelRun r = RunKernel("post_shipment_check_failed", c);
  EXPECT_TRUE(IsUnknownWith(r, {"history.post_shipment_check_failed"}));
  c.history.emplace();
  EXPECT_TRUE(IsUnknown(RunKernel("post_shipment_check_failed", c).value));
  c.history->post_shipment_check_failed = true;
  r = RunKernel("post_shipment_check_failed", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"history.post_shipment_check_failed", "true"}}));
  c.history->post_shipment_check_failed = false;
  EXPECT_EQ(RunKernel("post_shipment_check_failed", c).value, 0);
}

// intelligence

IntelReport Report(std::string subject, IntelFinding finding,
                   Confidence confidence, std::optional<Date> on) {
  IntelReport r;
  r.source = IntelSource::kCivilSocietyTracing;
  r.subject = std::move(subject);
  r.finding = finding;
  r.confidence = confidence;
  r.reported_on = on;
  return r;
}

const Params kDiversion = {
    {"findings", ListParam({"diverted_items_traced", "forged_documents"})}};

TEST(Intelligence, NoReportsIsQuiet) {
  EXPECT_EQ(RunKernel("intelligence", MinimalCase(), kDiversion).value, 0);
}

TEST(Intelligence, WeightedByConfidence) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("end_user",
                                  IntelFinding::kDivertedItemsTraced,
                                  Confidence::kUnverified, D("2024-09-30")));
  EXPECT_EQ(RunKernel("intelligence", c, kDiversion).value, 0.4);
  c.intelligence.push_back(Report("end_user", IntelFinding::kForgedDocuments,
                                  Confidence::kCredible, D("2024-10-30")));
  KernelRun r = RunKernel("intelligence", c, kDiversion);
  EXPECT_EQ(r.value, 0.8);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1],
            (Fact{"intelligence[1].finding",
                  "forged_documents: end_user, credible, "
                  "civil_society_tracing, reported on 2024-10-30"}));
  c.intelligence[0].confidence = Confidence::kConfirmed;
  EXPECT_EQ(RunKernel("intelligence", c, kDiversion).value, 1);
}

TEST(Intelligence, ValueParameters) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("end_user",
                                  IntelFinding::kDivertedItemsTraced,
                                  Confidence::kCredible, std::nullopt));
  Params p = kDiversion;
  p["credible_value"] = ScalarParam("0.6");
  p["unverified_value"] = ScalarParam("0.1");
  EXPECT_EQ(RunKernel("intelligence", c, p).value, 0.6);
}

TEST(Intelligence, OtherFindingsDoNotCount) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("end_user", IntelFinding::kTerrorismLinks,
                                  Confidence::kConfirmed, std::nullopt));
  EXPECT_EQ(RunKernel("intelligence", c, kDiversion).value, 0);
  EXPECT_EQ(RunKernel("intelligence", c,
                      {{"findings", ScalarParam("terrorism_links")}})
                .value,
            1);
}

TEST(Intelligence, MinConfidence) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("exporter", IntelFinding::kForgedDocuments,
                                  Confidence::kUnverified, std::nullopt));
  Params p = kDiversion;
  p["min_confidence"] = ScalarParam("credible");
  EXPECT_EQ(RunKernel("intelligence", c, p).value, 0);
  c.intelligence[0].confidence = Confidence::kCredible;
  EXPECT_EQ(RunKernel("intelligence", c, p).value, 0.8);
  p["min_confidence"] = ScalarParam("confirmed");
  EXPECT_EQ(RunKernel("intelligence", c, p).value, 0);
}

TEST(Intelligence, SubjectsAndPartyNames) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("Eastgate Global Logistics FZE",
                                  IntelFinding::kForgedDocuments,
                                  Confidence::kConfirmed, std::nullopt));
  Params p = kDiversion;
  p["subjects"] = ListParam({"end_user", "route"});
  EXPECT_EQ(RunKernel("intelligence", c, p).value, 0);
  p["subjects"] = ListParam({"party"});
  KernelRun r = RunKernel("intelligence", c, p);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts[0].value,
            "forged_documents: Eastgate Global Logistics FZE, confirmed, "
            "civil_society_tracing");
}

TEST(Intelligence, LaterReportsNeverCount) {
  Case c = MinimalCase();
  c.intelligence.push_back(Report("end_user",
                                  IntelFinding::kDivertedItemsTraced,
                                  Confidence::kConfirmed, D("2026-03-15")));
  KernelRun r = RunKernel("intelligence", c, kDiversion);
  EXPECT_EQ(r.value, 0);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"intelligence[0].reported_on",
                    "reported on 2026-03-15, after the assessment "
                    "date: not counted"}}));
  c.intelligence[0].reported_on = D("2026-03-14");  // the same day counts
  EXPECT_EQ(RunKernel("intelligence", c, kDiversion).value, 1);
}

TEST(Intelligence, FindingsRequired) {
  std::vector<std::string> errors = ParamErrors("intelligence");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("params.findings: missing parameter"),
            std::string::npos);
}

}  // namespace
}  // namespace divrisk::testing
