#include "engine/batch/batch_job.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
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
#include "engine/batch/path_identity.h"
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
  const bool from_stdin = o.input.empty() || o.input == "-";
  if (from_stdin) {
    // Closed, the next file opened would become standard input: the run
    // would read its own output.
    const int flags = ::fcntl(STDIN_FILENO, F_GETFL);
    if (flags < 0 || (flags & O_ACCMODE) == O_WRONLY) {
      return fail(Failure::kSetup,
                  "standard input is closed (or not readable): give the "
                  "input as a file, a directory or a pipe");
    }
  }

  // Every output, resolved (symlinks followed, directories and the like
  // refused: AtomicFile), and checked against the input and each other
  // before anything is opened or a line read.
  struct Output {
    const char* flag;
    std::optional<OutputPath> path;
  };
  Output out{"-o", {}}, rejects{"--rejects", {}}, summary{"--summary", {}},
      db{"--db", {}};
  for (auto [output, given] :
       {std::pair{&out, &o.output_file}, std::pair{&summary, &o.summary_file},
        std::pair{&db, &o.db_file}}) {
    if (given->empty()) continue;
    absl::StatusOr<OutputPath> p = ResolveOutputPath(*given);
    if (!p.ok()) {
      return fail(Failure::kSetup,
                  absl::StrCat(output->flag, " ", p.status().message()));
    }
    output->path = *std::move(p);
  }
  auto in_place = [](const Output& x) {
    return x.path && x.path->kind == OutputPath::Kind::kInPlace;
  };
  if (o.resume && in_place(out)) {
    return fail(Failure::kSetup,
                "--resume needs -o to name a file, not a device or FIFO");
  }
  if (in_place(db)) {
    return fail(Failure::kSetup,
                absl::StrCat("--db ", o.db_file,
                             ": a database must be a regular file"));
  }
  // The rejects default to OUT.rejects beside a file; beside a device or
  // FIFO (or standard output) they go to `rejects_stream`.
  std::string rejects_path = o.rejects_file;
  if (rejects_path.empty() && out.path && !in_place(out)) {
    rejects_path = out.path->path + ".rejects";
    rejects.flag = "the rejects file (OUT.rejects)";
  }
  if (!rejects_path.empty()) {
    absl::StatusOr<OutputPath> p = ResolveOutputPath(rejects_path);
    if (!p.ok()) {
      return fail(Failure::kSetup,
                  absl::StrCat(rejects.flag, " ", p.status().message()));
    }
    rejects.path = *std::move(p);
  }
  // A run can be resumed when its output is a file and it writes no
  // database: then its files are kept under partial names with a
  // checkpoint; otherwise they are private temporaries.
  const bool resumable = out.path && !in_place(out) && o.db_file.empty();
  const std::string checkpoint_path =
      resumable ? CheckpointPath(out.path->path) : "";
  {
    // What each output writes: its final name and its temporaries.
    struct Written {
      const char* flag;
      std::string path;
      PathIdentity id;
      bool in_place;
    };
    std::vector<Written> written;
    auto add = [&](const Output& x, std::vector<std::string> suffixes) {
      if (!x.path) return;
      if (in_place(x)) suffixes = {""};
      for (const std::string& suffix : suffixes) {
        const std::string path = x.path->path + suffix;
        written.push_back({x.flag, path, IdentifyPath(path), in_place(x)});
      }
    };
    const std::string tmp = absl::StrCat(".tmp-", getpid());
    add(out, resumable ? std::vector<std::string>{"", ".partial", ".checkpoint",
                                                  ".checkpoint.tmp"}
                       : std::vector<std::string>{"", tmp});
    add(rejects, resumable ? std::vector<std::string>{"", ".partial"}
                           : std::vector<std::string>{"", tmp});
    add(summary, {"", resumable ? ".partial" : tmp});
    add(db, {"", "-journal", "-wal", "-shm"});
    const PathIdentity input_id =
        from_stdin ? IdentifyFd(STDIN_FILENO) : IdentifyPath(o.input);
    const std::string input_name = from_stdin ? "standard input" : o.input;
    for (size_t i = 0; i < written.size(); ++i) {
      const Written& w = written[i];
      if (!w.id.is_char_device && SameFile(w.id, input_id)) {
        return fail(Failure::kSetup,
                    absl::StrCat(w.flag, " ", w.path, " is the input (",
                                 input_name, "): refusing to overwrite it"));
      }
      if (Inside(w.id, input_id)) {
        return fail(Failure::kSetup,
                    absl::StrCat(w.flag, " ", w.path,
                                 " is inside the input directory ", o.input,
                                 ": write the outputs elsewhere"));
      }
      for (size_t j = 0; j < i; ++j) {
        const Written& v = written[j];
        if (v.flag == w.flag || (v.id.is_char_device && w.id.is_char_device) ||
            !SameFile(v.id, w.id)) {
          continue;
        }
        return fail(Failure::kSetup,
                    absl::StrCat(v.flag, " and ", w.flag,
                                 " name the same file (", v.path, ", ", w.path,
                                 "): each output needs its own"));
      }
      if (w.in_place) continue;
      // A temporary must be free or a regular file, and the folder
      // writable: found now, not after the run.
      struct stat st;
      if (::lstat(w.path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        return fail(Failure::kSetup,
                    absl::StrCat(w.flag, ": ", w.path,
                                 " exists and is not a regular file"));
      }
      const size_t slash = w.path.rfind('/');
      const std::string folder = slash == std::string::npos ? "."
                                 : slash == 0 ? "/"
                                              : w.path.substr(0, slash);
      if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        return fail(Failure::kSetup,
                    absl::StrCat(w.flag, ": cannot write in ", folder, ": ",
                                 std::strerror(errno)));
      }
    }
  }

  // The input: a directory of case files, a JSONL file, or stdin.
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(o.input, kMaxLineBytes);
  if (!input.ok()) {
    return fail(Failure::kSetup, std::string(input.status().message()));
  }
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

  // Outputs go to temporaries (OUT.partial and REJECTS.partial when the
  // run can be resumed), renamed into place only when the run is complete;
  // a device or FIFO is written in place. A run that fails before it
  // starts leaves nothing; one that fails later keeps only what a resume
  // needs.
  AtomicFile out_file, rejects_file, summary_file;
  std::unique_ptr<SqliteWriter> database;
  bool database_created = false;
  auto clean_up = [&](bool keep_resumable) {
    for (AtomicFile* f : {&out_file, &rejects_file, &summary_file}) {
      if (keep_resumable && f != &summary_file) continue;
      f->Discard();
    }
    if (database != nullptr) {
      database.reset();  // rolls back
      if (database_created) {
        for (const char* suffix : {"", "-journal", "-wal", "-shm"}) {
          std::remove(absl::StrCat(db.path->path, suffix).c_str());
        }
      }
    }
  };
  auto setup_failed = [&](std::string error) {
    clean_up(false);
    return fail(Failure::kSetup, std::move(error));
  };
  for (auto [file, output, keep] :
       {std::tuple{&out_file, &out,
                   resume ? std::optional(resume->output_bytes) : std::nullopt},
        std::tuple{&rejects_file, &rejects,
                   resume ? std::optional(resume->rejects_bytes)
                          : std::nullopt}}) {
    if (!output->path) continue;
    const std::string& path = output->path->path;
    // Killed while renaming: what is already under its final name is done.
    if (resume && resume->done && !std::filesystem::exists(path + ".partial") &&
        std::filesystem::exists(path)) {
      continue;
    }
    AtomicFileOptions options;
    if (resumable && !in_place(*output)) {
      options.resumable = true;
      options.keep = keep;
    }
    if (absl::Status s = file->Open(path, std::move(options)); !s.ok()) {
      return setup_failed(std::string(s.message()));
    }
  }
  if (db.path) {
    database_created = db.path->kind == OutputPath::Kind::kNew;
    database = std::make_unique<SqliteWriter>();
    if (absl::Status s = database->Open(db.path->path, plan_); !s.ok()) {
      return setup_failed(std::string(s.message()));
    }
  }
  // A fresh run: an earlier run's checkpoint no longer matches its partial
  // files, now emptied.
  if (!resume && !checkpoint_path.empty()) std::remove(checkpoint_path.c_str());

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
  if (!from_stdin && std::filesystem::is_regular_file(o.input)) {
    absl::StatusOr<absl::flat_hash_set<uint64_t>> repeated =
        FindRepeatedIds(o.input, kMaxLineBytes);
    if (!repeated.ok()) {
      clean_up(resume.has_value());
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
        clean_up(/*keep_resumable=*/true);
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
  run.chunk.keep_rows = database != nullptr;
  JobSink sink(JobDestination{out_file.is_open() ? &out_file : nullptr,
                              o.output_stream,
                              o.output_stream == stdout ? "standard output"
                                                        : "the output stream"},
               JobDestination{rejects_file.is_open() ? &rejects_file : nullptr,
                              o.rejects_stream,
                              o.rejects_stream == stderr ? "standard error"
                                                         : "the rejects stream"},
               database.get(), checkpoint_path, identity, o.test_hook);
  absl::Status status;
  if (!resume || !resume->done) {
    int started = run.chunk.threads;
    run.threads_started = &started;
    status = RunBatch(plan_, **input, run, sink, &stats);
    if (started < result.threads && o.on_notice) {
      o.on_notice(absl::StrCat("started ", started, " of the ", result.threads,
                               " threads asked for (the system refused "
                               "more); the output is the same"));
    }
    result.threads = started;
  }
  result.seconds = elapsed();
  if (!status.ok()) {
    clean_up(/*keep_resumable=*/resumable);
    if ((*input)->failed()) {  // the input could not be read
      return fail(Failure::kInput, std::string(status.message()));
    }
    return fail(
        Failure::kWrite,
        absl::StrCat(status.message(), "\n",
                     !resumable
                         ? "the run failed; no output file was written"
                         : absl::StrCat("no output file was written; ",
                                        out_file.temp_path(), " and ",
                                        checkpoint_path,
                                        " are kept: free space and rerun "
                                        "with --resume to continue")));
  }
  result.completed = true;
  result.summary_json = BatchSummaryJson(plan_, stats, result.seconds);
  // A write error anywhere fails the run and leaves no final file. The
  // summary is written and synced before anything is renamed.
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
  // The summary's folder and name were checked before the run; it is
  // opened only now, so that a killed run leaves no temporary of it.
  if (s.ok() && summary.path) {
    // Killed between the renames, a resume writes it again: a fixed name.
    AtomicFileOptions options;
    if (resumable) options.temp_suffix = ".partial";
    s = summary_file.Open(summary.path->path, std::move(options));
    if (s.ok()) {
      summary_file.Write(result.summary_json);
      s = summary_file.Sync().status();
    }
  }
  if (s.ok() && database != nullptr) s = database->Commit();
  if (s.ok()) {
    s = FinishFiles(out_file, rejects_file, checkpoint_path, o.test_hook);
  }
  if (s.ok() && summary_file.is_open()) s = summary_file.Commit();
  if (!s.ok()) {
    clean_up(/*keep_resumable=*/resumable);
    result.failure = Failure::kWrite;
    result.error = std::string(s.message());
  }
  return result;
}

}  // namespace divrisk
