#include "engine/batch/batch_run.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/doc/json_writer.h"

namespace divrisk {

std::string RejectJson(const InputLine& line, const LineOutcome& outcome) {
  std::string out;
  {
    JsonWriter j(&out);
    j.Open('{').Key("line").Int(line.number);
    if (!line.source.empty()) j.Key("file").Str(line.source);
    if (!outcome.case_id.empty()) j.Key("case_id").Str(outcome.case_id);
    j.Key("errors").Open('[');
    for (const std::string& error : outcome.errors) j.Str(error);
    j.Close(']').Close('}');
  }
  out.push_back('\n');
  return out;
}

uint64_t CaseIdHash(std::string_view id) {
  return std::hash<std::string_view>()(id);
}

namespace {

// One chunk of input and what became of its lines.
struct Chunk {
  std::vector<InputLine> lines;
  size_t size = 0;
  uint64_t end_position = 0;  // the input's position after its last line
  std::vector<LineOutcome> outcomes;
};

}  // namespace

absl::Status RunBatch(const Plan& plan, InputSource& input,
                      const BatchRunOptions& options, BatchSink& sink,
                      BatchStats* stats) {
  if (!options.resume) *stats = BatchStats{};
  stats->per_band.resize(plan.bands.size(), 0);
  ChunkScorer scorer(plan, options.chunk);
  if (options.threads_started != nullptr) {
    *options.threads_started = scorer.threads();
  }
  // Case ids seen so far, as 64-bit hashes: eight bytes a case, not the id;
  // only those that can repeat when that is known.
  auto may_repeat = [&](uint64_t hash) {
    return !options.repeated_ids || options.repeated_ids->contains(hash);
  };
  absl::flat_hash_set<uint64_t> seen;
  for (uint64_t hash : options.seen) {
    if (may_repeat(hash)) seen.insert(hash);
  }
  auto read = [&](Chunk& chunk) {
    chunk.size =
        input.ReadChunk(options.chunk_lines, options.chunk_bytes, &chunk.lines);
    chunk.end_position = input.position();
    return chunk.size > 0;
  };
  // With several scoring threads (ChunkScorer::Start returns at once), this
  // thread reads the next chunk and hands over the last one while a chunk
  // is scored, so the scoring threads do not wait on it.
  auto score = [&](Chunk& chunk) {
    scorer.Start(std::span<const InputLine>(chunk.lines.data(), chunk.size),
                 &chunk.outcomes);
  };
  // In input order: the duplicate check, the counts and the sink.
  auto hand_over = [&](Chunk& chunk) -> absl::Status {
    for (size_t i = 0; i < chunk.size; ++i) {
      LineOutcome& outcome = chunk.outcomes[i];
      ++stats->read;
      if (const uint64_t hash = CaseIdHash(outcome.case_id);
          outcome.ok && may_repeat(hash) && !seen.insert(hash).second) {
        outcome.ok = false;
        outcome.errors = {absl::StrCat(chunk.lines[i].number,
                                       ":1: id: duplicate case id '",
                                       outcome.case_id,
                                       "': rejected after its first occurrence")};
      }
      if (outcome.ok) {
        ++stats->scored;
        ++stats->per_band[outcome.band];
        ++stats->per_recommendation[static_cast<int>(outcome.recommendation)];
        sink.Scored(chunk.lines[i], outcome);
      } else {
        ++stats->rejected;
        sink.Rejected(chunk.lines[i], outcome);
      }
    }
    if (absl::Status s = sink.EndChunk(*stats, chunk.end_position); !s.ok()) {
      return s;
    }
    if (options.on_chunk) options.on_chunk(*stats, input);
    return absl::OkStatus();
  };
  // Two chunks: while one is scored, the other is handed over, then refilled.
  Chunk chunks[2];
  if (read(chunks[0])) {
    score(chunks[0]);
    for (int current = 0;; current ^= 1) {
      Chunk& next = chunks[current ^ 1];
      const bool more = read(next);
      scorer.Wait();
      if (more) score(next);
      absl::Status s = hand_over(chunks[current]);
      if (!s.ok()) {
        scorer.Wait();
        return s;
      }
      if (!more) break;
    }
  }
  if (input.failed()) {
    return absl::DataLossError(absl::StrCat(
        "reading the input failed after ", stats->read, " lines"));
  }
  return absl::OkStatus();
}

}  // namespace divrisk
