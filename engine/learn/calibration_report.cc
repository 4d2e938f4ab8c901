#include "engine/learn/calibration_report.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/json_writer.h"
#include "engine/doc/visible_text.h"

namespace divrisk::learn {

namespace {

std::string F4(double v) {
  return std::isfinite(v) ? absl::StrFormat("%.4f", v) : std::string("n/a");
}

JsonWriter& Num(JsonWriter& j, double v) {
  return std::isfinite(v) ? j.Raw(absl::StrFormat("%.4f", v)) : j.Null();
}

void RuleSetJson(const Plan& p, JsonWriter& j) {
  j.Open('{').Key("name").Str(p.name).Key("version").Str(p.version);
  j.Key("sha256").Word(p.sha256).Close('}');
}

void PrJson(const PrecisionRecall& r, JsonWriter& j) {
  j.Open('{').Key("flagged").Int(r.flagged).Key("true_positives").Int(r.true_positives);
  j.Key("precision");
  Num(j, r.precision).Key("recall");
  Num(j, r.recall).Close('}');
}

std::string PrText(const PrecisionRecall& r) {
  return absl::StrCat("flagged ", r.flagged, ", diverted among them ",
                      r.true_positives, ": precision ", F4(r.precision),
                      ", recall ", F4(r.recall));
}

}  // namespace

std::string ProposalSummary(const Plan& plan, const Calibration& c,
                            const ReportContext& ctx) {
  return absl::StrCat(
      "Proposed by divrisk calibrate from ", plan.name, " ", plan.version,
      " (sha256:", plan.sha256, ")\n", "on the archive ", ctx.archive, ": ",
      c.cases, " valid cases, ", c.labelled, " with a known outcome, ",
      c.diverted, " found diverted.\n",
      "Fit: L2-regularised logistic regression (l2 ", F4(c.l2), "), ", c.folds,
      "-fold cross-validation; ", F4(c.points_per_logit),
      " points per unit of log-odds", c.scale_from_archive ? " (from the current score)" : " (given)",
      ".\n", "Out-of-fold AUC ", F4(c.auc.auc), " (95% bootstrap ", F4(c.auc.low),
      " to ", F4(c.auc.high), "); the current score's ", F4(c.auc_current), ".\n",
      "Learned weights and", c.priors.empty() ? "" : " unknown values",
      " below are proposals: review them, and run divrisk diff before use.\n",
      "Gate indicators and those marked fixed: true were not learned.");
}

void AppendCalibrationText(const Plan& plan, const Calibration& c,
                           const ReportContext& ctx, std::string* out) {
  absl::StrAppend(out, "Calibration of ", Visible(plan.name), " ",
                  Visible(plan.version), " sha256:", plan.sha256, "\n");
  absl::StrAppend(out, "Archive: ", Visible(ctx.archive), ": ", ctx.read,
                  " lines, ", ctx.rejected, " rejected, ", c.cases,
                  " cases; ", c.labelled, " with a known outcome, ", c.diverted,
                  " found diverted\n");
  absl::StrAppend(out, "Fit: L2 ", F4(c.l2), ", ", c.folds,
                  "-fold cross-validation, ", F4(c.points_per_logit),
                  " points per unit of log-odds",
                  c.scale_from_archive ? " (from the current score)" : " (given)",
                  c.converged ? "" : "; WARNING: a fit did not converge", "\n\n");
  absl::StrAppend(out, "AUC (out of fold): ", F4(c.auc.auc), " (95% bootstrap ",
                  F4(c.auc.low), " to ", F4(c.auc.high),
                  "); current score: ", F4(c.auc_current), "\n");
  absl::StrAppend(out, "At the refer threshold (", F4(c.refer_threshold),
                  " points):\n  current:  ", PrText(c.current),
                  "\n  proposed: ", PrText(c.proposed), "\n\n");
  absl::StrAppend(out, "Reliability (out of fold):\n  predicted   cases   mean predicted   observed\n");
  for (const ReliabilityBin& b : c.reliability) {
    absl::StrAppend(out, absl::StrFormat("  %.1f-%.1f %9d   %14s   %8s\n", b.from,
                                         b.to, b.cases, F4(b.mean_predicted),
                                         F4(b.observed)));
  }
  absl::StrAppend(out, "\nWeights, old -> proposed [95% interval] (points):\n");
  for (const WeightProposal& w : c.weights) {
    const std::string id = Visible(plan.indicators[w.indicator].id);
    if (!w.learned) {
      absl::StrAppend(out, "  ", id, "  ", F4(w.old_weight), " kept (",
                      w.kept_because, ")\n");
      continue;
    }
    absl::StrAppend(out, "  ", id, "  ", F4(w.old_weight), " -> ",
                    F4(w.proposed), " [", F4(w.low), " to ", F4(w.high),
                    "]  (log-odds ", F4(w.beta), ")\n");
  }
  if (!c.priors.empty()) {
    absl::StrAppend(out, "\nUnknown values from the archive (share adverse where known, 95% Wilson interval):\n");
    for (const PriorProposal& p : c.priors) {
      absl::StrAppend(out, "  ", Visible(plan.indicators[p.indicator].id),
                      "  known in ", p.known, " (unknown in ", p.unknown,
                      "), adverse ", F4(p.adverse), ": ", F4(p.rate), " [",
                      F4(p.low), " to ", F4(p.high), "]; ", F4(p.old_value),
                      " -> ", F4(p.proposed),
                      p.worst_known < p.rate ? " (capped at the worst known value)" : "",
                      "\n");
    }
  }
  if (ctx.proposed != nullptr) {
    absl::StrAppend(out, "\nProposed rule set: ", Visible(ctx.proposed_dir), " (",
                    Visible(ctx.proposed->name), " ", Visible(ctx.proposed->version),
                    " sha256:", ctx.proposed->sha256, ")\nSee what it would change: divrisk diff --old ",
                    Visible(ctx.rules_dir), " --new ", Visible(ctx.proposed_dir), " ",
                    Visible(ctx.archive), "\n");
  }
}

void AppendCalibrationJson(const Plan& plan, const Calibration& c,
                           const ReportContext& ctx, std::string* out) {
  JsonWriter j(out);
  j.Open('{').Key("rule_set");
  RuleSetJson(plan, j);
  j.Key("archive").Open('{').Key("file").Str(ctx.archive).Key("read").Int(ctx.read);
  j.Key("rejected").Int(ctx.rejected).Key("cases").Int(c.cases);
  j.Key("labelled").Int(c.labelled).Key("diverted").Int(c.diverted).Close('}');
  j.Key("fit").Open('{').Key("method").Word("l2_logistic_regression");
  j.Key("l2");
  Num(j, c.l2).Key("folds").Int(c.folds).Key("points_per_logit");
  Num(j, c.points_per_logit).Key("scale_from_archive").Bool(c.scale_from_archive);
  j.Key("intercept");
  Num(j, c.intercept).Key("converged").Bool(c.converged).Close('}');
  j.Key("auc").Open('{').Key("out_of_fold");
  Num(j, c.auc.auc).Key("low");
  Num(j, c.auc.low).Key("high");
  Num(j, c.auc.high).Key("current");
  Num(j, c.auc_current).Close('}');
  j.Key("refer_threshold");
  Num(j, c.refer_threshold).Key("current");
  PrJson(c.current, j);
  j.Key("proposed");
  PrJson(c.proposed, j);
  j.Key("reliability").Open('[');
  for (const ReliabilityBin& b : c.reliability) {
    j.Open('{').Key("from");
    Num(j, b.from).Key("to");
    Num(j, b.to).Key("cases").Int(b.cases).Key("mean_predicted");
    Num(j, b.mean_predicted).Key("observed");
    Num(j, b.observed).Close('}');
  }
  j.Close(']').Key("weights").Open('[');
  for (const WeightProposal& w : c.weights) {
    j.Open('{').Key("indicator").Str(plan.indicators[w.indicator].id);
    j.Key("old");
    Num(j, w.old_weight).Key("learned").Bool(w.learned);
    if (!w.learned) {
      j.Key("kept_because").Str(w.kept_because).Close('}');
      continue;
    }
    j.Key("proposed");
    Num(j, w.proposed).Key("low");
    Num(j, w.low).Key("high");
    Num(j, w.high).Key("log_odds");
    Num(j, w.beta).Key("log_odds_low");
    Num(j, w.beta_low).Key("log_odds_high");
    Num(j, w.beta_high).Close('}');
  }
  j.Close(']').Key("priors").Open('[');
  for (const PriorProposal& p : c.priors) {
    j.Open('{').Key("indicator").Str(plan.indicators[p.indicator].id);
    j.Key("known").Int(p.known).Key("unknown").Int(p.unknown).Key("adverse");
    Num(j, p.adverse).Key("rate");
    Num(j, p.rate).Key("low");
    Num(j, p.low).Key("high");
    Num(j, p.high).Key("worst_known");
    Num(j, p.worst_known).Key("old");
    Num(j, p.old_value).Key("proposed");
    Num(j, p.proposed).Close('}');
  }
  j.Close(']').Key("proposed_rule_set");
  if (ctx.proposed != nullptr) {
    j.Open('{').Key("dir").Str(ctx.proposed_dir).Key("name").Str(ctx.proposed->name);
    j.Key("version").Str(ctx.proposed->version).Key("sha256").Word(ctx.proposed->sha256).Close('}');
  } else {
    j.Null();
  }
  j.Close('}').Put('\n');
}

}  // namespace divrisk::learn
