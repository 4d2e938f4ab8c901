// RunBatch: an archive of cases -> one output line per case, in input order.
//
// Reads chunk by chunk (memory stays flat in the archive's size), scores
// each chunk on all threads (ChunkScorer), then, in input order: rejects a
// case id seen before, hands every line to the sink as scored or rejected,
// and counts. Every input line is accounted for: read = scored + rejected.
// Reading the next chunk and handing over the last one overlap the scoring
// of the current one, so the scoring threads do not wait on them.

#ifndef DIVRISK_ENGINE_BATCH_BATCH_RUN_H_
#define DIVRISK_ENGINE_BATCH_BATCH_RUN_H_

#include <array>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "engine/batch/chunk_scorer.h"
#include "engine/batch/line_reader.h"
#include "rules/plan.h"

namespace divrisk {

struct BatchStats {
  uint64_t read = 0;
  uint64_t scored = 0;
  uint64_t rejected = 0;
  std::vector<uint64_t> per_band;                // by Plan::bands index
  std::array<uint64_t, 4> per_recommendation{};  // by Recommendation
};

// Receives each line once, in input order.
class BatchSink {
 public:
  virtual ~BatchSink() = default;
  virtual void Scored(const InputLine& line, const LineOutcome& outcome) = 0;
  virtual void Rejected(const InputLine& line, const LineOutcome& outcome) = 0;
  // Called after the lines of each chunk, with the stats so far and the
  // input position after the chunk's last line (InputSource::position()):
  // a sink flushes and checkpoints here. An error (a write failed) stops
  // the run.
  virtual absl::Status EndChunk(const BatchStats&, uint64_t /*position*/) {
    return absl::OkStatus();
  }
};

// The text a chunk holds at most, besides its last line (at most 1 MiB):
// with two chunks in flight, a batch's memory is bounded in bytes whatever
// the length of the lines, not only in lines (README, "Limits").
inline constexpr size_t kChunkBytes = size_t{8} << 20;

struct BatchRunOptions {
  ChunkOptions chunk;
  size_t chunk_lines = 1024;
  size_t chunk_bytes = kChunkBytes;
  // Called after each chunk with the stats so far (progress display).
  std::function<void(const BatchStats&, const InputSource&)> on_chunk;
  // Resuming an interrupted run: *stats already holds the counts of the
  // lines done (the input has been moved past them, InputSource::SkipTo),
  // and `seen` the CaseIdHash of every case id scored so far.
  bool resume = false;
  std::vector<uint64_t> seen;
  // When set, the only ids that can repeat (FindRepeatedIds): the duplicate
  // check then remembers these alone, and its memory stays flat in the
  // archive's size. Unset, it remembers every id.
  std::optional<absl::flat_hash_set<uint64_t>> repeated_ids;
  // When set, receives the scoring threads that started (fewer than
  // chunk.threads when the system refused some).
  int* threads_started = nullptr;
};

// Runs the whole input through `sink`. Fails when the input cannot be read
// or the sink's EndChunk fails; bad cases are rejected, never fatal.
absl::Status RunBatch(const Plan& plan, InputSource& input,
                      const BatchRunOptions& options, BatchSink& sink,
                      BatchStats* stats);

// The duplicate check remembers ids as these 64-bit hashes.
uint64_t CaseIdHash(std::string_view id);

// The JSON line for a rejected input line: {line, file?, case_id?, errors}.
std::string RejectJson(const InputLine& line, const LineOutcome& outcome);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_BATCH_RUN_H_
