// divrisk calibrate: indicator weights (and, with --priors, unknown values)
// fitted to an archive's outcomes, written as a proposed rule set beside
// the current one, with a report of the fit.

#include <chrono>
#include <filesystem>
#include <iostream>

#include "absl/strings/str_format.h"
#include "engine/cli/commands.h"
#include "engine/learn/archive.h"
#include "engine/learn/calibration.h"
#include "engine/learn/calibration_report.h"
#include "engine/learn/proposed_rules.h"
#include "engine/report/calibration_page.h"

namespace divrisk::cli {

int RunCalibrate(const CalibrateCommandOptions& o) {
  std::unique_ptr<const Plan> plan = CompileOrReport(o.rules_dir, o.lists_dir);
  if (plan == nullptr) return kExitInvalid;
  std::string out_dir = o.output_dir;
  if (out_dir.empty()) {
    std::filesystem::path dir = std::filesystem::path(o.rules_dir).lexically_normal();
    if (dir.filename().empty()) dir = dir.parent_path();
    out_dir = dir.string() + "-proposed";
  }
  if (std::filesystem::exists(std::filesystem::symlink_status(out_dir))) {
    std::cerr << out_dir << ": exists already; give a new directory with -o\n";
    return kExitUsage;
  }
  learn::ArchiveOptions ao;
  ao.threads = o.threads;
  ao.keep_keys = false;
  const auto t0 = std::chrono::steady_clock::now();
  absl::StatusOr<learn::Archive> archive = learn::LoadArchive(*plan, o.archive, ao);
  if (!archive.ok()) {
    std::cerr << archive.status().message() << "\n";
    return kExitInvalid;
  }
  for (const std::string& e : archive->first_errors) std::cerr << e << "\n";
  const auto t1 = std::chrono::steady_clock::now();
  learn::CalibrateOptions co;
  co.folds = o.folds;
  co.l2 = o.l2;
  co.bootstrap = o.bootstrap;
  co.points_per_logit = o.points_per_logit;
  co.priors = o.priors;
  absl::StatusOr<learn::Calibration> c = learn::Calibrate(*plan, *archive, co);
  if (!c.ok()) {
    std::cerr << o.archive << ": " << c.status().message() << "\n";
    return kExitInvalid;
  }
  const auto t2 = std::chrono::steady_clock::now();
  // Timings go to stderr only: the report is the same bytes on every run.
  std::cerr << absl::StrFormat(
      "read and scored %d lines in %.2f s; fit (%d folds and the final fit) "
      "in %.2f s\n",
      archive->read, std::chrono::duration<double>(t1 - t0).count(), o.folds,
      std::chrono::duration<double>(t2 - t1).count());

  learn::ReportContext ctx;
  ctx.archive = o.archive;
  ctx.read = archive->read;
  ctx.rejected = archive->rejected;
  ctx.rules_dir = o.rules_dir;
  ctx.proposed_dir = out_dir;
  const std::string version =
      o.version.empty() ? learn::ProposedVersion(*plan) : o.version;
  if (absl::Status s = learn::WriteProposedRuleSet(
          *plan, o.rules_dir, *c, learn::ProposalSummary(*plan, *c, ctx),
          version, out_dir);
      !s.ok()) {
    std::cerr << s.message() << "\n";
    return s.code() == absl::StatusCode::kInvalidArgument ? kExitUsage : kExitWriteFailed;
  }
  std::unique_ptr<const Plan> proposed = CompileOrReport(out_dir, o.lists_dir);
  if (proposed == nullptr) {
    std::cerr << out_dir << ": the proposed rule set does not compile; removed\n";
    std::filesystem::remove_all(out_dir);
    return kExitInvalid;
  }
  ctx.proposed = proposed.get();
  std::string report;
  if (o.format == "json") {
    learn::AppendCalibrationJson(*plan, *c, ctx, &report);
  } else if (o.format == "html") {
    AppendCalibrationHtml(*plan, *c, ctx, &report);
  } else {
    learn::AppendCalibrationText(*plan, *c, ctx, &report);
  }
  std::cout << report;
  return ExitAfterFlushingStdout(kExitOk);
}

}  // namespace divrisk::cli
