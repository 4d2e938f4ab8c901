#include "engine/batch/batch_run.h"

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "rules/canonical.h"

namespace divrisk {

std::string RejectJson(const InputLine& line, const LineOutcome& outcome) {
  std::string out = absl::StrCat("{\"line\":", line.number);
  if (!line.source.empty()) {
    out.append(",\"file\":");
    AppendJsonString(line.source, &out);
  }
  if (!outcome.case_id.empty()) {
    out.append(",\"case_id\":");
    AppendJsonString(outcome.case_id, &out);
  }
  out.append(",\"errors\":[");
  for (size_t i = 0; i < outcome.errors.size(); ++i) {
    if (i) out.push_back(',');
    AppendJsonString(outcome.errors[i], &out);
  }
  out.append("]}\n");
  return out;
}

uint64_t CaseIdHash(std::string_view id) {
  return std::hash<std::string_view>()(id);
}

absl::Status RunBatch(const Plan& plan, InputSource& input,
                      const BatchRunOptions& options, BatchSink& sink,
                      BatchStats* stats) {
  if (!options.resume) *stats = BatchStats{};
  stats->per_band.resize(plan.bands.size(), 0);
  ChunkScorer scorer(plan, options.chunk);
  std::vector<InputLine> lines;
  std::vector<LineOutcome> outcomes;
  // Case ids seen so far, as 64-bit hashes: eight bytes a case, not the id;
  // only those that can repeat when that is known.
  auto may_repeat = [&](uint64_t hash) {
    return !options.repeated_ids || options.repeated_ids->contains(hash);
  };
  absl::flat_hash_set<uint64_t> seen;
  for (uint64_t hash : options.seen) {
    if (may_repeat(hash)) seen.insert(hash);
  }
  for (;;) {
    const size_t n = input.ReadChunk(options.chunk_lines, &lines);
    if (n == 0) break;
    std::span<const InputLine> chunk(lines.data(), n);
    scorer.Process(chunk, &outcomes);
    for (size_t i = 0; i < n; ++i) {
      LineOutcome& outcome = outcomes[i];
      ++stats->read;
      if (const uint64_t hash = CaseIdHash(outcome.case_id);
          outcome.ok && may_repeat(hash) && !seen.insert(hash).second) {
        outcome.ok = false;
        outcome.errors = {absl::StrCat(lines[i].number, ":1: id: duplicate case id '",
                                       outcome.case_id,
                                       "': rejected after its first occurrence")};
      }
      if (outcome.ok) {
        ++stats->scored;
        ++stats->per_band[outcome.band];
        ++stats->per_recommendation[static_cast<int>(outcome.recommendation)];
        sink.Scored(lines[i], outcome);
      } else {
        ++stats->rejected;
        sink.Rejected(lines[i], outcome);
      }
    }
    if (absl::Status s = sink.EndChunk(*stats, input); !s.ok()) return s;
    if (options.on_chunk) options.on_chunk(*stats, input);
  }
  if (input.failed()) {
    return absl::DataLossError(absl::StrCat(
        "reading the input failed after ", stats->read, " lines"));
  }
  return absl::OkStatus();
}

}  // namespace divrisk
