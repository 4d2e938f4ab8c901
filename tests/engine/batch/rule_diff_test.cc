// DiffRuleSets against independent batch runs under each rule set: the
// changed cases it counts and the moves it lists are exactly those whose
// scores differ between the two runs.

#include <cstdio>
#include <filesystem>
#include <map>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "engine/batch/batch_run.h"
#include "engine/batch/rule_diff.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"
#include "gtest/gtest.h"
#include "rules/compiler.h"

namespace divrisk {
namespace {

namespace fs = std::filesystem;

const std::string kRules = std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";

// The default rule set with `from` replaced by `to` in ruleset.yaml.
std::unique_ptr<const Plan> Edited(const std::string& from, const std::string& to) {
  RuleFileReader read = [&](const std::string& rel) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::string> text = ReadFileToString(kRules + "/" + rel);
    if (text.ok() && rel == "ruleset.yaml" && !from.empty()) {
      const size_t at = text->find(from);
      if (at == std::string::npos) return absl::NotFoundError(from);
      text->replace(at, from.size(), to);
    }
    return text;
  };
  auto plan = CompileRuleSet(read, kRules);
  EXPECT_TRUE(plan.ok()) << plan.status();
  return plan.ok() ? std::move(*plan) : nullptr;
}

// The default rule set with country `code` dropped from the country table
// and every reference file but the countries left out (they name it too).
std::unique_ptr<const Plan> WithoutCountry(const std::string& code) {
  RuleFileReader read = [&](const std::string& rel) -> absl::StatusOr<std::string> {
    absl::StatusOr<std::string> text = ReadFileToString(kRules + "/" + rel);
    if (!text.ok()) return text;
    if (rel == "ruleset.yaml") {
      const size_t from = text->find("  att: ");
      const size_t to = text->find("\n\n", from);
      text->erase(from, to - from);
    } else if (rel == "reference/countries.yaml") {
      const size_t at = text->find("{code: \"" + code + "\"");
      text->erase(text->rfind('\n', at) + 1,
                  text->find('\n', at) - text->rfind('\n', at));
    }
    return text;
  };
  auto plan = CompileRuleSet(read, kRules);
  EXPECT_TRUE(plan.ok()) << plan.status();
  return plan.ok() ? std::move(*plan) : nullptr;
}

// Every example, 8 times with distinct ids, as JSON Lines.
std::string Archive() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(std::string(DIVRISK_SOURCE_DIR) + "/examples")) {
    if (e.path().extension() == ".yaml") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  std::string out;
  for (int k = 0; k < 8; ++k) {
    for (const std::string& f : files) {
      std::string json;
      AppendJson(*ParseYaml(*ReadFileToString(f)), &json);
      const size_t at = json.find("\"id\":\"") + 6;
      json.insert(json.find('"', at), absl::StrCat("-", k));
      absl::StrAppend(&out, json, "\n");
    }
  }
  return out;
}

template <typename F>
void WithInput(const std::string& text, F f) {
  std::FILE* in = fmemopen(const_cast<char*>(text.data()), text.size(), "rb");
  LineReader reader(in, 1 << 20);
  f(reader);
  std::fclose(in);
}

DiffReport Diff(const Plan& a, const Plan& b, size_t top = 1000) {
  DiffReport report;
  WithInput(Archive(), [&](LineReader& r) {
    DiffOptions options;
    options.threads = 2;
    options.top = top;
    options.chunk_lines = 50;
    EXPECT_TRUE(DiffRuleSets(a, b, r, options, &report).ok());
  });
  return report;
}

// case id -> score, from a plain batch run.
std::map<std::string, int64_t> Scores(const Plan& plan) {
  struct Sink : BatchSink {
    void Scored(const InputLine&, const LineOutcome& o) override {
      const size_t at = o.output.find("\"score\":") + 8;
      ids.emplace(o.case_id, std::llround(std::stod(o.output.substr(at)) * 10000));
    }
    void Rejected(const InputLine&, const LineOutcome&) override {}
    std::map<std::string, int64_t> ids;
  } sink;
  WithInput(Archive(), [&](LineReader& r) {
    BatchRunOptions options;
    options.chunk.output = BatchOutput::kSummary;
    BatchStats stats;
    EXPECT_TRUE(RunBatch(plan, r, options, sink, &stats).ok());
  });
  return sink.ids;
}

void ExpectExactlyTheChangedCases(const Plan& a, const Plan& b,
                                  const std::string& indicator) {
  const DiffReport report = Diff(a, b);
  const auto before = Scores(a);
  const auto after = Scores(b);
  std::map<std::string, int64_t> changed;
  for (const auto& [id, score] : before) {
    if (after.at(id) != score) changed[id] = after.at(id) - score;
  }
  ASSERT_FALSE(changed.empty()) << "the edit must change something";
  EXPECT_LT(changed.size(), before.size()) << "and not everything";
  EXPECT_EQ(report.changed_score, changed.size());
  ASSERT_EQ(report.top_moves.size(), changed.size());
  for (size_t i = 0; i < report.top_moves.size(); ++i) {
    const CaseMove& m = report.top_moves[i];
    ASSERT_TRUE(changed.contains(m.case_id)) << m.case_id;
    EXPECT_EQ(m.new_q - m.old_q, changed.at(m.case_id));
    ASSERT_FALSE(m.deltas.empty());
    bool names_indicator = false;
    for (const auto& [name, d] : m.deltas) names_indicator |= name == indicator;
    EXPECT_TRUE(names_indicator) << m.case_id;
    if (i > 0) {
      EXPECT_GE(std::llabs(report.top_moves[i - 1].new_q - report.top_moves[i - 1].old_q),
                std::llabs(m.new_q - m.old_q));
    }
  }
}

