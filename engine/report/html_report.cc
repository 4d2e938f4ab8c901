#include "engine/report/html_report.h"

#include "absl/strings/str_cat.h"
#include "engine/doc/html_text.h"
#include "engine/report/html_page.h"
#include "engine/report/report_text.h"
#include "engine/report/report_view.h"

namespace divrisk {
namespace {

void Field(const char* name, std::string_view value, std::string* out) {
  absl::StrAppend(out, "<dt>", name, "</dt><dd>");
  AppendHtml(value, out);
  absl::StrAppend(out, "</dd>\n");
}

void FactList(const std::vector<Fact>& facts,
              const std::vector<std::string>& unknown, std::string* out) {
  if (facts.empty() && unknown.empty()) return;
  absl::StrAppend(out, "<ul>");
  for (const Fact& f : facts) {
    absl::StrAppend(out, "<li><code>");
    AppendHtml(f.path, out);
    absl::StrAppend(out, "</code>: ");
    AppendHtml(f.value, out);
    absl::StrAppend(out, "</li>");
  }
  for (const std::string& u : unknown) {
    absl::StrAppend(out, "<li>not known: <code>");
    AppendHtml(u, out);
    absl::StrAppend(out, "</code></li>");
  }
  absl::StrAppend(out, "</ul>");
}

void Header(const ReportView& v, std::string* out) {
  const HeaderView& h = v.header;
  absl::StrAppend(out, "<header>\n<h1>Export licence assessment: ");
  AppendHtml(h.case_id, out);
  absl::StrAppend(out, "</h1>\n");
  if (!h.illustrative.empty()) {
    absl::StrAppend(out, "<p class=\"warning\" id=\"illustrative\">",
                    kIllustrativeWarning, " ");
    AppendHtml(IllustrativeList(h), out);
    absl::StrAppend(out, "</p>\n");
  }
  absl::StrAppend(out, "<dl class=\"facts\">\n");
  Field("Case", h.case_id, out);
  Field("Exporter", h.exporter, out);
  Field("End user", h.end_user, out);
  Field("Destination", h.destination, out);
  Field("Deciding state", h.deciding_state, out);
  absl::StrAppend(out, "<dt>Goods</dt><dd><ul>");
  for (const std::string& g : h.goods) {
    absl::StrAppend(out, "<li>");
    AppendHtml(g, out);
    absl::StrAppend(out, "</li>");
  }
  absl::StrAppend(out, "</ul></dd>\n");
  Field("Assessed on", h.assessed_on, out);
  Field("Rule set", h.rule_set, out);
  absl::StrAppend(out, "<dt>Rule set SHA-256</dt><dd class=\"sha\">");
  AppendHtml(h.sha256, out);
  absl::StrAppend(out, "</dd>\n");
  Field("Engine", absl::StrCat("divrisk ", kEngineVersion), out);
  absl::StrAppend(out, "</dl>\n</header>\n");
}

void Verdict(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section class=\"verdict rec-", v.recommendation_word,
                  "\" id=\"recommendation\">\n<p class=\"rec\">");
  AppendHtml(v.recommendation, out);
  absl::StrAppend(out, "</p>\n<p class=\"reason\">");
  AppendHtml(v.reason, out);
  absl::StrAppend(out, "</p>\n<p>", ScoreLine(v), "</p>\n</section>\n");
}

void Stop(const StopView& s, std::string* out) {
  absl::StrAppend(out, "<div class=\"stop\"><p><span class=\"action\">");
  AppendHtml(s.action, out);
  absl::StrAppend(out, "</span> ");
  AppendHtml(s.title, out);
  if (s.on_unknown) absl::StrAppend(out, " (facts not known: it cannot be cleared)");
  absl::StrAppend(out, "<br><small>");
  AppendHtml(s.citation, out);
  absl::StrAppend(out, "</small></p>");
  FactList(s.evidence, s.unknown_facts, out);
  absl::StrAppend(out, "</div>\n");
}

void HardStops(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"hard-stops\"><h2>Hard stops</h2>\n");
  if (v.stops.empty()) {
    absl::StrAppend(out, "<p class=\"none\">", kNoHardStop, "</p>\n");
  }
  for (const StopView& s : v.stops) Stop(s, out);
  absl::StrAppend(out, "</section>\n");
}

void Chart(const ReportView& v, std::string* out) {
  absl::StrAppend(
      out, "<section id=\"contributions\"><h2>What drives the score</h2>\n"
           "<p class=\"legend\"><span><i class=\"swatch\" style=\"background:"
           "#b3261e\"></i>adverse, fact known</span><span><i class=\"swatch\" "
           "style=\"background:repeating-linear-gradient(45deg,#b3261e 0 2px,"
           "#f4c7c3 2px 5px)\"></i>adverse, fact not yet known (counted at how "
           "often it is found)</span><span><i class=\"swatch\" style=\""
           "background:#1b6e3a\"></i>taken off by a licence condition</span>"
           "<span><i class=\"swatch\" style=\"background:#777\"></i>taken "
           "off by the category's cap</span></p>\n<p>Each indicator shows its "
           "weight times how far it applies, from 0 to 1; the lines are "
           "rounded to one decimal so that they add up to the score shown."
           "</p>\n");
  AppendContributionChart(v, out);
  absl::StrAppend(out, "</section>\n");
}

