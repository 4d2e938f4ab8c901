#include "engine/report/archive_summary.h"

#include <chrono>
#include <cmath>
#include <memory>

#include "absl/strings/str_cat.h"
#include "engine/batch/line_reader.h"
#include "engine/report/archive_cases.h"
#include "engine/report/json_lines.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kMaxLineBytes = 1 << 20;

std::string StringOf(od::value v) {
  std::string_view s;
  return v.get_string().get(s) == simdjson::SUCCESS ? std::string(s) : "";
}

int64_t ToQ(double x) { return std::llround(x * 10000); }

void AddGate(od::value v, ArchiveSummary* s, bool* any) {
  std::string_view gate;
  od::object o;
  if (v.get_object().get(o) == simdjson::SUCCESS) {
    if (o["gate"].get_string().get(gate) != simdjson::SUCCESS) return;
  } else if (v.get_string().get(gate) != simdjson::SUCCESS) {
    return;
  }
  ++s->gates[std::string(gate)];
  *any = true;
}

void AddContribution(od::value v, ArchiveSummary* s) {
  od::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return;
  std::string_view indicator;
  double points = 0;
  int unknown = -1;  // not stated
  for (auto field : o) {
    std::string_view key;
    if (field.unescaped_key().get(key) != simdjson::SUCCESS) return;
    if (key == "indicator") {
      if (field.value().get_string().get(indicator) != simdjson::SUCCESS) return;
    } else if (key == "contribution") {
      if (field.value().get_double().get(points) != simdjson::SUCCESS) return;
    } else if (key == "unknown") {
      bool b = false;
      if (field.value().get_bool().get(b) != simdjson::SUCCESS) return;
      unknown = b ? 1 : 0;
    }
  }
  if (indicator.empty()) return;
  if (indicator.starts_with("mitigation:")) {
    ++s->conditions[std::string(indicator.substr(11))];
    return;
  }
  IndicatorTally& t = s->indicators[std::string(indicator)];
  (unknown < 0 ? t.unstated : unknown == 1 ? t.unknown : t.known) += 1;
  t.points_q += ToQ(points);
}

// One result line; false (with `why`) when the line is not one.
bool AddResult(od::document& doc, ArchiveSummary* s, ResultKey* key,
               std::string* why) {
  od::object o;
  if (doc.get_object().get(o) != simdjson::SUCCESS) {
    *why = "not a JSON object";
    return false;
  }
  double score = 0;
  bool has_score = false, stopped = false;
  for (auto field : o) {
    std::string_view k;
    if (field.unescaped_key().get(k) != simdjson::SUCCESS) break;
    od::value v;
    if (field.value().get(v) != simdjson::SUCCESS) break;
    if (k == "case_id") {
      key->case_id.clear();
      std::string_view id;
      if (v.get_string().get(id) == simdjson::SUCCESS) key->case_id = id;
    } else if (k == "score") {
      has_score = v.get_double().get(score) == simdjson::SUCCESS;
    } else if (k == "band") {
      key->band = StringOf(v);
    } else if (k == "recommendation") {
      key->recommendation = StringOf(v);
    } else if (k == "rule_set_sha256") {
      key->rule_set = StringOf(v);
    } else if (k == "rule_set") {
      od::object rs;
      if (v.get_object().get(rs) != simdjson::SUCCESS) continue;
      std::string name, version, sha256;
      for (auto f : rs) {
        std::string_view rk, rv;
        if (f.unescaped_key().get(rk) != simdjson::SUCCESS) break;
        if (rk != "name" && rk != "version" && rk != "sha256") continue;
        if (f.value().get_string().get(rv) != simdjson::SUCCESS) break;
        (rk == "name" ? name : rk == "version" ? version : sha256) = rv;
      }
      key->rule_set = absl::StrCat(name, " ", version, " (sha256:", sha256, ")");
    } else if (k == "hard_stops") {
      od::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) continue;
      for (auto el : a) {
        od::value ev;
        if (el.get(ev) == simdjson::SUCCESS) AddGate(ev, s, &stopped);
      }
    } else if (k == "contributions") {
      od::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) continue;
      for (auto el : a) {
        od::value ev;
        if (el.get(ev) == simdjson::SUCCESS) AddContribution(ev, s);
      }
    }
  }
  if (!has_score || key->band.empty() || key->recommendation.empty()) {
    *why = "not a result of divrisk batch (no score, band or recommendation)";
    return false;
  }
  const int64_t q = ToQ(score);
  key->score_q = q;
  const int64_t point = std::clamp<int64_t>(q / 10000, 0, ArchiveSummary::kMaxPoint);
  ++s->per_point[point];
  s->score_sum_q += q;
  ++s->results;
  ++s->bands[key->band];
  s->band_score_sum_q[key->band] += q;
  ++s->recommendations[key->recommendation];
  ++s->rule_sets[key->rule_set.empty() ? "not stated" : key->rule_set];
  if (stopped) ++s->with_hard_stop;
  return true;
}

}  // namespace

absl::Status SummariseArchive(InputSource& results, InputSource* cases,
                              ArchiveSummary* s) {
  const auto start = std::chrono::steady_clock::now();
  PaddedJsonParser parser;
  std::unique_ptr<CaseJoin> join;
  if (cases != nullptr) {
    join = std::make_unique<CaseJoin>(*cases);
    s->joined = true;
  }
  std::vector<InputLine> lines;
  while (results.ReadChunk(1024, &lines) > 0) {
    for (const InputLine& line : lines) {
      ++s->lines;
      if (line.text.find_first_not_of(" \t") == std::string::npos && !line.too_long) {
        continue;
      }
      std::string why = "longer than the limit of 1048576 bytes";
      if (!line.too_long && s->lines == 1 && line.text.starts_with("{\"old\":")) {
        absl::Status diff = ReadDiff(parser, line.text, &s->diff);
        if (!diff.ok()) return diff;
        s->is_diff = true;
        continue;
      }
      ResultKey key;
      od::document doc;
      if (!line.too_long) {
        why = "not a JSON object";
        if (parser.Parse(line.text, &doc) && AddResult(doc, s, &key, &why)) {
          if (join) join->Add(key, s);
          continue;
        }
      }
      if (++s->bad_lines == 1) s->first_bad = absl::StrCat("line ", line.number, ": ", why);
    }
  }
  if (results.failed()) return absl::DataLossError("the results could not be read");
  s->seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!s->is_diff && s->results == 0) {
    return absl::InvalidArgumentError(
        s->first_bad.empty()
            ? "no result of divrisk batch and no divrisk diff JSON in the input"
            : absl::StrCat("no result of divrisk batch in the input (",
                           s->first_bad, ")"));
  }
  return absl::OkStatus();
}

absl::Status SummariseArchiveFiles(const std::string& results_path,
                                   const std::string& cases_path,
                                   ArchiveSummary* summary) {
  absl::StatusOr<std::unique_ptr<InputSource>> results =
      OpenInput(results_path, kMaxLineBytes);
  if (!results.ok()) return results.status();
  std::unique_ptr<InputSource> cases;
  if (!cases_path.empty()) {
    absl::StatusOr<std::unique_ptr<InputSource>> opened =
        OpenInput(cases_path, kMaxLineBytes);
    if (!opened.ok()) return opened.status();
    cases = std::move(*opened);
  }
  absl::Status status = SummariseArchive(**results, cases.get(), summary);
  if (!status.ok()) {
    return absl::Status(status.code(), absl::StrCat(results_path, ": ", status.message()));
  }
  return status;
}

}  // namespace divrisk
