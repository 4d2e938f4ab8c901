// The contributions as an inline SVG bar chart: one row per indicator,
// grouped under its category, the bar's length its points. Adverse bars are
// red and mitigating ones green; a bar whose facts are not known (scored at
// the indicator's base rate) is hatched, so that known and unknown facts
// read apart in colour and in black-and-white print alike.

#include <cstdlib>

#include "absl/strings/str_cat.h"
#include "engine/doc/html_text.h"
#include "engine/doc/visible_text.h"
#include "engine/report/html_page.h"

namespace divrisk {
namespace {

constexpr int kWidth = 800;
constexpr int kLabelWidth = 410;  // indicator and citation, left
constexpr int kBarRoom = 300;     // longest bar
constexpr int kGroupHeight = 26;
constexpr int kRowHeight = 48;

const char kDefs[] =
    "<defs>"
    "<pattern id=\"hatch-adverse\" width=\"6\" height=\"6\" "
    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#f4c7c3\"/>"
    "<rect width=\"2.5\" height=\"6\" fill=\"#b3261e\"/></pattern>"
    "<pattern id=\"hatch-mitigating\" width=\"6\" height=\"6\" "
    "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
    "<rect width=\"6\" height=\"6\" fill=\"#c6e6cf\"/>"
    "<rect width=\"2.5\" height=\"6\" fill=\"#1b6e3a\"/></pattern>"
    "</defs>";

// SVG text does not wrap: long labels are cut (the full text is in the
// bar's <title> and in the evidence table).
std::string Label(std::string_view text, size_t max_bytes) {
  return Html(Excerpt(text, max_bytes));
}

}  // namespace

void AppendContributionChart(const ReportView& v, std::string* out) {
  int height = 8;
  for (const CategoryView& cat : v.categories) {
    if (!cat.bars.empty()) {
      height += kGroupHeight + kRowHeight * static_cast<int>(cat.bars.size());
    }
  }
  if (height == 8) {
    absl::StrAppend(out, "<p class=\"none\">No indicator moved the score.</p>\n");
    return;
  }
  absl::StrAppend(out, "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 ", kWidth,
                  " ", height, "\" "
                  "font-family=\"DejaVu Sans, Arial, sans-serif\">"
                  "<title>Contributions to the score by indicator</title>",
                  kDefs);
  const double largest = v.largest_bar_q > 0 ? v.largest_bar_q : 1;
  int y = 4;
  for (const CategoryView& cat : v.categories) {
    if (cat.bars.empty()) continue;
    absl::StrAppend(out, "<text class=\"group\" x=\"0\" y=\"", y + 18,
                    "\" font-size=\"14\" font-weight=\"bold\">",
                    Label(cat.name, 90), "</text>");
    y += kGroupHeight;
    for (const BarView& bar : cat.bars) {
      const int length = std::max(
          2, static_cast<int>(kBarRoom * std::abs(bar.points_q) / largest));
      const bool cap = bar.kind == BarView::Kind::kCap;
      const char* kind = cap ? "cap" : bar.mitigating ? "mitigating" : "adverse";
      const char* colour = cap ? "#777" : bar.mitigating ? "#1b6e3a" : "#b3261e";
      const std::string fill =
          bar.unknown ? absl::StrCat("url(#hatch-", kind, ")") : colour;
      // The officer reads the indicator's words; its catalogue id stays in
      // an attribute, for tests and tools, and in the JSON.
      absl::StrAppend(out, "<g class=\"bar ", kind,
                      bar.unknown ? " unknown" : " known",
                      "\" data-line=\"");
      AppendHtml(bar.id, out);
      absl::StrAppend(out, "\"><title>");
      AppendHtml(bar.reason, out);
      absl::StrAppend(out, ": ", bar.shown, " points",
                      bar.unknown ? " (facts not known)" : "", "; ");
      AppendHtml(bar.citation, out);
      absl::StrAppend(out, "</title>");
      absl::StrAppend(out, "<text x=\"8\" y=\"", y + 14, "\" font-size=\"12\">",
                      Label(bar.reason, 56), "</text>");
      for (size_t k = 0; k < bar.treaty_refs.size(); ++k) {
        absl::StrAppend(out, "<text x=\"8\" y=\"", y + 28 + 13 * k,
                        "\" font-size=\"11\" fill=\"#444\">",
                        Label(bar.treaty_refs[k], 54), "</text>");
      }
      absl::StrAppend(out, "<rect x=\"", kLabelWidth, "\" y=\"", y + 12,
                      "\" width=\"", length, "\" height=\"20\" fill=\"", fill,
                      "\" stroke=\"", colour,
                      "\"", bar.unknown ? " stroke-dasharray=\"4 2\"" : "",
                      "/>");
      absl::StrAppend(out, "<text x=\"", kLabelWidth + length + 6, "\" y=\"",
                      y + 27, "\" font-size=\"12\">",
                      bar.shown,
                      bar.unknown ? " not known" : "", "</text></g>");
      y += kRowHeight;
    }
  }
  absl::StrAppend(out, "</svg>\n");
}

}  // namespace divrisk
