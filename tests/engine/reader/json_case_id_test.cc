// JsonCaseId against the tree path it stands in for (ParseJsonInto, then
// CaseIdOf): the same id, or the same absence of one, for the generator's
// good lines, every kind of broken line, the examples, hand-written hostile
// lines, truncations and byte flips of them, and tight limits.

#include "engine/reader/json_case_id.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "engine/doc/json_parser.h"
#include "engine/generate/broken_lines.h"
#include "engine/output/case_json_writer.h"
#include "engine/reader/case_decoder.h"
#include "engine/reader/case_reader.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"
#include "rules/default_rules.h"

namespace divrisk {
namespace {

std::optional<std::string> TreeCaseId(std::string_view text,
                                      const DocLimits& limits) {
  DocNode tree;
  if (!ParseJsonInto(text, limits, 1, &tree).ok()) return std::nullopt;
  return CaseIdOf(tree);
}

// Counts the lines with an id, so that a test cannot pass on refusals alone.
size_t ExpectSame(const std::vector<std::string>& lines,
                  const DocLimits& limits = {}) {
  size_t with_id = 0;
  for (const std::string& line : lines) {
    const std::optional<std::string> tree = TreeCaseId(line, limits);
    EXPECT_EQ(JsonCaseId(line, limits), tree) << line.substr(0, 300);
    with_id += tree.has_value();
  }
  return with_id;
}

const ReferenceData& Reference() {
  static const ReferenceData* ref = [] {
    auto plan = CompileRuleSetDir(DefaultRulesDir());
    EXPECT_TRUE(plan.ok()) << plan.status();
    return new ReferenceData(*(*plan)->reference);
  }();
  return *ref;
}

std::vector<std::string> GeneratedLines_(double bad_fraction, size_t n) {
  GeneratedLines gen(Reference(), 11, bad_fraction);
  std::vector<std::string> lines(n);
  for (std::string& line : lines) gen.Next(&line);
  return lines;
}

TEST(JsonCaseId, GeneratedGoodLines) {
  const auto lines = GeneratedLines_(0.0, 300);
  EXPECT_EQ(ExpectSame(lines), lines.size());
}

TEST(JsonCaseId, EveryKindOfBrokenLine) {
  const auto good = GeneratedLines_(0.0, 40);
  std::vector<std::string> broken;
  for (size_t k = 0; k < kEnumWords<BreakKind>.size(); ++k) {
    for (size_t i = 0; i < good.size(); ++i) {
      broken.push_back(BreakLineAs(static_cast<BreakKind>(k), good[i], i * 7919,
                                   good[0]));
    }
  }
  const size_t with_id = ExpectSame(broken);
  EXPECT_GT(with_id, 0u);                // a broken case still has its id
  EXPECT_LT(with_id, broken.size());     // and some lines have none
}

TEST(JsonCaseId, Examples) {
  std::vector<std::string> lines;
  for (const auto& entry : std::filesystem::directory_iterator(
           std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    absl::StatusOr<Case> c = ReadCaseFile(entry.path().string(), Reference());
    if (!c.ok()) continue;
    std::string line;
    AppendCaseJson(*c, &line);
    lines.push_back(line);
  }
  ASSERT_GE(lines.size(), 20u);
  EXPECT_EQ(ExpectSame(lines), lines.size());
}

std::vector<std::string> Hostile() {
  std::vector<std::string> lines = {
      R"({"id":"A-1"})", R"({"id":12})", R"({"id": -0.5e3 , "x":1})",
      R"({"id":1e400})", R"({"id":"a","id":"b"})", R"({"id":null,"id":"x"})",
      R"({"id":true})", R"({"id":""})", R"({"id":"a\u0000b"})",
      R"([{"id":"x"}])", R"("x")", R"(12)", R"({"id":"x"} junk)",
      R"({"id":"x"}{})", R"({"\u0069d":"escaped key"})", "\xEF\xBB\xBF{\"id\":\"bom\"}",
      R"({"a":{"id":"nested"}})", R"({"id":{"a":1}})", R"({"id":["x"]})",
      R"({"id":"x",})", R"({"id":"x")", R"({"id":"\ud800"})", "{\"id\":\"\xC3\x28\"}",
      "", " ", "{}", R"({"id":"x","n":nul})", R"({"id":"x","n":tru})",
      R"({"id":"x","n":01})", R"({"id":"x","n":1.})", "{\"id\":\"tab\there\"}",
      R"({"id":"Ünïcödé ✓"})", R"({"x":[1,2,{"id":"no"}],"id":"yes"})",
      "{\"id\":\"x\"}\n", "{\"id\":\"x\"}\r\n", R"({"id":"x","y":[]})",
  };
  // Nesting on both sides of the depth limit, and long strings and keys.
  for (int depth : {62, 63, 64, 65}) {
    lines.push_back(R"({"id":"deep","x":)" + std::string(depth, '[') +
                    std::string(depth, ']') + "}");
  }
  for (size_t n : {65535u, 65536u, 65537u}) {
    lines.push_back(R"({"id":")" + std::string(n, 'i') + R"("})");
    lines.push_back(R"({"id":"k",")" + std::string(n, 'k') + R"(":1})");
  }
  return lines;
}

TEST(JsonCaseId, HostileLines) {
  EXPECT_GT(ExpectSame(Hostile()), 10u);
}

// Every prefix of a few lines, and single bytes changed to characters that
// matter to JSON.
TEST(JsonCaseId, TruncationsAndByteFlips) {
  std::vector<std::string> lines = Hostile();
  const auto good = GeneratedLines_(0.0, 3);
  lines.insert(lines.end(), good.begin(), good.end());
  std::vector<std::string> variants;
  for (const std::string& line : lines) {
    const size_t step = line.size() > 400 ? line.size() / 97 : 1;
    for (size_t cut = 0; cut < line.size(); cut += step) {
      variants.push_back(line.substr(0, cut));
      for (char c : {'"', '\\', '{', '}', ',', ':', '\0', '\x80'}) {
        std::string flipped = line;
        flipped[cut] = c;
        variants.push_back(flipped);
      }
    }
  }
  EXPECT_GT(ExpectSame(variants), 0u);
}

TEST(JsonCaseId, TightLimits) {
  DocLimits limits;
  limits.max_nodes = 4;
  limits.max_depth = 2;
  limits.max_scalar_bytes = 5;
  limits.max_bytes = 40;
  const std::vector<std::string> lines = {
      R"({"id":"abc"})", R"({"id":"abcdef"})", R"({"id":"a","b":1,"c":2})",
      R"({"id":"a","b":1,"c":2,"d":3})", R"({"id":"a","b":[[1]]})",
      R"({"id":"a","b":[1]})", R"({"id":"a","bbbbbb":1})",
      R"({"id":"a","b":"0123456789012345678901234567890123456789"})"};
  EXPECT_GT(ExpectSame(lines, limits), 0u);
}

}  // namespace
}  // namespace divrisk
