// The files of a batch run that can be killed and resumed.
//
// While a run is in progress its outputs live under deterministic partial
// names, "OUT.partial" and "REJECTS.partial" (resumable AtomicFiles,
// engine/batch/atomic_file.h), and "OUT.checkpoint" records,
// after each chunk, how far the run got: the input lines done and where
// they end, the bytes of each partial file that belong to them (flushed and
// fsynced before the checkpoint is written), and the counts so far. The
// checkpoint is replaced atomically (written beside, fsynced, renamed), so
// a kill at any moment leaves either the old or the new one.
//
// Resuming truncates each partial file to its checkpointed size (dropping
// whatever a killed chunk half-wrote), re-reads the case ids of the output
// for the duplicate check, moves the input past the lines done, and
// continues: the finished files are byte-identical to those of a run that
// was never interrupted. Only a complete run renames the partial files to
// their final names, so no file under a final name is ever incomplete.

#ifndef DIVRISK_ENGINE_BATCH_BATCH_FILES_H_
#define DIVRISK_ENGINE_BATCH_BATCH_FILES_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/batch/batch_run.h"

namespace divrisk {

// Where an interrupted run stood after its last complete chunk.
struct BatchCheckpoint {
  std::string input;            // the input as named on the command line
  uint64_t input_size = 0;      // its size, for a regular file; else 0
  std::string rule_set_sha256;  // the rule set's identity
  std::string output;           // full | summary
  uint64_t position = 0;        // InputSource::position() after the lines done
  uint64_t output_bytes = 0;    // bytes of OUT.partial that are complete
  uint64_t rejects_bytes = 0;   // bytes of REJECTS.partial that are complete
  BatchStats stats;             // the lines done: stats.read
  bool done = false;            // complete; only the renames may be missing

  // One JSON line.
  std::string ToJson() const;
};

// "<out>.checkpoint".
std::string CheckpointPath(const std::string& out);

// Reads a checkpoint; nullopt when there is none.
absl::StatusOr<std::optional<BatchCheckpoint>> ReadCheckpoint(
    const std::string& path, size_t bands);
// Replaces the checkpoint atomically ("<path>.tmp", fsynced, renamed over
// it: AtomicFile).
absl::Status WriteCheckpoint(const std::string& path,
                             const BatchCheckpoint& checkpoint);

// The CaseIdHash of the case_id of each output line in the first `bytes`
// bytes of the file at `path` (a batch output, full or summary).
absl::Status CollectCaseIdHashes(const std::string& path, uint64_t bytes,
                                 std::vector<uint64_t>* hashes);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_BATCH_FILES_H_
