// divrisk batch: re-score an archive of cases, line in, line out.

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/batch/atomic_file.h"
#include "engine/batch/batch_files.h"
#include "engine/batch/batch_run.h"
#include "engine/batch/repeated_ids.h"
#include "engine/cli/commands.h"
#include "engine/doc/json_text.h"
#include "engine/output/sqlite_writer.h"
#include "rules/compiler.h"

namespace divrisk::cli {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

// A test hook: DIVRISK_BATCH_KILL=POINT:N kills the run with SIGKILL the
// N-th time it reaches POINT ("chunk": a chunk written and flushed but not
// yet checkpointed; "checkpoint": just after a checkpoint; "finish": the
// rejects renamed into place, the output not yet). cli_test.sh uses it to
// kill runs at exact moments.
void KillPoint(const char* point) {
  static const char* spec = std::getenv("DIVRISK_BATCH_KILL");
  static int hits = 0;
  if (spec == nullptr) return;
  const std::string s(spec);
  const size_t colon = s.find(':');
  if (s.substr(0, colon) != point) return;
  const int n = colon == std::string::npos ? 1 : std::atoi(s.c_str() + colon + 1);
  if (++hits >= n) std::raise(SIGKILL);
}

// Where the lines go: a resumable AtomicFile (with -o / --rejects) or a stream
// (standard output, standard error).
struct Destination {
  AtomicFile* file = nullptr;
  std::FILE* stream = nullptr;
  int error = 0;  // errno of the first failed write to `stream`

  void Write(std::string_view bytes) {
    if (file != nullptr) {
      file->Write(bytes);
    } else if (error == 0 &&
               std::fwrite(bytes.data(), 1, bytes.size(), stream) !=
                   bytes.size()) {
      error = errno != 0 ? errno : EIO;
    }
  }
  // Flushes (and, for a file, fsyncs); the bytes written so far, or 0.
  absl::StatusOr<uint64_t> Flush(const char* name) {
    if (file != nullptr) return file->Sync();
    if (error == 0 && std::fflush(stream) != 0) error = errno ? errno : EIO;
    if (error != 0) {
      return absl::DataLossError(absl::StrCat(
          name, ": write failed: ", std::strerror(error)));
    }
    return 0;
  }
};

// Writes scored lines to the output (and the database, if any) and
// rejected ones to the rejects; after each chunk flushes both and, with a
// checkpoint file, records how far the run got.
class FileSink : public BatchSink {
 public:
  FileSink(Destination out, Destination rejects, SqliteWriter* db,
           std::string checkpoint_path, BatchCheckpoint checkpoint)
      : out_(out),
        rejects_(rejects),
        db_(db),
        checkpoint_path_(std::move(checkpoint_path)),
        checkpoint_(std::move(checkpoint)) {}
  void Scored(const InputLine& line, const LineOutcome& outcome) override {
    out_.Write(outcome.output);
    if (db_ != nullptr) {
      db_->Add(line.number, outcome.case_id, outcome.result,
               outcome.contributions);
    }
  }
  void Rejected(const InputLine& line, const LineOutcome& outcome) override {
    rejects_.Write(RejectJson(line, outcome));
  }
  absl::Status EndChunk(const BatchStats& stats, uint64_t position) override {
    absl::StatusOr<uint64_t> out_bytes = out_.Flush("standard output");
    if (!out_bytes.ok()) return out_bytes.status();
    absl::StatusOr<uint64_t> rejects_bytes = rejects_.Flush("standard error");
    if (!rejects_bytes.ok()) return rejects_bytes.status();
    KillPoint("chunk");
    if (checkpoint_path_.empty()) return absl::OkStatus();
    checkpoint_.position = position;
    checkpoint_.output_bytes = *out_bytes;
    checkpoint_.rejects_bytes = *rejects_bytes;
    checkpoint_.stats = stats;
    absl::Status s = WriteCheckpoint(checkpoint_path_, checkpoint_);
    KillPoint("checkpoint");
    return s;
  }
  // The final checkpoint, marked done.
  const BatchCheckpoint& checkpoint() const { return checkpoint_; }
  BatchCheckpoint& checkpoint() { return checkpoint_; }

