#include "engine/report/calibration_page.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/html_text.h"
#include "engine/report/calibration_charts.h"
#include "engine/report/html_page.h"

namespace divrisk {
namespace {

std::string F4(double v) {
  return std::isfinite(v) ? absl::StrFormat("%.4f", v) : std::string("n/a");
}

void Fact(const char* term, const std::string& escaped_value, std::string* out) {
  absl::StrAppend(out, "<dt>", term, "</dt><dd>", escaped_value, "</dd>");
}

std::string RuleSet(const Plan& p) {
  return absl::StrCat(Html(p.name), " ", Html(p.version),
                      " <span class=\"sha\">sha256:", Html(p.sha256), "</span>");
}

void AppendHeader(const Plan& plan, const learn::Calibration& c,
                  const learn::ReportContext& ctx, std::string* out) {
  absl::StrAppend(out, "<h1>Calibration of ", Html(plan.name), " ",
                  Html(plan.version), "</h1>\n<dl class=\"facts\">");
  Fact("Rule set", RuleSet(plan), out);
  if (ctx.proposed != nullptr) {
    Fact("Proposed rule set",
         absl::StrCat(RuleSet(*ctx.proposed), " in <code>",
                      Html(ctx.proposed_dir), "</code>"),
         out);
  }
  Fact("Archive",
       absl::StrCat("<code>", Html(ctx.archive), "</code>: ", ctx.read,
                    " lines, ", ctx.rejected, " rejected, ", c.cases, " cases; ",
                    c.labelled, " with a known outcome, ", c.diverted,
                    " found diverted"),
       out);
  Fact("Fit",
       absl::StrCat("L2-regularised logistic regression (l2 ", F4(c.l2), "), ",
                    c.folds, "-fold cross-validation; ", F4(c.points_per_logit),
                    " points per unit of log-odds",
                    c.scale_from_archive ? " (from the current score)" : " (given)"),
       out);
  absl::StrAppend(out, "</dl>\n");
  if (!c.converged) {
    absl::StrAppend(out, "<p class=\"warning\">A fit did not converge: read the "
                         "proposals with care.</p>\n");
  }
  absl::StrAppend(out, "<p class=\"warning\">These are proposals. Review them, "
                       "and see what they would change with <code>divrisk diff "
                       "--old ", Html(ctx.rules_dir), " --new ",
                  Html(ctx.proposed_dir), " ", Html(ctx.archive),
                  "</code> before any use.</p>\n");
}

void PrRow(const char* name, const learn::PrecisionRecall& r, std::string* out) {
  absl::StrAppend(out, "<tr><td>", name, "</td><td class=\"num\">", r.flagged,
                  "</td><td class=\"num\">", r.true_positives,
                  "</td><td class=\"num\">", F4(r.precision),
                  "</td><td class=\"num\">", F4(r.recall), "</td></tr>");
}

void AppendQuality(const learn::Calibration& c, std::string* out) {
  absl::StrAppend(out, "<h2 id=\"auc\">How well the scores separate outcomes</h2>\n"
                       "<p>AUC of the proposed weights, out of fold: <b>",
                  F4(c.auc.auc), "</b> (95% bootstrap interval ", F4(c.auc.low),
                  " to ", F4(c.auc.high), "); of the current score on the same "
                  "cases: <b>", F4(c.auc_current), "</b>.</p>\n");
  absl::StrAppend(out, "<h3>At the refer threshold (", F4(c.refer_threshold),
                  " points)</h3>\n<table id=\"threshold\"><thead><tr><th>weights"
                  "</th><th>flagged</th><th>diverted among them</th><th>"
                  "precision</th><th>recall</th></tr></thead><tbody>");
  PrRow("current", c.current, out);
  PrRow("proposed (out of fold)", c.proposed, out);
  absl::StrAppend(out, "</tbody></table>\n");
  absl::StrAppend(out, "<h2 id=\"reliability\">Reliability (out of fold)</h2>\n");
  AppendReliabilityChart(c, out);
  absl::StrAppend(out, "<table id=\"reliability-table\"><thead><tr><th>predicted"
                       "</th><th>cases</th><th>mean predicted</th><th>observed"
                       "</th></tr></thead><tbody>");
  for (const learn::ReliabilityBin& b : c.reliability) {
    absl::StrAppend(out, "<tr><td>", absl::StrFormat("%.1f-%.1f", b.from, b.to),
                    "</td><td class=\"num\">", b.cases, "</td><td class=\"num\">",
                    F4(b.mean_predicted), "</td><td class=\"num\">",
                    F4(b.observed), "</td></tr>");
  }
  absl::StrAppend(out, "</tbody></table>\n");
}

void AppendWeights(const Plan& plan, const learn::Calibration& c, std::string* out) {
  absl::StrAppend(out, "<h2 id=\"weights\">Weights, old and proposed (points)</h2>\n");
  AppendWeightChart(plan, c, out);
  absl::StrAppend(out, "<table id=\"weight-table\"><thead><tr><th>indicator</th>"
                       "<th>old</th><th>proposed</th><th>95% interval</th>"
                       "<th>log-odds</th></tr></thead><tbody>");
  for (const learn::WeightProposal& w : c.weights) {
    absl::StrAppend(out, "<tr><td><code>", Html(plan.indicators[w.indicator].id),
                    "</code></td><td class=\"num\">", F4(w.old_weight), "</td>");
    if (!w.learned) {
      absl::StrAppend(out, "<td colspan=\"3\" class=\"none\">kept (",
                      Html(w.kept_because), ")</td></tr>");
      continue;
    }
    absl::StrAppend(out, "<td class=\"num\">", F4(w.proposed),
                    "</td><td class=\"num\">", F4(w.low), " to ", F4(w.high),
                    "</td><td class=\"num\">", F4(w.beta), "</td></tr>");
  }
  absl::StrAppend(out, "</tbody></table>\n");
}

void AppendPriors(const Plan& plan, const learn::Calibration& c, std::string* out) {
  absl::StrAppend(out, "<h2 id=\"priors\">Unknown values from the archive</h2>\n");
  if (c.priors.empty()) {
    absl::StrAppend(out, "<p class=\"none\">Not proposed (run calibrate with "
                         "<code>--priors</code>).</p>\n");
    return;
  }
  absl::StrAppend(out, "<table id=\"prior-table\"><thead><tr><th>indicator</th>"
                       "<th>known</th><th>unknown</th><th>share adverse where "
                       "known [95% Wilson]</th><th>old</th><th>proposed</th>"
                       "</tr></thead><tbody>");
  for (const learn::PriorProposal& p : c.priors) {
    absl::StrAppend(out, "<tr><td><code>", Html(plan.indicators[p.indicator].id),
                    "</code></td><td class=\"num\">", p.known,
                    "</td><td class=\"num\">", p.unknown, "</td><td class=\"num\">",
                    F4(p.rate), " [", F4(p.low), " to ", F4(p.high),
                    "]</td><td class=\"num\">", F4(p.old_value),
                    "</td><td class=\"num\">", F4(p.proposed),
                    p.worst_known < p.rate ? " (capped at the worst known value)" : "",
                    "</td></tr>");
  }
  absl::StrAppend(out, "</tbody></table>\n");
}

}  // namespace

void AppendCalibrationHtml(const Plan& plan, const learn::Calibration& c,
                           const learn::ReportContext& ctx, std::string* out) {
  AppendHtmlPageStart(absl::StrCat("divrisk calibration of ", plan.name), out);
  AppendHeader(plan, c, ctx, out);
  AppendQuality(c, out);
  AppendWeights(plan, c, out);
  AppendPriors(plan, c, out);
  AppendHtmlPageEnd(
      "Produced by divrisk calibrate. The weights above are fitted to past "
      "outcomes and are proposals for review; they change no decision until a "
      "person adopts the proposed rule set.",
      out);
}

}  // namespace divrisk
