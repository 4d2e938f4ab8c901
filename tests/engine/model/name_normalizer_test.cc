// Tests for engine/model/name_normalizer.h: the exact key the kernels
// compare, and its legal-form list shared with screening (legal_forms.h).

#include "engine/model/name_normalizer.h"

#include <string>
#include <vector>

#include "engine/model/legal_forms.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(NormalizeNameTest, CaseOrderPunctuationAndLegalForms) {
  EXPECT_EQ(NormalizeName("Eastgate Global Logistics FZE"),
            "eastgate global logistics");
  EXPECT_EQ(NormalizeName("EASTGATE LOGISTICS, GLOBAL"),
            NormalizeName("Eastgate Global Logistics FZE"));
  EXPECT_EQ(NormalizeName("The Acme Co., Ltd."), "acme");
}

TEST(NormalizeNameTest, SharesTheScreeningLegalFormList) {
  // Phrases and forms the screening normaliser drops (legal_forms.h).
  EXPECT_EQ(NormalizeName("Nord Trans Limited Liability Company"),
            "nord trans");
  EXPECT_EQ(NormalizeName("Bank of Kunlun PT"), "bank kunlun");
  EXPECT_TRUE(IsLegalFormOrTitle("gmbh"));
  EXPECT_TRUE(IsLegalFormOrTitle("ooo"));
}

TEST(NormalizeNameTest, NameOfLegalFormsOnlyKeepsThem) {
  EXPECT_EQ(NormalizeName("Co. Ltd."), "co ltd");
  EXPECT_NE(NormalizeName("Ltd"), NormalizeName("Inc"));
}

TEST(NormalizeNameTest, NonAsciiBytesKept) {
  // Only ASCII is folded; other bytes stay as written.
  EXPECT_EQ(NormalizeName("ООО Ромашка"), "ООО Ромашка");
}

TEST(StripLegalFormsTest, TitlesOnly) {
  std::vector<std::string> t = {"mr", "se", "ho"};
  EXPECT_EQ(StripLegalForms(&t, /*titles_only=*/true), 1);
  EXPECT_EQ(t, (std::vector<std::string>{"se", "ho"}));
}

}  // namespace
}  // namespace divrisk
