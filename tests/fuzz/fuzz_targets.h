// The fuzz targets: one function per input path, shared by the libFuzzer
// harnesses (tests/fuzz/*_fuzzer.cc, built with -DDIVRISK_FUZZ=ON) and by
// fuzz_regression_test, which replays every input of
// tests/data/regressions/<target>/ through the same function in the
// ordinary test suite.
//
// Each target feeds the bytes through the real code path and checks the
// invariants that must hold for any input: nothing crashes; a refused
// input comes with at least one error; an accepted one scores, and its
// JSON output parses again; in a batch, read = scored + rejected. A broken
// invariant aborts (std::abort), which libFuzzer reports as a crash.

#ifndef DIVRISK_TESTS_FUZZ_FUZZ_TARGETS_H_
#define DIVRISK_TESTS_FUZZ_FUZZ_TARGETS_H_

#include <cstddef>
#include <cstdint>
#include <span>

namespace divrisk::fuzz {

// A YAML case file through `divrisk assess`: read, score, explain, write
// JSON and text.
int YamlCase(const uint8_t* data, size_t size);
// The same for a JSON case file.
int JsonCase(const uint8_t* data, size_t size);
// JSON Lines through `divrisk batch`: LineReader, ParseInputLine and
// ChunkScorer (RunBatch), with accounting checked.
int JsonlLines(const uint8_t* data, size_t size);
// ruleset.yaml through the rule-set compiler, with the real att-default
// reference files; a rule set that compiles scores the bundled examples.
int RuleSet(const uint8_t* data, size_t size);
// A sanctions or denial list through its loader (indicators/screening/
// loaders.h). The first byte picks the format (UN XML, OFAC CSV, BIS DPL,
// US CSL); for OFAC, '\f' separates the primary, add and alt files.
int SanctionsList(const uint8_t* data, size_t size);

// One JSON line's case id two ways: JsonCaseId (simdjson On-Demand, the
// batch's first pass) must equal ParseJsonInto + CaseIdOf (the tree path
// the batch decodes with), at the default limits and at tight ones.
int JsonCaseIdAgrees(const uint8_t* data, size_t size);

// `divrisk batch`'s paths and output options (BatchJob) in a scratch
// folder: the bytes choose the input and each output among the input, its
// links, existing files, directories, dangling symlinks, a FIFO, device
// nodes of our own and new names (batch_paths_target.cc).
int BatchPaths(const uint8_t* data, size_t size);

struct Target {
  const char* name;  // the harness's name: yaml_case, json_case, ...
  int (*run)(const uint8_t* data, size_t size);
};
// Every target, by name (the folders under tests/data/regressions/).
std::span<const Target> Targets();

}  // namespace divrisk::fuzz

#endif  // DIVRISK_TESTS_FUZZ_FUZZ_TARGETS_H_
