// divrisk batch: re-score an archive of cases, line in, line out. The run
// itself is a BatchJob (engine/batch/batch_job.h); this file turns the
// flags into its options, shows progress, prints the outcome and maps it to
// an exit code.

#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/strings/str_format.h"
#include "engine/batch/batch_job.h"
#include "engine/cli/commands.h"
#include "rules/compiler.h"

namespace divrisk::cli {
namespace {

void ShowProgress(const BatchStats& s, const InputSource& input,
                  double seconds) {
  const double rate = seconds > 0 ? s.read / seconds : 0;
  std::string left;
  if (input.bytes_total() > 0 && input.bytes_read() > 0) {
    const double fraction =
        static_cast<double>(input.bytes_read()) / input.bytes_total();
    left = absl::StrFormat(", %.0f s left", seconds / fraction - seconds);
  }
  std::fprintf(stderr, "\r%llu cases (%llu rejected), %.0f cases/s%s   ",
               static_cast<unsigned long long>(s.read),
               static_cast<unsigned long long>(s.rejected), rate, left.c_str());
}

}  // namespace

int RunBatchCommand(const BatchOptions& options) {
  // With a file-size limit (ulimit -f), a write past it must fail with
  // EFBIG and be reported, not kill the process.
  std::signal(SIGXFSZ, SIG_IGN);
  std::unique_ptr<const Plan> plan = CompileOrReport(
      options.rules_dir, options.lists_dir, options.authority);
  if (plan == nullptr) return kExitInvalid;

  BatchJobOptions job;
  job.input = options.input;
  job.output_file = options.output_file;
  job.rejects_file = options.rejects;
  job.summary_file = options.summary_file;
  job.db_file = options.db_file;
  job.output = options.output == "summary" ? BatchOutput::kSummary
                                           : BatchOutput::kFull;
  job.threads = options.threads;
  job.chunk_lines = options.chunk_lines;
  job.resume = options.resume;
  bool progress_shown = false;
  if (isatty(fileno(stderr))) {
    job.on_chunk = [&progress_shown](const BatchStats& s,
                                     const InputSource& input, double seconds) {
      ShowProgress(s, input, seconds);
      progress_shown = true;
    };
  }
  job.on_notice = [](std::string_view notice) {
    std::cerr << notice << "\n";
  };
  const BatchJobResult result = BatchJob(*plan, std::move(job)).Run();

  if (progress_shown) std::fputc('\n', stderr);
  if (!result.error.empty()) std::cerr << result.error << "\n";
  if (result.completed) {
    const BatchStats& stats = result.stats;
    std::cerr << "read " << stats.read << " = scored " << stats.scored
              << " + rejected " << stats.rejected << " in "
              << absl::StrFormat("%.2f", result.seconds) << " s on "
              << result.threads << " threads\n"
              << result.summary_json;
  }
  switch (result.failure) {
    case BatchJobResult::Failure::kNone:
      break;
    case BatchJobResult::Failure::kSetup:
      return kExitUsage;
    case BatchJobResult::Failure::kInput:
      return kExitInvalid;
    case BatchJobResult::Failure::kWrite:
      return kExitWriteFailed;
  }
  if (result.stats.rejected > 0 && options.fail_on_reject) return kExitInvalid;
  return kExitOk;
}

}  // namespace divrisk::cli
