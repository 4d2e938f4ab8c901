#include "engine/batch/rule_diff.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <optional>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/batch/line_parser.h"
#include "engine/batch/slice_pool.h"
#include "engine/explain/assessment.h"
#include "engine/scoring/executor.h"
#include "engine/scoring/score_math.h"

namespace divrisk {

void ScoreDistribution::Add(int64_t score_q, int band) {
  min_q = count == 0 ? score_q : std::min(min_q, score_q);
  max_q = count == 0 ? score_q : std::max(max_q, score_q);
  ++count;
  sum_q += score_q;
  ++per_band[band];
  const size_t bucket = static_cast<size_t>(std::max<int64_t>(0, score_q) /
                                            static_cast<int64_t>(kScoreUnits));
  if (per_point.size() <= bucket) per_point.resize(bucket + 1, 0);
  ++per_point[bucket];
}

double ScoreDistribution::Mean() const {
  return count == 0 ? 0 : static_cast<double>(sum_q) / kScoreUnits / count;
}

double ScoreDistribution::Quantile(double p) const {
  const uint64_t rank = static_cast<uint64_t>(std::ceil(p * count));
  uint64_t seen = 0;
  for (size_t b = 0; b < per_point.size(); ++b) {
    seen += per_point[b];
    if (seen >= rank && seen > 0) return static_cast<double>(b);
  }
  return 0;
}

namespace {

// One line read and scored under each rule set.
struct LineDiff {
  bool ok_old = false, ok_new = false;
  std::string case_id;
  std::string old_error, new_error;  // the first reason, when rejected
  CaseResult old_result, new_result;
  std::vector<std::pair<std::string, int64_t>> deltas;
};

// new - old per indicator, non-zero, largest first (then by name).
std::vector<std::pair<std::string, int64_t>> Deltas(const Plan& old_plan,
                                                    const Assessment& old_a,
                                                    const Plan& new_plan,
                                                    const Assessment& new_a) {
  std::map<std::string, int64_t> by_name;
  for (const Contribution& c : old_a.contributions) {
    by_name[ContributionName(old_plan, c)] -= c.contribution_q;
  }
  for (const Contribution& c : new_a.contributions) {
    by_name[ContributionName(new_plan, c)] += c.contribution_q;
  }
  std::vector<std::pair<std::string, int64_t>> out;
  for (const auto& [name, d] : by_name) {
    if (d != 0) out.emplace_back(name, d);
  }
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return std::llabs(a.second) > std::llabs(b.second);
  });
  return out;
}

struct Worker {
  Worker(const Plan& o, const Plan& n) : old_executor(o), new_executor(n) {}
  Executor old_executor, new_executor;
  BatchScores old_scores, new_scores;
  std::vector<Case> old_cases, new_cases;
  std::vector<std::string> errors;
};

// Reads line `line` with `ref` into *c; the first error on failure.
bool Decode(const InputLine& line, const ReferenceData& ref,
            size_t max_line_bytes, Case* c, std::vector<std::string>* errors,
            std::string* first_error) {
  errors->clear();
  if (ParseInputLine(line, ref, max_line_bytes, c, errors)) return true;
  *first_error = errors->empty() ? "rejected" : errors->front();
  return false;
}

bool Moves(const CaseMove& a, const CaseMove& b) {
  const int64_t da = std::llabs(a.new_q - a.old_q);
  const int64_t db = std::llabs(b.new_q - b.old_q);
  return da != db ? da > db : a.line < b.line;
}

}  // namespace

