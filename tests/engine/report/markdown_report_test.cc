// The Markdown note of one case (engine/report/markdown_report.h): the
// same content as the HTML page, case strings never Markdown syntax.

#include "engine/report/markdown_report.h"

#include <string>

#include "engine/report/report_view.h"
#include "gtest/gtest.h"
#include "tests/engine/report/report_test_util.h"

namespace divrisk {
namespace {

std::string Md(std::string_view text) {
  std::string out;
  AppendMarkdown(text, &out);
  return out;
}

TEST(MarkdownText, InlineSyntaxIsEscaped) {
  EXPECT_EQ(Md("[click](http://evil.example)"), "\\[click\\](http://evil.example)");
  EXPECT_EQ(Md("![x](y)"), "\\!\\[x\\](y)");
  EXPECT_EQ(Md("<img src=x onerror=alert(1)>"), "\\<img src=x onerror=alert(1)\\>");
  EXPECT_EQ(Md("*a* _b_ `c` | ~d~ # &amp;"),
            "\\*a\\* \\_b\\_ \\`c\\` \\| \\~d\\~ \\# \\&amp;");
  // Visible first: no newline is left to start a heading or a list.
  EXPECT_EQ(Md("x\n# Approved"), "x\\\\n\\# Approved");
  EXPECT_EQ(Md("Société 東京 1.5"), "Société 東京 1.5");
}

TEST(MarkdownReport, EveryExampleShowsVerdictStopsAndEveryContribution) {
  for (const std::string& file : ExampleFiles()) {
    SCOPED_TRACE(file);
    const Assessed x = AssessFile(file);
    std::string note;
    AppendMarkdownReport(ExamplePlan(), x.a, &note);
    std::string rec = Words(EnumWord(x.a.result.recommendation));
    rec[0] = static_cast<char>(std::toupper(rec[0]));
    EXPECT_NE(note.find("## Recommendation: " + Md(rec) + "\n"), std::string::npos);
    EXPECT_LT(note.find("## Hard stops"), note.find("## What drives the score"));
    EXPECT_NE(note.find(ExamplePlan().sha256), std::string::npos);
    for (const ScoreLine& line : x.a.score_lines) {
      if (line.kind != ScoreLine::Kind::kIndicator) continue;
      const std::string& id = ExamplePlan().indicators[line.indicator].id;
      EXPECT_NE(note.find(" " + Md(id)), std::string::npos) << id;
    }
    EXPECT_NE(note.find("**" + Md(x.a.reason) + "**"), std::string::npos);
    for (const HardStop& s : x.a.hard_stops) {
      EXPECT_NE(note.find(Md(ExamplePlan().gates[s.gate].reason)), std::string::npos);
    }
    EXPECT_NE(note.find(Md("Warning: illustrative reference data in use")),
              std::string::npos);
    EXPECT_NE(note.find("does not take the decision"), std::string::npos);
  }
}

TEST(MarkdownReport, HostileNamesStayText) {
  Assessed base = AssessFile(std::string(DIVRISK_SOURCE_DIR) +
                             "/examples/sanctioned-forwarder-name-variant-hong-kong.yaml");
  Case c = *base.c;
  c.exporter.name = "[Approved](https://evil.example) <script>x</script>";
  c.end_user.name = "Navy\n## Recommendation: Approve";
  const Assessed x = AssessCase(c);
  std::string note;
  AppendMarkdownReport(ExamplePlan(), x.a, &note);
  EXPECT_EQ(note.find("[Approved]"), std::string::npos);
  EXPECT_EQ(note.find("<script>"), std::string::npos);
  EXPECT_NE(note.find("\\[Approved\\](https://evil.example) \\<script\\>x\\</script\\>"),
            std::string::npos);
  EXPECT_EQ(note.find("\n## Recommendation: Approve"), std::string::npos);
}

}  // namespace
}  // namespace divrisk
