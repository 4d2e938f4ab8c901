#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/strings/str_cat.h"
#include "engine/batch/batch_run.h"
#include "engine/batch/line_reader.h"
#include "engine/doc/file_reader.h"
#include "engine/doc/json_parser.h"
#include "engine/doc/json_text.h"
#include "engine/doc/yaml_parser.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/output/text_writer.h"
#include "engine/reader/case_decoder.h"
#include "engine/reader/case_reader.h"
#include "engine/reader/json_case_id.h"
#include "engine/scoring/executor.h"
#include "indicators/screening/list_model.h"
#include "indicators/screening/loaders.h"
#include "rules/compiler.h"
#include "tests/fuzz/fuzz_targets.h"

namespace divrisk::fuzz {
namespace {

namespace fs = std::filesystem;

// A broken invariant: say which, and crash so that libFuzzer keeps the input.
[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
  std::abort();
}

const Plan& DefaultPlan() {
  static const Plan* plan = [] {
    auto p = CompileRuleSetDir(DIVRISK_DEFAULT_RULES);
    if (!p.ok()) Fail(std::string(p.status().message()));
    return p->release();
  }();
  return *plan;
}

// Limits generous enough for any output divrisk writes (its strings may
// quote a case's longest string, its nesting the case's extensions).
const DocLimits& OutputLimits() {
  static const DocLimits limits = [] {
    DocLimits l;
    l.max_bytes = size_t{1} << 30;
    l.max_depth = 256;
    l.max_nodes = size_t{1} << 30;
    l.max_scalar_bytes = size_t{1} << 30;
    return l;
  }();
  return limits;
}

// Every JSON line divrisk writes must parse again.
void CheckJsonLine(std::string_view line) {
  if (line.empty() || line.back() != '\n') Fail("output line without newline");
  line.remove_suffix(1);
  if (line.find('\n') != std::string_view::npos) Fail("newline inside a line");
  absl::StatusOr<DocNode> root = ParseJson(line, OutputLimits());
  if (!root.ok()) {
    Fail(absl::StrCat("output is not JSON: ", root.status().message()));
  }
  if (root->kind != DocNode::Kind::kMap) Fail("output is not a JSON object");
}

// `divrisk assess` on one case text: read, score, explain, both writers.
int AssessText(const uint8_t* data, size_t size, CaseSyntax syntax) {
  const Plan& plan = DefaultPlan();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  DocErrors errors;
  absl::StatusOr<Case> c =
      ReadCaseText(text, syntax, "fuzz", *plan.reference, &errors);
  if (!c.ok()) {
    if (errors.size() == 0 || c.status().message().empty()) {
      Fail("a refused case without errors");
    }
    return 0;
  }
  if (errors.size() != 0) Fail("an accepted case with errors");
  static Executor* executor = new Executor(plan);
  static BatchScores* scores = new BatchScores;
  executor->Score(std::span<const Case>(&*c, 1), scores);
  const Assessment a = Explain(plan, *c, *scores, 0);
  std::string json;
  AppendAssessmentJson(plan, a, &json);
  CheckJsonLine(json);
  std::string summary;
  AppendSummaryJson(plan, a, &summary);
  CheckJsonLine(summary);
  std::string text_out;
  AppendAssessmentText(plan, a, &text_out);
  if (text_out.empty()) Fail("empty text assessment");
  return 0;
}

// Counts what RunBatch hands over, and checks each line.
struct CheckingSink : BatchSink {
  void Scored(const InputLine&, const LineOutcome& o) override {
    if (!o.ok || !o.errors.empty()) Fail("scored line marked bad");
    CheckJsonLine(o.output);
    ++scored;
  }
  void Rejected(const InputLine& line, const LineOutcome& o) override {
    if (o.ok || o.errors.empty()) Fail("rejected line without a reason");
    CheckJsonLine(RejectJson(line, o));
    ++rejected;
  }
  uint64_t scored = 0;
  uint64_t rejected = 0;
};

// The lines LineReader must find: split at '\n', a last line without one.
uint64_t ExpectedLines(std::string_view text) {
  uint64_t n =
      static_cast<uint64_t>(std::count(text.begin(), text.end(), '\n'));
  if (!text.empty() && text.back() != '\n') ++n;
  return n;
}

// A file named in ruleset.yaml: one of att-default's, read once.
class DefaultRuleFiles {
 public:
  DefaultRuleFiles() {
    const fs::path root(DIVRISK_DEFAULT_RULES);
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (!e.is_regular_file()) continue;
      const std::string rel = fs::relative(e.path(), root).string();
      if (rel == "ruleset.yaml") continue;
      absl::StatusOr<std::string> text = ReadFileToString(e.path().string());
      if (text.ok()) files_[rel] = *std::move(text);
    }
    for (const auto& e :
         fs::directory_iterator(DIVRISK_SOURCE_DIR "/examples")) {
      absl::StatusOr<std::string> text = ReadFileToString(e.path().string());
      if (!text.ok()) continue;
      if (e.path().extension() == ".json") {
        examples_.push_back(*std::move(text));
      } else if (absl::StatusOr<DocNode> root = ParseYaml(*text); root.ok()) {
        std::string json;
        AppendJson(*root, &json);
        examples_.push_back(std::move(json));
      }
    }
    std::sort(examples_.begin(), examples_.end());
  }
  absl::StatusOr<std::string> Read(const std::string& rel) const {
    auto it = files_.find(rel);
    if (it == files_.end()) return absl::NotFoundError("no such file");
    return it->second;
  }
  const std::vector<std::string>& examples() const { return examples_; }

 private:
  std::map<std::string, std::string> files_;
  std::vector<std::string> examples_;  // as JSON
};

}  // namespace

