// The steps of the pipeline, each on its own: case readers (YAML, JSON,
// one JSONL line), the rule-set compiler, the scoring core (X*W and the
// per-case steps), and explanation with the JSON writers.

#include <benchmark/benchmark.h>

#include "bench/bench_cases.h"
#include "engine/batch/line_parser.h"
#include "engine/explain/assessment.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"
#include "rules/compiler.h"

namespace divrisk::bench {
namespace {

void BM_ReadCase_Yaml(benchmark::State& state) {
  const auto& texts = ExampleYaml();
  const ReferenceData& ref = *DefaultPlan().reference;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    benchmark::DoNotOptimize(ReadCaseText(t, CaseSyntax::kYaml, "b", ref));
    bytes += t.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadCase_Yaml);

void BM_ReadCase_Json(benchmark::State& state) {
  const auto& lines = ExampleJsonLines();
  const ReferenceData& ref = *DefaultPlan().reference;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = lines[i++ % lines.size()];
    benchmark::DoNotOptimize(ReadCaseText(t, CaseSyntax::kJson, "b", ref));
    bytes += t.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadCase_Json);

void BM_ReadCase_JsonlLine(benchmark::State& state) {
  const auto& lines = ExampleJsonLines();
  const ReferenceData& ref = *DefaultPlan().reference;
  InputLine line;
  Case c;
  std::vector<std::string> errors;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    line.text = lines[i % lines.size()];
    line.number = ++i;
    benchmark::DoNotOptimize(ParseInputLine(line, ref, 1 << 20, &c, &errors));
    bytes += line.text.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_ReadCase_JsonlLine);

void BM_CompileRuleSet(benchmark::State& state) {
  const std::string dir = std::string(DIVRISK_SOURCE_DIR) + "/rules/att-default";
  for (auto _ : state) benchmark::DoNotOptimize(CompileRuleSetDir(dir));
}
BENCHMARK(BM_CompileRuleSet)->Unit(benchmark::kMillisecond);

void BM_Score(benchmark::State& state) {
  const std::vector<Case> cases = ExampleCases(state.range(0));
  Executor executor(DefaultPlan());
  BatchScores scores;
  for (auto _ : state) {
    executor.Score(cases, &scores);
    benchmark::DoNotOptimize(scores.results.data());
  }
  state.SetItemsProcessed(state.iterations() * cases.size());
}
BENCHMARK(BM_Score)->Arg(1)->Arg(256)->Arg(4096);

void BM_ExplainAndWrite(benchmark::State& state, Detail detail) {
  const std::vector<Case> cases = ExampleCases(256);
  Executor executor(DefaultPlan());
  BatchScores scores;
  executor.Score(cases, &scores);
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    const int row = static_cast<int>(i++ % cases.size());
    const Assessment a = Explain(DefaultPlan(), cases[row], scores, row, detail);
    out.clear();
    if (detail == Detail::kFull) {
      AppendAssessmentJson(DefaultPlan(), a, &out);
    } else {
      AppendSummaryJson(DefaultPlan(), a, &out);
    }
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_ExplainAndWrite, Full, Detail::kFull);
BENCHMARK_CAPTURE(BM_ExplainAndWrite, Summary, Detail::kSummary);

// One case through assess in process, after the plan is compiled: read,
// score, explain in full and write JSON (the issue's < 100 us target), for
// a case file in YAML and the same case in JSON.
void BM_AssessOneCase(benchmark::State& state, CaseSyntax syntax) {
  const auto& texts =
      syntax == CaseSyntax::kYaml ? ExampleYaml() : ExampleJsonLines();
  const Plan& plan = DefaultPlan();
  Executor executor(plan);
  BatchScores scores;
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    absl::StatusOr<Case> c =
        ReadCaseText(texts[i++ % texts.size()], syntax, "b", *plan.reference);
    executor.Score(std::span<const Case>(&*c, 1), &scores);
    out.clear();
    AppendAssessmentJson(plan, Explain(plan, *c, scores, 0), &out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK_CAPTURE(BM_AssessOneCase, Yaml, CaseSyntax::kYaml)
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_AssessOneCase, Json, CaseSyntax::kJson)
    ->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace divrisk::bench

BENCHMARK_MAIN();
