#include "engine/output/text_writer.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/doc/fixed_point.h"
#include "engine/doc/visible_text.h"
#include "engine/output/screening_writer.h"
#include "engine/model/deciding_state.h"
#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr size_t kShownUnknowns = 8;

std::string Words(std::string_view word) {
  std::string s(word);
  for (char& ch : s) {
    if (ch == '_') ch = ' ';
  }
  return s;
}

void AppendFacts(const Evidence& ev, std::string* out) {
  for (const Fact& f : ev.facts) {
    absl::StrAppend(out, "      - ", Visible(f.path), ": ", Visible(f.value),
                    "\n");
  }
}

}  // namespace

void AppendAssessmentText(const Plan& plan, const Assessment& a,
                          std::string* out) {
  const CaseResult& r = a.result;
  std::string rec = Words(EnumWord(r.recommendation));
  for (char& ch : rec) ch = static_cast<char>(std::toupper(ch));
  absl::StrAppend(out, "Case ", Visible(a.c->id), " (assessed on ",
                  FormatDate(a.c->assessed_on), ")\n");
  absl::StrAppend(out, "Recommendation: ", rec, "\n");
  absl::StrAppend(out, "Band: ", Visible(plan.bands[r.band].id), "   Score: ",
                  FormatFixed(r.score_q), " (could range ",
                  FormatFixed(r.min_q), " to ", FormatFixed(r.max_q),
                  " once unknown facts are learned)\n");
  absl::StrAppend(out, "Rule set: ", Visible(plan.name), " ",
                  Visible(plan.version),
                  " sha256:", plan.sha256, "\n");
  AppendScreeningText(plan, a.c->assessed_on, out);
  std::vector<std::string> invented;
  for (const ReferenceFileInfo& f : plan.reference->files) {
    if (f.illustrative)
      invented.push_back(absl::StrCat(f.kind, " (", f.file, ")"));
  }
  if (!invented.empty()) {
    absl::StrAppend(out,
                    "WARNING: illustrative reference data in use, not "
                    "real records: ",
                    absl::StrJoin(invented, ", "),
                    ". Not for a real decision.\n");
  }
  absl::StrAppend(
      out, "Deciding state: ",
      DecidingStateReason(*a.c, ResolveDecidingState(*a.c, *plan.reference)),
      "\n");

  absl::StrAppend(out, "\nHard stops:\n");
  if (a.hard_stops.empty() && !r.overriding_risk) {
    absl::StrAppend(out, "  none\n");
  }
  for (const HardStop& stop : a.hard_stops) {
    const GateSpec& gate = plan.gates[stop.gate];
    absl::StrAppend(out, "  [", EnumWord(stop.action), "] ", Visible(gate.id),
                    ": ", Visible(gate.reason),
                    stop.on_unknown ? " (facts unknown: cannot be cleared)"
                                    : "",
                    "  (", Visible(absl::StrJoin(gate.refs, "; ")), ")\n");
    AppendFacts(stop.evidence, out);
    for (const std::string& f : stop.evidence.unknown_facts) {
      absl::StrAppend(out, "      - unknown: ", Visible(f), "\n");
    }
  }
  if (r.overriding_risk) {
    const OverridingRiskSpec& o = *plan.overriding_risk;
    absl::StrAppend(out, "  [refuse] overriding risk: ", Visible(o.reason),
                    " (", Visible(plan.categories[o.category].name), " ",
                    FormatFixed(Quantize(a.categories.final[o.category])),
                    " >= ", FormatFixed(Quantize(o.threshold)), "; ",
                    Visible(absl::StrJoin(o.refs, "; ")), ")\n");
  }

  if (!a.conditions.empty() || !a.not_credited.empty()) {
    absl::StrAppend(out, "\nLicence conditions",
                    r.rests_on_conditions
                        ? " (the recommendation rests on them):\n"
                        : ":\n");
    for (Mitigation m : a.conditions) {
      absl::StrAppend(out, "  ", Words(EnumWord(m)), ": ",
                      Visible(plan.FindMitigation(m)->condition), "\n");
    }
    for (const UncreditedMeasure& u : a.not_credited) {
      absl::StrAppend(out, "  ", Words(EnumWord(u.measure)),
                      ": offered, not credited: ", Visible(u.reason), "\n");
    }
  }

  absl::StrAppend(out, "\nWhat drives the score:\n");
  for (const Contribution& line : a.contributions) {
    if (line.mitigation) {
      absl::StrAppend(out, "  ", FormatFixed(line.contribution_q),
                      "  mitigation: ", Words(EnumWord(*line.mitigation)),
                      "\n");
      continue;
    }
    const IndicatorSpec& spec = plan.indicators[line.indicator];
    absl::StrAppend(out, "  +", FormatFixed(line.contribution_q), "  ",
                    Visible(spec.id), ": ", Visible(spec.evidence),
                    line.unknown
                        ? " (not known: scored at how often it is found)"
                        : "",
                    "  (", Visible(absl::StrJoin(spec.refs, "; ")), ")\n");
    AppendFacts(line.evidence, out);
  }

  absl::StrAppend(out, "\nWhat to ask next:\n");
  if (a.unknowns.empty()) absl::StrAppend(out, "  nothing: no unknown fact moves the score\n");
  for (size_t i = 0; i < a.unknowns.size() && i < kShownUnknowns; ++i) {
    const UnknownFact& u = a.unknowns[i];
    absl::StrAppend(out, "  ", Visible(u.fact), " (could move the score by ",
                    FormatFixed(u.swing_q), ")",
                    u.gates.empty() ? "" : "; keeps a hard stop open", "\n");
  }
  if (a.unknowns.size() > kShownUnknowns) {
    absl::StrAppend(out, "  ... and ", a.unknowns.size() - kShownUnknowns,
                    " more (see --format json)\n");
  }

  absl::StrAppend(out, "\nSuggested conditions:\n");
  if (a.suggestions.empty() && a.mitigation_blocker >= 0) {
    const IndicatorSpec& blocker = plan.indicators[a.mitigation_blocker];
    absl::StrAppend(out, "  none: no condition answers ", blocker.id, ": ",
                    blocker.evidence, "\n");
  } else if (a.suggestions.empty()) {
    absl::StrAppend(out, "  none would lower the score\n");
  }
  for (const MitigationSuggestion& s : a.suggestions) {
    const MitigationSpec* spec = plan.FindMitigation(s.measure);
    absl::StrAppend(out, "  ", Words(EnumWord(s.measure)), ": score would be ",
                    FormatFixed(s.score_q), ". ", Visible(spec->condition), "\n");
  }
}

}  // namespace divrisk
