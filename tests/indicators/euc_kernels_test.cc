#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// MinimalCase with a government EUC whose every optional fact is absent.
Case WithEuc() {
  Case c = MinimalCase();
  c.euc_presence = EucPresence::kPresent;
  c.euc.kind = EucKind::kGovernmentEuc;
  return c;
}

TEST(EucAbsent, FiresWhenNoneSupplied) {
  KernelRun r = RunKernel("euc_absent", MinimalCase());
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"euc", "none supplied"}}));
}

TEST(EucAbsent, UnknownWhenRecordDoesNotSay) {
  Case c = MinimalCase();
  c.euc_presence = EucPresence::kUnknown;
  KernelRun r = RunKernel("euc_absent", c);
  EXPECT_TRUE(IsUnknownWith(r, {"euc"}));
}

TEST(EucAbsent, QuietWhenPresent) {
  EXPECT_EQ(RunKernel("euc_absent", WithEuc()).value, 0);
}

// Every other EUC kernel: 0 without a document, unknown when the record
// does not say whether there is one.
TEST(EucKernels, NoDocumentIsZeroUnknownDocumentIsUnknown) {
  const std::vector<std::pair<std::string, Params>> kernels = {
      {"euc_kind", {}},
      {"euc_not_valid", {}},
      {"euc_original_not_seen", {}},
      {"euc_not_authenticated", {}},
      {"euc_template_mismatch", {}},
      {"euc_flagged_number", {}},
      {"euc_end_user_mismatch", {}},
      {"euc_goods_mismatch", {}},
      {"euc_missing_clauses", {{"required", ListParam({"no_retransfer"})}}},
      {"euc_reissued", {}},
  };
  for (const auto& [name, params] : kernels) {
    SCOPED_TRACE(name);
    KernelRun none = RunKernel(name, MinimalCase(), params);
    EXPECT_EQ(none.value, 0);
    EXPECT_TRUE(none.evidence.facts.empty());
    Case c = MinimalCase();
    c.euc_presence = EucPresence::kUnknown;
    KernelRun unknown = RunKernel(name, c, params);
    EXPECT_TRUE(IsUnknown(unknown.value));
    EXPECT_EQ(unknown.evidence.unknown_facts, std::vector<std::string>{"euc"});
  }
}

TEST(EucKind, CommercialEucFiresByDefault) {
  Case c = WithEuc();
  EXPECT_EQ(RunKernel("euc_kind", c).value, 0);
  c.euc.kind = EucKind::kCommercialEuc;
  KernelRun r = RunKernel("euc_kind", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"euc.kind", "commercial_euc"}}));
}

TEST(EucKind, KindsParameter) {
  Params p = {{"kinds", ListParam({"government_euc",
                                   "international_import_certificate"})}};
  EXPECT_EQ(RunKernel("euc_kind", WithEuc(), p).value, 1);
  Case c = WithEuc();
  c.euc.kind = EucKind::kCommercialEuc;
  EXPECT_EQ(RunKernel("euc_kind", c, p).value, 0);
}

TEST(EucKind, RejectsUnknownKindWord) {
  std::vector<std::string> errors =
      ParamErrors("euc_kind", {{"kinds", ListParam({"private_euc"})}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("'private_euc' is not one of"), std::string::npos);
}

TEST(EucNotValid, UnknownWithoutDates) {
  KernelRun r = RunKernel("euc_not_valid", WithEuc());
  EXPECT_TRUE(IsUnknownWith(r, {"euc.issued_on", "euc.valid_until"}));
}

TEST(EucNotValid, ExpiredFires) {
  Case c = WithEuc();
  c.euc.issued_on = D("2025-01-10");
  c.euc.valid_until = D("2026-01-10");
  KernelRun r = RunKernel("euc_not_valid", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"euc.valid_until",
                    "2026-01-10, before the assessment date 2026-03-14"}}));
}

TEST(EucNotValid, IssuedAfterAssessmentFires) {
  Case c = WithEuc();
  c.euc.issued_on = D("2026-04-01");
  KernelRun r = RunKernel("euc_not_valid", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 1u);
  EXPECT_EQ(r.evidence.facts[0].path, "euc.issued_on");
}

