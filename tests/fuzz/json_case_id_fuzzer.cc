// libFuzzer harness: one JSON line's case id, On-Demand (JsonCaseId)
// against the tree path (ParseJsonInto + CaseIdOf).
// See fuzz_targets.h; README.md ("Fuzzing") says how to run it.

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return divrisk::fuzz::JsonCaseIdAgrees(data, size);
}
