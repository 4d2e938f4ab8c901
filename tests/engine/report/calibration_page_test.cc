// The calibration page (`divrisk calibrate --format html`) against the fit
// it shows: a calibration of a generated archive with the outcome model,
// every number of the fit found on the page, one reliability point per
// non-empty bin and one whisker per learned weight; hostile rule-set,
// indicator and path strings shown as text; nothing loaded from elsewhere.

#include "engine/report/calibration_page.h"

#include <cmath>
#include <fstream>
#include <memory>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/generate/broken_lines.h"
#include "engine/learn/archive.h"
#include "engine/learn/calibration.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

std::string RulesDir() { return std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default"; }

std::string F4(double v) {
  return std::isfinite(v) ? absl::StrFormat("%.4f", v) : std::string("n/a");
}

int Count(const std::string& text, const std::string& what) {
  int n = 0;
  for (size_t at = text.find(what); at != std::string::npos;
       at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

class CalibrationPageTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(RulesDir());
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    const std::string path = testing::TempDir() + "/calibration_page.jsonl";
    {
      std::ofstream f(path, std::ios::trunc);
      GeneratedLines lines(*plan_->reference, 5, 0);
      lines.set_outcome_model(true);
      std::string line;
      for (int i = 0; i < 4000; ++i) {
        lines.Next(&line);
        f << line << "\n";
      }
    }
    learn::ArchiveOptions ao;
    ao.threads = 2;
    ao.keep_keys = false;
    auto archive = learn::LoadArchive(*plan_, path, ao);
    ASSERT_TRUE(archive.ok()) << archive.status();
    learn::CalibrateOptions co;
    co.priors = true;
    auto c = learn::Calibrate(*plan_, *archive, co);
    ASSERT_TRUE(c.ok()) << c.status();
    calibration_ = new learn::Calibration(std::move(*c));
  }

  static const Plan* plan_;
  static learn::Calibration* calibration_;
};
const Plan* CalibrationPageTest::plan_ = nullptr;
learn::Calibration* CalibrationPageTest::calibration_ = nullptr;

std::string Page(const Plan& plan, const learn::Calibration& c,
                 const std::string& archive, const Plan* proposed) {
  learn::ReportContext ctx;
  ctx.archive = archive;
  ctx.read = 4000;
  ctx.rules_dir = "rules/att-default";
  ctx.proposed_dir = "proposed";
  ctx.proposed = proposed;
  std::string out;
  AppendCalibrationHtml(plan, c, ctx, &out);
  return out;
}

TEST_F(CalibrationPageTest, ShowsEveryNumberOfTheFit) {
  const learn::Calibration& c = *calibration_;
  const std::string page = Page(*plan_, c, "archive.jsonl", plan_);
  EXPECT_NE(page.find(absl::StrCat("<b>", F4(c.auc.auc), "</b> (95% bootstrap interval ",
                                   F4(c.auc.low), " to ", F4(c.auc.high))),
            std::string::npos);
  EXPECT_NE(page.find(absl::StrCat("<b>", F4(c.auc_current), "</b>")), std::string::npos);
  EXPECT_NE(page.find(absl::StrCat("threshold (", F4(c.refer_threshold))),
            std::string::npos);
  for (const learn::PrecisionRecall* r : {&c.current, &c.proposed}) {
    EXPECT_NE(page.find(absl::StrCat(r->flagged, "</td><td class=\"num\">",
                                     r->true_positives, "</td><td class=\"num\">",
                                     F4(r->precision), "</td><td class=\"num\">",
                                     F4(r->recall))),
              std::string::npos);
  }
  int points = 0;
  for (const learn::ReliabilityBin& b : c.reliability) {
    points += b.cases > 0;
    EXPECT_NE(page.find(absl::StrCat(b.cases, "</td><td class=\"num\">",
                                     F4(b.mean_predicted), "</td><td class=\"num\">",
                                     F4(b.observed))),
              std::string::npos);
  }
  EXPECT_GT(points, 1);
  EXPECT_EQ(Count(page, "<g class=\"bin\">"), points);
  int learned = 0;
  for (const learn::WeightProposal& w : c.weights) {
    const std::string& id = plan_->indicators[w.indicator].id;
    const std::string row = absl::StrCat("<tr><td><code>", id, "</code></td><td class=\"num\">",
                                         F4(w.old_weight), "</td>");
    ASSERT_NE(page.find(row), std::string::npos) << id;
    if (!w.learned) continue;
    ++learned;
    EXPECT_NE(page.find(absl::StrCat(row, "<td class=\"num\">", F4(w.proposed),
                                     "</td><td class=\"num\">", F4(w.low), " to ",
                                     F4(w.high))),
              std::string::npos) << id;
  }
  EXPECT_GT(learned, 4);
  EXPECT_EQ(Count(page, "<g class=\"weight\">"), learned);
  ASSERT_FALSE(c.priors.empty());
  for (const learn::PriorProposal& p : c.priors) {
    EXPECT_NE(page.find(absl::StrCat(p.known, "</td><td class=\"num\">", p.unknown,
                                     "</td><td class=\"num\">", F4(p.rate), " [",
                                     F4(p.low), " to ", F4(p.high), "]")),
              std::string::npos) << plan_->indicators[p.indicator].id;
  }
  EXPECT_NE(page.find(absl::StrCat("sha256:", plan_->sha256)), std::string::npos);
  EXPECT_EQ(Page(*plan_, c, "archive.jsonl", plan_), page);  // same bytes
}

TEST_F(CalibrationPageTest, ShowsHostileStringsAsTextAndLoadsNothing) {
  // Strings the compiler may well refuse, set directly: the page must not
  // rely on the compiler to keep markup out.
  auto compiled = CompileRuleSetDir(RulesDir());
  ASSERT_TRUE(compiled.ok());
  std::unique_ptr<Plan> hostile(const_cast<Plan*>(compiled->release()));
  hostile->name = "<script>window.pwned=1</script>";
  hostile->version = "1\"><img src=x onerror=alert(1)>";
  const int learned = [&] {
    for (const learn::WeightProposal& w : calibration_->weights) {
      if (w.learned && w.indicator != calibration_->priors[0].indicator) {
        return w.indicator;
      }
    }
    return -1;
  }();
  ASSERT_GE(learned, 0);
  hostile->indicators[learned].id = "<svg onload=alert(2)>";
  hostile->indicators[calibration_->priors[0].indicator].id = "a&b</td>";
  const std::string page =
      Page(*hostile, *calibration_, "x<style>body{display:none}</style>.jsonl",
           hostile.get());
  for (const char* raw : {"<script", "<img", "<svg onload",
                          "a&b</td>", "<style>body"}) {
    EXPECT_EQ(page.find(raw), std::string::npos) << raw;
  }
  EXPECT_NE(page.find("&lt;script&gt;window.pwned=1&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(page.find("&lt;svg onload=alert(2)&gt;"), std::string::npos);
  EXPECT_NE(page.find("a&amp;b&lt;/td&gt;"), std::string::npos);
  EXPECT_NE(page.find("x&lt;style&gt;body{display:none}&lt;/style&gt;.jsonl"),
            std::string::npos);
  for (const char* load : {"http:", "https:", " src=\"", " href=\"", "<link", "@import",
                           "url(http", "<iframe", "<object"}) {
    EXPECT_EQ(page.find(load), std::string::npos) << load;
  }
  EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
}

}  // namespace
}  // namespace divrisk