TEST(RuleDiff, IdenticalRuleSetsChangeNothing) {
  auto plan = Edited("", "");
  const DiffReport r = Diff(*plan, *plan);
  EXPECT_GT(r.scored, 100u);
  EXPECT_EQ(r.changed_score, 0u);
  EXPECT_EQ(r.changed_band, 0u);
  EXPECT_EQ(r.changed_recommendation, 0u);
  EXPECT_TRUE(r.top_moves.empty());
  uint64_t diagonal = 0;
  for (int k = 0; k < 4; ++k) diagonal += r.transitions[k][k];
  EXPECT_EQ(r.rejected_old_only + r.rejected_new_only, 0u);
  EXPECT_EQ(diagonal, r.scored);
  EXPECT_EQ(r.old_scores.sum_q, r.new_scores.sum_q);
}

// Issue 13 item 6: every case was read with the new rule set's country
// table only, so the cases a dropped country made unscoreable were counted
// as rejected under both, and not as changes.
TEST(RuleDiff, CasesOneRuleSetRejectsHaveTheirOwnRowAndColumn) {
  auto old_plan = Edited("", "");
  auto new_plan = WithoutCountry("EE");
  ASSERT_NE(new_plan, nullptr);
  const auto before = Scores(*old_plan);
  const auto after = Scores(*new_plan);
  size_t lost = 0;
  for (const auto& [id, score] : before) lost += !after.contains(id);
  ASSERT_GT(lost, 0u) << "the examples name Estonia";
  for (const auto& [a, b] : {std::pair{old_plan.get(), new_plan.get()},
                             std::pair{new_plan.get(), old_plan.get()}}) {
    const DiffReport r = Diff(*a, *b, 1000);
    const bool forward = a == old_plan.get();
    EXPECT_EQ(forward ? r.rejected_new_only : r.rejected_old_only, lost);
    EXPECT_EQ(forward ? r.rejected_old_only : r.rejected_new_only, 0u);
    EXPECT_EQ(r.scored, before.size() - lost);
    EXPECT_EQ(r.read, r.scored + r.rejected + r.rejected_old_only +
                          r.rejected_new_only);
    uint64_t cells = 0, rejected_column = 0, rejected_row = 0;
    for (int o = 0; o < 5; ++o) {
      for (int n = 0; n < 5; ++n) cells += r.transitions[o][n];
      if (o != DiffReport::kRejected) {
        rejected_column += r.transitions[o][DiffReport::kRejected];
        rejected_row += r.transitions[DiffReport::kRejected][o];
      }
    }
    EXPECT_EQ(cells, r.read);
    EXPECT_EQ(forward ? rejected_column : rejected_row, lost);
    EXPECT_EQ(forward ? r.old_scores.count : r.new_scores.count,
              before.size());
    EXPECT_EQ(forward ? r.new_scores.count : r.old_scores.count,
              before.size() - lost);
    ASSERT_EQ(r.one_sided.size(), lost);
    for (const OneSidedCase& c : r.one_sided) {
      EXPECT_EQ(c.rejected_by_new, forward);
      EXPECT_FALSE(after.contains(c.case_id)) << c.case_id;
      EXPECT_NE(c.error.find("EE"), std::string::npos) << c.error;
    }
  }
}

TEST(RuleDiff, ARaisedWeightReportsExactlyTheAffectedCases) {
  auto old_plan = Edited("", "");
  auto new_plan = Edited(
      "weights: {goods: 5}     # SALW and ammunition are the most diverted items (H)",
      "weights: {goods: 9}");
  ExpectExactlyTheChangedCases(*old_plan, *new_plan, "GC-1.portable");
}

TEST(RuleDiff, ARemovedIndicatorReportsExactlyTheAffectedCases) {
  auto old_plan = Edited("", "");
  const std::string block =
      "  - id: GC-2.second_hand\n"
      "    kernel: goods_condition\n"
      "    params: {conditions: [surplus, second_hand]}\n"
      "    weights: {goods: 2}     # surplus goods obscure origin (M)\n"
      "    unknown_value: 0.2      # prior: share of surplus or second-hand goods (estimate)\n"
      "    refs: [\"ATT 11(2)\", \"GC-2\", \"CP Criterion 7\"]\n"
      "    evidence: \"The goods are surplus or second-hand\"\n"
      "    question: {to: applicant, text: \"Are the goods new, or surplus or "
      "second-hand, and from whose stocks?\"}\n";
  auto new_plan = Edited(block, "");
  ASSERT_EQ(new_plan->IndicatorIndex("GC-2.second_hand"), -1);
  ExpectExactlyTheChangedCases(*old_plan, *new_plan, "GC-2.second_hand");
}

}  // namespace
}  // namespace divrisk
