#include "engine/batch/chunk_scorer.h"

#include <algorithm>

#include "engine/batch/line_parser.h"
#include "engine/output/assessment_json_writer.h"

namespace divrisk {

struct ChunkScorer::Worker {
  explicit Worker(const Plan& plan) : executor(plan) {}
  Executor executor;
  BatchScores scores;
  std::vector<Case> cases;
};

ChunkScorer::ChunkScorer(const Plan& plan, ChunkOptions options)
    : plan_(plan),
      options_(options),
      pool_(static_cast<size_t>(std::max(1, options.threads))) {
  for (size_t t = 0; t < pool_.threads(); ++t) {
    workers_.push_back(std::make_unique<Worker>(plan_));
  }
}

ChunkScorer::~ChunkScorer() = default;

void ChunkScorer::Start(std::span<const InputLine> lines,
                        std::vector<LineOutcome>* outcomes) {
  outcomes->resize(lines.size());
  pool_.Start(lines.size(), [this, lines, outcomes](size_t t, size_t begin,
                                                    size_t end) {
    RunWorker(*workers_[t], lines.subspan(begin, end - begin),
              std::span<LineOutcome>(outcomes->data() + begin, end - begin));
  });
}

void ChunkScorer::RunWorker(Worker& w, std::span<const InputLine> lines,
                            std::span<LineOutcome> outcomes) {
  const size_t n = lines.size();
  // Exactly this slice's cases: none of an earlier, larger slice stays.
  w.cases.resize(n);
  std::span<Case> cases(w.cases.data(), n);
  for (size_t i = 0; i < n; ++i) {
    LineOutcome& out = outcomes[i];
    // Storage kept for the next chunk, unless a large case left it large.
    if (out.output.capacity() > kKeptLineCapacity) {
      std::string().swap(out.output);
    }
    out.output.clear();
    out.ok = ParseInputLine(lines[i], *plan_.reference,
                            options_.max_line_bytes, &cases[i], &out.errors);
    out.case_id = cases[i].id;
  }
  // Invalid rows are scored too (their partial cases are harmless) and
  // ignored: one batch per slice keeps the kernels on whole columns.
  w.executor.Score(cases, &w.scores);
  const Detail detail = options_.output == BatchOutput::kFull ? Detail::kFull
                                                               : Detail::kSummary;
  for (size_t i = 0; i < n; ++i) {
    LineOutcome& out = outcomes[i];
    if (!out.ok) continue;
    const Assessment a = Explain(plan_, cases[i], w.scores, i, detail);
    out.band = a.result.band;
    out.recommendation = a.result.recommendation;
    if (options_.keep_rows) {
      out.result = a.result;
      out.contributions.clear();
      for (const Contribution& line : a.contributions) {
        out.contributions.emplace_back(ContributionName(plan_, line),
                                       line.contribution_q);
      }
    }
    if (detail == Detail::kFull) {
      AppendAssessmentJson(plan_, a, &out.output);
    } else {
      AppendSummaryJson(plan_, a, &out.output);
    }
  }
}

}  // namespace divrisk
