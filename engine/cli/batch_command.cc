// divrisk batch: re-score an archive of cases, line in, line out.

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/batch/atomic_file.h"
#include "engine/batch/batch_run.h"
#include "engine/cli/commands.h"
#include "engine/output/sqlite_writer.h"
#include "rules/canonical.h"
#include "rules/compiler.h"

namespace divrisk::cli {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

// Writes scored lines to the output (and the database, if any) and
// rejected ones to the rejects.
class FileSink : public BatchSink {
 public:
  FileSink(std::FILE* out, std::FILE* rejects, SqliteWriter* db)
      : out_(out), rejects_(rejects), db_(db) {}
  void Scored(const InputLine& line, const LineOutcome& outcome) override {
    Write(out_, outcome.output);
    if (db_ != nullptr) {
      db_->Add(line.number, outcome.case_id, outcome.result,
               outcome.contributions);
    }
  }
  void Rejected(const InputLine& line, const LineOutcome& outcome) override {
    Write(rejects_, RejectJson(line, outcome));
  }
  bool failed() const { return failed_; }

 private:
  void Write(std::FILE* f, const std::string& s) {
    if (std::fwrite(s.data(), 1, s.size(), f) != s.size()) failed_ = true;
  }
  std::FILE* out_;
  std::FILE* rejects_;
  SqliteWriter* db_;
  bool failed_ = false;
};

std::string SummaryJson(const Plan& plan, const BatchStats& s, double seconds) {
  std::string out = absl::StrCat("{\"rule_set\":{\"name\":");
  AppendJsonString(plan.name, &out);
  out.append(",\"version\":");
  AppendJsonString(plan.version, &out);
  absl::StrAppend(&out, ",\"sha256\":\"", plan.sha256, "\"},\"read\":", s.read,
                  ",\"scored\":", s.scored, ",\"rejected\":", s.rejected,
                  ",\"bands\":{");
  for (size_t b = 0; b < plan.bands.size(); ++b) {
    absl::StrAppend(&out, b ? "," : "", "\"", plan.bands[b].id, "\":",
                    s.per_band[b]);
  }
  out.append("},\"recommendations\":{");
  for (size_t r = 0; r < s.per_recommendation.size(); ++r) {
    absl::StrAppend(&out, r ? "," : "", "\"",
                    EnumWord(static_cast<Recommendation>(r)), "\":",
                    s.per_recommendation[r]);
  }
  absl::StrAppend(&out, "},\"seconds\":", absl::StrFormat("%.3f", seconds),
                  "}\n");
  return out;
}

void ShowProgress(const BatchStats& s, const InputSource& input,
                  std::chrono::steady_clock::time_point start) {
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
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
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSetDir(options.rules_dir);
  if (!plan.ok()) {
    std::cerr << plan.status().message() << "\n";
    return kExitInvalid;
  }
  // The input: a directory of case files, a JSONL file, or stdin.
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(options.input, kMaxLineBytes);
  if (!input.ok()) {
    std::cerr << input.status().message() << "\n";
    return kExitUsage;
  }

  // Outputs go to temporaries, renamed into place only when complete.
  AtomicFile out_file, rejects_file, summary_file;
  std::FILE* out = stdout;
  std::FILE* rejects = stderr;
  std::string rejects_path = options.rejects;
  if (rejects_path.empty() && !options.output_file.empty()) {
    rejects_path = options.output_file + ".rejects";
  }
  for (auto [file, path, stream] :
       {std::tuple{&out_file, options.output_file, &out},
        std::tuple{&rejects_file, rejects_path, &rejects}}) {
    if (path.empty()) continue;
    if (absl::Status s = file->Open(path); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitUsage;
    }
    *stream = file->stream();
  }

  BatchRunOptions run;
  run.chunk.threads = options.threads > 0
                          ? options.threads
                          : std::max(1u, std::thread::hardware_concurrency());
  run.chunk.output = options.output == "summary" ? BatchOutput::kSummary
                                                 : BatchOutput::kFull;
  run.chunk.max_line_bytes = kMaxLineBytes;
  const auto start = std::chrono::steady_clock::now();
  if (isatty(fileno(stderr))) {
    run.on_chunk = [start](const BatchStats& s, const InputSource& in) {
      ShowProgress(s, in, start);
    };
  }
  SqliteWriter db;
  if (!options.db_file.empty()) {
    run.chunk.keep_rows = true;
    if (absl::Status s = db.Open(options.db_file, **plan); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitUsage;
    }
  }
  FileSink sink(out, rejects, options.db_file.empty() ? nullptr : &db);
  BatchStats stats;
  absl::Status status = RunBatch(**plan, **input, run, sink, &stats);
  if (run.on_chunk) std::fputc('\n', stderr);
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    return kExitInvalid;
  }
  // A write error anywhere fails the run and leaves no final file.
  bool write_failed = sink.failed();
  if (!options.db_file.empty()) {
    if (absl::Status s = db.Commit(); !s.ok()) {
      std::cerr << s.message() << "\n";
      write_failed = true;
    }
  }
  for (AtomicFile* f : {&out_file, &rejects_file}) {
    if (!f->is_open()) continue;
    if (absl::Status s = f->Commit(); !s.ok()) {
      std::cerr << s.message() << "\n";
      write_failed = true;
    }
  }
  if (out == stdout && std::fflush(stdout) != 0) write_failed = true;
  const std::string summary = SummaryJson(**plan, stats, seconds);
  if (!options.summary_file.empty()) {
    absl::Status s = summary_file.Open(options.summary_file);
    if (s.ok()) {
      summary_file.Write(summary);
      s = summary_file.Commit();
    }
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      write_failed = true;
    }
  }
  std::cerr << "read " << stats.read << " = scored " << stats.scored
            << " + rejected " << stats.rejected << " in "
            << absl::StrFormat("%.2f", seconds) << " s on " << run.chunk.threads
            << " threads\n"
            << summary;
  if (write_failed) return kExitWriteFailed;
  if (stats.rejected > 0 && options.fail_on_reject) return kExitInvalid;
  return kExitOk;
}

}  // namespace divrisk::cli
