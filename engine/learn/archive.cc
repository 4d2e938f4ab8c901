#include "engine/learn/archive.h"

#include <cmath>
#include <memory>
#include <thread>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "engine/batch/line_parser.h"
#include "engine/batch/line_reader.h"
#include "engine/learn/party_keys.h"
#include "engine/scoring/executor.h"

namespace divrisk::learn {

namespace {

constexpr size_t kMaxLineBytes = 1 << 20;
constexpr size_t kChunkLines = 2048;
constexpr size_t kKeptErrors = 20;

// One parsed and scored line, before it joins the archive in order.
struct Scored {
  bool ok = false;
  std::vector<std::string> errors;
  ArchiveRow row;
  std::vector<float> values;
  std::vector<PartyKey> keys;
  std::string exporter, end_user;
};

// Parses and scores lines [begin, end) of `lines` into `out`.
void ScoreSlice(const Plan& plan, bool keep_keys,
                const std::vector<InputLine>& lines, size_t begin, size_t end,
                std::vector<Scored>* out) {
  std::vector<Case> cases;
  std::vector<size_t> at;
  for (size_t i = begin; i < end; ++i) {
    Case c;
    Scored& s = (*out)[i];
    s = Scored();
    if (!ParseInputLine(lines[i], *plan.reference, kMaxLineBytes, &c,
                        &s.errors)) {
      continue;
    }
    s.ok = true;
    cases.push_back(std::move(c));
    at.push_back(i);
  }
  if (cases.empty()) return;
  Executor executor(plan);
  BatchScores scores;
  executor.Score(cases, &scores);
  const int p = static_cast<int>(plan.indicators.size());
  for (size_t k = 0; k < cases.size(); ++k) {
    const Case& c = cases[k];
    Scored& s = (*out)[at[k]];
    ArchiveRow& r = s.row;
    r.id = c.id;
    r.line = lines[at[k]].number;
    r.assessed_on = c.assessed_on;
    if (c.outcome) {
      r.decision = c.outcome->decision;
      r.diversion = c.outcome->diversion_found.value_or(DiversionFound::kUnknown);
    }
    r.destination = c.end_user.country;
    r.goods = GoodsMask(c);
    r.recommendation = scores.results[k].recommendation;
    r.score_q = scores.results[k].score_q;
    s.values.resize(p);
    for (int i = 0; i < p; ++i) {
      s.values[i] = static_cast<float>(scores.values(static_cast<int>(k), i));
    }
    if (keep_keys) {
      s.keys = IntermediaryKeys(c);
      s.exporter = PrincipalKey(c.exporter);
      s.end_user = PrincipalKey(c.end_user);
    }
  }
}

}  // namespace

uint32_t Archive::Intern(const std::string& s) {
  auto [it, added] = name_ids.try_emplace(s, static_cast<uint32_t>(names.size()));
  if (added) names.push_back(s);
  return it->second;
}

int64_t Archive::Find(const std::string& s) const {
  auto it = name_ids.find(s);
  return it == name_ids.end() ? -1 : static_cast<int64_t>(it->second);
}

uint64_t GoodsMask(const Case& c) {
  uint64_t mask = 0;
  for (const GoodsLine& g : c.goods) {
    mask |= uint64_t{1} << (static_cast<unsigned>(g.category) & 63u);
  }
  return mask;
}

absl::StatusOr<Archive> LoadArchive(const Plan& plan, const std::string& path,
                                    const ArchiveOptions& options) {
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(path, kMaxLineBytes);
  if (!input.ok()) return input.status();
  if (path.empty() || path == "-") {
    return absl::InvalidArgumentError("the archive must be a file");
  }
  Archive a;
  const int p = static_cast<int>(plan.indicators.size());
  std::vector<float> values;  // grows row by row, then becomes a.values
  absl::flat_hash_set<std::string> ids;
  std::vector<InputLine> lines;
  std::vector<Scored> scored;
  const int threads =
      options.threads > 0
          ? options.threads
          : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  while ((*input)->ReadChunk(kChunkLines, &lines) > 0) {
    scored.resize(lines.size());
    std::vector<std::thread> workers;
    const size_t per = (lines.size() + threads - 1) / threads;
    for (int t = 1; t < threads; ++t) {
      const size_t b = std::min(lines.size(), per * t);
      const size_t e = std::min(lines.size(), b + per);
      workers.emplace_back(ScoreSlice, std::cref(plan), options.keep_keys,
                           std::cref(lines), b, e, &scored);
    }
    ScoreSlice(plan, options.keep_keys, lines, 0, std::min(per, lines.size()),
               &scored);
    for (std::thread& w : workers) w.join();
    for (Scored& s : scored) {
      ++a.read;
      if (s.ok && !ids.insert(s.row.id).second) {
        s.ok = false;
        s.errors.push_back(absl::StrCat(s.row.line, ":1: id: case id '",
                                        s.row.id, "' seen before"));
      }
      if (!s.ok) {
        ++a.rejected;
        for (const std::string& e : s.errors) {
          if (a.first_errors.size() < kKeptErrors) {
            a.first_errors.push_back(absl::StrCat(path, ":", e));
          }
        }
        continue;
      }
      ArchiveRow& r = s.row;
      if (options.keep_keys) {
        r.exporter = a.Intern(s.exporter);
        r.end_user = a.Intern(s.end_user);
        r.keys_begin = static_cast<uint32_t>(a.key_ids.size());
        for (PartyKey& k : s.keys) {
          a.key_ids.push_back(a.Intern(k.key));
          a.key_shown.push_back(std::move(k.shown));
          a.key_path.push_back(std::move(k.path));
        }
        r.keys_end = static_cast<uint32_t>(a.key_ids.size());
      }
      values.insert(values.end(), s.values.begin(), s.values.end());
      a.rows.push_back(std::move(r));
    }
  }
  if ((*input)->failed()) {
    return absl::DataLossError(absl::StrCat(path, ": read failed"));
  }
  a.values = Eigen::Map<FloatRows>(values.data(),
                                   static_cast<Eigen::Index>(a.rows.size()), p);
  return a;
}

}  // namespace divrisk::learn
