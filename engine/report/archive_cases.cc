#include "engine/report/archive_cases.h"

#include "absl/strings/str_cat.h"

namespace divrisk {
namespace {

namespace od = simdjson::ondemand;

std::string_view Str(od::value v) {
  std::string_view s;
  return v.get_string().get(s) == simdjson::SUCCESS ? s : std::string_view();
}

std::string PartyKey(od::value v) {
  od::object o;
  if (v.get_object().get(o) != simdjson::SUCCESS) return "";
  std::string name, country, role;
  for (auto f : o) {
    std::string_view k;
    if (f.unescaped_key().get(k) != simdjson::SUCCESS) return "";
    od::value fv;
    if (f.value().get(fv) != simdjson::SUCCESS) return "";
    if (k == "name") name = Str(fv);
    if (k == "country") country = Str(fv);
    if (k == "role") role = Str(fv);
  }
  if (name.empty()) return "";
  return absl::StrCat(name, "|", country, "|", role);
}

void Add(RiskTally& t, const ResultKey& r) {
  ++t.cases;
  t.score_sum_q += r.score_q;
  if (r.recommendation == "refer" || r.recommendation == "refuse") ++t.refer_or_refuse;
}

}  // namespace

bool CaseJoin::NextCase(CaseFacts* facts) {
  while (true) {
    if (next_ == lines_.size()) {
      next_ = 0;
      if (cases_.ReadChunk(1024, &lines_) == 0) return false;
    }
    const InputLine& line = lines_[next_++];
    od::document doc;
    od::object o;
    if (line.too_long || !parser_.Parse(line.text, &doc) ||
        doc.get_object().get(o) != simdjson::SUCCESS) {
      continue;  // a line the batch rejected
    }
    facts->id.clear();
    facts->destination.clear();
    facts->intermediaries.clear();
    for (auto f : o) {
      std::string_view k;
      if (f.unescaped_key().get(k) != simdjson::SUCCESS) break;
      od::value v;
      if (f.value().get(v) != simdjson::SUCCESS) break;
      if (k == "id") {
        facts->id = Str(v);
      } else if (k == "end_user") {
        od::object eu;
        if (v.get_object().get(eu) != simdjson::SUCCESS) continue;
        for (auto g : eu) {
          std::string_view gk;
          if (g.unescaped_key().get(gk) != simdjson::SUCCESS) break;
          if (gk != "country") continue;
          od::value gv;
          if (g.value().get(gv) == simdjson::SUCCESS) facts->destination = Str(gv);
        }
      } else if (k == "parties") {
        od::array a;
        if (v.get_array().get(a) != simdjson::SUCCESS) continue;
        for (auto el : a) {
          od::value ev;
          if (el.get(ev) != simdjson::SUCCESS) break;
          std::string p = PartyKey(ev);
          if (!p.empty()) facts->intermediaries.push_back(std::move(p));
        }
      }
    }
    return true;
  }
}

void CaseJoin::Add(const ResultKey& result, ArchiveSummary* s) {
  if (exhausted_) return;
  CaseFacts facts;
  while (NextCase(&facts)) {
    if (facts.id != result.case_id) continue;
    ++s->joined_cases;
    if (!facts.destination.empty()) divrisk::Add(s->destinations[facts.destination], result);
    for (const std::string& p : facts.intermediaries) {
      divrisk::Add(s->intermediaries[p], result);
    }
    return;
  }
  exhausted_ = true;
  s->join_problem = absl::StrCat(
      "the case archive holds no case ", result.case_id, " after the ",
      s->joined_cases,
      " joined: it is not the archive these results were made from; the "
      "destinations and intermediaries cover the cases before it");
}

}  // namespace divrisk
