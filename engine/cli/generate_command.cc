// divrisk generate: synthetic but realistic cases as JSON Lines, for tests,
// benchmarks and trying the engine at scale.
//
// Streams: one case is made, written and dropped at a time, so memory does
// not grow with --count. What line i holds is GeneratedLines' contract
// (engine/generate/broken_lines.h): case i of the seed, or that case broken.

#include <cstdio>
#include <iostream>
#include <string>

#include "engine/batch/atomic_file.h"
#include "engine/cli/commands.h"
#include "engine/generate/broken_lines.h"
#include "rules/compiler.h"

namespace divrisk::cli {

int RunGenerate(const GenerateOptions& options) {
  if (!(options.bad_fraction >= 0 && options.bad_fraction <= 1)) {
    std::cerr << "--bad-fraction must lie in [0, 1]\n";
    return kExitUsage;
  }
  std::unique_ptr<const Plan> plan = CompileOrReport(options.rules_dir);
  if (plan == nullptr) return kExitInvalid;
  AtomicFile file;
  const bool to_file = !options.output_file.empty() && options.output_file != "-";
  if (to_file) {
    if (absl::Status s = file.Open(options.output_file); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitWriteFailed;
    }
  } else {
    static char buffer[1 << 20];
    std::setvbuf(stdout, buffer, _IOFBF, sizeof buffer);
  }

  GeneratedLines lines(*plan->reference, options.seed,
                       options.bad_fraction);
  lines.set_outcome_model(options.outcome_model);
  std::string line;
  bool failed = false;
  for (uint64_t i = 0; i < options.count; ++i) {
    lines.Next(&line);
    line.push_back('\n');
    if (to_file) {
      file.Write(line);
    } else if (std::fwrite(line.data(), 1, line.size(), stdout) != line.size()) {
      failed = true;
      break;  // a closed pipe: stop making cases nobody reads
    }
  }
  if (to_file) {
    if (absl::Status s = file.Commit(); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitWriteFailed;
    }
  } else if (std::fflush(stdout) != 0) {
    failed = true;
  }
  if (failed) {
    std::cerr << "writing the output failed\n";
    return kExitWriteFailed;
  }
  return kExitOk;
}

}  // namespace divrisk::cli
