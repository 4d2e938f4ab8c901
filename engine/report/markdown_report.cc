#include "engine/report/markdown_report.h"

#include "absl/strings/str_cat.h"
#include "engine/doc/visible_text.h"
#include "engine/report/report_text.h"
#include "engine/report/report_view.h"

namespace divrisk {
namespace {

std::string Md(std::string_view text) {
  std::string out;
  AppendMarkdown(text, &out);
  return out;
}

void Facts(const std::vector<Fact>& facts,
           const std::vector<std::string>& unknown, const char* indent,
           std::string* out) {
  for (const Fact& f : facts) {
    absl::StrAppend(out, indent, "- ", Md(f.path), ": ", Md(f.value), "\n");
  }
  for (const std::string& u : unknown) {
    absl::StrAppend(out, indent, "- not known: ", Md(u), "\n");
  }
}

void Header(const ReportView& v, std::string* out) {
  const HeaderView& h = v.header;
  absl::StrAppend(out, "# Export licence assessment: ", Md(h.case_id), "\n\n");
  if (!h.illustrative.empty()) {
    absl::StrAppend(out, "> **", Md(kIllustrativeWarning), "** ",
                    Md(IllustrativeList(h)), "\n\n");
  }
  absl::StrAppend(out, "- **Case:** ", Md(h.case_id), "\n");
  absl::StrAppend(out, "- **Exporter:** ", Md(h.exporter), "\n");
  absl::StrAppend(out, "- **End user:** ", Md(h.end_user), "\n");
  absl::StrAppend(out, "- **Destination:** ", Md(h.destination), "\n");
  absl::StrAppend(out, "- **Deciding state:** ", Md(h.deciding_state), "\n");
  absl::StrAppend(out, "- **Goods:**\n");
  for (const std::string& g : h.goods) absl::StrAppend(out, "  - ", Md(g), "\n");
  absl::StrAppend(out, "- **Assessed on:** ", Md(h.assessed_on), "\n");
  absl::StrAppend(out, "- **Rule set:** ", Md(h.rule_set), ", SHA-256 `",
                  h.sha256, "`\n");
  absl::StrAppend(out, "- **Engine:** divrisk ", Md(kEngineVersion), "\n\n");
}

// Hard stops, or (with `unknown_note` "fact not known") the evidence rows.
void Stops(const std::vector<StopView>& stops, const char* unknown_note,
           std::string* out) {
  for (const StopView& s : stops) {
    absl::StrAppend(out, "- **", Md(s.action), "**: ", Md(s.title),
                    s.on_unknown ? absl::StrCat(" (", unknown_note, ")") : "",
                    " (", Md(s.citation), ")\n");
    Facts(s.evidence, s.unknown_facts, "  ", out);
  }
}

void Body(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "## Recommendation: ", Md(v.recommendation), "\n\n**",
                  Md(v.reason), "**\n\n", Md(ScoreLine(v)), "\n\n");
  absl::StrAppend(out, "## Hard stops\n\n");
  if (v.stops.empty()) absl::StrAppend(out, Md(kNoHardStop), "\n");
  Stops(v.stops, "facts not known: it cannot be cleared", out);

  absl::StrAppend(out, "\n## What drives the score\n\n");
  for (const CategoryView& cat : v.categories) {
    if (cat.bars.empty()) continue;
    absl::StrAppend(out, "### ", Md(cat.name), "\n\n");
    for (const BarView& b : cat.bars) {
      absl::StrAppend(out, "- ", b.shown, " ", Md(b.reason),
                      b.unknown ? " (fact not known)" : "", " (",
                      Md(b.citation), ")\n");
    }
    absl::StrAppend(out, "\n");
  }

  absl::StrAppend(out, "## Transport route\n\n");
  if (!v.route_disclosed) absl::StrAppend(out, Md(kNoRoute), "\n");
  for (size_t i = 0; i < v.route.size(); ++i) {
    const RouteStopView& s = v.route[i];
    absl::StrAppend(out, i + 1, ". ", s.mode_in.empty() ? "" : "by " + s.mode_in + " to ",
                    "**", Md(s.country), "** (", s.role,
                    s.transshipment ? ", transshipment" : "",
                    s.free_trade_zone ? ", free-trade zone" : "", "): ");
    if (s.embargoes.empty()) absl::StrAppend(out, "no arms embargo in force");
    for (size_t k = 0; k < s.embargoes.size(); ++k) {
      absl::StrAppend(out, k > 0 ? "; " : "", Md(s.embargoes[k]));
    }
    absl::StrAppend(out, "\n");
  }

  absl::StrAppend(out, "\n## Parties\n\n");
  for (const PartyView& p : v.parties) {
    absl::StrAppend(out, "- **", Md(p.name), "**, ", Md(p.role), ", ",
                    Md(p.country), "; ", Md(p.register_text),
                    p.findings.empty() ? ": no finding" : "", "\n");
    Facts(p.findings, {}, "  ", out);
  }

  absl::StrAppend(out, "\n## Questions to ask next\n\n");
  if (v.questions.empty()) absl::StrAppend(out, Md(kNoQuestion), "\n");
  for (size_t i = 0; i < v.questions.size(); ++i) {
    const QuestionView& q = v.questions[i];
    absl::StrAppend(out, i + 1, ". **", Md(q.addressee), ":** ", Md(q.text),
                    " (", Md(QuestionNote(q)), ")\n");
  }

  absl::StrAppend(out, "\n## Licence conditions\n\n");
  if (v.conditions.empty()) absl::StrAppend(out, Md(NoConditionText(v)), "\n");
  for (const ConditionView& c : v.conditions) {
    absl::StrAppend(out, "- **", Md(c.measure), "**: ", Md(c.condition), " ",
                    Md(c.effect), "\n");
  }
  for (const auto& [measure, reason] : v.not_credited) {
    absl::StrAppend(out, "- ", Md(measure), ": offered, not credited: ", Md(reason), "\n");
  }

  absl::StrAppend(out, "\n## Evidence\n\n");
  Stops(v.evidence, "fact not known", out);
  absl::StrAppend(out, "\n---\n\n", Md(FooterNote(v)), "\n");
}

}  // namespace

void AppendMarkdown(std::string_view text, std::string* out) {
  for (char ch : Visible(text)) {
    if (std::string_view("\\`*_[]<>&!|~#$").find(ch) != std::string_view::npos) {
      out->push_back('\\');
    }
    out->push_back(ch);
  }
}

void AppendMarkdownReport(const Plan& plan, const Assessment& a,
                          std::string* out) {
  const ReportView v = BuildReportView(plan, a);
  Header(v, out);
  Body(v, out);
}

}  // namespace divrisk
