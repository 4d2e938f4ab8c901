// JobSink: where a BatchJob's lines go. Scored lines to the output (and the
// database, if any), rejected ones to the rejects; after each chunk both
// are flushed (a file also fsynced) and, with a checkpoint file, how far
// the run got is recorded (batch_files.h).

#ifndef DIVRISK_ENGINE_BATCH_JOB_SINK_H_
#define DIVRISK_ENGINE_BATCH_JOB_SINK_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/batch/atomic_file.h"
#include "engine/batch/batch_files.h"
#include "engine/batch/batch_job.h"
#include "engine/batch/batch_run.h"
#include "engine/output/sqlite_writer.h"

namespace divrisk {

// A file (resumable AtomicFile) or, without one, a stream (standard output,
// standard error).
struct JobDestination {
  AtomicFile* file = nullptr;
  std::FILE* stream = nullptr;
  const char* name = "";  // the stream's, for errors: "standard output"
  int error = 0;  // errno of the first failed write to `stream`

  void Write(std::string_view bytes);
  // Flushes (and, for a file, fsyncs); the bytes written so far, or 0.
  absl::StatusOr<uint64_t> Flush();
};

class JobSink : public BatchSink {
 public:
  // `db` may be null; an empty `checkpoint_path` writes no checkpoint.
  // `checkpoint` holds the run's identity. `hook`: BatchJobOptions::test_hook.
  JobSink(JobDestination out, JobDestination rejects, SqliteWriter* db,
          std::string checkpoint_path, BatchCheckpoint checkpoint,
          std::function<void(BatchJobPoint)> hook);

  void Scored(const InputLine& line, const LineOutcome& outcome) override;
  void Rejected(const InputLine& line, const LineOutcome& outcome) override;
  absl::Status EndChunk(const BatchStats& stats, uint64_t position) override;

  // The last checkpoint written (or that would have been).
  const BatchCheckpoint& checkpoint() const { return checkpoint_; }

 private:
  JobDestination out_;
  JobDestination rejects_;
  SqliteWriter* db_;
  std::string checkpoint_path_;
  BatchCheckpoint checkpoint_;
  std::function<void(BatchJobPoint)> hook_;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_JOB_SINK_H_
