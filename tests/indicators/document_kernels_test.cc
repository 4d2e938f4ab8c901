#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

// No documents: nothing contradicts the application.
TEST(DocumentKernels, NoDocumentsIsZero) {
  for (const char* name :
       {"document_not_declared_as_arms", "document_consignee_mismatch",
        "document_end_user_mismatch", "document_destination_mismatch",
        "document_goods_mismatch"}) {
    SCOPED_TRACE(name);
    KernelRun r = RunKernel(name, MinimalCase());
    EXPECT_EQ(r.value, 0);
    EXPECT_TRUE(r.evidence.facts.empty());
    EXPECT_TRUE(r.evidence.unknown_facts.empty());
  }
}

// A document that leaves the compared field out does not count.
TEST(DocumentKernels, DocumentWithoutTheFieldIsZero) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kInvoice));
  for (const char* name :
       {"document_consignee_mismatch", "document_end_user_mismatch",
        "document_destination_mismatch", "document_goods_mismatch"}) {
    SCOPED_TRACE(name);
    KernelRun r = RunKernel(name, c);
    EXPECT_EQ(r.value, 0);
    EXPECT_TRUE(r.evidence.unknown_facts.empty());
  }
}

// --- document_not_declared_as_arms -----------------------------------------

TEST(DocumentNotDeclaredAsArms, TransportDocumentNotDeclaringArmsFires) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kContract));
  c.documents.push_back(Doc(DocumentKind::kAirWaybill));
  c.documents[1].declared_as_arms = false;
  KernelRun r = RunKernel("document_not_declared_as_arms", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"documents[1].declared_as_arms", "false (air_waybill)"}}));
  c.documents[1].declared_as_arms = true;
  EXPECT_EQ(RunKernel("document_not_declared_as_arms", c).value, 0);
}

TEST(DocumentNotDeclaredAsArms, CommercialDocumentsDoNotCount) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kInvoice));
  c.documents[0].declared_as_arms = false;
  EXPECT_EQ(RunKernel("document_not_declared_as_arms", c).value, 0);
}

TEST(DocumentNotDeclaredAsArms, UnrecordedOnTransportDocumentIsUnknown) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kBillOfLading));
  KernelRun r = RunKernel("document_not_declared_as_arms", c);
  EXPECT_TRUE(IsUnknownWith(r, {"documents[0].declared_as_arms"}));
}

// --- document_consignee_mismatch -------------------------------------------

TEST(DocumentConsigneeMismatch, KnownConsigneesAreQuiet) {
  Case c = MinimalCase();
  c.parties.push_back(
      MakeParty("Oslo Central Depot AS", "NO", PartyRole::kConsignee));
  c.euc_presence = EucPresence::kPresent;
  c.euc.end_user_named = "Norwegian Defence Materiel Agency";
  for (const char* consignee :
       {"MINISTRY OF DEFENCE OF NORWAY", "Oslo Central Depot",
        "Norwegian Defence Materiel Agency"}) {
    SCOPED_TRACE(consignee);
    c.documents = {Doc(DocumentKind::kAirWaybill)};
    c.documents[0].consignee = consignee;
    EXPECT_EQ(RunKernel("document_consignee_mismatch", c).value, 0);
  }
}

TEST(DocumentConsigneeMismatch, OtherConsigneeFires) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kContract));
  c.documents.push_back(Doc(DocumentKind::kAirWaybill));
  c.documents[0].consignee = "Ministry of Defence of Norway";
  c.documents[1].consignee = "Eastgate Global Logistics FZE";
  KernelRun r = RunKernel("document_consignee_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"documents[1].consignee",
                    "\"Eastgate Global Logistics FZE\": not the end user, a "
                    "declared consignee or the EUC's end user"}}));
}

TEST(DocumentConsigneeMismatch, RolesParameter) {
  Case c = MinimalCase();
  c.parties.push_back(MakeParty("Gulf Agency", "AE", PartyRole::kBroker));
  c.documents.push_back(Doc(DocumentKind::kBillOfLading));
  c.documents[0].consignee = "Gulf Agency";
  EXPECT_EQ(RunKernel("document_consignee_mismatch", c).value, 1);
  EXPECT_EQ(RunKernel("document_consignee_mismatch", c,
                      {{"roles", ListParam({"consignee", "broker"})}})
                .value,
            0);
}

// --- document_end_user_mismatch --------------------------------------------

