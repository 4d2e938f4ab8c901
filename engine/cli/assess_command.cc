// divrisk assess: one case file -> an explained assessment on stdout.

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "engine/cli/commands.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/text_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "rules/compiler.h"

namespace divrisk::cli {

namespace {

RuleFileAccess& RunAccess() {
  static RuleFileAccess access;
  return access;
}

}  // namespace

void SetRuleFileAccess(RuleFileAccess access) {
  RunAccess() = std::move(access);
}

std::unique_ptr<const Plan> CompileOrReport(const std::string& dir,
                                            const std::string& lists_dir,
                                            const std::string& authority) {
  CompileOptions options;
  options.lists_dir = lists_dir;
  options.access = RunAccess();
  if (!authority.empty()) options.authority = CountryCode::FromText(authority);
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(dir, options);
  if (!plan.ok()) {
    std::cerr << plan.status().message() << "\n";
    return nullptr;
  }
  return std::move(*plan);
}

int RunAssess(const AssessOptions& options) {
  std::unique_ptr<const Plan> plan = CompileOrReport(
      options.rules_dir, options.lists_dir, options.authority);
  if (plan == nullptr) return kExitInvalid;
  absl::StatusOr<Case> c = ReadCaseFile(options.file, *plan->reference);
  if (!c.ok()) {
    std::cerr << c.status().message() << "\n";
    return kExitInvalid;
  }
  Executor executor(*plan);
  BatchScores scores;
  executor.Score(std::span<const Case>(&*c, 1), &scores);
  const Assessment a = Explain(*plan, *c, scores, 0);
  std::string out;
  if (options.format == "json") {
    AppendAssessmentJson(*plan, a, &out);
  } else {
    AppendAssessmentText(*plan, a, &out, TextOptions{options.verbose});
  }
  if (std::fwrite(out.data(), 1, out.size(), stdout) != out.size() ||
      std::fflush(stdout) != 0) {
    std::cerr << "standard output: write failed: " << std::strerror(errno)
              << "\n";
    return kExitWriteFailed;
  }
  return kExitOk;
}

int ExitAfterFlushingStdout(int code) {
  std::cout.flush();
  const bool failed = !std::cout || std::fflush(stdout) != 0 ||
                      std::ferror(stdout) != 0;
  if (!failed) return code;
  std::cerr << "standard output: write failed"
            << (errno != 0 ? absl::StrCat(": ", std::strerror(errno)) : "")
            << "\n";
  return kExitWriteFailed;
}

}  // namespace divrisk::cli
