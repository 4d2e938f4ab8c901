// libFuzzer harness: divrisk batch's path handling and output options
// (BatchJob) in a scratch folder. See batch_paths_target.cc for what it
// checks; README.md ("Fuzzing") says how to run it.

#include <cstddef>
#include <cstdint>

#include "tests/fuzz/fuzz_targets.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return divrisk::fuzz::BatchPaths(data, size);
}
