// RunBatch over JSON Lines built from the examples: accounting, order,
// rejects with reasons, duplicate ids, thread-count independence and the
// pipe-mode property (k parts scored apart and concatenated = one run).

#include <cstdio>
#include <filesystem>
#include <optional>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_split.h"
#include "engine/batch/batch_run.h"
#include "engine/doc/yaml_parser.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/canonical.h"
#include "rules/compiler.h"
#include "tests/engine/batch/example_lines.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;
using ::testing::HasSubstr;

struct CollectingSink : BatchSink {
  void Scored(const InputLine& line, const LineOutcome& o) override {
    output += o.output;
    order.push_back(line.number);
  }
  void Rejected(const InputLine& line, const LineOutcome& o) override {
    rejects += RejectJson(line, o);
    order.push_back(line.number);
  }
  std::string output, rejects;
  std::vector<uint64_t> order;
};

struct RunResult {
  BatchStats stats;
  std::string output, rejects;
  std::vector<uint64_t> order;
};

RunResult RunArchive(const std::string& input, int threads,
              BatchOutput output = BatchOutput::kFull, size_t chunk = 64,
              std::optional<absl::flat_hash_set<uint64_t>> repeated_ids = {}) {
  std::FILE* in = fmemopen(const_cast<char*>(input.data()), input.size(), "rb");
  if (input.empty()) in = std::fopen("/dev/null", "rb");
  LineReader reader(in, 1 << 20);
  BatchRunOptions options;
  options.chunk.threads = threads;
  options.chunk.output = output;
  options.chunk_lines = chunk;
  options.repeated_ids = std::move(repeated_ids);
  CollectingSink sink;
  RunResult r;
  EXPECT_TRUE(RunBatch(DefaultPlan(), reader, options, sink, &r.stats).ok());
  std::fclose(in);
  r.output = std::move(sink.output);
  r.rejects = std::move(sink.rejects);
  r.order = std::move(sink.order);
  return r;
}

std::string Join(const std::vector<std::string>& lines) {
  return absl::StrJoin(lines, "\n") + "\n";
}

TEST(BatchRun, SameBytesAtOneTwoAndFourThreadsInInputOrder) {
  const std::string input = Join(ExampleLines(12));
  const RunResult one = RunArchive(input, 1);
  ASSERT_EQ(one.stats.rejected, 0u) << one.rejects;
  EXPECT_EQ(one.stats.scored, one.stats.read);
  EXPECT_EQ(RunArchive(input, 2).output, one.output);
  EXPECT_EQ(RunArchive(input, 4).output, one.output);
  EXPECT_EQ(RunArchive(input, 3, BatchOutput::kFull, 1000).output, one.output);
  // Output lines follow input lines: the n-th output is the n-th case.
  std::vector<std::string> out = absl::StrSplit(one.output, '\n', absl::SkipEmpty());
  std::vector<std::string> in = ExampleLines(12);
  ASSERT_EQ(out.size(), in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    const size_t at = in[i].find("\"id\":\"") + 6;
    const std::string id = in[i].substr(at, in[i].find('"', at) - at);
    EXPECT_THAT(out[i], HasSubstr(absl::StrCat("{\"case_id\":\"", id, "\"")));
  }
}

TEST(BatchRun, EveryLineIsAccountedForWithItsReason) {
  std::vector<std::string> lines = ExampleLines(1);
  const std::string first = lines[0];
  lines.insert(lines.begin() + 3, "not json");
  lines.insert(lines.begin() + 5, "");
  lines.insert(lines.begin() + 7, "[1, 2]");
  lines.push_back(first);  // a duplicate id
  std::string bad = lines[1];
  bad.replace(bad.find("\"assessed_on\":\"") + 15, 10, "2026-02-30");
  lines.push_back(bad);  // a valid id, an impossible date
  lines.push_back("{\"format\": \"divrisk-case/1\"\xff}");  // invalid UTF-8
  const RunResult r = RunArchive(Join(lines), 2);
  EXPECT_EQ(r.stats.read, lines.size());
  EXPECT_EQ(r.stats.scored + r.stats.rejected, r.stats.read);
  EXPECT_EQ(r.stats.rejected, 6u);
  EXPECT_THAT(r.rejects, HasSubstr("{\"line\":4,\"errors\":[\"4:1: invalid JSON: expected a JSON object\"]}"));
  EXPECT_THAT(r.rejects, HasSubstr("{\"line\":6,\"errors\":[\"6:1: empty line\"]}"));
  EXPECT_THAT(r.rejects, HasSubstr("{\"line\":8,\"errors\":[\"8:1: expected a map, found a list\"]}"));
  EXPECT_THAT(r.rejects, HasSubstr("duplicate case id"));
  EXPECT_THAT(r.rejects, HasSubstr("assessed_on: expected a calendar date YYYY-MM-DD, found '2026-02-30'"));
  EXPECT_THAT(r.rejects, HasSubstr("\"line\":" + std::to_string(lines.size())));
  // Lines reach the sink in input order, scored or not.
  for (size_t i = 0; i < r.order.size(); ++i) EXPECT_EQ(r.order[i], i + 1);
  uint64_t per_band = 0;
  for (uint64_t n : r.stats.per_band) per_band += n;
  EXPECT_EQ(per_band, r.stats.scored);
}

