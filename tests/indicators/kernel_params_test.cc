#include "indicators/kernel_params.h"

#include <string>
#include <utility>
#include <vector>

#include "gtest/gtest.h"
#include "tests/indicators/kernel_test_util.h"

namespace divrisk::testing {
namespace {

ParamValue At(std::string text, int line, int column) {
  ParamValue v = ScalarParam(std::move(text));
  v.line = line;
  v.column = column;
  return v;
}

TEST(KernelParamsFraction, InRangeIncludingTheEnds) {
  for (const auto& [text, value] : std::vector<std::pair<std::string, double>>{
           {"0", 0}, {"0.25", 0.25}, {"1", 1}, {"1.0", 1}}) {
    SCOPED_TRACE(text);
    KernelParams p({{"partial_value", ScalarParam(text)}});
    EXPECT_EQ(p.Fraction("partial_value", 0.5), value);
    EXPECT_TRUE(p.Errors().empty());
  }
}

TEST(KernelParamsFraction, AbsentGivesTheFallback) {
  KernelParams p;
  EXPECT_EQ(p.Fraction("partial_value", 0.5), 0.5);
  EXPECT_TRUE(p.Errors().empty());
}

TEST(KernelParamsFraction, OutOfRangeIsAnErrorAtItsPosition) {
  KernelParams p({{"partial_value", At("1.5", 12, 20)},
                  {"retained_value", At("-0.1", 13, 21)}});
  EXPECT_EQ(p.Fraction("partial_value", 0.5), 0.5);
  EXPECT_EQ(p.Fraction("retained_value", 0.4), 0.4);
  EXPECT_EQ(p.Errors(),
            (std::vector<std::string>{
                "12:20: params.partial_value: expected a number from 0 to 1, "
                "found '1.5'",
                "13:21: params.retained_value: expected a number from 0 to 1, "
                "found '-0.1'"}));
}

TEST(KernelParamsFraction, NotANumberIsOneError) {
  KernelParams p({{"partial_value", At("half", 4, 5)}});
  EXPECT_EQ(p.Fraction("partial_value", 0.5), 0.5);
  EXPECT_EQ(p.Errors(),
            std::vector<std::string>{"4:5: params.partial_value: expected a "
                                     "finite number, found 'half'"});
}

TEST(KernelParamsFraction, RequiredWithoutFallback) {
  KernelParams p;
  EXPECT_EQ(p.Fraction("share"), 0);
  EXPECT_EQ(p.Errors(),
            std::vector<std::string>{"params.share: missing parameter"});
}

// Every graded-value parameter of every kernel family is read as a fraction:
// outside [0, 1] is a parameter error, never a silent clamp or a value that
// scores more than its weight.
TEST(KernelParamsFraction, EveryGradedKernelParameterIsChecked) {
  struct Graded {
    std::string kernel;
    std::string param;
    Params required;
  };
  const Params findings = {{"findings", ListParam({"terrorism_links"})}};
  const Params bodies = {{"bodies", ListParam({"UN"})}};
  const std::vector<Graded> graded = {
      {"route_not_disclosed", "partial_value", {}},
      {"carrier_unidentified", "no_vehicle_value", {}},
      {"transit_state_controls", "partial_value", {}},
      {"importing_state_controls", "partial_value", {}},
      {"surplus_disposal", "retained_value", {}},
      {"intelligence", "credible_value", findings},
      {"intelligence", "unverified_value", findings},
      {"embargo", "partial_scope_value", bodies},
      {"euc_not_authenticated", "pending_value", {}},
      {"euc_not_authenticated", "not_requested_value", {}},
      {"euc_end_user_mismatch", "vague_value", {}},
  };
  for (const Graded& g : graded) {
    SCOPED_TRACE(g.kernel + " " + g.param);
    for (const char* bad : {"1.01", "-0.5"}) {
      Params params = g.required;
      params[g.param] = ScalarParam(bad);
      std::vector<std::string> errors = ParamErrors(g.kernel, params);
      ASSERT_EQ(errors.size(), 1u);
      EXPECT_EQ(errors[0], "0:0: params." + g.param +
                               ": expected a number from 0 to 1, found '" +
                               bad + "'");
    }
    Params params = g.required;
    params[g.param] = ScalarParam("1");
    EXPECT_TRUE(ParamErrors(g.kernel, params).empty());
  }
}

}  // namespace
}  // namespace divrisk::testing
