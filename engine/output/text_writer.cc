#include "engine/output/text_writer.h"

#include <cctype>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/doc/fixed_point.h"
#include "engine/doc/visible_text.h"
#include "engine/explain/citation.h"
#include "engine/explain/reason.h"
#include "engine/explain/score_lines.h"
#include "engine/model/deciding_state.h"
#include "engine/output/screening_writer.h"
#include "engine/scoring/score_math.h"

namespace divrisk {
namespace {

constexpr size_t kShownQuestions = 8;
constexpr const char* kIndent = "           ";  // under a line's text

std::string Words(std::string_view word) {
  std::string s(word);
  for (char& ch : s) {
    if (ch == '_') ch = ' ';
  }
  return s;
}

std::string Upper(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::toupper(ch));
  return s;
}

// "+10.0" / "-2.3", padded so that the texts line up.
std::string Points(int64_t tenths) {
  std::string s = absl::StrCat(tenths < 0 ? "-" : "+", std::llabs(tenths) / 10,
                               ".", std::llabs(tenths) % 10);
  if (s.size() < 7) s.append(7 - s.size(), ' ');
  return s;
}

// A number from the rule set (a weight, a cap) or an indicator's value, to
// at most two decimals: "8", "2.5", "0.67".
std::string Number(double v) { return absl::StrCat(std::round(v * 100) / 100); }

void AppendFacts(const Evidence& ev, std::string* out) {
  for (const Fact& f : ev.facts) {
    absl::StrAppend(out, kIndent, "- ", Visible(f.path), ": ",
                    Visible(f.value), "\n");
  }
}

// The letter citation, and with --verbose the id and the raw refs.
void AppendCitation(const Plan& plan, const std::vector<std::string>& refs,
                    std::string_view id, const TextOptions& options,
                    std::string* out) {
  const std::string cited = LetterCitationOf(plan, refs);
  if (!cited.empty()) absl::StrAppend(out, kIndent, Visible(cited), "\n");
  if (options.verbose) {
    absl::StrAppend(out, kIndent, "[", Visible(id), "; refs: ",
                    Visible(absl::StrJoin(refs, "; ")), "]\n");
  }
}

void AppendHeader(const Plan& plan, const Assessment& a, std::string* out) {
  const CaseResult& r = a.result;
  absl::StrAppend(out, "Case ", Visible(a.c->id), " (assessed on ",
                  FormatDate(a.c->assessed_on), ")\n");
  absl::StrAppend(out, "Recommendation: ",
                  Upper(RecommendationWords(r.recommendation)), "\n");
  absl::StrAppend(out, "  ", Visible(a.reason), "\n");
  absl::StrAppend(out, "Score: ", Tenths(r.score_q), ", band ",
                  Visible(Words(plan.bands[r.band].id)));
  if (r.min_q != r.max_q) {
    absl::StrAppend(out, " (between ", Tenths(r.min_q), " and ",
                    Tenths(r.max_q),
                    " once the facts not yet known are learned)");
  }
  absl::StrAppend(out, "\nRule set: ", Visible(plan.name), " ",
                  Visible(plan.version), " sha256:", plan.sha256, "\n");
  AppendScreeningText(plan, a.c->assessed_on, out);
  std::vector<std::string> invented;
  for (const ReferenceFileInfo& f : plan.reference->files) {
    if (f.illustrative) {
      invented.push_back(absl::StrCat(f.kind, " (", f.file, ")"));
    }
  }
  if (!invented.empty()) {
    absl::StrAppend(out,
                    "WARNING: illustrative reference data in use, not "
                    "real records: ",
                    Visible(absl::StrJoin(invented, ", ")),
                    ". Not for a real decision.\n");
  }
  absl::StrAppend(
      out, "Deciding state: ",
      Visible(DecidingStateReason(*a.c,
                                  ResolveDecidingState(*a.c, *plan.reference))),
      "\n");
}

// Refusals and referrals first, under a heading that cannot be missed; a
// gate that only requires conditions (MANPADS) is listed apart.
void AppendHardStops(const Plan& plan, const Assessment& a,
                     const TextOptions& options, std::string* out) {
  absl::StrAppend(out, "\nHARD STOPS (outside the score; no licence condition "
                       "outweighs them):\n");
  bool any = false;
  for (const HardStop& stop : a.hard_stops) {
    if (stop.action == Recommendation::kApproveWithConditions) continue;
    any = true;
    const GateSpec& gate = plan.gates[stop.gate];
    absl::StrAppend(out, "  ", Upper(EnumWord(stop.action)), ": ",
                    Visible(gate.reason),
                    stop.on_unknown
                        ? " (the facts are not yet known, so this cannot be "
                          "cleared)"
                        : "",
                    "\n");
    AppendCitation(plan, gate.refs, gate.id, options, out);
    AppendFacts(stop.evidence, out);
    for (const std::string& f : stop.evidence.unknown_facts) {
      absl::StrAppend(out, kIndent, "- not yet known: ", Visible(f), "\n");
    }
  }
  if (a.result.overriding_risk) {
    any = true;
    const OverridingRiskSpec& o = *plan.overriding_risk;
    absl::StrAppend(
        out, "  REFUSE: ", Visible(o.reason), " (",
        Visible(plan.categories[o.category].name), " ",
        Tenths(Quantize(a.categories.final[o.category])), ", at or above ",
        Tenths(Quantize(o.threshold)), ")\n");
    AppendCitation(plan, o.refs, "overriding_risk", options, out);
  }
  if (!any) absl::StrAppend(out, "  none\n");

  bool heading = false;
  for (const HardStop& stop : a.hard_stops) {
    if (stop.action != Recommendation::kApproveWithConditions) continue;
    if (!heading) {
      absl::StrAppend(out, "\nConditions the rule set requires for these "
                           "goods:\n");
      heading = true;
    }
    const GateSpec& gate = plan.gates[stop.gate];
    absl::StrAppend(out, "  ", Visible(gate.reason), "\n");
    AppendCitation(plan, gate.refs, gate.id, options, out);
    AppendFacts(stop.evidence, out);
  }
}

void AppendConditions(const Plan& plan, const Assessment& a,
                      const TextOptions& options, std::string* out) {
  if (a.conditions.empty() && a.not_credited.empty()) return;
  absl::StrAppend(out, "\nLicence conditions",
                  a.result.rests_on_conditions
                      ? " (the recommendation rests on them):\n"
                      : ":\n");
  for (Mitigation m : a.conditions) {
    absl::StrAppend(out, "  ", Visible(plan.FindMitigation(m)->condition),
                    "\n");
  }
  for (const UncreditedMeasure& u : a.not_credited) {
    std::string reason = u.reason;
    if (a.result.mitigation_blocked_by >= 0 && !options.verbose) {
      reason = absl::StrCat(
          "no licence condition answers this concern: ",
          plan.indicators[a.result.mitigation_blocked_by].evidence);
    }
    absl::StrAppend(out, "  ", Words(EnumWord(u.measure)),
                    ": offered, not credited: ", Visible(reason), "\n");
  }
}

void AppendIndicatorLine(const Plan& plan, const Assessment& a,
                         const ScoreLine& line, const TextOptions& options,
                         std::string* out) {
  const IndicatorSpec& spec = plan.indicators[line.indicator];
  const Contribution* c = nullptr;
  for (const Contribution& x : a.contributions) {
    if (x.indicator == line.indicator) c = &x;
  }
  const double weight = plan.weights(line.indicator, line.category);
  const double value = c != nullptr ? c->value
                                    : std::abs(static_cast<double>(line.points_q) /
                                               kScoreUnits / weight);
  std::string scale;
  if (c != nullptr && c->unknown) {
    scale = absl::StrCat(": not yet known; counted at how often it is found (",
                         Number(value), " of its weight ", Number(weight), ")");
  } else if (value == 1) {
    scale = absl::StrCat(" (weight ", Number(weight), ")");
  } else {
    scale = absl::StrCat(" (", Number(value), " of its weight ",
                         Number(weight), ")");
  }
  absl::StrAppend(out, "    ", Points(line.shown_tenths), Visible(spec.evidence),
                  scale, "\n");
  AppendCitation(plan, spec.refs, spec.id, options, out);
  if (c != nullptr) AppendFacts(c->evidence, out);
}

void AppendScore(const Plan& plan, const Assessment& a,
                 const TextOptions& options, std::string* out) {
  absl::StrAppend(out, "\nWhat drives the score:\n");
  if (a.score_lines.empty()) absl::StrAppend(out, "  nothing: the score is 0\n");
  for (size_t j = 0; j < a.score_lines.size(); ++j) {
    const ScoreLine& line = a.score_lines[j];
    if (j == 0 || a.score_lines[j - 1].category != line.category) {
      int64_t total = 0;
      for (const ScoreLine& l : a.score_lines) {
        if (l.category == line.category) total += l.shown_tenths;
      }
      const CategorySpec& cat = plan.categories[line.category];
      absl::StrAppend(out, "  ", Visible(cat.name), ": ",
                      total < 0 ? "-" : "", std::llabs(total) / 10, ".",
                      std::llabs(total) % 10, " (at most ", Number(cat.cap),
                      ")\n");
    }
    switch (line.kind) {
      case ScoreLine::Kind::kIndicator:
        AppendIndicatorLine(plan, a, line, options, out);
        break;
      case ScoreLine::Kind::kMeasure: {
        if (line.shown_tenths == 0) break;  // less than 0.05 off this category
        const MitigationSpec* spec = plan.FindMitigation(line.measure);
        absl::StrAppend(out, "    ", Points(line.shown_tenths),
                        "licence condition: ", Visible(spec->condition), "\n");
        if (options.verbose) {
          absl::StrAppend(out, kIndent, "[mitigation:",
                          EnumWord(line.measure), "]\n");
        }
        break;
      }
      case ScoreLine::Kind::kCap:
        absl::StrAppend(out, "    ", Points(line.shown_tenths),
                        line.points_q < 0
                            ? absl::StrCat("the category counts at most ",
                                           Number(plan.categories[line.category].cap),
                                           " points")
                            : std::string("the category counts no less than 0"),
                        "\n");
        break;
    }
  }
  absl::StrAppend(
      out,
      "  (Each indicator shows its weight times how far it applies, from 0 "
      "to 1; a category counts at most its cap; the lines are rounded to one "
      "decimal so that they add up to the score shown. --format json has the "
      "exact figures.)\n");
}

std::string AskWhom(const std::string& addressee) {
  if (addressee == "applicant") return "Ask the applicant";
  if (addressee == "end_user") return "Ask the end user (through the applicant)";
  if (addressee == "embassy") return "Ask the embassy";
  if (addressee == "authority") return "Check the authority's own records";
  return absl::StrCat("Ask ", Visible(addressee));
}

void AppendQuestions(const Plan& plan, const Assessment& a,
                     const TextOptions& options, std::string* out) {
  absl::StrAppend(out, "\nWhat to ask next:\n");
  if (a.questions.empty()) {
    absl::StrAppend(out, "  nothing: no fact not yet known moves the score\n");
  }
  for (size_t i = 0; i < a.questions.size() && i < kShownQuestions; ++i) {
    const Question& q = a.questions[i];
    absl::StrAppend(out, "  ", i + 1, ". ", AskWhom(q.addressee), ": ",
                    Visible(q.text), "\n");
    absl::StrAppend(out, "     The answer ",
                    q.could_change_outcome ? "could change the recommendation; "
                                           : "",
                    q.swing_q > 0
                        ? absl::StrCat("could move the score by up to ",
                                       Tenths(q.swing_q), ".")
                        : "keeps a hard stop open until it is known.",
                    "\n");
    if (options.verbose) {
      std::vector<std::string> ids;
      for (int ind : q.indicators) ids.push_back(plan.indicators[ind].id);
      absl::StrAppend(out, "     [", Visible(q.fact), "; ",
                      Visible(absl::StrJoin(ids, ", ")), "]\n");
    }
  }
  if (a.questions.size() > kShownQuestions) {
    absl::StrAppend(out, "  ... and ", a.questions.size() - kShownQuestions,
                    " more (see --format json)\n");
  }
}

void AppendSuggestions(const Plan& plan, const Assessment& a,
                       const TextOptions& options, std::string* out) {
  absl::StrAppend(out, "\nSuggested conditions:\n");
  if (a.suggestions.empty()) {
    bool refused = false;
    for (const HardStop& s : a.hard_stops) {
      refused |= !s.on_unknown && s.action == Recommendation::kRefuse;
    }
    if (a.mitigation_blocker >= 0) {
      absl::StrAppend(out, "  none: no licence condition answers this concern: ",
                      Visible(plan.indicators[a.mitigation_blocker].evidence),
                      "\n");
    } else if (refused) {
      absl::StrAppend(out, "  none: a hard stop refuses the licence, and no "
                           "condition changes that\n");
    } else {
      absl::StrAppend(out, "  none would change the band or the "
                           "recommendation\n");
    }
  }
  for (const MitigationSuggestion& s : a.suggestions) {
    const MitigationSpec* spec = plan.FindMitigation(s.measure);
    absl::StrAppend(out, "  ", Visible(spec->condition), "\n");
    absl::StrAppend(out, kIndent, "Effect: ", Visible(s.effect),
                    " (score ", Tenths(s.score_q), ")\n");
    AppendCitation(plan, spec->refs,
                   absl::StrCat("mitigation:", EnumWord(s.measure)), options,
                   out);
  }
}

}  // namespace

void AppendAssessmentText(const Plan& plan, const Assessment& a,
                          std::string* out, const TextOptions& options) {
  AppendHeader(plan, a, out);
  AppendHardStops(plan, a, options, out);
  AppendConditions(plan, a, options, out);
  AppendScore(plan, a, options, out);
  AppendQuestions(plan, a, options, out);
  AppendSuggestions(plan, a, options, out);
}

}  // namespace divrisk
