// Batch integrity: every line of a corrupted archive is accounted for
// (read = scored + rejected, each rejected line in the rejects with its
// reason), and a run resumed from any checkpoint gives the bytes of a run
// that was never interrupted.

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "engine/batch/batch_files.h"
#include "engine/batch/batch_run.h"
#include "engine/batch/line_reader.h"
#include "engine/doc/json_parser.h"
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

// `line` with its value of `key` (a JSON key, quoted) replaced by `value`.
std::string WithValue(const std::string& line, const std::string& key,
                      const std::string& value) {
  const size_t at = line.find(key);
  EXPECT_NE(at, std::string::npos) << key;
  const size_t start = at + key.size() + 1;  // past the ':'
  size_t end = start;
  int depth = 0;
  bool in_string = false;
  for (; end < line.size(); ++end) {
    const char c = line[end];
    if (in_string) {
      if (c == '\\') ++end;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') ++depth;
    else if (c == ']' || c == '}') {
      if (depth == 0) break;
      --depth;
    } else if (c == ',' && depth == 0) break;
  }
  return line.substr(0, start) + value + line.substr(end);
}

struct Collected : BatchSink {
  void Scored(const InputLine&, const LineOutcome& o) override {
    output += o.output;
  }
  void Rejected(const InputLine& line, const LineOutcome& o) override {
    rejects += RejectJson(line, o);
  }
  absl::Status EndChunk(const BatchStats& stats, uint64_t position) override {
    BatchCheckpoint c;
    c.position = position;
    c.output_bytes = output.size();
    c.rejects_bytes = rejects.size();
    c.stats = stats;
    checkpoints.push_back(c);
    return absl::OkStatus();
  }
  std::string output, rejects;
  std::vector<BatchCheckpoint> checkpoints;
};

std::string TempPath(const std::string& name) {
  return ::testing::TempDir() + "/divrisk_integrity_" +
         std::to_string(getpid()) + "_" + name;
}

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

// Runs RunBatch over the file at `path`, resuming from `from` if given.
Collected RunFile(const std::string& path, size_t chunk_lines,
              const BatchCheckpoint* from = nullptr,
              const std::string& output_so_far = "") {
  std::FILE* in = std::fopen(path.c_str(), "rb");
  EXPECT_NE(in, nullptr);
  LineReader reader(in, 1 << 20, /*owns_file=*/true);
  BatchRunOptions options;
  options.chunk.threads = 2;
  options.chunk_lines = chunk_lines;
  BatchStats stats;
  if (from != nullptr) {
    stats = from->stats;
    options.resume = true;
    const std::string partial = TempPath("partial");
    WriteFile(partial, output_so_far);
    EXPECT_TRUE(CollectCaseIdHashes(partial, output_so_far.size(),
                                    &options.seen)
                    .ok());
    fs::remove(partial);
    EXPECT_TRUE(reader.SkipTo(from->stats.read, from->position).ok());
  }
  Collected sink;
  EXPECT_TRUE(RunBatch(DefaultPlan(), reader, options, sink, &stats).ok());
  sink.checkpoints.push_back(BatchCheckpoint{});
  sink.checkpoints.back().stats = stats;
  return sink;
}

// One line of each kind of damage the limits and the reader must survive,
// with what its rejection must say (empty: the line is scored).
struct HostileLine {
  std::string text;
  std::string reason;
};

std::vector<HostileLine> HostileLines() {
  const std::vector<std::string> good = ExampleLines(1);
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "[";
  for (int i = 0; i < 70; ++i) deep += "]";
  std::string parties = "[";
  for (int i = 0; i < 1001; ++i) {
    absl::StrAppend(&parties, i ? "," : "",
                    "{\"name\":\"P", i, "\",\"country\":\"GB\",\"role\":\"broker\"}");
  }
  parties += "]";
  std::string bom_line = "\xEF\xBB\xBF" + good[2];
  std::string nul_line = good[3];
  nul_line.insert(nul_line.find("\"id\":\"") + 6, 1, '\0');
  return {
      {good[0], ""},
      {good[1] + "\r", ""},  // CRLF: the '\r' is dropped
      {"{\"format\": \"divrisk-case/1\", \"id\": \"\xC0\xAF\"}",
       "invalid JSON: The input is not valid UTF-8"},
      {nul_line, "invalid JSON"},
      {bom_line, ""},  // a BOM starting any line is dropped (concatenated files)
      {"", "empty line"},
      {" \t ", "empty line"},
      {"\r", "empty line"},
      {std::string((1 << 20) + 1, 'x'), "line longer than the limit of 1048576 bytes"},
      {WithValue(good[4], "\"extensions\"", "{\"x\":" + deep + "}"),
       "nesting deeper than the limit of 64"},
      {WithValue(good[5], "\"parties\"", parties),
       "parties: more than the limit of 1000 entries"},
      {WithValue(good[6], "\"quantity\"", "1e999"), "invalid JSON"},
      {WithValue(good[7], "\"quantity\"", "99999999999999999999"),
       "quantity: expected a whole number from 1 to 1000000000000, found "
       "99999999999999999999"},
      {WithValue(good[8], "\"quantity\"", "NaN"), "invalid JSON"},
      {WithValue(good[9], "\"name\"", "\"" + std::string(70000, 'n') + "\""),
       "string longer than the limit of 65536 bytes"},
      {"a: &x [*x]", "invalid JSON"},
      {good[0], "duplicate case id"},
      {good[10], ""},
      {"{\"format\": \"divrisk-case/1\"", "invalid JSON"},  // no final newline
  };
}

TEST(BatchIntegrity, EveryLineOfACorruptedArchiveIsAccountedFor) {
  const std::vector<HostileLine> lines = HostileLines();
  std::string archive = "\xEF\xBB\xBF";  // a BOM on line 1 is dropped
  for (size_t i = 0; i < lines.size(); ++i) {
    archive += lines[i].text;
    if (i + 1 < lines.size()) archive += "\n";  // the last line has none
  }
  const std::string path = TempPath("hostile.jsonl");
  WriteFile(path, archive);
  for (size_t chunk : {1u, 3u, 4096u}) {
    SCOPED_TRACE(chunk);
    const Collected r = RunFile(path, chunk);
    const BatchStats& stats = r.checkpoints.back().stats;
    EXPECT_EQ(stats.read, lines.size());
    EXPECT_EQ(stats.scored + stats.rejected, stats.read);
    // Each rejected line once, in order, with its reason.
    std::vector<std::string> rejects =
        absl::StrSplit(r.rejects, '\n', absl::SkipEmpty());
    std::map<uint64_t, std::string> by_line;
    for (const std::string& reject : rejects) {
      absl::StatusOr<DocNode> root = ParseJson(reject);
      ASSERT_TRUE(root.ok()) << reject;
      const uint64_t n = std::stoull(root->Find("line")->text);
      EXPECT_FALSE(by_line.count(n)) << "line " << n << " rejected twice";
      ASSERT_FALSE(root->Find("errors")->items.empty());
      by_line[n] = reject;
    }
    EXPECT_EQ(by_line.size(), stats.rejected);
    size_t scored = 0;
    for (size_t i = 0; i < lines.size(); ++i) {
      const uint64_t n = i + 1;
      if (lines[i].reason.empty()) {
        EXPECT_FALSE(by_line.count(n)) << "line " << n << ": " << by_line[n];
        ++scored;
      } else {
        ASSERT_TRUE(by_line.count(n)) << "line " << n << " not rejected";
        EXPECT_THAT(by_line[n], HasSubstr(lines[i].reason)) << "line " << n;
      }
    }
    EXPECT_EQ(stats.scored, scored);
    EXPECT_EQ(std::count(r.output.begin(), r.output.end(), '\n'),
              static_cast<long>(scored));
  }
  fs::remove(path);
}

TEST(BatchIntegrity, ResumingFromAnyCheckpointGivesTheSameBytes) {
  // Duplicates and bad lines across chunk boundaries, so the rebuilt
  // duplicate check and the restored counts both matter.
  std::vector<std::string> lines = ExampleLines(3);
  lines.insert(lines.begin() + 5, "not json");
  lines.insert(lines.begin() + 17, lines[2]);   // a duplicate of line 3
  lines.insert(lines.begin() + 40, lines[30]);  // a duplicate, later chunk
  lines.push_back(lines[0]);
  const std::string path = TempPath("resume.jsonl");
  WriteFile(path, absl::StrJoin(lines, "\n"));  // no final newline
  const size_t chunk = 7;
  const Collected whole = RunFile(path, chunk);
  const BatchStats& total = whole.checkpoints.back().stats;
  ASSERT_EQ(total.read, lines.size());
  ASSERT_GE(total.rejected, 4u);
  ASSERT_GT(whole.checkpoints.size(), 5u);
  for (size_t k = 0; k + 1 < whole.checkpoints.size(); ++k) {
    const BatchCheckpoint& c = whole.checkpoints[k];
    SCOPED_TRACE(absl::StrCat("resumed after line ", c.stats.read));
    const std::string out_prefix = whole.output.substr(0, c.output_bytes);
    const std::string rejects_prefix = whole.rejects.substr(0, c.rejects_bytes);
    const Collected rest = RunFile(path, chunk, &c, out_prefix);
    EXPECT_EQ(out_prefix + rest.output, whole.output);
    EXPECT_EQ(rejects_prefix + rest.rejects, whole.rejects);
    const BatchStats& s = rest.checkpoints.back().stats;
    EXPECT_EQ(s.read, total.read);
    EXPECT_EQ(s.scored, total.scored);
    EXPECT_EQ(s.rejected, total.rejected);
    EXPECT_EQ(s.per_band, total.per_band);
    EXPECT_EQ(s.per_recommendation, total.per_recommendation);
  }
  fs::remove(path);
}

}  // namespace
}  // namespace divrisk
