#include "engine/batch/batch_job.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>
#include <tuple>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/batch/atomic_file.h"
#include "engine/batch/batch_files.h"
#include "engine/batch/job_sink.h"
#include "engine/batch/repeated_ids.h"
#include "engine/doc/json_writer.h"
#include "engine/output/sqlite_writer.h"

namespace divrisk {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

using Failure = BatchJobResult::Failure;

const char* OutputWord(BatchOutput output) {
  return output == BatchOutput::kSummary ? "summary" : "full";
}

// Renames what a complete run left under partial names (all of it, or
// what a kill during the renames left) and removes the checkpoint.
absl::Status FinishFiles(AtomicFile& out, AtomicFile& rejects,
                         const std::string& checkpoint_path,
                         const std::function<void(BatchJobPoint)>& hook) {
  // The rejects first, the output last: a file under its final name is
  // always complete, and the checkpoint (done) outlives the renames.
  if (rejects.is_open()) {
    if (absl::Status s = rejects.Commit(); !s.ok()) return s;
  }
  if (hook) hook(BatchJobPoint::kRejectsRenamed);
  if (out.is_open()) {
    if (absl::Status s = out.Commit(); !s.ok()) return s;
  }
  if (!checkpoint_path.empty()) std::remove(checkpoint_path.c_str());
  return absl::OkStatus();
}

}  // namespace

std::string BatchSummaryJson(const Plan& plan, const BatchStats& s,
                             double seconds) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("rule_set").Open('{');
    j.Key("name").Str(plan.name).Key("version").Str(plan.version);
    j.Key("sha256").Str(plan.sha256).Close('}');
    j.Key("read").Int(s.read).Key("scored").Int(s.scored);
    j.Key("rejected").Int(s.rejected).Key("bands").Open('{');
    for (size_t b = 0; b < plan.bands.size(); ++b) {
      j.Key(plan.bands[b].id).Int(s.per_band[b]);
    }
    j.Close('}').Key("recommendations").Open('{');
    for (size_t r = 0; r < s.per_recommendation.size(); ++r) {
      j.Key(EnumWord(static_cast<Recommendation>(r)))
          .Int(s.per_recommendation[r]);
    }
    j.Close('}').Key("seconds").Raw(absl::StrFormat("%.3f", seconds));
    j.Close('}');
  }
  out.push_back('\n');
  return out;
}

BatchJob::BatchJob(const Plan& plan, BatchJobOptions options)
    : plan_(plan), options_(std::move(options)) {}