// Told which ids repeat (FindRepeatedIds), the check remembers only those
// and rejects exactly the same lines; an id it was not told of is never
// rejected, since the first pass saw it once.
TEST(BatchRun, KnowingTheRepeatedIdsRejectsTheSameLines) {
  std::vector<std::string> lines = ExampleLines(2);
  lines.push_back(lines[0]);
  lines.push_back(lines[5]);
  lines.push_back(lines[0]);
  const std::string input = Join(lines);
  const RunResult all = RunArchive(input, 2, BatchOutput::kSummary);
  ASSERT_EQ(all.stats.rejected, 3u);
  const size_t at = lines[0].find("\"id\":\"") + 6;
  const std::string id0 = lines[0].substr(at, lines[0].find('"', at) - at);
  const size_t at5 = lines[5].find("\"id\":\"") + 6;
  const std::string id5 = lines[5].substr(at5, lines[5].find('"', at5) - at5);
  const RunResult known =
      RunArchive(input, 2, BatchOutput::kSummary, 64,
                 absl::flat_hash_set<uint64_t>{CaseIdHash(id0), CaseIdHash(id5)});
  EXPECT_EQ(known.stats.rejected, all.stats.rejected);
  EXPECT_EQ(known.output, all.output);
  EXPECT_EQ(known.rejects, all.rejects);
  const RunResult only_first =
      RunArchive(input, 2, BatchOutput::kSummary, 64,
                 absl::flat_hash_set<uint64_t>{CaseIdHash(id0)});
  EXPECT_EQ(only_first.stats.rejected, 2u);
}

TEST(BatchRun, ATooLongLineIsRejectedNotKept) {
  std::vector<std::string> lines = ExampleLines(1);
  lines.insert(lines.begin() + 1, std::string(2 << 20, 'x'));
  const RunResult r = RunArchive(Join(lines), 2);
  EXPECT_EQ(r.stats.rejected, 1u);
  EXPECT_THAT(r.rejects, HasSubstr("2:1: line longer than the limit of 1048576 bytes"));
}

TEST(BatchRun, SplittingTheInputAndConcatenatingEqualsOneRun) {
  const std::vector<std::string> lines = ExampleLines(5);
  const std::string whole = RunArchive(Join(lines), 2, BatchOutput::kSummary).output;
  for (size_t parts : {2u, 3u, 7u}) {
    std::string joined;
    const size_t per = (lines.size() + parts - 1) / parts;
    for (size_t p = 0; p < parts; ++p) {
      std::vector<std::string> part(
          lines.begin() + std::min(lines.size(), p * per),
          lines.begin() + std::min(lines.size(), (p + 1) * per));
      if (!part.empty()) joined += RunArchive(Join(part), 1, BatchOutput::kSummary).output;
    }
    EXPECT_EQ(joined, whole) << parts << " parts";
  }
}

TEST(BatchRun, SummaryOutputCarriesTheRuleSetAndNonZeroContributions) {
  const RunResult r = RunArchive(Join(ExampleLines(1)), 1, BatchOutput::kSummary);
  std::vector<std::string> out = absl::StrSplit(r.output, '\n', absl::SkipEmpty());
  ASSERT_FALSE(out.empty());
  EXPECT_THAT(out[0], HasSubstr("\"rule_set_sha256\":\"" + DefaultPlan().sha256 + "\""));
  EXPECT_THAT(out[0], ::testing::ContainsRegex("\"contributions\":\\[\\{\"indicator\":\"[^\"]+\",\"contribution\":-?[0-9]+\\.[0-9]{4}\\}"));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("\"contribution\":0.0000")));
  EXPECT_THAT(r.output, ::testing::Not(HasSubstr("\"evidence\"")));
}

}  // namespace
}  // namespace divrisk
