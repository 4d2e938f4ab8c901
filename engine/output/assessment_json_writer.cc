#include "engine/output/assessment_json_writer.h"

#include <cstdlib>

#include "engine/doc/json_text.h"

namespace divrisk {

void AppendFixed(int64_t q, std::string* out) {
  // By hand rather than with StrFormat: every score and contribution of
  // every case passes here.
  if (q < 0) out->push_back('-');
  const uint64_t a = q < 0 ? -static_cast<uint64_t>(q) : q;
  char digits[24];
  char* end = digits + sizeof(digits);
  char* p = end;
  uint64_t fraction = a % 10000;
  for (int i = 0; i < 4; ++i, fraction /= 10) *--p = static_cast<char>('0' + fraction % 10);
  *--p = '.';
  uint64_t whole = a / 10000;
  do {
    *--p = static_cast<char>('0' + whole % 10);
    whole /= 10;
  } while (whole != 0);
  out->append(p, end - p);
}

std::string FormatFixed(int64_t q) {
  std::string out;
  AppendFixed(q, &out);
  return out;
}

namespace {

// A small appender that handles commas, so the writer reads like the schema.
class Json {
 public:
  explicit Json(std::string* out) : out_(*out) {}

  Json& Open(char brace) {
    Comma();
    out_.push_back(brace);
    first_ = true;
    return *this;
  }
  Json& Close(char brace) {
    out_.push_back(brace);
    first_ = false;
    return *this;
  }
  Json& Key(std::string_view key) {
    Comma();
    AppendJsonString(key, &out_);
    out_.push_back(':');
    first_ = true;  // the value follows without a comma
    return *this;
  }
  Json& Str(std::string_view s) {
    Comma();
    AppendJsonString(s, &out_);
    return *this;
  }
  Json& Raw(std::string_view s) {
    Comma();
    out_.append(s);
    return *this;
  }
  Json& Fixed(int64_t q) {
    Comma();
    AppendFixed(q, &out_);
    return *this;
  }
  Json& Number(double v) { return Fixed(Quantize(v)); }
  Json& Bool(bool b) { return Raw(b ? "true" : "false"); }
  Json& Strings(const std::vector<std::string>& list) {
    Open('[');
    for (const std::string& s : list) Str(s);
    return Close(']');
  }
  Json& Facts(const Evidence& ev) {
    Open('[');
    for (const Fact& f : ev.facts) {
      Open('{').Key("path").Str(f.path).Key("value").Str(f.value).Close('}');
    }
    return Close(']');
  }