TEST(EucNotValid, ValidOnAssessmentDateIsQuiet) {
  Case c = WithEuc();
  c.euc.issued_on = D("2026-03-14");
  c.euc.valid_until = D("2026-03-14");
  EXPECT_EQ(RunKernel("euc_not_valid", c).value, 0);
  c.euc.valid_until.reset();  // no expiry written: judged on issued_on
  EXPECT_EQ(RunKernel("euc_not_valid", c).value, 0);
}

TEST(EucOriginalNotSeen, UnknownThenFiresThenQuiet) {
  Case c = WithEuc();
  KernelRun r = RunKernel("euc_original_not_seen", c);
  EXPECT_TRUE(IsUnknownWith(r, {"euc.original_seen"}));
  c.euc.original_seen = false;
  r = RunKernel("euc_original_not_seen", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"euc.original_seen", "false"}}));
  c.euc.original_seen = true;
  EXPECT_EQ(RunKernel("euc_original_not_seen", c).value, 0);
}

TEST(EucNotAuthenticated, GradedByState) {
  Case c = WithEuc();
  KernelRun r = RunKernel("euc_not_authenticated", c);
  EXPECT_TRUE(IsUnknownWith(r, {"euc.authentication"}));
  c.euc.authentication = Authentication::kFailed;
  r = RunKernel("euc_not_authenticated", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"euc.authentication", "failed"}}));
  c.euc.authentication = Authentication::kPending;
  EXPECT_DOUBLE_EQ(RunKernel("euc_not_authenticated", c).value, 0.6);
  c.euc.authentication = Authentication::kNotRequested;
  EXPECT_DOUBLE_EQ(RunKernel("euc_not_authenticated", c).value, 0.8);
  c.euc.authentication = Authentication::kConfirmed;
  r = RunKernel("euc_not_authenticated", c);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(EucNotAuthenticated, ValueParameters) {
  Params p = {{"pending_value", ScalarParam("0.3")},
              {"not_requested_value", ScalarParam("1")}};
  Case c = WithEuc();
  c.euc.authentication = Authentication::kPending;
  EXPECT_DOUBLE_EQ(RunKernel("euc_not_authenticated", c, p).value, 0.3);
  c.euc.authentication = Authentication::kNotRequested;
  EXPECT_DOUBLE_EQ(RunKernel("euc_not_authenticated", c, p).value, 1);
}

TEST(EucTemplateMismatch, RecordedFact) {
  Case c = WithEuc();
  c.euc.template_on_file = false;
  KernelRun r = RunKernel("euc_template_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts, Facts({{"euc.template_on_file", "false"}}));
  c.euc.template_on_file = true;
  EXPECT_EQ(RunKernel("euc_template_mismatch", c).value, 0);
}

TEST(EucTemplateMismatch, UnrecordedWithTemplateHeldAsksTheCase) {
  // No issuer: the end user's country (NO) has shared a template.
  KernelRun r = RunKernel("euc_template_mismatch", WithEuc());
  EXPECT_TRUE(IsUnknownWith(r, {"euc.template_on_file"}));
}

TEST(EucTemplateMismatch, UnrecordedWithoutTemplateAsksForOne) {
  Case c = WithEuc();
  c.euc.issuer_country = CC("TD");
  KernelRun r = RunKernel("euc_template_mismatch", c);
  EXPECT_TRUE(IsUnknownWith(r, {"ref.euc_templates[TD]"}));
}

TEST(EucTemplateMismatch, TemplateSharedLaterOrWithdrawnDoesNotCount) {
  ReferenceData ref = TestReference();
  ref.euc_templates[0].shared_on = D("2026-06-01");
  KernelRun r = RunKernel("euc_template_mismatch", WithEuc(), {}, ref);
  EXPECT_EQ(r.evidence.unknown_facts,
            std::vector<std::string>{"ref.euc_templates[NO]"});
  ref.euc_templates[0].shared_on = D("2019-05-01");
  ref.euc_templates[0].withdrawn_on = D("2026-03-14");
  r = RunKernel("euc_template_mismatch", WithEuc(), {}, ref);
  EXPECT_EQ(r.evidence.unknown_facts,
            std::vector<std::string>{"ref.euc_templates[NO]"});
}

TEST(EucFlaggedNumber, FiresOnForgedNumberIgnoringCaseAndSpace) {
  Case c = WithEuc();
  c.euc.issuer_country = CC("TD");
  c.euc.number = " mi/dl/2025/001 ";
  KernelRun r = RunKernel("euc_flagged_number", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"euc.number", " mi/dl/2025/001 "},
                   {"ref.flagged_euc_numbers[TD:MI/DL/2025/001]",
                    "forged, reported on 2025-06-01"}}));
}

