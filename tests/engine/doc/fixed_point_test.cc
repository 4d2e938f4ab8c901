// FormatFixed / AppendFixed: scores are fixed point with four decimals, and
// every output (JSON, text, diff) prints them through these.

#include <cstdint>
#include <limits>
#include <string>

#include "engine/doc/fixed_point.h"
#include "gtest/gtest.h"

namespace divrisk {
namespace {

TEST(FormatFixed, PadsTheFractionToFourDigits) {
  EXPECT_EQ(FormatFixed(412500), "41.2500");
  EXPECT_EQ(FormatFixed(7), "0.0007");
  EXPECT_EQ(FormatFixed(10000), "1.0000");
  EXPECT_EQ(FormatFixed(0), "0.0000");
}

TEST(FormatFixed, NegativeValuesKeepTheirSign) {
  EXPECT_EQ(FormatFixed(-5), "-0.0005");
  EXPECT_EQ(FormatFixed(-123456), "-12.3456");
}

TEST(FormatFixed, ExtremesDoNotOverflow) {
  EXPECT_EQ(FormatFixed(std::numeric_limits<int64_t>::max()),
            "922337203685477.5807");
  EXPECT_EQ(FormatFixed(std::numeric_limits<int64_t>::min()),
            "-922337203685477.5808");
}

TEST(AppendFixed, AppendsToWhatIsThere) {
  std::string out = "score:";
  AppendFixed(-10000, &out);
  EXPECT_EQ(out, "score:-1.0000");
}

}  // namespace
}  // namespace divrisk
