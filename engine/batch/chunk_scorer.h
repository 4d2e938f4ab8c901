// ChunkScorer: parses and scores a chunk of input lines on several threads.
//
// Each thread takes a contiguous slice of the chunk: it parses its lines into
// Cases (errors kept per line), scores the slice as one batch with its own
// Executor, and formats each case's output. Nothing a thread computes
// depends on the others or on the slicing (see Plan::weights_fixed), so the
// bytes are the same at any thread count; the caller consumes the results
// in input order.

#ifndef DIVRISK_ENGINE_BATCH_CHUNK_SCORER_H_
#define DIVRISK_ENGINE_BATCH_CHUNK_SCORER_H_

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "engine/batch/line_reader.h"
#include "engine/batch/slice_pool.h"
#include "engine/explain/assessment.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "rules/plan.h"

namespace divrisk {

enum class BatchOutput : uint8_t { kFull, kSummary };

// What became of one input line.
struct LineOutcome {
  bool ok = false;                  // parsed and scored
  std::string case_id;              // when known, even for a rejected line
  std::vector<std::string> errors;  // "line:col: path: message"
  std::string output;               // the JSON line for an ok case
  int band = 0;
  Recommendation recommendation = Recommendation::kApprove;
  // With ChunkOptions::keep_rows: the assessment as rows for a database.
  CaseResult result;
  std::vector<std::pair<std::string, int64_t>> contributions;
};

struct ChunkOptions {
  int threads = 1;
  BatchOutput output = BatchOutput::kFull;
  size_t max_line_bytes = 1 << 20;
  bool keep_rows = false;  // fill LineOutcome::result and ::contributions
};

// With several threads the slices run on a SlicePool, whose threads (and
// per-thread caches) last the scorer's life; the caller is free while a
// chunk is scored (Start, then Wait).
class ChunkScorer {
 public:
  ChunkScorer(const Plan& plan, ChunkOptions options);
  ~ChunkScorer();

  // Processes `lines` into `outcomes` (resized to match, storage reused).
  // With several threads Start returns at once and Wait waits for the
  // chunk; with one, Start does the work. `lines` and `outcomes` must stay
  // put until Wait returns.
  void Start(std::span<const InputLine> lines,
             std::vector<LineOutcome>* outcomes);
  void Wait() { pool_.Wait(); }
  // The threads that work (fewer than asked when the system refused some).
  int threads() const { return static_cast<int>(pool_.threads()); }

 private:
  struct Worker;
  void RunWorker(Worker& worker, std::span<const InputLine> lines,
                 std::span<LineOutcome> outcomes);

  const Plan& plan_;
  ChunkOptions options_;
  std::vector<std::unique_ptr<Worker>> workers_;
  SlicePool pool_;  // last: its threads stop before the workers go
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_CHUNK_SCORER_H_