TEST(EucFlaggedNumber, IssuerFallsBackToEndUserCountry) {
  Case c = WithEuc();
  c.end_user.country = CC("TD");
  c.euc.number = "MI/DL/2025/001";
  EXPECT_EQ(RunKernel("euc_flagged_number", c).value, 1);
}

TEST(EucFlaggedNumber, OtherIssuerOrOtherNumberIsQuiet) {
  Case c = WithEuc();
  c.euc.issuer_country = CC("NO");
  c.euc.number = "MI/DL/2025/001";
  EXPECT_EQ(RunKernel("euc_flagged_number", c).value, 0);
  c.euc.issuer_country = CC("TD");
  c.euc.number = "MI/DL/2025/002";
  EXPECT_EQ(RunKernel("euc_flagged_number", c).value, 0);
}

TEST(EucFlaggedNumber, FlagReportedAfterAssessmentDoesNotCount) {
  Case c = WithEuc();
  c.assessed_on = D("2025-05-31");
  c.euc.issuer_country = CC("TD");
  c.euc.number = "MI/DL/2025/001";
  KernelRun r = RunKernel("euc_flagged_number", c);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(EucFlaggedNumber, UnknownWithoutNumber) {
  KernelRun r = RunKernel("euc_flagged_number", WithEuc());
  EXPECT_TRUE(IsUnknownWith(r, {"euc.number"}));
}

TEST(EucEndUserMismatch, UnknownWithoutName) {
  KernelRun r = RunKernel("euc_end_user_mismatch", WithEuc());
  EXPECT_TRUE(IsUnknownWith(r, {"euc.end_user_named"}));
}

TEST(EucEndUserMismatch, SameAfterNormalisationIsQuiet) {
  Case c = WithEuc();
  c.euc.end_user_named = "MINISTRY OF DEFENCE OF NORWAY";
  KernelRun r = RunKernel("euc_end_user_mismatch", c);
  EXPECT_EQ(r.value, 0);
  EXPECT_TRUE(r.evidence.facts.empty());
}

TEST(EucEndUserMismatch, VaguerNameIsHalf) {
  Case c = WithEuc();
  c.end_user.name = "Directorate of Logistics, Ministry of Interior";
  c.euc.end_user_named = "Ministry of Interior";
  KernelRun r = RunKernel("euc_end_user_mismatch", c);
  EXPECT_DOUBLE_EQ(r.value, 0.5);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"euc.end_user_named",
                    "\"Ministry of Interior\", vaguer than the application's"},
                   {"end_user.name",
                    "\"Directorate of Logistics, Ministry of Interior\""}}));
}

TEST(EucEndUserMismatch, MoreSpecificNameIsHalfTooAndParameterApplies) {
  Case c = WithEuc();
  c.end_user.name = "Ministry of Interior";
  c.euc.end_user_named = "Directorate of Logistics, Ministry of Interior";
  EXPECT_DOUBLE_EQ(RunKernel("euc_end_user_mismatch", c).value, 0.5);
  EXPECT_DOUBLE_EQ(RunKernel("euc_end_user_mismatch", c,
                             {{"vague_value", ScalarParam("0.7")}})
                       .value,
                   0.7);
}

TEST(EucEndUserMismatch, DifferentNameFires) {
  Case c = WithEuc();
  c.euc.end_user_named = "Eastgate Global Logistics FZE";
  KernelRun r = RunKernel("euc_end_user_mismatch", c);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[0].value,
            "\"Eastgate Global Logistics FZE\", differs from the "
            "application's");
}

TEST(EucEndUserMismatch, AliasCounts) {
  Case c = WithEuc();
  c.end_user.aliases = {"Forsvarsdepartementet"};
  c.euc.end_user_named = "FORSVARSDEPARTEMENTET";
  EXPECT_EQ(RunKernel("euc_end_user_mismatch", c).value, 0);
  c.euc.end_user_named = "Forsvarsdepartementet Logistikk";
  KernelRun r = RunKernel("euc_end_user_mismatch", c);
  EXPECT_DOUBLE_EQ(r.value, 0.5);
  ASSERT_EQ(r.evidence.facts.size(), 2u);
  EXPECT_EQ(r.evidence.facts[1].path, "end_user.aliases[0]");
}

