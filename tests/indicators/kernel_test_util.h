// Fixtures for kernel tests: a minimal valid case, a small reference world,
// and a way to run one kernel by name with parameters.

#ifndef DIVRISK_TESTS_INDICATORS_KERNEL_TEST_UTIL_H_
#define DIVRISK_TESTS_INDICATORS_KERNEL_TEST_UTIL_H_

#include <initializer_list>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "engine/model/case.h"
#include "engine/model/reference_data.h"
#include "gtest/gtest.h"
#include "indicators/kernel.h"
#include "indicators/registry.h"

namespace divrisk {

// Readable failures: gtest prints a Fact as {path, value}.
inline void PrintTo(const Fact& f, std::ostream* os) {
  *os << "{\"" << f.path << "\", \"" << f.value << "\"}";
}

}  // namespace divrisk

namespace divrisk::testing {

// GB company exports 10 small arms to the Norwegian armed forces, assessed
// 2026-03-14; every optional fact absent (unknown).
Case MinimalCase();

CountryCode CC(std::string_view code);
Date D(std::string_view iso);

// Fixture pieces: only the fields named are set.
Leg MakeLeg(std::string_view from, std::string_view to,
            TransportMode mode = TransportMode::kAir);
Party MakeParty(std::string name, std::string_view country, PartyRole role);
Document Doc(DocumentKind kind);
Consultation Consult(std::string_view with, ConsultationSubject subject,
                     ConsultationResult result);
// Full scope, binding, arms to the target (the Embargo defaults).
Embargo MakeEmbargo(std::string id, std::string body, std::string_view target,
                    std::string target_name, std::string_view start,
                    std::string instrument);

// MinimalCase with a route by air GB -> stops... -> NO.
Case RouteCase(std::vector<std::string_view> stops);

// Expected evidence, to compare with KernelRun::evidence.facts.
inline std::vector<Fact> Facts(std::initializer_list<Fact> facts) {
  return facts;
}

// GB, NO, AE, BF, TD, LY, KP, RU, CN, US, DE, CA with ATT/Wassenaar facts
// (Wassenaar participants from 1996-12-31); EU members DE (from 1958) and GB
// (1973-01-01 .. 2020-01-31); a UN embargo on LY (to and from, from
// 2011-02-26), an EU one on RU (to, from 2014-07-31), a lifted UN one on SO
// (1992-01-23 .. 2023-12-01); register
// GB exporters {GB-EXP-0412 Northbridge Defence Systems Ltd}; EUC template
// for NO; forged EUC number TD "MI/DL/2025/001"; listed parties: sanction
// "Korea Mining Development Trading Corporation" (KP, listed 2009-04-24)
// and denial "Eastgate Global Logistics FZE" (AE, listed 2025-12-01).
const ReferenceData& TestReference();

struct KernelRun {
  double value = 0;        // from Explain
  double batch_value = 0;  // from EvaluateBatch: must equal value
  Evidence evidence;
  std::vector<std::string> param_errors;
};

// Parameters as text: "a" is a scalar, {"a", "b"} a list (use ListParam).
using Params = std::map<std::string, ParamValue>;
ParamValue ScalarParam(std::string text);
ParamValue ListParam(std::vector<std::string> items);

// The parameter errors of building kernel `name` with `params` (ADD_FAILURE
// and none if the kernel is not registered).
std::vector<std::string> ParamErrors(
    const std::string& name, Params params = {},
    const ReferenceData& ref = TestReference());

// Whether `run` is unknown with exactly `facts` as its unknown facts, for
// EXPECT_TRUE (the message shows both when it is not).
::testing::AssertionResult IsUnknownWith(const KernelRun& run,
                                         const std::vector<std::string>& facts);

// Builds kernel `name` from the builtin registry with `params` and runs it on
// `c`. Fails the test (ADD_FAILURE) if the kernel is not registered, if the
// parameters had errors, or if the batch and explain values differ.
KernelRun RunKernel(const std::string& name, const Case& c, Params params = {},
                    const ReferenceData& ref = TestReference());

}  // namespace divrisk::testing

#endif  // DIVRISK_TESTS_INDICATORS_KERNEL_TEST_UTIL_H_