BatchJobResult BatchJob::Run() {
  const BatchJobOptions& o = options_;
  BatchJobResult result;
  auto fail = [&result](Failure failure, std::string error) {
    result.failure = failure;
    result.error = std::move(error);
    return result;
  };
  if (o.resume && o.output_file.empty()) {
    return fail(Failure::kSetup,
                "--resume needs -o OUT: output to standard output cannot be "
                "resumed");
  }
  if (o.resume && !o.db_file.empty()) {
    return fail(Failure::kSetup,
                "--resume cannot be combined with --db (the database is "
                "written in one transaction at the end of a run)");
  }
  // The input: a directory of case files, a JSONL file, or stdin.
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(o.input, kMaxLineBytes);
  if (!input.ok()) {
    return fail(Failure::kSetup, std::string(input.status().message()));
  }

  std::string rejects_path = o.rejects_file;
  if (rejects_path.empty() && !o.output_file.empty()) {
    rejects_path = o.output_file + ".rejects";
  }
  const std::string checkpoint_path =
      o.output_file.empty() ? "" : CheckpointPath(o.output_file);
  const std::string input_name = o.input.empty() ? "-" : o.input;

  // What this run is: a resume must continue the same run.
  BatchCheckpoint identity;
  identity.input = input_name;
  // The input's size (file count for a directory); unknown for standard
  // input, which may be a file one time and a pipe the next.
  identity.input_size = input_name == "-" ? 0 : (*input)->bytes_total();
  identity.rule_set_sha256 = plan_.sha256;
  identity.output = OutputWord(o.output);
  std::optional<BatchCheckpoint> resume;
  if (o.resume) {
    absl::StatusOr<std::optional<BatchCheckpoint>> read =
        ReadCheckpoint(checkpoint_path, plan_.bands.size());
    if (!read.ok()) {
      return fail(Failure::kSetup, std::string(read.status().message()));
    }
    resume = *std::move(read);
    if (!resume) {
      if (o.on_notice) {
        o.on_notice(absl::StrCat("no checkpoint ", checkpoint_path,
                                 ": starting from the first line"));
      }
    } else if (resume->input != identity.input ||
               resume->input_size != identity.input_size ||
               resume->rule_set_sha256 != identity.rule_set_sha256 ||
               resume->output != identity.output) {
      return fail(
          Failure::kSetup,
          absl::StrCat(checkpoint_path,
                       ": cannot resume: the checkpoint is of a run over ",
                       resume->input, " (size ", resume->input_size,
                       ") with rule set ", resume->rule_set_sha256,
                       " and --output ", resume->output,
                       "; rerun without --resume to start again"));
    }
  }
  if (!resume) {
    // A fresh run: no file under a final name may outlive it looking like
    // its output, so earlier ones go now.
    for (const std::string& path :
         {o.output_file, rejects_path, o.summary_file, checkpoint_path}) {
      if (!path.empty()) std::remove(path.c_str());
    }
  }

  // Outputs go to OUT.partial and REJECTS.partial, renamed into place only
  // when the run is complete.
  AtomicFile out_file, rejects_file;
  for (auto [file, path, keep] :
       {std::tuple{&out_file, o.output_file,
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
      return fail(Failure::kSetup, std::string(s.message()));
    }
  }

  BatchRunOptions run;
  run.chunk.threads = o.threads > 0
                          ? o.threads
                          : std::max(1u, std::thread::hardware_concurrency());
  result.threads = run.chunk.threads;
  run.chunk.output = o.output;
  run.chunk.max_line_bytes = kMaxLineBytes;
  run.chunk_lines = o.chunk_lines;
  // A file can be read twice: a first pass finds the ids that repeat, so
  // the duplicate check need not remember every id of a large archive. A
  // pipe or a directory keeps the check that remembers them all.
  if (!o.input.empty() && o.input != "-" &&
      std::filesystem::is_regular_file(o.input)) {
    absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
        FindRepeatedIds(o.input, kMaxLineBytes);
    if (!repeated.ok()) {
      return fail(absl::IsInternal(repeated.status()) ? Failure::kWrite
                                                      : Failure::kSetup,
                  std::string(repeated.status().message()));
    }
    run.repeated_ids = *std::move(repeated);
  }
  BatchStats& stats = result.stats;
  if (resume) {
    stats = resume->stats;
    run.resume = true;
    if (!resume->done) {
      absl::Status s = CollectCaseIdHashes(out_file.temp_path(),
                                           resume->output_bytes, &run.seen);
      if (s.ok()) s = (*input)->SkipTo(resume->stats.read, resume->position);
      if (!s.ok()) {
        return fail(Failure::kSetup,
                    absl::StrCat("cannot resume: ", s.message(),
                                 "; rerun without --resume to start again"));
      }
    }
  }
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [start] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         start)
        .count();
  };
  if (o.on_chunk) {
    run.on_chunk = [&o, &elapsed](const BatchStats& s, const InputSource& in) {
      o.on_chunk(s, in, elapsed());
    };
  }
  SqliteWriter db;
  if (!o.db_file.empty()) {
    run.chunk.keep_rows = true;
    if (absl::Status s = db.Open(o.db_file, plan_); !s.ok()) {
      return fail(Failure::kSetup, std::string(s.message()));
    }
  }
  JobSink sink(JobDestination{out_file.is_open() ? &out_file : nullptr,
                              o.output_stream,
                              o.output_stream == stdout ? "standard output"
                                                        : "the output stream"},
               JobDestination{rejects_file.is_open() ? &rejects_file : nullptr,
                              o.rejects_stream,
                              o.rejects_stream == stderr ? "standard error"
                                                         : "the rejects stream"},
               o.db_file.empty() ? nullptr : &db, checkpoint_path, identity,
               o.test_hook);
  absl::Status status;
  if (!resume || !resume->done) {
    status = RunBatch(plan_, **input, run, sink, &stats);
  }
  result.seconds = elapsed();
  if (!status.ok()) {
    if ((*input)->failed()) {  // the input could not be read
      return fail(Failure::kInput, std::string(status.message()));
    }
    return fail(
        Failure::kWrite,
        absl::StrCat(status.message(), "\n",
                     checkpoint_path.empty()
                         ? "the output is incomplete"
                         : absl::StrCat("no output file was written; ",
                                        out_file.temp_path(), " and ",
                                        checkpoint_path,
                                        " are kept: free space and rerun "
                                        "with --resume to continue")));
  }
  result.completed = true;
  result.summary_json = BatchSummaryJson(plan_, stats, result.seconds);
  // A write error anywhere fails the run and leaves no final file.
  absl::Status s;
  if (!o.db_file.empty()) s = db.Commit();
  if (s.ok() && (!resume || !resume->done)) {
    // Everything flushed and checkpointed once more (also when the input
    // was empty), marked done before the renames.
    s = sink.EndChunk(stats, (*input)->position());
    if (s.ok() && !checkpoint_path.empty()) {
      BatchCheckpoint done = sink.checkpoint();
      done.done = true;
      s = WriteCheckpoint(checkpoint_path, done);
    }
  }
  if (s.ok()) {
    s = FinishFiles(out_file, rejects_file, checkpoint_path, o.test_hook);
  }
  if (s.ok() && !o.summary_file.empty()) {
    s = WriteFileAtomically(o.summary_file, result.summary_json);
  }
  if (!s.ok()) {
    result.failure = Failure::kWrite;
    result.error = std::string(s.message());
  }
  return result;
}

}  // namespace divrisk
