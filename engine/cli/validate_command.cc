// divrisk validate: checks case files against the format, without scoring.

#include <iostream>

#include "engine/cli/commands.h"
#include "engine/doc/visible_text.h"
#include "engine/reader/case_reader.h"
#include "rules/compiler.h"

namespace divrisk::cli {

int RunValidate(const ValidateOptions& options) {
  std::unique_ptr<const Plan> plan = CompileOrReport(options.rules_dir, options.lists_dir);
  if (plan == nullptr) return kExitInvalid;
  int invalid = 0;
  for (const std::string& file : options.files) {
    absl::StatusOr<Case> c = ReadCaseFile(file, *plan->reference);
    if (c.ok()) {
      std::cout << Visible(file) << ": valid (" << Visible(c->id) << ")\n";
    } else {
      ++invalid;
      std::cout << c.status().message() << "\n";
    }
  }
  std::cout << options.files.size() - invalid << " valid, " << invalid
            << " invalid\n";
  return ExitAfterFlushingStdout(invalid == 0 ? kExitOk : kExitInvalid);
}

}  // namespace divrisk::cli