void Route(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"route\"><h2>Transport route</h2>\n");
  if (!v.route_disclosed) {
    absl::StrAppend(out, "<p class=\"none\">", kNoRoute, "</p></section>\n");
    return;
  }
  absl::StrAppend(out, "<ol class=\"route\">\n");
  for (const RouteStopView& s : v.route) {
    absl::StrAppend(out, "<li class=\"stop-", s.role, "\">");
    if (!s.mode_in.empty()) {
      absl::StrAppend(out, "<span class=\"via\">&rarr; by ", s.mode_in, "</span><br>");
    }
    absl::StrAppend(out, "<strong>");
    AppendHtml(s.country, out);
    absl::StrAppend(out, "</strong><br><span class=\"tag\">", s.role, "</span>");
    if (s.transshipment) absl::StrAppend(out, "<span class=\"tag\">transshipment</span>");
    if (s.free_trade_zone) absl::StrAppend(out, "<span class=\"tag\">free-trade zone</span>");
    if (s.embargoes.empty()) {
      absl::StrAppend(out, "<br><small>no arms embargo in force</small>");
    }
    for (const std::string& e : s.embargoes) {
      absl::StrAppend(out, "<br><span class=\"embargo\">");
      AppendHtml(e, out);
      absl::StrAppend(out, "</span>");
    }
    absl::StrAppend(out, "</li>\n");
  }
  absl::StrAppend(out, "</ol></section>\n");
}

void Parties(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"parties\"><h2>Parties</h2>\n");
  for (const PartyView& p : v.parties) {
    absl::StrAppend(out, "<div class=\"party\"><h3>");
    AppendHtml(p.name, out);
    absl::StrAppend(out, "</h3><p>");
    AppendHtml(p.role, out);
    absl::StrAppend(out, ", ");
    AppendHtml(p.country, out);
    absl::StrAppend(out, "; ");
    AppendHtml(p.register_text, out);
    absl::StrAppend(out, "</p>");
    if (p.findings.empty()) absl::StrAppend(out, "<p class=\"none\">No finding.</p>");
    FactList(p.findings, {}, out);
    absl::StrAppend(out, "</div>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

void Questions(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"questions\"><h2>Questions to ask next</h2>\n");
  if (v.questions.empty()) {
    absl::StrAppend(out, "<p class=\"none\">", kNoQuestion, "</p></section>\n");
    return;
  }
  absl::StrAppend(out, "<ol>\n");
  for (const QuestionView& q : v.questions) {
    absl::StrAppend(out, "<li><strong>");
    AppendHtml(q.addressee, out);
    absl::StrAppend(out, ":</strong> ");
    AppendHtml(q.text, out);
    absl::StrAppend(out, " <small>(", QuestionNote(q), ")</small></li>\n");
  }
  absl::StrAppend(out, "</ol></section>\n");
}

void Conditions(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"conditions\"><h2>Licence conditions</h2>\n");
  if (v.conditions.empty()) {
    absl::StrAppend(out, "<p class=\"none\">");
    AppendHtml(NoConditionText(v), out);
    absl::StrAppend(out, "</p>\n");
  } else {
    absl::StrAppend(out, "<table><thead><tr><th style=\"width:22%\">Measure</th>"
                         "<th>Condition</th><th style=\"width:28%\">Effect</th>"
                         "</tr></thead><tbody>\n");
    for (const ConditionView& c : v.conditions) {
      absl::StrAppend(out, "<tr><td>");
      AppendHtml(c.measure, out);
      absl::StrAppend(out, "</td><td>");
      AppendHtml(c.condition, out);
      absl::StrAppend(out, "</td><td>");
      AppendHtml(c.effect, out);
      absl::StrAppend(out, "</td></tr>\n");
    }
    absl::StrAppend(out, "</tbody></table>\n");
  }
  for (const auto& [measure, reason] : v.not_credited) {
    absl::StrAppend(out, "<p>");
    AppendHtml(measure, out);
    absl::StrAppend(out, ": offered, not credited: ");
    AppendHtml(reason, out);
    absl::StrAppend(out, "</p>\n");
  }
  absl::StrAppend(out, "</section>\n");
}

void EvidenceTable(const ReportView& v, std::string* out) {
  absl::StrAppend(out, "<section id=\"evidence\"><h2>Evidence</h2>\n"
                       "<table><thead><tr><th style=\"width:9%\">Points</th>"
                       "<th style=\"width:30%\">Concern</th>"
                       "<th style=\"width:18%\">Reference</th>"
                       "<th>Facts</th></tr></thead><tbody>\n");
  for (const StopView& row : v.evidence) {
    absl::StrAppend(out, "<tr><td class=\"num\">");
    AppendHtml(row.action, out);
    absl::StrAppend(out, "</td><td>");
    AppendHtml(row.title, out);
    if (row.on_unknown) absl::StrAppend(out, " <em>(fact not known)</em>");
    absl::StrAppend(out, "</td><td>");
    AppendHtml(row.citation, out);
    absl::StrAppend(out, "</td><td>");
    FactList(row.evidence, row.unknown_facts, out);
    absl::StrAppend(out, "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></section>\n");
}

}  // namespace

void AppendHtmlReport(const Plan& plan, const Assessment& a, std::string* out) {
  const ReportView v = BuildReportView(plan, a);
  AppendHtmlPageStart(absl::StrCat("divrisk assessment ", v.header.case_id), out);
  Header(v, out);
  Verdict(v, out);
  HardStops(v, out);
  Chart(v, out);
  Route(v, out);
  Parties(v, out);
  Questions(v, out);
  Conditions(v, out);
  EvidenceTable(v, out);
  AppendHtmlPageEnd(FooterNote(v), out);
}

}  // namespace divrisk
