// Broken lines: every kind is rejected by the batch line parser (a
// duplicate id by the batch run), for the reason it was made with, and
// `divrisk generate`'s lines break in the share asked for.

#include "engine/generate/broken_lines.h"

#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "engine/batch/batch_run.h"
#include "engine/batch/line_parser.h"
#include "engine/batch/line_reader.h"
#include "engine/generate/case_generator.h"
#include "engine/output/case_json_writer.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

using ::testing::HasSubstr;

constexpr size_t kMaxLine = 1 << 20;  // the batch reader's limit

class BrokenLinesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto plan = CompileRuleSetDir(std::string(DIVRISK_SOURCE_DIR) +
                                  "/rules/att-default");
    ASSERT_TRUE(plan.ok()) << plan.status();
    plan_ = plan->release();
    good_ = new std::vector<std::string>;
    CaseGenerator g(Ref(), 99);
    for (int i = 0; i < 150; ++i) {
      std::string line;
      AppendCaseJson(g.Next(), &line);
      good_->push_back(std::move(line));
    }
  }
  static const ReferenceData& Ref() { return *plan_->reference; }

  // Reads `text` as the batch reader does and parses each line.
  struct Parsed {
    InputLine line;
    bool ok = false;
    std::string id;
    std::vector<std::string> errors;
  };
  static std::vector<Parsed> ParseAll(const std::string& text) {
    std::FILE* in = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
    LineReader reader(in, kMaxLine);
    std::vector<InputLine> lines;
    std::vector<Parsed> out;
    while (size_t n = reader.ReadChunk(64, &lines)) {
      for (size_t i = 0; i < n; ++i) {
        Parsed p;
        p.line = lines[i];
        Case c;
        p.ok = ParseInputLine(lines[i], Ref(), kMaxLine, &c, &p.errors);
        p.id = c.id;
        out.push_back(std::move(p));
      }
    }
    std::fclose(in);
    return out;
  }

  static const Plan* plan_;
  static std::vector<std::string>* good_;
};

const Plan* BrokenLinesTest::plan_ = nullptr;
std::vector<std::string>* BrokenLinesTest::good_ = nullptr;

TEST_F(BrokenLinesTest, GoodLinesParse) {
  std::string text;
  for (const std::string& g : *good_) text += g + "\n";
  for (const Parsed& p : ParseAll(text)) {
    EXPECT_TRUE(p.ok) << p.errors.front();
  }
}

// The substring that the first error of a line broken this way carries.
const char* ExpectedReason(BreakKind kind) {
  switch (kind) {
    case BreakKind::kOverLong:
      return "longer than the limit";
    case BreakKind::kEmptyLine:
      return "empty line";
    case BreakKind::kMissingRequired:
      return "missing";
    case BreakKind::kUnknownKey:
      return "unknown";
    case BreakKind::kBadEnumWord:
      return "expected one of";
    case BreakKind::kImpossibleDate:
      return "date";
    case BreakKind::kBrokenLegChain:
      return "route breaks";
    case BreakKind::kBadImoCheckDigit:
      return "IMO";
    case BreakKind::kDuplicateKey:
      return "duplicate key";
    default:
      return "";  // JSON syntax errors and the like: worded by simdjson
  }
}

TEST_F(BrokenLinesTest, EveryKindIsRejectedForItsReason) {
  const std::string& earlier_id = "GEN-99-1";
  for (size_t k = 0; k < kEnumWords<BreakKind>.size(); ++k) {
    const auto kind = static_cast<BreakKind>(k);
    SCOPED_TRACE(EnumWord(kind));
    // Over-long lines are a mebibyte each: a few suffice.
    const size_t n = kind == BreakKind::kOverLong ? 3 : good_->size();
    std::string text;
    for (size_t i = 1; i < n; ++i) {
      const std::string bad = BreakLineAs(kind, (*good_)[i], 1000 + i, earlier_id);
      ASSERT_EQ(bad.find('\n'), std::string::npos);
      ASSERT_NE(bad, (*good_)[i]);
      text += bad + "\n";
    }
    const std::vector<Parsed> parsed = ParseAll(text);
    ASSERT_EQ(parsed.size(), n - 1);
    for (const Parsed& p : parsed) {
      if (kind == BreakKind::kDuplicateCaseId) {
        // A valid case, recognisable by its reused id: the batch run
        // rejects it after the id's first occurrence.
        EXPECT_TRUE(p.ok) << p.errors.front();
        EXPECT_EQ(p.id, earlier_id);
        continue;
      }
      ASSERT_FALSE(p.ok) << "line " << p.line.number;
      ASSERT_FALSE(p.errors.empty());
      std::string all;
      for (const std::string& e : p.errors) all += e + "\n";
      EXPECT_THAT(all, HasSubstr(ExpectedReason(kind))) << "line " << p.line.number;
      if (kind == BreakKind::kOverLong) {
        EXPECT_TRUE(p.line.too_long);
      }
    }
  }
}

