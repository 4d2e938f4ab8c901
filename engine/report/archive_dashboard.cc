#include "engine/report/archive_dashboard.h"

#include <algorithm>
#include <cmath>
#include <functional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/html_text.h"
#include "engine/report/html_page.h"
#include "engine/report/report_view.h"

namespace divrisk {
namespace {

std::string Share(uint64_t part, uint64_t whole) {
  return whole == 0 ? "0.0%" : absl::StrFormat("%.1f%%", 100.0 * part / whole);
}

std::string Mean(int64_t sum_q, uint64_t n) {
  return n == 0 ? "-" : Points(static_cast<int64_t>(std::llround(
                            static_cast<double>(sum_q) / n)));
}

// A bar filling `part` of `whole` of its cell.
std::string CellBar(uint64_t part, uint64_t whole, const char* colour) {
  const double width = whole == 0 ? 0 : 100.0 * part / whole;
  return absl::StrFormat(
      "<svg class=\"cellbar\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" "
      "width=\"100%%\" height=\"12\"><rect width=\"%.2f\" height=\"10\" "
      "fill=\"%s\"/></svg>", width, colour);
}

// The rows of the largest counts, in their order, at most kDashboardTopRows
// (an archive from elsewhere may name any number of bands or gates).
std::vector<std::pair<std::string, uint64_t>> Largest(
    std::vector<std::pair<std::string, uint64_t>> rows, size_t* left_out) {
  *left_out = 0;
  if (rows.size() <= kDashboardTopRows) return rows;
  std::vector<uint64_t> counts;
  for (const auto& row : rows) counts.push_back(row.second);
  std::nth_element(counts.begin(), counts.begin() + kDashboardTopRows - 1,
                   counts.end(), std::greater<>());
  const uint64_t least = counts[kDashboardTopRows - 1];
  std::vector<std::pair<std::string, uint64_t>> kept;
  for (auto& row : rows) {
    if (row.second >= least && kept.size() < kDashboardTopRows) {
      kept.push_back(std::move(row));
    }
  }
  *left_out = rows.size() - kept.size();
  return kept;
}

void CountTable(const char* title, const char* id,
                const std::vector<std::pair<std::string, uint64_t>>& all_rows,
                uint64_t total, std::string* out) {
  size_t left_out = 0;
  const std::vector<std::pair<std::string, uint64_t>> rows =
      Largest(all_rows, &left_out);
  absl::StrAppend(out, "<section id=\"", id, "\"><h2>", title, "</h2>\n<table>"
                  "<thead><tr><th style=\"width:30%\"></th><th style=\"width:15%\">"
                  "Results</th><th style=\"width:12%\">Share</th><th></th></tr>"
                  "</thead><tbody>\n");
  for (const auto& [name, n] : rows) {
    absl::StrAppend(out, "<tr><td>");
    AppendHtml(Words(name), out);
    absl::StrAppend(out, "</td><td class=\"num\">", n, "</td><td class=\"num\">",
                    Share(n, total), "</td><td>", CellBar(n, total, "#34568b"),
                    "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table>");
  if (left_out > 0) absl::StrAppend(out, "<p>", left_out, " smaller ones not shown.</p>");
  absl::StrAppend(out, "</section>\n");
}

void Histogram(const ArchiveSummary& s, std::string* out) {
  constexpr int kBin = 5;
  int last = 0;
  for (int p = 0; p <= ArchiveSummary::kMaxPoint; ++p) {
    if (s.per_point[p] > 0) last = p;
  }
  const int bins = last / kBin + 1;
  std::vector<uint64_t> counts(bins);
  for (int p = 0; p <= last; ++p) counts[p / kBin] += s.per_point[p];
  const uint64_t top = std::max<uint64_t>(1, *std::max_element(counts.begin(), counts.end()));
  const int width = 40 + bins * 24, height = 220;
  absl::StrAppend(out, "<section id=\"histogram\"><h2>Scores</h2>\n<p>Mean score ",
                  Mean(s.score_sum_q, s.results), "; bars of ", kBin,
                  " points (the first holds 0 and below, a last bar at ",
                  ArchiveSummary::kMaxPoint, " holds that and above).</p>\n"
                  "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ", width, " ",
                  height + 30, "\" "
                  "font-family=\"DejaVu Sans, Arial, sans-serif\" font-size=\"10\">"
                  "<title>Histogram of scores</title>");
  for (int b = 0; b < bins; ++b) {
    const double h = static_cast<double>(height) * counts[b] / top;
    absl::StrAppendFormat(out,
                          "<g><title>%d to %d: %d results</title><rect x=\"%d\" "
                          "y=\"%.1f\" width=\"20\" height=\"%.1f\" fill=\"#34568b\"/>",
                          b * kBin, b * kBin + kBin - 1, counts[b], 40 + b * 24,
                          height - h, h);
    if (b % 2 == 0) {
      absl::StrAppendFormat(out, "<text x=\"%d\" y=\"%d\">%d</text>", 40 + b * 24,
                            height + 14, b * kBin);
    }
    absl::StrAppend(out, "</g>");
  }
  absl::StrAppendFormat(out, "<text x=\"0\" y=\"10\">%d</text>"
                        "<text x=\"0\" y=\"%d\">0</text></svg></section>\n",
                        top, height);
}

void Indicators(const ArchiveSummary& s, std::string* out) {
  std::vector<std::pair<std::string, IndicatorTally>> rows(s.indicators.begin(),
                                                           s.indicators.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return a.second.total() != b.second.total() ? a.second.total() > b.second.total()
                                                : a.first < b.first;
  });
  if (rows.size() > kDashboardTopRows) rows.resize(kDashboardTopRows);
  absl::StrAppend(out, "<section id=\"indicators\"><h2>Indicators that fire most"
                  "</h2>\n<p>Results in which each indicator moved the score: with "
                  "its facts known, and not known (counted at its base rate). "
                  "<code>--output summary</code> does not say which, so those "
                  "results count as not stated.</p>\n<table><thead><tr>"
                  "<th style=\"width:30%\">Indicator</th><th>Known</th>"
                  "<th>Not known</th><th>Not stated</th><th>Share</th>"
                  "<th>Mean points</th></tr></thead><tbody>\n");
  for (const auto& [id, t] : rows) {
    absl::StrAppend(out, "<tr><td>");
    AppendHtml(id, out);
    absl::StrAppend(out, "</td><td class=\"num\">", t.known, "</td><td class=\"num\">",
                    t.unknown, "</td><td class=\"num\">", t.unstated,
                    "</td><td class=\"num\">", Share(t.total(), s.results),
                    "</td><td class=\"num\">", Mean(t.points_q, t.total()),
                    "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></section>\n");
}

void Risks(const char* title, const char* id, const char* what,
           const absl::flat_hash_map<std::string, RiskTally>& tallies,
           std::string* out) {
  std::vector<std::pair<std::string, RiskTally>> rows(tallies.begin(), tallies.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    if (a.second.refer_or_refuse != b.second.refer_or_refuse) {
      return a.second.refer_or_refuse > b.second.refer_or_refuse;
    }
    return a.second.cases != b.second.cases ? a.second.cases > b.second.cases
                                            : a.first < b.first;
  });
  if (rows.size() > kDashboardTopRows) rows.resize(kDashboardTopRows);
  absl::StrAppend(out, "<section id=\"", id, "\"><h2>", title, "</h2>\n<table>"
                  "<thead><tr><th style=\"width:40%\">", what, "</th><th>Results"
                  "</th><th>Referred or refused</th><th>Share</th><th>Mean score"
                  "</th></tr></thead><tbody>\n");
  for (const auto& [key, t] : rows) {
    absl::StrAppend(out, "<tr><td>");
    // "name|CC|role": the name may hold '|', the code and the role not.
    const size_t role = key.rfind('|');
    const size_t country = role == std::string::npos || role == 0
                               ? std::string::npos
                               : key.rfind('|', role - 1);
    if (country == std::string::npos) {
      AppendHtml(key, out);
    } else {
      AppendHtml(key.substr(0, country), out);
      absl::StrAppend(out, " <small>(");
      AppendHtml(key.substr(country + 1, role - country - 1), out);
      absl::StrAppend(out, ", ");
      AppendHtml(Words(key.substr(role + 1)), out);
      absl::StrAppend(out, ")</small>");
    }
    absl::StrAppend(out, "</td><td class=\"num\">", t.cases, "</td><td class=\"num\">",
                    t.refer_or_refuse, "</td><td class=\"num\">",
                    Share(t.refer_or_refuse, t.cases), "</td><td class=\"num\">",
                    Mean(t.score_sum_q, t.cases), "</td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></section>\n");
}

void Results(const ArchiveSummary& s, std::string* out) {
  absl::StrAppend(out, "<header><h1>Archive of ", s.results, " results</h1>\n"
                  "<dl class=\"facts\"><dt>Lines read</dt><dd>", s.lines,
                  "</dd><dt>Rule sets</dt><dd>");
  size_t shown = 0;
  for (const auto& [name, n] : s.rule_sets) {
    if (++shown > kDashboardTopRows) {
      absl::StrAppend(out, s.rule_sets.size() - kDashboardTopRows, " more");
      break;
    }
    AppendHtml(name, out);
    absl::StrAppend(out, ": ", n, " results<br>");
  }
  absl::StrAppend(out, "</dd></dl>\n");
  if (s.rule_sets.size() > 1) {
    absl::StrAppend(out, "<p class=\"warning\">The results come from more than "
                    "one rule set: their scores are not comparable.</p>\n");
  }
  if (s.bad_lines > 0) {
    absl::StrAppend(out, "<p class=\"warning\">", s.bad_lines,
                    " lines are not results and are not counted; the first: ");
    AppendHtml(s.first_bad, out);
    absl::StrAppend(out, "</p>\n");
  }
  absl::StrAppend(out, "</header>\n");
  std::vector<std::pair<std::string, uint64_t>> recs;
  for (const char* word : {"approve", "approve_with_conditions", "refer", "refuse"}) {
    auto it = s.recommendations.find(word);
    recs.emplace_back(word, it == s.recommendations.end() ? 0 : it->second);
  }
  for (const auto& entry : s.recommendations) {  // (clang 14 cannot capture
    const std::string& word = entry.first;         //  a structured binding)
    if (std::none_of(recs.begin(), recs.end(), [&](const auto& r) { return r.first == word; })) {
      recs.emplace_back(word, entry.second);
    }
  }
  CountTable("Recommendations", "recommendations", recs, s.results, out);
  // Bands in the order of their mean score: the rule set's order.
  std::vector<std::pair<std::string, uint64_t>> bands(s.bands.begin(), s.bands.end());
  auto mean = [&](const std::string& b) {
    return static_cast<double>(s.band_score_sum_q.at(b)) / s.bands.at(b);
  };
  std::sort(bands.begin(), bands.end(),
            [&](const auto& a, const auto& b) { return mean(a.first) < mean(b.first); });
  CountTable("Bands", "bands", bands, s.results, out);
  Histogram(s, out);
  std::vector<std::pair<std::string, uint64_t>> gates(s.gates.begin(), s.gates.end());
  std::sort(gates.begin(), gates.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  absl::StrAppend(out, "<section id=\"hard-stops\"><h2>Hard stops</h2>\n<p>",
                  s.with_hard_stop, " results (", Share(s.with_hard_stop, s.results),
                  ") have a hard stop.</p>\n");
  absl::StrAppend(out, "</section>\n");
  if (!gates.empty()) CountTable("Hard stops by gate", "gates", gates, s.results, out);
  Indicators(s, out);
  std::vector<std::pair<std::string, uint64_t>> conditions(s.conditions.begin(),
                                                           s.conditions.end());
  std::sort(conditions.begin(), conditions.end());
  if (!conditions.empty()) {
    CountTable("Licence conditions credited", "conditions", conditions, s.results, out);
  }
  if (!s.joined) {
    absl::StrAppend(out, "<section id=\"destinations\"><h2>Destinations and "
                    "intermediaries</h2><p class=\"none\">The results do not name "
                    "them: give the case archive the batch read with "
                    "<code>--cases</code>.</p></section>\n");
    return;
  }
  if (!s.join_problem.empty()) {
    absl::StrAppend(out, "<p class=\"warning\">");
    AppendHtml(s.join_problem, out);
    absl::StrAppend(out, "</p>\n");
  }
  Risks("Top destinations by risk", "destinations", "Destination (end user's country)",
        s.destinations, out);
  Risks("Top intermediaries by risk", "intermediaries", "Party (country, role)",
        s.intermediaries, out);
}

void Diff(const DiffSummary& d, std::string* out) {
  absl::StrAppend(out, "<header><h1>Rule change over an archive of ", d.read,
                  " cases</h1>\n<dl class=\"facts\"><dt>Old rule set</dt><dd>");
  AppendHtml(d.old_rule_set, out);
  absl::StrAppend(out, "</dd><dt>New rule set</dt><dd>");
  AppendHtml(d.new_rule_set, out);
  absl::StrAppend(out, "</dd><dt>Scored by both</dt><dd>", d.scored,
                  "</dd><dt>Rejected</dt><dd>", d.rejected, " by both, ",
                  d.rejected_old_only, " by the old only, ", d.rejected_new_only,
                  " by the new only</dd><dt>Changed</dt><dd>score ", d.changed_score,
                  ", band ", d.changed_band, ", recommendation ",
                  d.changed_recommendation, "</dd></dl></header>\n");
  uint64_t top = 1;
  for (const auto& row : d.transitions) {
    for (uint64_t n : row) top = std::max(top, n);
  }
  absl::StrAppend(out, "<section id=\"transitions\"><h2>Recommendations, old "
                  "(rows) to new (columns)</h2>\n<table class=\"heat\"><thead><tr>"
                  "<th>old \\ new</th>");
  for (const std::string& o : d.outcomes) {
    absl::StrAppend(out, "<th>");
    AppendHtml(Words(o), out);
    absl::StrAppend(out, "</th>");
  }
  absl::StrAppend(out, "</tr></thead><tbody>\n");
  for (size_t a = 0; a < d.outcomes.size(); ++a) {
    absl::StrAppend(out, "<tr><th>");
    AppendHtml(Words(d.outcomes[a]), out);
    absl::StrAppend(out, "</th>");
    for (size_t b = 0; b < d.transitions[a].size(); ++b) {
      const uint64_t n = d.transitions[a][b];
      // Logarithmic, so that a few moved cases show beside many unchanged.
      const double heat = n == 0 ? 0 : std::log1p(n) / std::log1p(top);
      absl::StrAppendFormat(out, "<td style=\"background:rgba(%s,%.2f)\"%s>%d</td>",
                            a == b ? "52,86,139" : "179,38,30", 0.08 + 0.8 * heat,
                            heat > 0.6 ? " class=\"dark\"" : "", n);
    }
    absl::StrAppend(out, "</tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></section>\n<section id=\"moves\"><h2>"
                  "Cases that moved most</h2>\n<table><thead><tr><th>Case</th>"
                  "<th>Old</th><th>New</th><th>Change</th><th style=\"width:35%\">"
                  "Indicators that moved it</th></tr></thead><tbody>\n");
  for (const DiffSummary::Move& m : d.top_moves) {
    absl::StrAppend(out, "<tr><td>");
    AppendHtml(m.case_id, out);
    for (const auto& [score, outcome] : {std::pair{&m.old_score, &m.old_outcome},
                                         std::pair{&m.new_score, &m.new_outcome}}) {
      absl::StrAppend(out, "</td><td>");
      AppendHtml(absl::StrCat(*score, " ", Words(*outcome)), out);
    }
    absl::StrAppend(out, "</td><td class=\"num\">");
    AppendHtml(m.delta, out);
    absl::StrAppend(out, "</td><td><ul>");
    for (size_t k = 0; k < m.indicators.size() && k < 5; ++k) {
      absl::StrAppend(out, "<li>");
      AppendHtml(m.indicators[k], out);
      absl::StrAppend(out, "</li>");
    }
    absl::StrAppend(out, "</ul></td></tr>\n");
  }
  absl::StrAppend(out, "</tbody></table></section>\n");
}

}  // namespace

void AppendArchiveDashboard(const ArchiveSummary& s, std::string* out) {
  AppendHtmlPageStart(s.is_diff ? "divrisk rule change" : "divrisk archive", out);
  if (s.is_diff) {
    Diff(s.diff, out);
  } else {
    Results(s, out);
  }
  AppendHtmlPageEnd(
      "Aggregates of divrisk results. divrisk supports the licensing officers' "
      "assessments; it does not take the decisions.", out);
}

}  // namespace divrisk