TEST(DocumentEndUserMismatch, NameAliasOrEucNameIsQuiet) {
  Case c = MinimalCase();
  c.end_user.aliases = {"Forsvarsdepartementet"};
  c.euc_presence = EucPresence::kPresent;
  c.euc.end_user_named = "Norwegian Armed Forces";
  for (const char* end_user :
       {"Ministry of Defence of Norway", "forsvarsdepartementet",
        "NORWEGIAN ARMED FORCES"}) {
    SCOPED_TRACE(end_user);
    c.documents = {Doc(DocumentKind::kContract)};
    c.documents[0].end_user = end_user;
    EXPECT_EQ(RunKernel("document_end_user_mismatch", c).value, 0);
  }
}

TEST(DocumentEndUserMismatch, OtherEndUserFires) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kContract));
  c.documents[0].end_user = "Ministry of Interior";
  KernelRun r = RunKernel("document_end_user_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"documents[0].end_user",
                    "\"Ministry of Interior\": not the end user of the "
                    "application or the EUC"}}));
}

TEST(DocumentEndUserMismatch, EucNameIgnoredWhenEucUnknown) {
  Case c = MinimalCase();
  c.euc_presence = EucPresence::kUnknown;
  c.euc.end_user_named = "Ministry of Interior";  // not meaningful
  c.documents.push_back(Doc(DocumentKind::kContract));
  c.documents[0].end_user = "Ministry of Interior";
  EXPECT_EQ(RunKernel("document_end_user_mismatch", c).value, 1);
}

// --- document_destination_mismatch -----------------------------------------

TEST(DocumentDestinationMismatch, OtherDestinationFires) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kContract));
  c.documents[0].destination = CC("NO");
  EXPECT_EQ(RunKernel("document_destination_mismatch", c).value, 0);
  c.documents.push_back(Doc(DocumentKind::kCargoManifest));
  c.documents[1].destination = CC("LY");
  KernelRun r = RunKernel("document_destination_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"documents[1].destination", "LY, the end user is in NO"}}));
}

TEST(DocumentDestinationMismatch, TransitAuthorisationCounts) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kTransitAuthorisation));
  c.documents[0].destination = CC("AE");
  EXPECT_EQ(RunKernel("document_destination_mismatch", c).value, 1);
}

// --- document_goods_mismatch -----------------------------------------------

TEST(DocumentGoodsMismatch, UnrelatedGoodsFire) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kBillOfLading));
  c.documents[0].declared_goods = "Agricultural machinery";
  KernelRun r = RunKernel("document_goods_mismatch", c);
  EXPECT_EQ(r.value, 1);
  EXPECT_EQ(r.evidence.facts,
            Facts({{"documents[0].declared_goods",
                    "\"Agricultural machinery\": no word in common with the "
                    "goods lines"}}));
}

TEST(DocumentGoodsMismatch, SharedWordOrCategoryIsQuiet) {
  Case c = MinimalCase();  // "5.56mm rifles", small_arms
  for (const char* declared :
       {"RIFLE, 5.56MM", "Small arms", "arms and munitions", "56mm"}) {
    SCOPED_TRACE(declared);
    c.documents = {Doc(DocumentKind::kAirWaybill)};
    c.documents[0].declared_goods = declared;
    EXPECT_EQ(RunKernel("document_goods_mismatch", c).value, 0);
  }
}

TEST(DocumentGoodsMismatch, ShortWordsDoNotCount) {
  Case c = MinimalCase();
  c.goods[0].description = "AK rifles of 7.62 mm";
  c.documents.push_back(Doc(DocumentKind::kAirWaybill));
  c.documents[0].declared_goods = "AK of 7.62 mm spare tyres";
  EXPECT_EQ(RunKernel("document_goods_mismatch", c).value, 1);
}

TEST(DocumentGoodsMismatch, MinSharedTokensParameter) {
  Case c = MinimalCase();
  c.documents.push_back(Doc(DocumentKind::kAirWaybill));
  c.documents[0].declared_goods = "rifles";
  Params p = {{"min_shared_tokens", ScalarParam("2")}};
  KernelRun r = RunKernel("document_goods_mismatch", c, p);
  EXPECT_EQ(r.value, 1);
  ASSERT_EQ(r.evidence.facts.size(), 1u);
  EXPECT_EQ(r.evidence.facts[0].value,
            "\"rifles\": too few words in common with the goods lines");
  c.documents[0].declared_goods = "5.56mm rifles";
  EXPECT_EQ(RunKernel("document_goods_mismatch", c, p).value, 0);
}

}  // namespace
}  // namespace divrisk::testing
