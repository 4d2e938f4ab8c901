// BatchJob: one re-scoring run of an archive, from its input to its files,
// as `divrisk batch` does it; the command line only parses flags into
// BatchJobOptions and prints the result, so a service or a test can run the
// same job without a shell.
//
// The job reads the input (a JSON Lines file, a directory of case files, or
// a stream), scores it on all threads (RunBatch), and writes one line per
// case to the output and one per rejected line to the rejects. With an
// output file it writes "OUT.partial" and "REJECTS.partial", records after
// each chunk in "OUT.checkpoint" how far it got (batch_files.h), and only a
// complete, flushed and fsynced run renames them to their final names (the
// rejects first, then the output) and writes the summary. A fresh job first
// removes the files of an earlier one; a resumed job (`resume`) continues
// from the checkpoint of the same input, rule set and output kind and ends
// with the bytes of a job that was never interrupted.
//
// A write past a file-size limit raises SIGXFSZ: a process that runs jobs
// should ignore it, so that the write fails and is reported instead.

#ifndef DIVRISK_ENGINE_BATCH_BATCH_JOB_H_
#define DIVRISK_ENGINE_BATCH_BATCH_JOB_H_

#include <cstddef>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "engine/batch/batch_run.h"
#include "engine/batch/chunk_scorer.h"
#include "engine/batch/line_reader.h"
#include "rules/plan.h"

namespace divrisk {

// Points of a job at which BatchJobOptions::test_hook is called.
enum class BatchJobPoint {
  kChunkWritten,       // a chunk written, flushed and fsynced, not yet
                       // checkpointed (also after the last lines)
  kCheckpointWritten,  // just after a checkpoint was written
  kRejectsRenamed,     // the rejects renamed into place, the output not yet
};

struct BatchJobOptions {
  std::string input;         // JSONL file, directory, or "" / "-": stdin
  std::string output_file;   // empty: `output_stream`
  std::string rejects_file;  // empty: OUT.rejects, or `rejects_stream`
  std::string summary_file;  // empty: none
  std::string db_file;       // SQLite, written in one transaction; or empty
  BatchOutput output = BatchOutput::kFull;
  int threads = 0;            // 0: all cores
  size_t chunk_lines = 1024;  // lines per chunk (and per checkpoint)
  bool resume = false;        // continue from OUT.checkpoint; needs an
                              // output file and no database
  // Where lines go without a file for them.
  std::FILE* output_stream = stdout;
  std::FILE* rejects_stream = stderr;
  // Called after each chunk with the counts so far and the seconds since
  // scoring started (progress display).
  std::function<void(const BatchStats&, const InputSource&, double seconds)>
      on_chunk;
  // Called with a notice that is not an error ("no checkpoint ...").
  std::function<void(std::string_view)> on_notice;
  // Tests only: called each time the job reaches a point, e.g. to kill the
  // process there and check that a resume gives the same bytes.
  std::function<void(BatchJobPoint)> test_hook;
};

struct BatchJobResult {
  enum class Failure {
    kNone,
    kSetup,  // bad options, input, checkpoint or files: nothing was run
    kInput,  // the input could not be read during the run
    kWrite,  // an output could not be written
  };
  Failure failure = Failure::kNone;
  std::string error;  // why, for a failure (may span lines)
  // Every line was read and handed over: `stats` and `summary_json` are
  // final (also after a write failure at the end of the run).
  bool completed = false;
  BatchStats stats;
  int threads = 0;  // the threads used
  double seconds = 0;
  std::string summary_json;  // as written to the summary file

  bool ok() const { return failure == Failure::kNone; }
};

class BatchJob {
 public:
  // `plan` must outlive the job.
  BatchJob(const Plan& plan, BatchJobOptions options);

  // Runs the job to its end; may be called once.
  BatchJobResult Run();

 private:
  const Plan& plan_;
  BatchJobOptions options_;
};

// The closing summary as one JSON line: the rule set, read = scored +
// rejected, counts per band and per recommendation, and the seconds.
std::string BatchSummaryJson(const Plan& plan, const BatchStats& stats,
                             double seconds);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_BATCH_JOB_H_
