// The archive summary (engine/report/archive_summary.h) over results made
// here from the bundled examples, full and summary output alike, joined
// with their case archive; and its dashboard holds aggregates only.

#include "engine/report/archive_summary.h"

#include <cstdio>
#include <map>

#include "absl/strings/str_cat.h"
#include <string>

#include "engine/batch/line_reader.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/case_json_writer.h"
#include "engine/report/archive_dashboard.h"
#include "gtest/gtest.h"
#include "tests/engine/report/report_test_util.h"

namespace divrisk {
namespace {

// A file in memory, read as the CLI reads a file.
class TextInput {
 public:
  explicit TextInput(const std::string& text)
      : text_(text), reader_(fmemopen(text_.data(), text_.size(), "r"), 1 << 20, true) {}
  InputSource& source() { return reader_; }

 private:
  std::string text_;
  LineReader reader_;
};

struct Archive {
  std::vector<Assessed> cases;
  std::string full, summary, case_lines;
};

Archive ExampleArchive() {
  Archive x;
  for (const std::string& file : ExampleFiles()) x.cases.push_back(AssessFile(file));
  for (size_t i = 0; i < x.cases.size(); ++i) {
    AppendAssessmentJson(ExamplePlan(), x.cases[i].a, &x.full);
    AppendSummaryJson(ExamplePlan(), x.cases[i].a, &x.summary);
    // A line the batch would have rejected, which the join must skip.
    if (i % 3 == 1) x.case_lines += "{\"id\": \"broken\n";
    AppendCaseJson(*x.cases[i].c, &x.case_lines);
    x.case_lines += "\n";
  }
  return x;
}

ArchiveSummary Summarise(const std::string& results, const std::string* cases) {
  TextInput in(results);
  std::unique_ptr<TextInput> case_input;
  if (cases != nullptr) case_input = std::make_unique<TextInput>(*cases);
  ArchiveSummary s;
  absl::Status status =
      SummariseArchive(in.source(), case_input ? &case_input->source() : nullptr, &s);
  EXPECT_TRUE(status.ok()) << status;
  return s;
}

TEST(ArchiveSummary, CountsAgreeWithTheAssessmentsInFullAndSummaryOutput) {
  const Archive x = ExampleArchive();
  std::map<std::string, uint64_t> recs, bands, known, unknown, all;
  uint64_t stopped = 0;
  for (const Assessed& c : x.cases) {
    ++recs[EnumWord(c.a.result.recommendation)];
    ++bands[ExamplePlan().bands[c.a.result.band].id];
    stopped += c.a.hard_stops.empty() ? 0 : 1;
    for (const Contribution& line : c.a.contributions) {
      if (line.mitigation) continue;
      const std::string& id = ExamplePlan().indicators[line.indicator].id;
      ++(line.unknown ? unknown : known)[id];
      ++all[id];
    }
  }
  for (const std::string* results : {&x.full, &x.summary}) {
    const bool full = results == &x.full;
    SCOPED_TRACE(full ? "full" : "summary");
    const ArchiveSummary s = Summarise(*results, nullptr);
    EXPECT_FALSE(s.is_diff);
    EXPECT_EQ(s.results, x.cases.size());
    EXPECT_EQ(s.bad_lines, 0u);
    EXPECT_EQ(s.recommendations, recs);
    EXPECT_EQ(s.bands, bands);
    EXPECT_EQ(s.with_hard_stop, stopped);
    uint64_t histogram = 0;
    for (uint64_t n : s.per_point) histogram += n;
    EXPECT_EQ(histogram, x.cases.size());
    EXPECT_EQ(s.indicators.size(), all.size());
    for (const auto& [id, n] : all) {
      const IndicatorTally& t = s.indicators.at(id);
      if (full) {
        EXPECT_EQ(t.known, known[id]) << id;
        EXPECT_EQ(t.unknown, unknown[id]) << id;
        EXPECT_EQ(t.unstated, 0u);
      } else {
        EXPECT_EQ(t.unstated, n) << id;  // summary output does not say
      }
    }
    EXPECT_EQ(s.rule_sets.size(), 1u);
  }
}

TEST(ArchiveSummary, JoinsDestinationsAndIntermediariesFromTheCaseArchive) {
  const Archive x = ExampleArchive();
  const ArchiveSummary s = Summarise(x.summary, &x.case_lines);
  EXPECT_TRUE(s.joined);
  EXPECT_EQ(s.join_problem, "");
  EXPECT_EQ(s.joined_cases, x.cases.size());
  std::map<std::string, uint64_t> destinations;
  uint64_t parties = 0, risky = 0;
  for (const Assessed& c : x.cases) {
    ++destinations[std::string(c.c->end_user.country.view())];
    parties += c.c->parties.size();
    const Recommendation r = c.a.result.recommendation;
    risky += (r == Recommendation::kRefer || r == Recommendation::kRefuse) ? 1 : 0;
  }
  uint64_t risky_seen = 0, parties_seen = 0;
  for (const auto& [code, n] : destinations) {
    EXPECT_EQ(s.destinations.at(code).cases, n) << code;
  }
  for (const auto& [code, t] : s.destinations) risky_seen += t.refer_or_refuse;
  for (const auto& [key, t] : s.intermediaries) parties_seen += t.cases;
  EXPECT_EQ(risky_seen, risky);
  EXPECT_EQ(parties_seen, parties);
}

TEST(ArchiveSummary, AnotherCaseArchiveStopsTheJoinAndSaysWhy) {
  const Archive x = ExampleArchive();
  const std::string other = "{\"id\":\"elsewhere\",\"end_user\":{\"country\":\"FR\"}}\n";
  const ArchiveSummary s = Summarise(x.summary, &other);
  EXPECT_EQ(s.results, x.cases.size());  // the results are all counted
  EXPECT_EQ(s.joined_cases, 0u);
  EXPECT_NE(s.join_problem.find("holds no case " + x.cases[0].c->id), std::string::npos);
}

TEST(ArchiveSummary, LinesThatAreNotResultsAreCountedNotFatal) {
  const Archive x = ExampleArchive();
  const ArchiveSummary s =
      Summarise("not json\n" + x.summary + "{\"case_id\":\"x\"}\n\n", nullptr);
  EXPECT_EQ(s.results, x.cases.size());
  EXPECT_EQ(s.bad_lines, 2u);
  EXPECT_EQ(s.first_bad, "line 1: not a JSON object");

  TextInput none("{\"a\":1}\n[1,2]\n");
  ArchiveSummary empty;
  const absl::Status status = SummariseArchive(none.source(), nullptr, &empty);
  EXPECT_FALSE(status.ok());
  EXPECT_NE(status.message().find("line 1"), std::string::npos);
}

TEST(ArchiveDashboard, HoldsAggregatesNotRows) {
  const Archive x = ExampleArchive();
  std::string once, twice;
  ArchiveSummary a = Summarise(x.full, nullptr);
  ArchiveSummary b = Summarise(x.full + x.full, nullptr);
  a.seconds = b.seconds = 0;
  AppendArchiveDashboard(a, &once);
  AppendArchiveDashboard(b, &twice);
  // Twice the results: only the numbers differ, not the rows.
  EXPECT_LT(twice.size() - std::min(twice.size(), once.size()), 400u);
  for (const Assessed& c : x.cases) {
    EXPECT_EQ(once.find(c.c->id), std::string::npos) << "a row of " << c.c->id;
  }
  EXPECT_NE(once.find(absl::StrCat("Archive of ", x.cases.size(), " results")),
            std::string::npos);
  EXPECT_EQ(once.find("<script"), std::string::npos);
}

TEST(ArchiveDashboard, StringsFromTheArchiveAreTextAndTablesStayShort) {
  std::string results;
  for (int i = 0; i < 100; ++i) {
    results += absl::StrCat(
        "{\"case_id\":\"c", i, "\",\"score\":1.5,\"band\":\"<script>b", i,
        "</script>\",\"recommendation\":\"<img src=x onerror=alert(1)>\","
        "\"hard_stops\":[\"<b>g</b>\"],\"contributions\":[{\"indicator\":"
        "\"<svg onload=alert(1)>\",\"contribution\":1.5}]}\n");
  }
  const ArchiveSummary s = Summarise(results, nullptr);
  EXPECT_EQ(s.results, 100u);
  std::string page;
  AppendArchiveDashboard(s, &page);
  for (const char* markup : {"<script", "<img", "<svg on", "<b>"}) {
    EXPECT_EQ(page.find(markup), std::string::npos) << markup;
  }
  EXPECT_NE(page.find("&lt;svg onload=alert(1)&gt;"), std::string::npos);
  // 100 bands named by the archive: the largest 20 shown, and the rest said.
  EXPECT_NE(page.find("80 smaller ones not shown."), std::string::npos);
}

}  // namespace
}  // namespace divrisk
