// divrisk screen-eval: measures party screening on the public data in
// shared/data/screening (see indicators/screening/eval/evaluation.h). Prints a
// table, then, as the last line, one JSON object with the headline numbers.

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "engine/cli/commands.h"
#include "indicators/screening/eval/evaluation.h"

namespace divrisk::cli {
namespace {

namespace fs = std::filesystem;

// The screening data directory: DIR itself, or DIR/data/screening when DIR
// is the shared directory (as DIVRISK_SHARED_DIR names it).
std::string ResolveDataDir(const std::string& dir) {
  if (fs::exists(fs::path(dir) / "name_pairs")) return dir;
  const fs::path nested = fs::path(dir) / "data" / "screening";
  if (fs::exists(nested / "name_pairs")) return nested.string();
  return dir;
}

}  // namespace

std::string DefaultScreeningDataDir() {
  if (const char* shared = std::getenv("DIVRISK_SHARED_DIR")) {
    return ResolveDataDir(shared);
  }
  return "../shared/data/screening";
}

int RunScreenEval(const ScreenEvalOptions& options) {
  const std::string dir = ResolveDataDir(options.data_dir);
  if (!fs::exists(fs::path(dir) / "name_pairs")) {
    std::cerr << dir << ": no screening data here (expected name_pairs/ and "
              << "the list files of shared/data/screening)\n";
    return kExitUsage;
  }
  screening::ScreeningParams params;
  if (options.hit) params.hit = *options.hit;
  if (options.possible) params.possible = *options.possible;
  if (params.possible > params.hit) {
    std::cerr << "--possible must not exceed --hit\n";
    return kExitUsage;
  }
  absl::StatusOr<screening::EvalReport> report =
      screening::RunScreeningEval(dir, params);
  if (!report.ok()) {
    std::cerr << report.status().message() << "\n";
    return kExitInvalid;
  }
  std::cout << "Screening accuracy on " << dir << "\n"
            << screening::FormatEvalTable(*report, options.details)
            << screening::EvalJson(*report) << std::endl;
  return ExitAfterFlushingStdout(kExitOk);
}

}  // namespace divrisk::cli
