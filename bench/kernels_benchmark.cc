// Each kernel of the default rule set over a chunk of cases: the column
// fill that the executor runs per indicator.

#include <benchmark/benchmark.h>

#include "bench/bench_cases.h"

namespace divrisk::bench {
namespace {

void BM_Kernel(benchmark::State& state, int indicator) {
  const Plan& plan = DefaultPlan();
  const std::vector<Case> cases = ExampleCases(state.range(0));
  std::vector<double> column(cases.size());
  std::vector<CaseContext> contexts(cases.size());
  for (auto _ : state) {
    // Fresh contexts: the kernel pays for whatever it derives.
    for (size_t i = 0; i < cases.size(); ++i) contexts[i].Reset(cases[i]);
    plan.indicators[indicator].kernel->EvaluateBatch(contexts, column);
    benchmark::DoNotOptimize(column.data());
  }
  state.SetItemsProcessed(state.iterations() * cases.size());
}

// One benchmark per indicator, named after it and its kernel.
const bool kRegistered = [] {
  const Plan& plan = DefaultPlan();
  for (size_t i = 0; i < plan.indicators.size(); ++i) {
    benchmark::RegisterBenchmark(
        ("BM_Kernel/" + plan.indicators[i].kernel_name + "/" +
         plan.indicators[i].id).c_str(),
        [i](benchmark::State& s) { BM_Kernel(s, static_cast<int>(i)); })
        ->Arg(2048);
  }
  return true;
}();

}  // namespace
}  // namespace divrisk::bench

BENCHMARK_MAIN();
