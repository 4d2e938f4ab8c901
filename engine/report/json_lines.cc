#include "engine/report/json_lines.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "engine/report/report_view.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

constexpr size_t kMaxMovesShown = 100;
constexpr size_t kMaxOutcomes = 16;

std::string_view Str(od::value v) {
  std::string_view s;
  return v.get_string().get(s) == simdjson::SUCCESS ? s : std::string_view();
}

uint64_t Count(od::value v) {
  uint64_t n = 0;
  return v.get_uint64().get(n) == simdjson::SUCCESS ? n : 0;
}

// A score or a change as the report shows it: one decimal, signed when
// `sign`.
std::string Points(od::value v, bool sign) {
  double x = 0;
  if (v.get_double().get(x) != simdjson::SUCCESS) return "?";
  const int64_t q = std::llround(x * 10000);
  return absl::StrCat(sign && q > 0 ? "+" : "", divrisk::Points(q));
}

std::string RuleSet(od::value v) {
  od::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return "";
  std::string name, version, sha;
  for (auto f : o) {
    std::string_view k;
    if (f.unescaped_key().get(k) != simdjson::SUCCESS) break;
    od::value fv;
    if (f.value().get(fv) != simdjson::SUCCESS) break;
    if (k == "name") name = Str(fv);
    if (k == "version") version = Str(fv);
    if (k == "sha256") sha = Str(fv);
  }
  return absl::StrCat(name, " ", version, " (sha256:", sha, ")");
}

// {"score":..,"band":..,"recommendation":..} -> score and "band/rec".
void Side(od::value v, std::string* score, std::string* outcome) {
  od::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return;
  std::string band, rec;
  for (auto f : o) {
    std::string_view k;
    if (f.unescaped_key().get(k) != simdjson::SUCCESS) break;
    od::value fv;
    if (f.value().get(fv) != simdjson::SUCCESS) break;
    if (k == "score") *score = Points(fv, false);
    if (k == "band") band = Str(fv);
    if (k == "recommendation") rec = Str(fv);
  }
  *outcome = absl::StrCat(band, "/", rec);
}

DiffSummary::Move ReadMove(od::value v) {
  DiffSummary::Move m;
  od::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return m;
  for (auto f : o) {
    std::string_view k;
    if (f.unescaped_key().get(k) != simdjson::SUCCESS) break;
    od::value fv;
    if (f.value().get(fv) != simdjson::SUCCESS) break;
    if (k == "case_id") m.case_id = Str(fv);
    if (k == "old") Side(fv, &m.old_score, &m.old_outcome);
    if (k == "new") Side(fv, &m.new_score, &m.new_outcome);
    if (k == "delta") m.delta = Points(fv, true);
    if (k != "indicators") continue;
    od::array a;
    if (fv.get_array().get(a) != simdjson::SUCCESS) continue;
    for (auto el : a) {
      od::object io;
      if (el.get_object().get(io) != simdjson::SUCCESS) break;
      std::string name, delta;
      for (auto g : io) {
        std::string_view gk;
        if (g.unescaped_key().get(gk) != simdjson::SUCCESS) break;
        od::value gv;
        if (g.value().get(gv) != simdjson::SUCCESS) break;
        if (gk == "indicator") name = Str(gv);
        if (gk == "delta") delta = Points(gv, true);
      }
      m.indicators.push_back(absl::StrCat(delta, " ", name));
    }
  }
  return m;
}

void Transitions(od::value v, DiffSummary* d) {
  od::object rows;
  if (v.get_object().get(rows) != simdjson::SUCCESS) return;
  for (auto row : rows) {
    std::string_view from;
    if (row.unescaped_key().get(from) != simdjson::SUCCESS) return;
    if (d->outcomes.size() == kMaxOutcomes + 1) return;  // refused below
    d->outcomes.emplace_back(from);
    d->transitions.emplace_back();
    od::object cells;
    if (row.value().get_object().get(cells) != simdjson::SUCCESS) return;
    for (auto cell : cells) {
      od::value cv;
      if (cell.value().get(cv) != simdjson::SUCCESS) return;
      d->transitions.back().push_back(Count(cv));
    }
  }
}

}  // namespace

bool PaddedJsonParser::Parse(std::string_view text, od::document* doc) {
  buffer_.assign(text);
  buffer_.resize(text.size() + simdjson::SIMDJSON_PADDING);
  return parser_.iterate(buffer_.data(), text.size(), buffer_.size()).get(*doc) ==
         simdjson::SUCCESS;
}

absl::Status ReadDiff(PaddedJsonParser& parser, std::string_view text,
                      DiffSummary* d) {
  od::document doc;
  od::object o;
  if (!parser.Parse(text, &doc) || doc.get_object().get(o) != simdjson::SUCCESS) {
    return absl::InvalidArgumentError("line 1: not the JSON of divrisk diff");
  }
  for (auto f : o) {
    std::string_view k;
    if (f.unescaped_key().get(k) != simdjson::SUCCESS) break;
    od::value v;
    if (f.value().get(v) != simdjson::SUCCESS) break;
    if (k == "old") d->old_rule_set = RuleSet(v);
    else if (k == "new") d->new_rule_set = RuleSet(v);
    else if (k == "read") d->read = Count(v);
    else if (k == "scored") d->scored = Count(v);
    else if (k == "rejected") d->rejected = Count(v);
    else if (k == "rejected_old_only") d->rejected_old_only = Count(v);
    else if (k == "rejected_new_only") d->rejected_new_only = Count(v);
    else if (k == "transitions") Transitions(v, d);
    else if (k == "changed") {
      od::object c;
      if (v.get_object().get(c) != simdjson::SUCCESS) continue;
      for (auto g : c) {
        std::string_view gk;
        if (g.unescaped_key().get(gk) != simdjson::SUCCESS) break;
        od::value gv;
        if (g.value().get(gv) != simdjson::SUCCESS) break;
        if (gk == "score") d->changed_score = Count(gv);
        if (gk == "band") d->changed_band = Count(gv);
        if (gk == "recommendation") d->changed_recommendation = Count(gv);
      }
    } else if (k == "top_moves") {
      od::array a;
      if (v.get_array().get(a) != simdjson::SUCCESS) continue;
      for (auto el : a) {
        od::value ev;
        if (d->top_moves.size() == kMaxMovesShown) break;
        if (el.get(ev) == simdjson::SUCCESS) d->top_moves.push_back(ReadMove(ev));
      }
    }
  }
  // divrisk diff writes the four recommendations and "rejected".
  bool square = !d->outcomes.empty() && d->outcomes.size() <= kMaxOutcomes;
  for (const auto& row : d->transitions) square = square && row.size() == d->outcomes.size();
  if (!square) {
    return absl::InvalidArgumentError(
        "line 1: not the JSON of divrisk diff (no square transition matrix)");
  }
  return absl::OkStatus();
}

}  // namespace divrisk
