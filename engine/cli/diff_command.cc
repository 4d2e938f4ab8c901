// divrisk diff: what a rule change changes, over a whole archive.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/batch/rule_diff.h"
#include "engine/cli/commands.h"
#include "engine/doc/fixed_point.h"
#include "engine/doc/json_writer.h"
#include "engine/doc/visible_text.h"
#include "rules/compiler.h"

namespace divrisk::cli {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

// A row or column of the transitions: a recommendation, or "rejected".
const char* OutcomeWord(int k) {
  return k == DiffReport::kRejected
             ? "rejected"
             : EnumWord(static_cast<Recommendation>(k));
}

void RuleSetJson(const Plan& p, JsonWriter& j) {
  j.Open('{').Key("name").Str(p.name).Key("version").Str(p.version);
  j.Key("sha256").Word(p.sha256).Close('}');
}

void DistributionJson(const Plan& plan, const ScoreDistribution& d,
                      JsonWriter& j) {
  j.Open('{').Key("mean").Raw(absl::StrFormat("%.4f", d.Mean()));
  j.Key("min").Fixed(d.min_q);
  j.Key("p10").Raw(absl::StrFormat("%.0f", d.Quantile(0.1)));
  j.Key("p50").Raw(absl::StrFormat("%.0f", d.Quantile(0.5)));
  j.Key("p90").Raw(absl::StrFormat("%.0f", d.Quantile(0.9)));
  j.Key("max").Fixed(d.max_q).Key("bands").Open('{');
  for (size_t b = 0; b < plan.bands.size(); ++b) {
    j.Key(plan.bands[b].id).Int(d.per_band[b]);
  }
  j.Close('}').Close('}');
}

std::string ReportJson(const Plan& o, const Plan& n, const DiffReport& r) {
  std::string out;
  JsonWriter j(&out);  // flushed by Flush() below
  j.Open('{').Key("old");
  RuleSetJson(o, j);
  j.Key("new");
  RuleSetJson(n, j);
  j.Key("read").Int(r.read).Key("scored").Int(r.scored);
  j.Key("rejected").Int(r.rejected);
  j.Key("rejected_old_only").Int(r.rejected_old_only);
  j.Key("rejected_new_only").Int(r.rejected_new_only).Key("changed").Open('{');
  j.Key("score").Int(r.changed_score).Key("band").Int(r.changed_band);
  j.Key("recommendation").Int(r.changed_recommendation).Close('}');
  j.Key("transitions").Open('{');
  for (int a = 0; a < 5; ++a) {
    j.Key(OutcomeWord(a)).Open('{');
    for (int b = 0; b < 5; ++b) j.Key(OutcomeWord(b)).Int(r.transitions[a][b]);
    j.Close('}');
  }
  j.Close('}').Key("top_moves").Open('[');
  for (const CaseMove& m : r.top_moves) {
    j.Open('{').Key("line").Int(m.line).Key("case_id").Str(m.case_id);
    j.Key("old").Open('{').Key("score").Fixed(m.old_q);
    j.Key("band").Str(o.bands[m.old_band].id);
    j.Key("recommendation").Word(EnumWord(m.old_recommendation)).Close('}');
    j.Key("new").Open('{').Key("score").Fixed(m.new_q);
    j.Key("band").Str(n.bands[m.new_band].id);
    j.Key("recommendation").Word(EnumWord(m.new_recommendation)).Close('}');
    j.Key("delta").Fixed(m.new_q - m.old_q).Key("indicators").Open('[');
    for (const auto& [indicator, delta] : m.deltas) {
      j.Open('{').Key("indicator").Str(indicator);
      j.Key("delta").Fixed(delta).Close('}');
    }
    j.Close(']').Close('}');
  }
  j.Close(']').Key("one_sided").Open('[');
  for (const OneSidedCase& c : r.one_sided) {
    j.Open('{').Key("line").Int(c.line).Key("case_id").Str(c.case_id);
    j.Key("rejected_by").Word(c.rejected_by_new ? "new" : "old");
    j.Key("error").Str(c.error).Close('}');
  }
  j.Close(']').Key("scores").Open('{').Key("old");
  DistributionJson(o, r.old_scores, j);
  j.Key("new");
  DistributionJson(n, r.new_scores, j);
  j.Close('}').Close('}');
  j.Put('\n');
  j.Flush();
  return out;
}

std::string ReportText(const Plan& o, const Plan& n, const DiffReport& r) {
  // Names, ids and errors come from the rule sets and the archive: shown
  // visibly escaped, so none can act on the terminal or forge a line.
  std::string out = absl::StrCat(
      "Rule change: ", Visible(o.name), " ", Visible(o.version), " (",
      o.sha256.substr(0, 12), ") -> ", Visible(n.name), " ",
      Visible(n.version), " (", n.sha256.substr(0, 12), ")\n",
      "Cases: read ", r.read, ", scored ", r.scored, ", rejected ", r.rejected,
      "\nScored by one rule set only: rejected by the old ",
      r.rejected_old_only, ", rejected by the new ", r.rejected_new_only,
      "\nChanged: score ", r.changed_score, ", band ", r.changed_band,
      ", recommendation ", r.changed_recommendation, "\n\n");
  absl::StrAppend(&out, "Recommendations (rows old, columns new):\n");
  absl::StrAppend(&out, absl::StrFormat("  %-24s", ""));
  for (int b = 0; b < 5; ++b) {
    absl::StrAppend(&out, absl::StrFormat("%24s", OutcomeWord(b)));
  }
  out.push_back('\n');
  for (int a = 0; a < 5; ++a) {
    absl::StrAppend(&out, absl::StrFormat("  %-24s", OutcomeWord(a)));
    for (int b = 0; b < 5; ++b) {
      absl::StrAppend(&out, absl::StrFormat("%24d", r.transitions[a][b]));
    }
    out.push_back('\n');
  }
  absl::StrAppend(&out, "\nScores        mean      p10   p50   p90   min      max\n");
  for (const auto& [label, plan, d] :
       {std::tuple{"old", &o, &r.old_scores}, std::tuple{"new", &n, &r.new_scores}}) {
    absl::StrAppend(&out, absl::StrFormat("  %-8s %8.2f %8.0f %5.0f %5.0f   %-8s %s\n",
                                          label, d->Mean(), d->Quantile(0.1),
                                          d->Quantile(0.5), d->Quantile(0.9),
                                          FormatFixed(d->min_q), FormatFixed(d->max_q)));
    absl::StrAppend(&out, "           bands:");
    for (size_t b = 0; b < plan->bands.size(); ++b) {
      absl::StrAppend(&out, " ", Visible(plan->bands[b].id), " ",
                      d->per_band[b]);
    }
    out.push_back('\n');
  }
  absl::StrAppend(&out, "\nCases that moved most:\n");
  if (r.top_moves.empty()) absl::StrAppend(&out, "  none\n");
  for (const CaseMove& m : r.top_moves) {
    absl::StrAppend(&out, "  line ", m.line, " ", Visible(m.case_id), ": ",
                    FormatFixed(m.old_q), " ", Visible(o.bands[m.old_band].id),
                    "/", EnumWord(m.old_recommendation), " -> ",
                    FormatFixed(m.new_q), " ",
                    Visible(n.bands[m.new_band].id), "/",
                    EnumWord(m.new_recommendation), "\n");
    for (size_t k = 0; k < m.deltas.size() && k < 5; ++k) {
      absl::StrAppend(&out, "      ", m.deltas[k].second > 0 ? "+" : "",
                      FormatFixed(m.deltas[k].second), "  ",
                      Visible(m.deltas[k].first), "\n");
    }
  }
  if (!r.one_sided.empty()) {
    absl::StrAppend(&out, "\nCases scored by one rule set only:\n");
    for (const OneSidedCase& c : r.one_sided) {
      absl::StrAppend(&out, "  line ", c.line, " ", Visible(c.case_id),
                      ": rejected by the ", c.rejected_by_new ? "new" : "old",
                      " rule set: ", Visible(c.error), "\n");
    }
  }
  return out;
}

}  // namespace

