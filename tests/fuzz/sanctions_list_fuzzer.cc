// libFuzzer harness: a sanctions or denial list through its loader (the
// first byte picks the format).
// See fuzz_targets.h; README.md ("Fuzzing") says how to run it.

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return divrisk::fuzz::SanctionsList(data, size);
}
