// The HTML report of one case (engine/report/html_report.h): every bundled
// example shows its verdict, hard stops first, and each contribution as a
// bar; the page is self-contained; case strings are text, never markup.

#include "engine/report/html_report.h"

#include <string>

#include "engine/doc/html_text.h"
#include "engine/report/report_view.h"
#include "gtest/gtest.h"
#include "tests/engine/report/report_test_util.h"

namespace divrisk {
namespace {

std::string Page(const Assessed& x) {
  std::string out;
  AppendHtmlReport(ExamplePlan(), x.a, &out);
  return out;
}

size_t Count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

TEST(HtmlReport, EveryExampleShowsVerdictHardStopsFirstAndEveryContribution) {
  for (const std::string& file : ExampleFiles()) {
    SCOPED_TRACE(file);
    const Assessed x = AssessFile(file);
    const std::string page = Page(x);
    EXPECT_NE(page.find(Html(x.c->id)), std::string::npos);
    EXPECT_NE(page.find(ExamplePlan().sha256), std::string::npos);
    std::string rec = EnumWord(x.a.result.recommendation);
    for (char& ch : rec) ch = ch == '_' ? ' ' : ch;
    rec[0] = static_cast<char>(std::toupper(rec[0]));
    EXPECT_NE(page.find("<p class=\"rec\">" + rec + "</p>"), std::string::npos);
    const size_t stops = page.find("<h2>Hard stops</h2>");
    const size_t chart = page.find("<h2>What drives the score</h2>");
    ASSERT_NE(stops, std::string::npos);
    ASSERT_NE(chart, std::string::npos);
    EXPECT_LT(stops, chart);
    EXPECT_LT(page.find("id=\"recommendation\""), stops);
    EXPECT_EQ(Count(page, "<div class=\"stop\">"),
              x.a.hard_stops.size() + (x.a.result.overriding_risk ? 1 : 0));
    for (const HardStop& s : x.a.hard_stops) {
      EXPECT_NE(page.find(Html(ExamplePlan().gates[s.gate].reason)), std::string::npos);
    }
    // One bar per line of the score (as the text output lists them),
    // hatched exactly where the indicator's facts are not known.
    size_t bars = 0, unknown = 0;
    for (const ScoreLine& line : x.a.score_lines) {
      if (line.kind == ScoreLine::Kind::kMeasure && line.shown_tenths == 0) continue;
      ++bars;
      if (line.kind != ScoreLine::Kind::kIndicator) continue;
      const std::string& id = ExamplePlan().indicators[line.indicator].id;
      EXPECT_NE(page.find("data-line=\"" + Html(id) + "\"><title>" +
                          Html(ExamplePlan().indicators[line.indicator].evidence)),
                std::string::npos)
          << id;
      for (const Contribution& c : x.a.contributions) {
        if (c.indicator == line.indicator && c.unknown) ++unknown;
      }
    }
    EXPECT_EQ(Count(page, "<g class=\"bar "), bars);
    EXPECT_EQ(Count(page, " unknown\" data-line="), unknown);
    EXPECT_EQ(Count(page, "<tr><td class=\"num\">"), bars);  // evidence rows
    EXPECT_NE(page.find(Html(x.a.reason)), std::string::npos);
    for (const Question& q : x.a.questions) {
      EXPECT_NE(page.find(Html(q.text)), std::string::npos) << q.text;
    }
    EXPECT_NE(page.find("does not take the decision"), std::string::npos);
    // The example authority's records are invented: the page says so.
    EXPECT_NE(page.find("id=\"illustrative\""), std::string::npos);
  }
}

TEST(HtmlReport, SelfContainedWithPolicyAndPrintRules) {
  const std::string page = Page(AssessFile(ExampleFiles()[0]));
  EXPECT_EQ(page.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(page.find("Content-Security-Policy\" content=\"default-src 'none'"),
            std::string::npos);
  for (const char* load : {"http://", "https://", "src=", "<script", "<link",
                           "@import", "@font-face"}) {
    EXPECT_EQ(page.find(load), std::string::npos) << load;
  }
  size_t url = page.find("url(");
  while (url != std::string::npos) {
    EXPECT_EQ(page.compare(url, 11, "url(#hatch-"), 0);  // in-page patterns only
    url = page.find("url(", url + 1);
  }
  EXPECT_NE(page.find("@page { size: A4"), std::string::npos);
  EXPECT_NE(page.find("@media print"), std::string::npos);
}

TEST(HtmlReport, RouteShowsTransitTransshipmentFreeTradeZoneAndEmbargoes) {
  const Assessed x = AssessFile(std::string(DIVRISK_SOURCE_DIR) +
                                "/examples/double-paper-trail-ammunition-niger-libya.yaml");
  const std::string page = Page(x);
  const std::vector<Leg>& legs = x.c->transport->legs;
  EXPECT_EQ(Count(page, "<li class=\"stop-"), legs.size() + 1);
  size_t transshipments = 0, zones = 0;
  for (const Leg& leg : legs) {
    transshipments += leg.transshipment.value_or(false) ? 1 : 0;
    zones += leg.free_trade_zone.value_or(false) ? 1 : 0;
  }
  EXPECT_GT(transshipments + zones, 0u);
  EXPECT_EQ(Count(page, "<span class=\"tag\">transshipment</span>"), transshipments);
  EXPECT_EQ(Count(page, "<span class=\"tag\">free-trade zone</span>"), zones);

  const Assessed libya = AssessFile(std::string(DIVRISK_SOURCE_DIR) +
                                    "/examples/un-embargo-libya-armoured-vehicles.yaml");
  EXPECT_NE(Page(libya).find("<span class=\"embargo\">UN arms embargo"),
            std::string::npos);
}

TEST(HtmlReport, HostileCaseStringsAreShownAsTextNeverAsMarkup) {
  Assessed base = AssessFile(std::string(DIVRISK_SOURCE_DIR) +
                             "/examples/sanctioned-forwarder-name-variant-hong-kong.yaml");
  Case c = *base.c;
  c.id = "<b>ID</b>\"'&";
  c.exporter.name = "<script>document.title='PWNED'</script>";
  c.end_user.name = "Navy\nHard stops: none";
  c.parties[0].name = "<img src=x onerror=\"document.title='PWNED'\">";
  c.goods[0].description = "</style><style>body{display:none}</style>";
  const std::string page = Page(AssessCase(c));
  EXPECT_EQ(page.find("<script"), std::string::npos);
  EXPECT_EQ(page.find("<img"), std::string::npos);
  EXPECT_EQ(page.find("<b>ID"), std::string::npos);
  EXPECT_EQ(Count(page, "</style>"), 1u);  // the page's own
  EXPECT_NE(page.find("&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;"),
            std::string::npos);
  EXPECT_NE(page.find("&lt;img src=x onerror=&quot;document.title=&#39;PWNED&#39;&quot;&gt;"),
            std::string::npos);
  EXPECT_NE(page.find("Navy\\nHard stops: none"), std::string::npos);
  EXPECT_NE(page.find("&lt;b&gt;ID&lt;/b&gt;&quot;&#39;&amp;"), std::string::npos);
}

}  // namespace
}  // namespace divrisk