 private:
  void Comma() {
    if (!first_) out_.push_back(',');
    first_ = false;
  }
  std::string& out_;
  bool first_ = true;
};

// score, score_range, band and recommendation: common to both outputs.
void WriteVerdict(const Plan& plan, const CaseResult& r, Json& j) {
  j.Key("score").Fixed(r.score_q);
  j.Key("score_range").Open('{').Key("min").Fixed(r.min_q);
  j.Key("max").Fixed(r.max_q).Close('}');
  j.Key("band").Str(plan.bands[r.band].id);
  j.Key("recommendation").Str(EnumWord(r.recommendation));
}

void WriteContribution(const Plan& plan, const Contribution& line, Json& j) {
  j.Open('{');
  if (line.mitigation) {
    const MitigationSpec* spec = plan.FindMitigation(*line.mitigation);
    j.Key("indicator").Str(ContributionName(plan, line));
    j.Key("value").Number(1).Key("weight").Number(0);
    j.Key("contribution").Fixed(line.contribution_q);
    j.Key("reason").Str(spec->condition);
    Evidence ev;
    ev.Add("mitigations", EnumWord(*line.mitigation));
    j.Key("evidence").Facts(ev).Key("refs").Strings(spec->refs);
  } else {
    const IndicatorSpec& spec = plan.indicators[line.indicator];
    j.Key("indicator").Str(spec.id);
    j.Key("value").Number(line.value).Key("unknown").Bool(line.unknown);
    j.Key("weight").Number(line.weight);
    j.Key("contribution").Fixed(line.contribution_q);
    j.Key("reason").Str(spec.evidence);
    j.Key("evidence").Facts(line.evidence);
    j.Key("unknown_facts").Strings(line.evidence.unknown_facts);
    j.Key("refs").Strings(spec.refs);
  }
  j.Close('}');
}

}  // namespace

void AppendAssessmentJson(const Plan& plan, const Assessment& a,
                          std::string* out) {
  const CaseResult& r = a.result;
  Json j(out);
  j.Open('{');
  j.Key("case_id").Str(a.c->id);
  j.Key("assessed_on").Str(FormatDate(a.c->assessed_on));
  j.Key("rule_set").Open('{').Key("name").Str(plan.name);
  j.Key("version").Str(plan.version).Key("sha256").Str(plan.sha256).Close('}');
  WriteVerdict(plan, r, j);

  j.Key("hard_stops").Open('[');
  for (const HardStop& stop : a.hard_stops) {
    const GateSpec& gate = plan.gates[stop.gate];
    j.Open('{').Key("gate").Str(gate.id);
    j.Key("action").Str(EnumWord(stop.action));
    j.Key("indicator").Str(plan.indicators[gate.indicator].id);
    j.Key("on_unknown").Bool(stop.on_unknown).Key("reason").Str(gate.reason);
    j.Key("evidence").Facts(stop.evidence);
    j.Key("unknown_facts").Strings(stop.evidence.unknown_facts);
    j.Key("refs").Strings(gate.refs).Close('}');
  }
  j.Close(']');

  if (plan.overriding_risk) {
    const OverridingRiskSpec& o = *plan.overriding_risk;
    j.Key("overriding_risk").Open('{');
    j.Key("category").Str(plan.categories[o.category].id);
    j.Key("score").Number(a.categories.final[o.category]);
    j.Key("threshold").Number(o.threshold);
    j.Key("reached").Bool(r.overriding_risk).Key("reason").Str(o.reason);
    j.Key("refs").Strings(o.refs).Close('}');
  }

  j.Key("categories").Open('{');
  for (size_t k = 0; k < plan.categories.size(); ++k) {
    const CategorySpec& cat = plan.categories[k];
    j.Key(cat.id).Open('{').Key("name").Str(cat.name);
    j.Key("raw").Number(a.categories.raw[k]).Key("cap").Number(cat.cap);
    j.Key("capped").Number(a.categories.capped[k]);
    j.Key("score").Number(a.categories.final[k]).Close('}');
  }
  j.Close('}');

  j.Key("contributions").Open('[');
  for (const Contribution& line : a.contributions) {
    WriteContribution(plan, line, j);
  }
  j.Close(']');

  j.Key("unknowns").Open('[');
  for (const UnknownFact& u : a.unknowns) {
    j.Open('{').Key("fact").Str(u.fact).Key("swing").Fixed(u.swing_q);
    j.Key("indicators").Open('[');
    for (int i : u.indicators) j.Str(plan.indicators[i].id);
    j.Close(']').Key("gates").Open('[');
    for (int g : u.gates) j.Str(plan.gates[g].id);
    j.Close(']').Close('}');
  }
  j.Close(']');

  j.Key("mitigation_suggestions").Open('[');
  for (const MitigationSuggestion& s : a.suggestions) {
    const MitigationSpec* spec = plan.FindMitigation(s.measure);
    j.Open('{').Key("measure").Str(EnumWord(s.measure));
    j.Key("score").Fixed(s.score_q).Key("condition").Str(spec->condition);
    j.Key("refs").Strings(spec->refs).Close('}');
  }
  j.Close(']');

  if (!a.c->extensions_json.empty()) {
    j.Key("extensions").Raw(a.c->extensions_json);
  }
  j.Close('}');
  out->push_back('\n');
}

void AppendSummaryJson(const Plan& plan, const Assessment& a,
                       std::string* out) {
  const CaseResult& r = a.result;
  Json j(out);
  j.Open('{');
  j.Key("case_id").Str(a.c->id);
  j.Key("rule_set_sha256").Str(plan.sha256);
  WriteVerdict(plan, r, j);
  j.Key("hard_stops").Open('[');
  for (const HardStop& stop : a.hard_stops) j.Str(plan.gates[stop.gate].id);
  j.Close(']');
  j.Key("contributions").Open('[');
  for (const Contribution& line : a.contributions) {
    j.Open('{').Key("indicator").Str(ContributionName(plan, line));
    j.Key("contribution").Fixed(line.contribution_q).Close('}');
  }
  j.Close(']').Close('}');
  out->push_back('\n');
}

}  // namespace divrisk