absl::Status DiffRuleSets(const Plan& old_plan, const Plan& new_plan,
                          InputSource& input, const DiffOptions& options,
                          DiffReport* report) {
  *report = DiffReport{};
  report->old_scores.per_band.assign(old_plan.bands.size(), 0);
  report->new_scores.per_band.assign(new_plan.bands.size(), 0);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < std::max(1, options.threads); ++t) {
    workers.push_back(std::make_unique<Worker>(old_plan, new_plan));
  }
  SlicePool pool(workers.size());
  std::vector<InputLine> lines;
  std::vector<LineDiff> diffs;
  absl::flat_hash_set<uint64_t> seen;
  const std::hash<std::string> hash;
  for (;;) {
    const size_t n = input.ReadChunk(options.chunk_lines, &lines);
    if (n == 0) break;
    diffs.resize(n);
    pool.Run(n, [&](size_t t, size_t begin, size_t end) {
      Worker& w = *workers[t];
      const size_t m = end - begin;
      if (w.old_cases.size() < m) w.old_cases.resize(m);
      if (w.new_cases.size() < m) w.new_cases.resize(m);
      std::span<Case> old_cases(w.old_cases.data(), m);
      std::span<Case> new_cases(w.new_cases.data(), m);
      for (size_t i = 0; i < m; ++i) {
        LineDiff& d = diffs[begin + i];
        // Each side with its own reference data: a country one rule set
        // dropped makes the case unscoreable there, and only there.
        d.ok_old = Decode(lines[begin + i], *old_plan.reference,
                          options.max_line_bytes, &old_cases[i], &w.errors,
                          &d.old_error);
        d.ok_new = Decode(lines[begin + i], *new_plan.reference,
                          options.max_line_bytes, &new_cases[i], &w.errors,
                          &d.new_error);
        d.case_id = d.ok_new ? new_cases[i].id : old_cases[i].id;
      }
      w.old_executor.Score(old_cases, &w.old_scores);
      w.new_executor.Score(new_cases, &w.new_scores);
      for (size_t i = 0; i < m; ++i) {
        LineDiff& d = diffs[begin + i];
        if (!d.ok_old && !d.ok_new) continue;
        std::optional<Assessment> a_old, a_new;
        if (d.ok_old) {
          a_old = Explain(old_plan, old_cases[i], w.old_scores, i,
                          Detail::kSummary);
          d.old_result = a_old->result;
        }
        if (d.ok_new) {
          a_new = Explain(new_plan, new_cases[i], w.new_scores, i,
                          Detail::kSummary);
          d.new_result = a_new->result;
        }
        if (a_old && a_new) {
          d.deltas = Deltas(old_plan, *a_old, new_plan, *a_new);
        }
      }
    });
    for (size_t i = 0; i < n; ++i) {
      LineDiff& d = diffs[i];
      ++report->read;
      constexpr int kRejected = DiffReport::kRejected;
      if ((!d.ok_old && !d.ok_new) || !seen.insert(hash(d.case_id)).second) {
        ++report->rejected;
        ++report->transitions[kRejected][kRejected];
        continue;
      }
      const CaseResult& o = d.old_result;
      const CaseResult& w = d.new_result;
      if (d.ok_old) report->old_scores.Add(o.score_q, o.band);
      if (d.ok_new) report->new_scores.Add(w.score_q, w.band);
      if (!d.ok_old || !d.ok_new) {
        if (d.ok_old) {
          ++report->rejected_new_only;
          ++report->transitions[static_cast<int>(o.recommendation)][kRejected];
        } else {
          ++report->rejected_old_only;
          ++report->transitions[kRejected][static_cast<int>(w.recommendation)];
        }
        if (report->one_sided.size() < options.top) {
          report->one_sided.push_back(OneSidedCase{
              lines[i].number, d.case_id, !d.ok_new,
              d.ok_new ? d.old_error : d.new_error});
        }
        continue;
      }
      ++report->scored;
      report->changed_score += o.score_q != w.score_q;
      // Bands compare by id: two rule sets may define different bands.
      report->changed_band +=
          old_plan.bands[o.band].id != new_plan.bands[w.band].id;
      report->changed_recommendation += o.recommendation != w.recommendation;
      ++report->transitions[static_cast<int>(o.recommendation)]
                           [static_cast<int>(w.recommendation)];
      if (o.score_q == w.score_q || options.top == 0) continue;
      CaseMove move{lines[i].number, d.case_id, o.score_q, w.score_q,
                    o.band, w.band, o.recommendation, w.recommendation,
                    std::move(d.deltas)};
      auto& top = report->top_moves;
      if (top.size() < options.top || Moves(move, top.back())) {
        top.insert(std::upper_bound(top.begin(), top.end(), move, Moves),
                   std::move(move));
        if (top.size() > options.top) top.pop_back();
      }
    }
  }
  if (input.failed()) {
    return absl::DataLossError(absl::StrCat(
        "reading the input failed after ", report->read, " lines"));
  }
  return absl::OkStatus();
}

}  // namespace divrisk
