// divrisk report: one case file -> the HTML page or the Markdown note an
// officer signs; or an archive of results (batch output, diff JSON) -> a
// dashboard page. The output is written atomically (AtomicFile) and is
// never the input, however either is spelled.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/batch/atomic_file.h"
#include "engine/batch/path_identity.h"
#include "engine/cli/commands.h"
#include "engine/explain/assessment.h"
#include "engine/reader/case_reader.h"
#include "engine/report/archive_dashboard.h"
#include "engine/report/archive_summary.h"
#include "engine/report/html_report.h"
#include "engine/report/markdown_report.h"

namespace divrisk::cli {
namespace {

// An output that would replace the input is refused before anything runs.
bool OutputIsInput(const ReportOptions& options) {
  const PathIdentity out = IdentifyPath(options.output_file);
  for (const std::string& input : {options.input, options.cases}) {
    if (input.empty()) continue;
    const PathIdentity in =
        input == "-" ? IdentifyFd(STDIN_FILENO) : IdentifyPath(input);
    if (!SameFile(in, out)) continue;
    std::cerr << options.output_file << ": is the input " << input
              << "; refusing to overwrite it\n";
    return true;
  }
  return false;
}

int Write(const std::string& path, const std::string& bytes) {
  absl::Status written = WriteFileAtomically(path, bytes);
  if (!written.ok()) {
    std::cerr << written.message() << "\n";
    return kExitWriteFailed;
  }
  return kExitOk;
}

int ReportCase(const ReportOptions& options) {
  std::unique_ptr<const Plan> plan = CompileOrReport(
      options.rules_dir, options.lists_dir, options.authority);
  if (plan == nullptr) return kExitInvalid;
  absl::StatusOr<Case> c = ReadCaseFile(options.input, *plan->reference);
  if (!c.ok()) {
    std::cerr << c.status().message() << "\n";
    return kExitInvalid;
  }
  const Assessment a = AssessOne(*plan, *c);
  std::string out;
  if (options.format == "markdown") {
    AppendMarkdownReport(*plan, a, &out);
  } else {
    AppendHtmlReport(*plan, a, &out);
  }
  return Write(options.output_file, out);
}

int ReportArchive(const ReportOptions& options) {
  ArchiveSummary summary;
  const absl::Status read = SummariseArchiveFiles(options.input, options.cases, &summary);
  if (!read.ok()) {
    std::cerr << read.message() << "\n";
    return kExitInvalid;
  }
  std::string out;
  AppendArchiveDashboard(summary, &out);
  const int code = Write(options.output_file, out);
  if (code == kExitOk) {
    std::cerr << absl::StrFormat(
        "%s: %s in %.2f s, page %d bytes\n", options.output_file,
        summary.is_diff ? "diff read"
                        : absl::StrCat(summary.results, " results aggregated"),
        summary.seconds, out.size());
  }
  return code;
}

}  // namespace

int RunReport(const ReportOptions& options) {
  if (OutputIsInput(options)) return kExitUsage;
  absl::StatusOr<OutputPath> target = ResolveOutputPath(options.output_file);
  if (!target.ok()) {
    std::cerr << target.status().message() << "\n";
    return kExitUsage;
  }
  return options.batch ? ReportArchive(options) : ReportCase(options);
}

}  // namespace divrisk::cli
