#include "engine/report/calibration_charts.h"

#include <algorithm>
#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/doc/html_text.h"
#include "engine/doc/visible_text.h"

namespace divrisk {
namespace {

constexpr char kFont[] = "font-family=\"DejaVu Sans, Arial, sans-serif\"";

std::string P(double v) { return absl::StrFormat("%.1f", v); }
std::string F4(double v) {
  return std::isfinite(v) ? absl::StrFormat("%.4f", v) : std::string("n/a");
}

}  // namespace

void AppendReliabilityChart(const learn::Calibration& c, std::string* out) {
  // A square plot: 0..1 on both axes, 40 px margins left and below.
  constexpr double kLeft = 48, kTop = 10, kSide = 340;
  auto x = [&](double p) { return kLeft + p * kSide; };
  auto y = [&](double p) { return kTop + (1 - p) * kSide; };
  absl::StrAppend(out,
                  "<svg class=\"chart reliability\" role=\"img\" "
                  "style=\"max-width:26rem\" viewBox=\"0 0 400 400\" ",
                  kFont,
                  "><title>Reliability: observed share diverted against the "
                  "mean predicted probability, out of fold</title>");
  absl::StrAppend(out, "<rect x=\"", P(kLeft), "\" y=\"", P(kTop),
                  "\" width=\"", P(kSide), "\" height=\"", P(kSide),
                  "\" fill=\"none\" stroke=\"#888\"/>");
  for (int i = 0; i <= 10; i += 2) {
    const double p = i / 10.0;
    absl::StrAppend(out, "<text x=\"", P(x(p)), "\" y=\"", P(kTop + kSide + 16),
                    "\" font-size=\"11\" text-anchor=\"middle\">",
                    absl::StrFormat("%.1f", p), "</text><text x=\"",
                    P(kLeft - 6), "\" y=\"", P(y(p) + 4),
                    "\" font-size=\"11\" text-anchor=\"end\">",
                    absl::StrFormat("%.1f", p), "</text>");
  }
  absl::StrAppend(out, "<line class=\"perfect\" x1=\"", P(x(0)), "\" y1=\"",
                  P(y(0)), "\" x2=\"", P(x(1)), "\" y2=\"", P(y(1)),
                  "\" stroke=\"#777\" stroke-dasharray=\"5 4\"/>");
  absl::StrAppend(out, "<text x=\"", P(kLeft + kSide / 2), "\" y=\"",
                  P(kTop + kSide + 34),
                  "\" font-size=\"12\" text-anchor=\"middle\">mean predicted "
                  "probability</text><text transform=\"translate(12 ",
                  P(kTop + kSide / 2),
                  ") rotate(-90)\" font-size=\"12\" text-anchor=\"middle\">"
                  "observed share diverted</text>");
  for (const learn::ReliabilityBin& b : c.reliability) {
    if (b.cases == 0 || !std::isfinite(b.observed)) continue;
    absl::StrAppend(out, "<g class=\"bin\"><title>", absl::StrFormat("%.1f", b.from),
                    "-", absl::StrFormat("%.1f", b.to), ": ", b.cases,
                    " cases, mean predicted ", F4(b.mean_predicted),
                    ", observed ", F4(b.observed), "</title><circle cx=\"",
                    P(x(b.mean_predicted)), "\" cy=\"", P(y(b.observed)),
                    "\" r=\"5\" fill=\"#b3261e\"/></g>");
  }
  absl::StrAppend(out, "</svg>\n");
}

void AppendWeightChart(const Plan& plan, const learn::Calibration& c,
                       std::string* out) {
  constexpr int kWidth = 800, kLabel = 300, kRow = 24, kRight = 20;
  double lo = 0, hi = 0;
  int rows = 0;
  for (const learn::WeightProposal& w : c.weights) {
    if (!w.learned) continue;
    ++rows;
    for (double v : {w.old_weight, w.proposed, w.low, w.high}) {
      if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    }
  }
  if (rows == 0) {
    absl::StrAppend(out, "<p class=\"none\">No weight was learned.</p>\n");
    return;
  }
  if (hi <= lo) hi = lo + 1;
  const double room = kWidth - kLabel - kRight;
  auto x = [&](double v) {
    return kLabel + room * (std::clamp(v, lo, hi) - lo) / (hi - lo);
  };
  const int height = 30 + rows * kRow;
  absl::StrAppend(out, "<svg class=\"chart weights\" role=\"img\" viewBox=\"0 0 ",
                  kWidth, " ", height, "\" ", kFont,
                  "><title>Learned weights in points: old (ring) and "
                  "proposed (dot) with the 95% interval</title>");
  absl::StrAppend(out, "<line x1=\"", P(x(0)), "\" y1=\"0\" x2=\"", P(x(0)),
                  "\" y2=\"", height - 20, "\" stroke=\"#888\"/>");
  absl::StrAppend(out, "<text x=\"", kLabel, "\" y=\"", height - 4,
                  "\" font-size=\"11\">", F4(lo), "</text><text x=\"",
                  kWidth - kRight, "\" y=\"", height - 4,
                  "\" font-size=\"11\" text-anchor=\"end\">", F4(hi),
                  " points</text>");
  int y = 14;
  for (const learn::WeightProposal& w : c.weights) {
    if (!w.learned) continue;
    const std::string& id = plan.indicators[w.indicator].id;
    absl::StrAppend(out, "<g class=\"weight\"><title>");
    AppendHtml(id, out);
    absl::StrAppend(out, ": ", F4(w.old_weight), " -> ", F4(w.proposed), " [",
                    F4(w.low), " to ", F4(w.high), "]</title><text x=\"0\" y=\"",
                    y + 4, "\" font-size=\"12\">",
                    Html(Excerpt(id, 44)), "</text>");
    absl::StrAppend(out, "<line x1=\"", P(x(w.low)), "\" y1=\"", y, "\" x2=\"",
                    P(x(w.high)), "\" y2=\"", y,
                    "\" stroke=\"#1a1a1a\" stroke-width=\"2\"/>");
    absl::StrAppend(out, "<circle class=\"old\" cx=\"", P(x(w.old_weight)),
                    "\" cy=\"", y, "\" r=\"5\" fill=\"none\" stroke=\"#555\" "
                    "stroke-width=\"1.5\"/><circle class=\"proposed\" cx=\"",
                    P(x(w.proposed)), "\" cy=\"", y,
                    "\" r=\"4\" fill=\"#b3261e\"/></g>");
    y += kRow;
  }
  absl::StrAppend(out, "</svg>\n");
}

}  // namespace divrisk