TEST_F(BrokenLinesTest, SpecificDamage) {
  const std::string& g = (*good_)[3];
  EXPECT_EQ(BreakLineAs(BreakKind::kArrayNotObject, g, 1), "[" + g + "]");
  const std::string nul = BreakLineAs(BreakKind::kNulByte, g, 2);
  EXPECT_EQ(nul.size(), g.size() + 1);
  EXPECT_NE(nul.find('\0'), std::string::npos);
  EXPECT_GT(BreakLineAs(BreakKind::kOverLong, g, 3).size(), kMaxLine);
  const std::string truncated = BreakLineAs(BreakKind::kTruncated, g, 4);
  EXPECT_LT(truncated.size(), g.size());
  EXPECT_EQ(g.compare(0, truncated.size(), truncated), 0);
  EXPECT_NE(BreakLineAs(BreakKind::kImpossibleDate, g, 5).find("\"assessed_on\":"),
            std::string::npos);
}

TEST_F(BrokenLinesTest, DeterministicForTheSameDraw) {
  for (size_t i = 0; i < 40; ++i) {
    const std::string& g = (*good_)[i];
    BreakKind a, b;
    EXPECT_EQ(BreakLine(g, i * 7919, "GEN-99-1", &a),
              BreakLine(g, i * 7919, "GEN-99-1", &b));
    EXPECT_EQ(a, b);
  }
}

TEST_F(BrokenLinesTest, KindsDrawnInTheirDocumentedShares) {
  // Draw the kind only (the damage itself is tested above): a short line
  // keeps the over-long draws cheap.
  const std::string g = (*good_)[0];
  std::map<BreakKind, int> drawn;
  constexpr int kDraws = 10000;
  for (int i = 0; i < kDraws; ++i) {
    BreakKind kind;
    Prng r(MixSeed(5, i));
    BreakLine(g, r.Next(), "GEN-99-1", &kind);
    ++drawn[kind];
  }
  for (size_t k = 0; k < kEnumWords<BreakKind>.size(); ++k) {
    const auto kind = static_cast<BreakKind>(k);
    const double expected = kDraws * kBreakWeights[k] / 1000.0;
    EXPECT_GT(drawn[kind], 0) << EnumWord(kind);
    if (kBreakWeights[k] >= 25) {
      EXPECT_NEAR(drawn[kind], expected, expected * 0.25) << EnumWord(kind);
    }
  }
  // Without an earlier good line there is no id to duplicate.
  for (int i = 0; i < 2000; ++i) {
    BreakKind kind;
    BreakLine(g, i, "", &kind);
    EXPECT_NE(kind, BreakKind::kDuplicateCaseId);
  }
}

TEST_F(BrokenLinesTest, BadFractionIsRespected) {
  constexpr int kLines = 3000;
  GeneratedLines clean(Ref(), 11, 0.0);
  GeneratedLines mixed(Ref(), 11, 0.2);
  GeneratedLines all(Ref(), 11, 1.0);
  int broken = 0, all_broken = 0;
  std::string a, b, c;
  for (int i = 0; i < kLines; ++i) {
    EXPECT_FALSE(clean.Next(&a).has_value());
    if (mixed.Next(&b)) {
      ++broken;
    } else {
      EXPECT_EQ(a, b);  // good lines are the same whatever the fraction
    }
    all_broken += all.Next(&c).has_value();
  }
  EXPECT_NEAR(broken, 0.2 * kLines, 0.025 * kLines);
  EXPECT_EQ(all_broken, kLines);
  EXPECT_EQ(mixed.lines(), static_cast<uint64_t>(kLines));
}

// What the batch run makes of generated lines: every broken line rejected
// (duplicates after their first occurrence), every good one scored.
TEST_F(BrokenLinesTest, BatchRunRejectsExactlyTheBrokenLines) {
  GeneratedLines lines(Ref(), 2026, 0.3);
  std::string text, line;
  int broken = 0, duplicates = 0;
  for (int i = 0; i < 1500; ++i) {
    std::optional<BreakKind> kind = lines.Next(&line);
    broken += kind.has_value();
    duplicates += kind == BreakKind::kDuplicateCaseId;
    text += line + "\n";
  }
  ASSERT_GT(duplicates, 0);
  struct Sink : BatchSink {
    void Scored(const InputLine&, const LineOutcome&) override { ++scored; }
    void Rejected(const InputLine&, const LineOutcome& o) override {
      for (const std::string& e : o.errors) {
        duplicate_ids += e.find("duplicate case id") != std::string::npos;
      }
    }
    int scored = 0, duplicate_ids = 0;
  } sink;
  std::FILE* in = fmemopen(text.data(), text.size(), "rb");
  LineReader reader(in, kMaxLine);
  BatchStats stats;
  ASSERT_TRUE(RunBatch(*plan_, reader, BatchRunOptions{}, sink, &stats).ok());
  std::fclose(in);
  EXPECT_EQ(stats.read, 1500u);
  EXPECT_EQ(stats.rejected, static_cast<uint64_t>(broken));
  EXPECT_EQ(sink.scored, 1500 - broken);
  EXPECT_EQ(sink.duplicate_ids, duplicates);
}

}  // namespace
}  // namespace divrisk