int RunDiff(const DiffCommandOptions& options) {
  std::unique_ptr<const Plan> old_plan =
      CompileOrReport(options.old_rules, options.lists_dir, options.authority);
  std::unique_ptr<const Plan> new_plan =
      CompileOrReport(options.new_rules, options.lists_dir, options.authority);
  if (old_plan == nullptr || new_plan == nullptr) return kExitInvalid;
  absl::StatusOr<std::unique_ptr<InputSource>> input =
      OpenInput(options.input, kMaxLineBytes);
  if (!input.ok()) {
    std::cerr << input.status().message() << "\n";
    return kExitUsage;
  }
  DiffOptions diff;
  diff.threads = options.threads > 0
                     ? options.threads
                     : std::max(1u, std::thread::hardware_concurrency());
  diff.top = options.top;
  diff.max_line_bytes = kMaxLineBytes;
  DiffReport report;
  absl::Status status =
      DiffRuleSets(*old_plan, *new_plan, **input, diff, &report);
  if (!status.ok()) {
    std::cerr << status.message() << "\n";
    return kExitInvalid;
  }
  const std::string out = options.format == "json"
                              ? ReportJson(*old_plan, *new_plan, report)
                              : ReportText(*old_plan, *new_plan, report);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? kExitOk : kExitWriteFailed;
}

}  // namespace divrisk::cli