 private:
  Destination out_;
  Destination rejects_;
  SqliteWriter* db_;
  std::string checkpoint_path_;
  BatchCheckpoint checkpoint_;
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

// Renames what a complete run left under partial names (all of it, or
// what a kill during the renames left) and removes the checkpoint.
absl::Status FinishFiles(AtomicFile& out, AtomicFile& rejects,
                         const std::string& checkpoint_path) {
  // The rejects first, the output last: a file under its final name is
  // always complete, and the checkpoint (done) outlives the renames.
  if (rejects.is_open()) {
    if (absl::Status s = rejects.Commit(); !s.ok()) return s;
  }
  KillPoint("finish");
  if (out.is_open()) {
    if (absl::Status s = out.Commit(); !s.ok()) return s;
  }
  if (!checkpoint_path.empty()) std::remove(checkpoint_path.c_str());
  return absl::OkStatus();
}

}  // namespace

int RunBatchCommand(const BatchOptions& options) {
  // With a file-size limit (ulimit -f), a write past it must fail with
  // EFBIG and be reported, not kill the process.
  std::signal(SIGXFSZ, SIG_IGN);
  std::unique_ptr<const Plan> plan = CompileOrReport(options.rules_dir);
  if (plan == nullptr) return kExitInvalid;
  if (options.resume && options.output_file.empty()) {
    std::cerr << "--resume needs -o OUT: output to standard output cannot be "
                 "resumed\n";
    return kExitUsage;
  }
  if (options.resume && !options.db_file.empty()) {
    std::cerr << "--resume cannot be combined with --db (the database is "
                 "written in one transaction at the end of a run)\n";
    return kExitUsage;
  }
  // The input: a directory of case files, a JSONL file, or stdin.
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(options.input, kMaxLineBytes);
  if (!input.ok()) {
    std::cerr << input.status().message() << "\n";
    return kExitUsage;
  }

  std::string rejects_path = options.rejects;
  if (rejects_path.empty() && !options.output_file.empty()) {
    rejects_path = options.output_file + ".rejects";
  }
  const std::string checkpoint_path =
      options.output_file.empty() ? "" : CheckpointPath(options.output_file);
  const std::string input_name = options.input.empty() ? "-" : options.input;

  // What this run is: a resume must continue the same run.
  BatchCheckpoint identity;
  identity.input = input_name;
  // The input's size (file count for a directory); unknown for standard
  // input, which may be a file one time and a pipe the next.
  identity.input_size = input_name == "-" ? 0 : (*input)->bytes_total();
  identity.rule_set_sha256 = plan->sha256;
  identity.output = options.output;
  std::optional<BatchCheckpoint> resume;
  if (options.resume) {
    absl::StatusOr<std::optional<BatchCheckpoint>> read =
        ReadCheckpoint(checkpoint_path, plan->bands.size());
    if (!read.ok()) {
      std::cerr << read.status().message() << "\n";
      return kExitUsage;
    }
    resume = *std::move(read);
    if (!resume) {
      std::cerr << "no checkpoint " << checkpoint_path
                << ": starting from the first line\n";
    } else if (resume->input != identity.input ||
               resume->input_size != identity.input_size ||
               resume->rule_set_sha256 != identity.rule_set_sha256 ||
               resume->output != identity.output) {
      std::cerr << checkpoint_path << ": cannot resume: the checkpoint is of a "
                << "run over " << resume->input << " (size "
                << resume->input_size << ") with rule set "
                << resume->rule_set_sha256
                << " and --output " << resume->output
                << "; rerun without --resume to start again\n";
      return kExitUsage;
    }
  }
  if (!resume) {
    // A fresh run: no file under a final name may outlive it looking like
    // its output, so earlier ones go now.
    for (const std::string& path : {options.output_file, rejects_path,
                                    options.summary_file, checkpoint_path}) {
      if (!path.empty()) std::remove(path.c_str());
    }
  }

  // Outputs go to OUT.partial and REJECTS.partial, renamed into place only
  // when the run is complete.
  AtomicFile out_file, rejects_file;
  for (auto [file, path, keep] :
       {std::tuple{&out_file, options.output_file,
                   resume ? std::optional(resume->output_bytes) : std::nullopt},
        std::tuple{&rejects_file, rejects_path,
                   resume ? std::optional(resume->rejects_bytes)
                          : std::nullopt}}) {
    if (path.empty()) continue;
    // Killed while renaming: what is already under its final name is done.
    if (resume && resume->done && !std::filesystem::exists(path + ".partial") &&
        std::filesystem::exists(path)) {
      continue;
    }
    AtomicFileOptions partial;
    partial.resumable = true;
    partial.keep = keep;
    if (absl::Status s = file->Open(path, std::move(partial)); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitUsage;
    }
  }

  BatchRunOptions run;
  run.chunk.threads = options.threads > 0
                          ? options.threads
                          : std::max(1u, std::thread::hardware_concurrency());
  run.chunk.output = options.output == "summary" ? BatchOutput::kSummary
                                                 : BatchOutput::kFull;
  run.chunk.max_line_bytes = kMaxLineBytes;
  run.chunk_lines = options.chunk_lines;
  // A file can be read twice: a first pass finds the ids that repeat, so
  // the duplicate check need not remember every id of a large archive. A
  // pipe or a directory keeps the check that remembers them all.
  if (!options.input.empty() && options.input != "-" &&
      std::filesystem::is_regular_file(options.input)) {
    absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
        FindRepeatedIds(options.input, kMaxLineBytes);
    if (!repeated.ok()) {
      std::cerr << repeated.status().message() << "\n";
      return absl::IsInternal(repeated.status()) ? kExitWriteFailed
                                                 : kExitUsage;
    }
    run.repeated_ids = *std::move(repeated);
  }
  BatchStats stats;
  if (resume) {
    stats = resume->stats;
    run.resume = true;
    if (!resume->done) {
      absl::Status s = CollectCaseIdHashes(out_file.temp_path(),
                                           resume->output_bytes, &run.seen);
      if (s.ok()) s = (*input)->SkipTo(resume->stats.read, resume->position);
      if (!s.ok()) {
        std::cerr << "cannot resume: " << s.message()
                  << "; rerun without --resume to start again\n";
        return kExitUsage;
      }
    }
  }
  const auto start = std::chrono::steady_clock::now();
  if (isatty(fileno(stderr))) {
    run.on_chunk = [start](const BatchStats& s, const InputSource& in) {
      ShowProgress(s, in, start);
    };
  }
  SqliteWriter db;
  if (!options.db_file.empty()) {
    run.chunk.keep_rows = true;
    if (absl::Status s = db.Open(options.db_file, *plan); !s.ok()) {
      std::cerr << s.message() << "\n";
      return kExitUsage;
    }
  }
  Destination out{out_file.is_open() ? &out_file : nullptr, stdout};
  Destination rejects{rejects_file.is_open() ? &rejects_file : nullptr, stderr};
  FileSink sink(out, rejects, options.db_file.empty() ? nullptr : &db,
                checkpoint_path, identity);
  absl::Status status;
  if (!resume || !resume->done) {
    status = RunBatch(*plan, **input, run, sink, &stats);
  }
  if (run.on_chunk) std::fputc('\n', stderr);
  const double seconds = std::chrono::duration<double>(
                             std::chrono::steady_clock::now() - start)
                             .count();
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    if ((*input)->failed()) {
      return kExitInvalid;  // the input could not be read
    }
    if (!checkpoint_path.empty()) {
      std::cerr << "no output file was written; " << out_file.temp_path()
                << " and " << checkpoint_path << " are kept: free space and "
                << "rerun with --resume to continue\n";
    } else {
      std::cerr << "the output is incomplete\n";
    }
    return kExitWriteFailed;
  }
  // A write error anywhere fails the run and leaves no final file.
  bool write_failed = false;
  if (!options.db_file.empty()) {
    if (absl::Status s = db.Commit(); !s.ok()) {
      std::cerr << s.message() << "\n";
      write_failed = true;
    }
  }
  if (!write_failed) {
    absl::Status s;
    if (!resume || !resume->done) {
      // Everything flushed and checkpointed once more (also when the input
      // was empty), marked done before the renames.
      s = sink.EndChunk(stats, (*input)->position());
      if (s.ok() && !checkpoint_path.empty()) {
        BatchCheckpoint done = sink.checkpoint();
        done.done = true;
        s = WriteCheckpoint(checkpoint_path, done);
      }
    }
    if (s.ok()) s = FinishFiles(out_file, rejects_file, checkpoint_path);
    if (!s.ok()) {
      std::cerr << s.message() << "\n";
      write_failed = true;
    }
  }
  const std::string summary = SummaryJson(*plan, stats, seconds);
  if (!write_failed && !options.summary_file.empty()) {
    if (absl::Status s = WriteFileAtomically(options.summary_file, summary);
        !s.ok()) {
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