TEST(EucGoodsMismatch, UnknownWithoutGoods) {
  KernelRun r = RunKernel("euc_goods_mismatch", WithEuc());
  EXPECT_TRUE(IsUnknownWith(r, {"euc.goods"}));
}

TEST(EucGoodsMismatch, CoveredQuantityIsQuiet) {
  Case c = WithEuc();
  c.euc.goods = std::vector<EucGoods>{{GoodsCategory::kSmallArms, 10}};
  EXPECT_EQ(RunKernel("euc_goods_mismatch", c).value, 0);
}

TEST(EucGoodsMismatch, ApplicationAboveEucFires) {
  Case c = WithEuc();
  c.goods.push_back(c.goods[0]);  // 10 + 10 small arms
  c.euc.goods = std::vector<EucGoods>{{GoodsCategory::kAmmunition, 100},
                                      {GoodsCategory::kSmallArms, 15}};
  KernelRun r = RunKernel("euc_goods_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(
      r.evidence.facts,
      Facts({{"euc.goods[1].quantity", "small_arms: application 20, EUC 15"}}));
}

TEST(EucGoodsMismatch, CategoryMissingFromEucFires) {
  Case c = WithEuc();
  c.euc.goods = std::vector<EucGoods>{{GoodsCategory::kAmmunition, 100}};
  KernelRun r = RunKernel("euc_goods_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(
      r.evidence.facts,
      Facts({{"euc.goods", "small_arms: application 10, not on the EUC"}}));
}

TEST(EucGoodsMismatch, UnwrittenQuantityIsUnknownUnlessAlreadyCovered) {
  Case c = WithEuc();
  c.euc.goods =
      std::vector<EucGoods>{{GoodsCategory::kSmallArms, 4},
                            {GoodsCategory::kSmallArms, std::nullopt}};
  KernelRun r = RunKernel("euc_goods_mismatch", c);
  EXPECT_TRUE(IsUnknownWith(r, {"euc.goods[1].quantity"}));
  (*c.euc.goods)[0].quantity = 10;
  EXPECT_EQ(RunKernel("euc_goods_mismatch", c).value, 0);
}

TEST(EucMissingClauses, FractionMissing) {
  Params p = {
      {"required", ListParam({"no_reexport_without_consent",
                              "delivery_verification", "on_site_inspection"})}};
  Case c = WithEuc();
  KernelRun r = RunKernel("euc_missing_clauses", c, p);
  EXPECT_TRUE(IsUnknownWith(r, {"euc.clauses"}));
  c.euc.clauses = EnumSet<EucClause>();
  c.euc.clauses->Add(EucClause::kNoReexportWithoutConsent);
  c.euc.clauses->Add(EucClause::kEndUseStatement);
  r = RunKernel("euc_missing_clauses", c, p);
  EXPECT_DOUBLE_EQ(r.value, 2.0 / 3.0);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"euc.clauses", "no delivery_verification"},
                   {"euc.clauses", "no on_site_inspection"}}));
  c.euc.clauses->Add(EucClause::kDeliveryVerification);
  c.euc.clauses->Add(EucClause::kOnSiteInspection);
  EXPECT_EQ(RunKernel("euc_missing_clauses", c, p).value, 0);
}

TEST(EucMissingClauses, RequiredIsRequired) {
  std::vector<std::string> errors = ParamErrors("euc_missing_clauses");
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "params.required: missing parameter");
}

TEST(EucReissued, UnknownThenFiresThenQuiet) {
  Case c = WithEuc();
  KernelRun r = RunKernel("euc_reissued", c);
  EXPECT_TRUE(IsUnknownWith(r, {"euc.reissued_after_objection"}));
  c.euc.reissued_after_objection = true;
  r = RunKernel("euc_reissued", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"euc.reissued_after_objection", "true"}}));
  c.euc.reissued_after_objection = false;
  EXPECT_EQ(RunKernel("euc_reissued", c).value, 0);
}

}  // namespace
}  // namespace divrisk::testing
