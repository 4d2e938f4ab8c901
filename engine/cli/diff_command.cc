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
#include "engine/doc/json_text.h"
#include "engine/output/assessment_json_writer.h"
#include "rules/compiler.h"

namespace divrisk::cli {
namespace {

constexpr size_t kMaxLineBytes = 1 << 20;

std::string RuleSetJson(const Plan& p) {
  std::string out = "{\"name\":";
  AppendJsonString(p.name, &out);
  out.append(",\"version\":");
  AppendJsonString(p.version, &out);
  absl::StrAppend(&out, ",\"sha256\":\"", p.sha256, "\"}");
  return out;
}

std::string DistributionJson(const Plan& plan, const ScoreDistribution& d) {
  std::string out = absl::StrFormat(
      "{\"mean\":%.4f,\"min\":%s,\"p10\":%.0f,\"p50\":%.0f,\"p90\":%.0f,"
      "\"max\":%s,\"bands\":{",
      d.Mean(), FormatFixed(d.min_q), d.Quantile(0.1), d.Quantile(0.5),
      d.Quantile(0.9), FormatFixed(d.max_q));
  for (size_t b = 0; b < plan.bands.size(); ++b) {
    absl::StrAppend(&out, b ? "," : "", "\"", plan.bands[b].id, "\":",
                    d.per_band[b]);
  }
  out.append("}}");
  return out;
}

std::string ReportJson(const Plan& o, const Plan& n, const DiffReport& r) {
  std::string out = absl::StrCat(
      "{\"old\":", RuleSetJson(o), ",\"new\":", RuleSetJson(n),
      ",\"read\":", r.read, ",\"scored\":", r.scored, ",\"rejected\":",
      r.rejected, ",\"changed\":{\"score\":", r.changed_score,
      ",\"band\":", r.changed_band, ",\"recommendation\":",
      r.changed_recommendation, "},\"transitions\":{");
  for (int a = 0; a < 4; ++a) {
    absl::StrAppend(&out, a ? "," : "", "\"",
                    EnumWord(static_cast<Recommendation>(a)), "\":{");
    for (int b = 0; b < 4; ++b) {
      absl::StrAppend(&out, b ? "," : "", "\"",
                      EnumWord(static_cast<Recommendation>(b)), "\":",
                      r.transitions[a][b]);
    }
    out.push_back('}');
  }
  out.append("},\"top_moves\":[");
  for (size_t i = 0; i < r.top_moves.size(); ++i) {
    const CaseMove& m = r.top_moves[i];
    absl::StrAppend(&out, i ? "," : "", "{\"line\":", m.line, ",\"case_id\":");
    AppendJsonString(m.case_id, &out);
    absl::StrAppend(
        &out, ",\"old\":{\"score\":", FormatFixed(m.old_q), ",\"band\":\"",
        o.bands[m.old_band].id, "\",\"recommendation\":\"",
        EnumWord(m.old_recommendation), "\"},\"new\":{\"score\":",
        FormatFixed(m.new_q), ",\"band\":\"", n.bands[m.new_band].id,
        "\",\"recommendation\":\"", EnumWord(m.new_recommendation),
        "\"},\"delta\":", FormatFixed(m.new_q - m.old_q), ",\"indicators\":[");
    for (size_t k = 0; k < m.deltas.size(); ++k) {
      absl::StrAppend(&out, k ? "," : "", "{\"indicator\":");
      AppendJsonString(m.deltas[k].first, &out);
      absl::StrAppend(&out, ",\"delta\":", FormatFixed(m.deltas[k].second), "}");
    }
    out.append("]}");
  }
  absl::StrAppend(&out, "],\"scores\":{\"old\":", DistributionJson(o, r.old_scores),
                  ",\"new\":", DistributionJson(n, r.new_scores), "}}\n");
  return out;
}

std::string ReportText(const Plan& o, const Plan& n, const DiffReport& r) {
  std::string out = absl::StrCat(
      "Rule change: ", o.name, " ", o.version, " (", o.sha256.substr(0, 12),
      ") -> ", n.name, " ", n.version, " (", n.sha256.substr(0, 12), ")\n",
      "Cases: read ", r.read, ", scored ", r.scored, ", rejected ", r.rejected,
      "\nChanged: score ", r.changed_score, ", band ", r.changed_band,
      ", recommendation ", r.changed_recommendation, "\n\n");
  absl::StrAppend(&out, "Recommendations (rows old, columns new):\n");
  absl::StrAppend(&out, absl::StrFormat("  %-24s", ""));
  for (int b = 0; b < 4; ++b) {
    absl::StrAppend(&out, absl::StrFormat("%24s", EnumWord(static_cast<Recommendation>(b))));
  }
  out.push_back('\n');
  for (int a = 0; a < 4; ++a) {
    absl::StrAppend(&out, absl::StrFormat("  %-24s", EnumWord(static_cast<Recommendation>(a))));
    for (int b = 0; b < 4; ++b) {
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
      absl::StrAppend(&out, " ", plan->bands[b].id, " ", d->per_band[b]);
    }
    out.push_back('\n');
  }
  absl::StrAppend(&out, "\nCases that moved most:\n");
  if (r.top_moves.empty()) absl::StrAppend(&out, "  none\n");
  for (const CaseMove& m : r.top_moves) {
    absl::StrAppend(&out, "  line ", m.line, " ", m.case_id, ": ",
                    FormatFixed(m.old_q), " ", o.bands[m.old_band].id, "/",
                    EnumWord(m.old_recommendation), " -> ", FormatFixed(m.new_q),
                    " ", n.bands[m.new_band].id, "/",
                    EnumWord(m.new_recommendation), "\n");
    for (size_t k = 0; k < m.deltas.size() && k < 5; ++k) {
      absl::StrAppend(&out, "      ", m.deltas[k].second > 0 ? "+" : "",
                      FormatFixed(m.deltas[k].second), "  ", m.deltas[k].first,
                      "\n");
    }
  }
  return out;
}

}  // namespace

int RunDiff(const DiffCommandOptions& options) {
  std::unique_ptr<const Plan> old_plan = CompileOrReport(options.old_rules);
  std::unique_ptr<const Plan> new_plan = CompileOrReport(options.new_rules);
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
