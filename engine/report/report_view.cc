#include "engine/report/report_view.h"

#include <cmath>
#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/explain/citation.h"
#include "engine/model/deciding_state.h"

namespace divrisk {

const char* const kEngineVersion = DIVRISK_ENGINE_VERSION;

namespace {

std::string CountryText(const Plan& plan, CountryCode code) {
  const CountryProfile* p = plan.reference->Country(code);
  std::string out(code.view());
  if (p != nullptr && !p->name.empty()) absl::StrAppend(&out, " ", p->name);
  return out;
}

// As a letter cites it; the catalogue ids when no ref has a title.
std::string Citation(const Plan& plan, const std::vector<std::string>& refs) {
  std::string letter = LetterCitationOf(plan, refs);
  return letter.empty() ? absl::StrJoin(refs, "; ") : letter;
}

// The parts of a letter citation a chart label shows: the treaty's and the
// EU Common Position's, else the first.
std::vector<std::string> TreatyRefs(const std::string& citation) {
  std::vector<std::string> parts = absl::StrSplit(citation, "; ");
  std::vector<std::string> out;
  for (const std::string& p : parts) {
    if (out.size() < 2 && (p.starts_with("ATT Art.") || p.starts_with("EU Common Position"))) {
      out.push_back(p);
    }
  }
  if (out.empty() && !parts.empty()) out.push_back(parts[0]);
  return out;
}

// Who a question goes to, as the text output says it.
std::string AskWhom(const std::string& word) {
  if (word == "end_user") return "Ask the end user (through the applicant)";
  if (word == "embassy") return "Ask the embassy";
  if (word == "authority") return "Check the authority's own records";
  return absl::StrCat("Ask the ", Words(word));
}

// Arms embargoes on `code` in force on `on`, in words.
std::vector<std::string> EmbargoesOn(const Plan& plan, CountryCode code,
                                     Date on) {
  std::vector<std::string> out;
  const ReferenceData& ref = *plan.reference;
  for (const Embargo& e : ref.embargoes) {
    if (!e.InForceOn(on)) continue;
    const bool targets =
        e.target ? *e.target == code
                 : !e.target_members_of.empty() &&
                       ref.MembershipOn(e.target_members_of, code, on) !=
                           nullptr;
    if (!targets) continue;
    std::string text = absl::StrCat(e.imposing_body, " arms embargo (", e.id,
                                    e.scope == EmbargoScope::kFull
                                        ? ""
                                        : absl::StrCat(", scope ",
                                                       EnumWord(e.scope)),
                                    ")");
    if (!e.LegallyBindingOn(on)) absl::StrAppend(&text, ", not legally binding");
    out.push_back(std::move(text));
  }
  return out;
}

// Whether the evidence path `path` is about the party at `prefix`.
bool About(std::string_view path, std::string_view prefix) {
  return path.starts_with(prefix) &&
         (path.size() == prefix.size() || path[prefix.size()] == '.' ||
          path[prefix.size()] == '[');
}

PartyView MakeParty(const Plan& plan, const Assessment& a, const Party& p,
                    std::string role, std::string path) {
  PartyView v;
  v.role = std::move(role);
  v.path = std::move(path);
  v.name = p.name;
  v.country = CountryText(plan, p.country);
  const bool registrable =
      !p.kind || *p.kind == PartyKind::kCompany ||
      *p.kind == PartyKind::kIndividual;
  v.register_text = p.register_id ? absl::StrCat("register id ", *p.register_id)
                    : registrable ? "no register id given"
                                  : "a state body: no register";
  // A fact about the party, and the reference records that follow it (the
  // list entry a screening hit names, with its date).
  auto add = [&](const Evidence& ev) {
    bool follows = false;
    for (const Fact& f : ev.facts) {
      const bool about = About(f.path, v.path);
      follows = about || (follows && f.path.starts_with("ref."));
      if (!follows) continue;
      bool seen = false;
      for (const Fact& g : v.findings) seen = seen || g == f;
      if (!seen) v.findings.push_back(f);
    }
  };
  for (const HardStop& s : a.hard_stops) add(s.evidence);
  for (const Contribution& c : a.contributions) add(c.evidence);
  return v;
}

void BuildHeader(const Plan& plan, const Assessment& a, HeaderView* h) {
  const Case& c = *a.c;
  h->case_id = c.id;
  h->assessed_on = FormatDate(c.assessed_on);
  h->exporter = absl::StrCat(c.exporter.name, " (", std::string(c.exporter.country.view()), ")");
  h->end_user = absl::StrCat(c.end_user.name, " (", std::string(c.end_user.country.view()), ")",
                             c.end_user.kind
                                 ? absl::StrCat(", ", Words(EnumWord(*c.end_user.kind)))
                                 : "");
  h->destination = CountryText(plan, c.end_user.country);
  h->deciding_state =
      DecidingStateReason(c, ResolveDecidingState(c, *plan.reference));
  for (const GoodsLine& g : c.goods) {
    h->goods.push_back(absl::StrCat(g.quantity, " ", Words(EnumWord(g.quantity_unit)),
                                    ", ", Words(EnumWord(g.category)), ": ",
                                    g.description));
  }
  h->rule_set = absl::StrCat(plan.name, " ", plan.version);
  h->sha256 = plan.sha256;
  for (const ReferenceFileInfo& f : plan.reference->files) {
    if (f.illustrative) h->illustrative.push_back(absl::StrCat(f.kind, " (", f.file, ")"));
  }
}

void BuildStops(const Plan& plan, const Assessment& a, ReportView* v) {
  for (const HardStop& stop : a.hard_stops) {
    const GateSpec& gate = plan.gates[stop.gate];
    v->stops.push_back({EnumWord(stop.action), gate.reason, Citation(plan, gate.refs),
                        stop.on_unknown, stop.evidence.facts,
                        stop.evidence.unknown_facts});
  }
  if (a.result.overriding_risk) {
    const OverridingRiskSpec& o = *plan.overriding_risk;
    StopView s{"refuse", o.reason, Citation(plan, o.refs), false, {}, {}};
    s.evidence.push_back(
        {plan.categories[o.category].name,
         absl::StrCat(Points(Quantize(a.categories.final[o.category])),
                      " points, at or above the threshold of ",
                      Points(Quantize(o.threshold)))});
    v->stops.push_back(std::move(s));
  }
}

BarView IndicatorBar(const Plan& plan, const Assessment& a,
                     const ScoreLine& line, StopView* row) {
  const IndicatorSpec& spec = plan.indicators[line.indicator];
  BarView bar;
  bar.id = spec.id;
  bar.citation = Citation(plan, spec.refs);
  bar.reason = spec.evidence;
  for (const Contribution& c : a.contributions) {
    if (c.indicator != line.indicator) continue;
    bar.unknown = c.unknown;
    row->evidence = c.evidence.facts;
    row->unknown_facts = c.evidence.unknown_facts;
  }
  return bar;
}

void BuildBars(const Plan& plan, const Assessment& a, ReportView* v) {
  v->categories.resize(plan.categories.size());
  for (size_t k = 0; k < plan.categories.size(); ++k) {
    v->categories[k].name = plan.categories[k].name;
  }
  for (const ScoreLine& line : a.score_lines) {
    StopView row;
    BarView bar;
    switch (line.kind) {
      case ScoreLine::Kind::kIndicator:
        bar = IndicatorBar(plan, a, line, &row);
        break;
      case ScoreLine::Kind::kMeasure: {
        if (line.shown_tenths == 0) continue;  // under 0.05 off this category
        const MitigationSpec* spec = plan.FindMitigation(line.measure);
        bar.kind = BarView::Kind::kCondition;
        bar.id = absl::StrCat("condition: ", Words(EnumWord(line.measure)));
        bar.citation = Citation(plan, spec->refs);
        bar.reason = spec->condition;
        break;
      }
      case ScoreLine::Kind::kCap:
        bar.kind = BarView::Kind::kCap;
        bar.id = "category cap";
        bar.reason = line.points_q < 0
                         ? absl::StrCat("the category counts at most ",
                                        Points(Quantize(plan.categories[line.category].cap)),
                                        " points")
                         : "the category counts no less than 0";
        break;
    }
    bar.points_q = line.points_q;
    bar.shown = SignedTenths(line.shown_tenths);
    bar.mitigating = line.points_q < 0;
    bar.treaty_refs = TreatyRefs(bar.citation);
    v->largest_bar_q = std::max(v->largest_bar_q, std::abs(bar.points_q));
    row.action = bar.shown;
    row.title = absl::StrCat(bar.id, ": ", bar.reason);
    row.citation = bar.citation;
    row.on_unknown = bar.unknown;
    v->evidence.push_back(std::move(row));
    v->categories[line.category].bars.push_back(std::move(bar));
  }
}

void BuildRoute(const Plan& plan, const Case& c, ReportView* v) {
  v->route_disclosed = c.transport.has_value() && !c.transport->legs.empty();
  if (!v->route_disclosed) return;
  const std::vector<Leg>& legs = c.transport->legs;
  v->route.push_back({CountryText(plan, legs[0].from), "origin", "", false,
                      false, EmbargoesOn(plan, legs[0].from, c.assessed_on)});
  for (size_t i = 0; i < legs.size(); ++i) {
    const Leg& leg = legs[i];
    v->route.push_back({CountryText(plan, leg.to),
                        i + 1 == legs.size() ? "destination" : "transit",
                        EnumWord(leg.mode), leg.transshipment.value_or(false),
                        leg.free_trade_zone.value_or(false),
                        EmbargoesOn(plan, leg.to, c.assessed_on)});
  }
}

void BuildConditions(const Plan& plan, const Assessment& a, ReportView* v) {
  for (Mitigation m : a.conditions) {
    v->conditions.push_back({Words(EnumWord(m)),
                             plan.FindMitigation(m)->condition,
                             "credited: the score already counts it", true});
  }
  for (const MitigationSuggestion& s : a.suggestions) {
    v->conditions.push_back(
        {Words(EnumWord(s.measure)), plan.FindMitigation(s.measure)->condition,
         absl::StrCat(s.effect, " (score ", Points(s.score_q), " instead of ",
                      Points(a.result.score_q), ")"),
         false});
  }
  for (const UncreditedMeasure& u : a.not_credited) {
    v->not_credited.push_back({Words(EnumWord(u.measure)), u.reason});
  }
  if (a.suggestions.empty() && a.mitigation_blocker >= 0) {
    const IndicatorSpec& blocker = plan.indicators[a.mitigation_blocker];
    v->no_condition_reason =
        absl::StrCat("no condition answers ", blocker.id, ": ", blocker.evidence);
  }
}

}  // namespace

std::string Points(int64_t q) {
  // Rounded half away from zero from the integer, so no double is printed.
  const int64_t tenths = (q >= 0 ? q + 500 : q - 500) / 1000;
  return absl::StrFormat("%s%d.%d", tenths < 0 ? "-" : "",
                         std::abs(tenths) / 10, std::abs(tenths) % 10);
}

std::string SignedTenths(int64_t tenths) {
  return absl::StrFormat("%s%d.%d", tenths > 0 ? "+" : tenths < 0 ? "-" : "",
                         std::abs(tenths) / 10, std::abs(tenths) % 10);
}

std::string Words(std::string_view word) {
  std::string s(word);
  for (char& ch : s) {
    if (ch == '_') ch = ' ';
  }
  return s;
}

ReportView BuildReportView(const Plan& plan, const Assessment& a) {
  ReportView v;
  const Case& c = *a.c;
  BuildHeader(plan, a, &v.header);
  v.recommendation_word = EnumWord(a.result.recommendation);
  v.recommendation = Words(v.recommendation_word);
  v.recommendation[0] = static_cast<char>(std::toupper(v.recommendation[0]));
  v.band = plan.bands[a.result.band].id;
  v.score_q = a.result.score_q;
  v.min_q = a.result.min_q;
  v.max_q = a.result.max_q;
  v.reason = a.reason;
  BuildStops(plan, a, &v);
  BuildBars(plan, a, &v);
  BuildRoute(plan, c, &v);
  v.parties.push_back(MakeParty(plan, a, c.exporter, "exporter", "exporter"));
  v.parties.push_back(MakeParty(plan, a, c.end_user, "end user", "end_user"));
  for (size_t i = 0; i < c.parties.size(); ++i) {
    const Party& p = c.parties[i];
    v.parties.push_back(MakeParty(plan, a, p,
                                  p.role ? Words(EnumWord(*p.role)) : "party",
                                  absl::StrCat("parties[", i, "]")));
  }
  for (const Question& q : a.questions) {
    v.questions.push_back({AskWhom(q.addressee), q.text, q.swing_q,
                           q.could_change_outcome});
  }
  BuildConditions(plan, a, &v);
  return v;
}

}  // namespace divrisk
