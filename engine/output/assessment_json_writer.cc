#include "engine/output/assessment_json_writer.h"

#include <string>
#include <vector>

#include "engine/doc/json_writer.h"
#include "engine/explain/citation.h"
#include "engine/output/screening_writer.h"
#include "engine/model/deciding_state.h"
#include "engine/scoring/score_math.h"

namespace divrisk {

namespace {

// Scores and weights held as doubles, written as fixed point.
void Number(JsonWriter& j, double v) { j.Fixed(Quantize(v)); }

void Strings(JsonWriter& j, const std::vector<std::string>& list) {
  j.Open('[');
  for (const std::string& s : list) j.Str(s);
  j.Close(']');
}

void Facts(JsonWriter& j, const Evidence& ev) {
  j.Open('[');
  for (const Fact& f : ev.facts) {
    j.Open('{').Key("path").Str(f.path).Key("value").Str(f.value).Close('}');
  }
  j.Close(']');
}

// score, score_range, band and recommendation: common to both outputs.
void WriteVerdict(const Plan& plan, const CaseResult& r, JsonWriter& j) {
  j.Key("score").Fixed(r.score_q);
  j.Key("score_range").Open('{').Key("min").Fixed(r.min_q);
  j.Key("max").Fixed(r.max_q).Close('}');
  j.Key("band").Str(plan.bands[r.band].id);
  j.Key("recommendation").Str(EnumWord(r.recommendation));
}

void WriteContribution(const Plan& plan, const Contribution& line,
                       JsonWriter& j) {
  j.Open('{');
  if (line.mitigation) {
    const MitigationSpec* spec = plan.FindMitigation(*line.mitigation);
    j.Key("indicator").Str(ContributionName(plan, line));
    j.Key("value");
    Number(j, 1);
    j.Key("weight");
    Number(j, 0);
    j.Key("contribution").Fixed(line.contribution_q);
    j.Key("reason").Str(spec->condition);
    Evidence ev;
    ev.Add("mitigations", EnumWord(*line.mitigation));
    j.Key("evidence");
    Facts(j, ev);
    j.Key("refs");
    Strings(j, spec->refs);
    j.Key("citation").Str(LetterCitationOf(plan, spec->refs));
  } else {
    const IndicatorSpec& spec = plan.indicators[line.indicator];
    j.Key("indicator").Str(spec.id);
    j.Key("value");
    Number(j, line.value);
    j.Key("unknown").Bool(line.unknown).Key("weight");
    Number(j, line.weight);
    j.Key("contribution").Fixed(line.contribution_q);
    j.Key("reason").Str(spec.evidence);
    j.Key("evidence");
    Facts(j, line.evidence);
    j.Key("unknown_facts");
    Strings(j, line.evidence.unknown_facts);
    j.Key("refs");
    Strings(j, spec.refs);
    j.Key("citation").Str(LetterCitation(plan, line.indicator));
  }
  j.Close('}');
}

}  // namespace

void AppendAssessmentJson(const Plan& plan, const Assessment& a,
                          std::string* out) {
  const CaseResult& r = a.result;
  JsonWriter j(out);
  j.Open('{');
  j.Key("case_id").Str(a.c->id);
  j.Key("assessed_on").Str(FormatDate(a.c->assessed_on));
  j.Key("rule_set").Open('{').Key("name").Str(plan.name);
  j.Key("version").Str(plan.version).Key("sha256").Str(plan.sha256);
  // Where the facts come from, and whether any of them is invented.
  j.Key("reference").Open('[');
  for (const ReferenceFileInfo& f : plan.reference->files) {
    j.Open('{').Key("file").Str(f.file).Key("title").Str(f.title);
    j.Key("as_of").Str(f.as_of).Key("illustrative").Bool(f.illustrative);
    j.Close('}');
  }
  j.Close(']').Close('}');
  j.Key("screening");
  WriteScreeningJson(plan, a.c->assessed_on, j);
  const DecidingState decider = ResolveDecidingState(*a.c, *plan.reference);
  j.Key("deciding_state").Open('{').Key("state");
  if (decider.state) {
    j.Str(std::string(decider.state->view()));
  } else {
    j.Null();
  }
  j.Key("basis").Str(EnumWord(decider.basis));
  j.Key("reason").Str(DecidingStateReason(*a.c, decider)).Close('}');
  WriteVerdict(plan, r, j);
  j.Key("reason").Str(a.reason);

  j.Key("hard_stops").Open('[');
  for (const HardStop& stop : a.hard_stops) {
    const GateSpec& gate = plan.gates[stop.gate];
    j.Open('{').Key("gate").Str(gate.id);
    j.Key("action").Str(EnumWord(stop.action));
    j.Key("indicator").Str(plan.indicators[gate.indicator].id);
    j.Key("on_unknown").Bool(stop.on_unknown).Key("reason").Str(gate.reason);
    j.Key("evidence");
    Facts(j, stop.evidence);
    j.Key("unknown_facts");
    Strings(j, stop.evidence.unknown_facts);
    j.Key("refs");
    Strings(j, gate.refs);
    j.Close('}');
  }
  j.Close(']');

  if (plan.overriding_risk) {
    const OverridingRiskSpec& o = *plan.overriding_risk;
    j.Key("overriding_risk").Open('{');
    j.Key("category").Str(plan.categories[o.category].id);
    j.Key("score");
    Number(j, a.categories.final[o.category]);
    j.Key("threshold");
    Number(j, o.threshold);
    j.Key("reached").Bool(r.overriding_risk).Key("reason").Str(o.reason);
    j.Key("refs");
    Strings(j, o.refs);
    j.Close('}');
  }

  j.Key("rests_on_conditions").Bool(r.rests_on_conditions);
  j.Key("conditions").Open('[');
  for (Mitigation m : a.conditions) {
    const MitigationSpec* spec = plan.FindMitigation(m);
    j.Open('{').Key("measure").Str(EnumWord(m));
    j.Key("condition").Str(spec->condition);
    j.Key("refs");
    Strings(j, spec->refs);
    j.Close('}');
  }
  j.Close(']');
  j.Key("mitigations_not_credited").Open('[');
  for (const UncreditedMeasure& u : a.not_credited) {
    j.Open('{').Key("measure").Str(EnumWord(u.measure));
    j.Key("reason").Str(u.reason).Close('}');
  }
  j.Close(']');

  j.Key("categories").Open('{');
  for (size_t k = 0; k < plan.categories.size(); ++k) {
    const CategorySpec& cat = plan.categories[k];
    j.Key(cat.id).Open('{').Key("name").Str(cat.name);
    j.Key("raw");
    Number(j, a.categories.raw[k]);
    j.Key("cap");
    Number(j, cat.cap);
    j.Key("capped");
    Number(j, a.categories.capped[k]);
    j.Key("score");
    Number(j, a.categories.final[k]);
    j.Close('}');
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

  j.Key("questions").Open('[');
  for (const Question& q : a.questions) {
    j.Open('{').Key("addressee").Str(q.addressee).Key("text").Str(q.text);
    j.Key("swing").Fixed(q.swing_q).Key("fact").Str(q.fact);
    j.Key("could_change_outcome").Bool(q.could_change_outcome);
    j.Key("indicators").Open('[');
    for (int i : q.indicators) j.Str(plan.indicators[i].id);
    j.Close(']').Close('}');
  }
  j.Close(']');

  j.Key("mitigation_suggestions").Open('[');
  for (const MitigationSuggestion& s : a.suggestions) {
    const MitigationSpec* spec = plan.FindMitigation(s.measure);
    j.Open('{').Key("measure").Str(EnumWord(s.measure));
    j.Key("score").Fixed(s.score_q).Key("condition").Str(spec->condition);
    j.Key("effect").Str(s.effect);
    j.Key("refs");
    Strings(j, spec->refs);
    j.Close('}');
  }
  j.Close(']');

  if (!a.c->extensions_json.empty()) {
    j.Key("extensions").Raw(a.c->extensions_json);
  }
  j.Close('}');
  j.Put('\n');
}

void AppendSummaryJson(const Plan& plan, const Assessment& a,
                       std::string* out) {
  const CaseResult& r = a.result;
  JsonWriter j(out);
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
  j.Put('\n');
}

}  // namespace divrisk
