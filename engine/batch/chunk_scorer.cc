#include "engine/batch/chunk_scorer.h"

#include <algorithm>

#include "engine/batch/line_parser.h"
#include "engine/output/json_writer.h"

namespace divrisk {

struct ChunkScorer::Worker {
  explicit Worker(const Plan& plan) : executor(plan) {}
  Executor executor;
  BatchScores scores;
  std::vector<Case> cases;
};

ChunkScorer::ChunkScorer(const Plan& plan, ChunkOptions options)
    : plan_(plan), options_(options) {
  const size_t n = static_cast<size_t>(std::max(1, options_.threads));
  for (size_t t = 0; t < n; ++t) {
    workers_.push_back(std::make_unique<Worker>(plan_));
  }
  if (n > 1) {
    for (size_t t = 0; t < n; ++t) threads_.emplace_back([this, t] { Loop(t); });
  }
}

ChunkScorer::~ChunkScorer() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  threads_.clear();  // joins
}

void ChunkScorer::Start(std::span<const InputLine> lines,
                        std::vector<LineOutcome>* outcomes) {
  outcomes->resize(lines.size());
  lines_ = lines;
  outcomes_ = outcomes;
  if (threads_.empty()) {
    RunSlice(0);
    return;
  }
  {
    std::lock_guard lock(mu_);
    ++generation_;
    pending_ = threads_.size();
  }
  work_.notify_all();
}

void ChunkScorer::Wait() {
  std::unique_lock lock(mu_);
  done_.wait(lock, [this] { return pending_ == 0; });
}

void ChunkScorer::Loop(size_t t) {
  uint64_t seen = 0;
  for (;;) {
    {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return stopping_ || generation_ != seen; });
      if (stopping_) return;
      seen = generation_;
    }
    RunSlice(t);
    std::lock_guard lock(mu_);
    if (--pending_ == 0) done_.notify_all();
  }
}

// Contiguous slices, one per worker: which thread scores a line changes
// nothing in its bytes.
void ChunkScorer::RunSlice(size_t t) {
  const size_t n = lines_.size();
  const size_t per = (n + workers_.size() - 1) / workers_.size();
  const size_t begin = std::min(n, t * per);
  const size_t end = std::min(n, begin + per);
  RunWorker(*workers_[t], lines_.subspan(begin, end - begin),
            std::span<LineOutcome>(outcomes_->data() + begin, end - begin));
}

void ChunkScorer::RunWorker(Worker& w, std::span<const InputLine> lines,
                            std::span<LineOutcome> outcomes) {
  const size_t n = lines.size();
  if (w.cases.size() < n) w.cases.resize(n);
  std::span<Case> cases(w.cases.data(), n);
  for (size_t i = 0; i < n; ++i) {
    LineOutcome& out = outcomes[i];
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