int YamlCase(const uint8_t* data, size_t size) {
  return AssessText(data, size, CaseSyntax::kYaml);
}

int JsonCase(const uint8_t* data, size_t size) {
  return AssessText(data, size, CaseSyntax::kJson);
}

int JsonCaseIdAgrees(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  DocLimits tight;
  tight.max_bytes = 4096;
  tight.max_depth = 4;
  tight.max_nodes = 64;
  tight.max_scalar_bytes = 16;
  for (const DocLimits& limits : {DocLimits{}, tight}) {
    DocNode tree;
    std::optional<std::string> want;
    if (ParseJsonInto(text, limits, 1, &tree).ok()) want = CaseIdOf(tree);
    if (JsonCaseId(text, limits) != want) {
      Fail(absl::StrCat("JsonCaseId differs from the tree path (tree: ",
                        want ? *want : "none", ")"));
    }
  }
  return 0;
}

int JsonlLines(const uint8_t* data, size_t size) {
  const Plan& plan = DefaultPlan();
  // The real reader over the bytes; small lines limit, so that fuzzed
  // inputs reach the too-long path too.
  std::string buffer(reinterpret_cast<const char*>(data), size);
  std::FILE* in = size == 0 ? std::fopen("/dev/null", "rb")
                            : fmemopen(buffer.data(), buffer.size(), "rb");
  if (in == nullptr) Fail("cannot open the input in memory");
  LineReader reader(in, /*max_line_bytes=*/32 << 10, /*owns_file=*/true);
  BatchRunOptions options;
  options.chunk.threads = 1;
  options.chunk.max_line_bytes = 32 << 10;
  options.chunk_lines = 3;  // several chunks: duplicates across chunks
  CheckingSink sink;
  BatchStats stats;
  absl::Status status = RunBatch(plan, reader, options, sink, &stats);
  if (!status.ok()) Fail(absl::StrCat("batch failed: ", status.message()));
  if (stats.read != stats.scored + stats.rejected)
    Fail("read != scored + rejected");
  if (stats.scored != sink.scored || stats.rejected != sink.rejected) {
    Fail("stats disagree with the sink");
  }
  if (stats.read != ExpectedLines(std::string_view(buffer))) {
    Fail(absl::StrCat("read ", stats.read, " lines, expected ",
                      ExpectedLines(std::string_view(buffer))));
  }
  return 0;
}

int RuleSet(const uint8_t* data, size_t size) {
  static const DefaultRuleFiles* files = new DefaultRuleFiles;
  const std::string ruleset(reinterpret_cast<const char*>(data), size);
  RuleFileReader read =
      [&ruleset](const std::string& rel) -> absl::StatusOr<std::string> {
    if (rel == "ruleset.yaml") return ruleset;
    return files->Read(rel);
  };
  absl::StatusOr<std::unique_ptr<const Plan>> plan =
      CompileRuleSet(read, "fuzz");
  if (!plan.ok()) {
    if (plan.status().message().empty()) Fail("refused without a reason");
    return 0;
  }
  // A rule set that compiles must score: the examples, under its own
  // reference data, through every indicator, band and gate it defines.
  std::vector<Case> cases;
  for (const std::string& text : files->examples()) {
    absl::StatusOr<Case> c =
        ReadCaseText(text, CaseSyntax::kJson, "example", *(*plan)->reference);
    if (c.ok()) cases.push_back(*std::move(c));
  }
  if (cases.empty()) return 0;
  Executor executor(**plan);
  BatchScores scores;
  executor.Score(cases, &scores);
  for (size_t i = 0; i < cases.size(); ++i) {
    const Assessment a = Explain(**plan, cases[i], scores, static_cast<int>(i));
    std::string json;
    AppendAssessmentJson(**plan, a, &json);
    CheckJsonLine(json);
  }
  return 0;
}

int SanctionsList(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const std::string_view text(reinterpret_cast<const char*>(data) + 1,
                              size - 1);
  screening::ListSet set;
  screening::ListSource source;
  source.id = "FUZZ";
  const uint16_t index = set.AddSource(source);
  absl::Status status;
  switch (data[0] % 4) {
    case 0:
      status = screening::ParseUnConsolidatedXml(text, index, &set);
      break;
    case 1: {
      // primary \f add \f alt
      std::string_view parts[3];
      std::string_view rest = text;
      for (int i = 0; i < 3; ++i) {
        const size_t ff = i < 2 ? rest.find('\f') : std::string_view::npos;
        parts[i] = rest.substr(0, ff);
        rest = ff == std::string_view::npos ? std::string_view()
                                            : rest.substr(ff + 1);
      }
      status =
          screening::ParseOfacCsv(parts[0], parts[1], parts[2], index, &set);
      break;
    }
    case 2:
      status = screening::ParseBisDpl(text, index, &set);
      break;
    default:
      status = screening::ParseUsCsl(text, index, &set);
      break;
  }
  if (!status.ok() && status.message().empty())
    Fail("refused without a reason");
  for (const screening::ListEntry& e : set.entries) {
    if (e.source != index) Fail("entry with a foreign source");
    (void)set.EntryId(e);
  }
  (void)set.NameCount();
  return 0;
}

std::span<const Target> Targets() {
  static constexpr Target kTargets[] = {
      {"yaml_case", &YamlCase},           {"json_case", &JsonCase},
      {"jsonl_line", &JsonlLines},        {"rule_set", &RuleSet},
      {"sanctions_list", &SanctionsList}, {"batch_paths", &BatchPaths},
      {"json_case_id", &JsonCaseIdAgrees},
  };
  return kTargets;
}

}  // namespace divrisk::fuzz
