// divrisk similar: the past cases most like one case, with their decisions
// and outcomes, and its intermediaries seen in earlier refused or diverted
// cases (engine/learn/precedents.h).

#include <chrono>
#include <iostream>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "engine/cli/commands.h"
#include "engine/doc/json_text.h"
#include "engine/doc/visible_text.h"
#include "engine/learn/precedents.h"
#include "engine/reader/case_reader.h"
#include "engine/scoring/executor.h"

namespace divrisk::cli {

int RunSimilar(const SimilarCommandOptions& o) {
  std::unique_ptr<const Plan> plan = CompileOrReport(o.rules_dir, o.lists_dir);
  if (plan == nullptr) return kExitInvalid;
  absl::StatusOr<Case> c = ReadCaseFile(o.file, *plan->reference);
  if (!c.ok()) {
    std::cerr << c.status().message() << "\n";
    return kExitInvalid;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  learn::ArchiveOptions ao;
  ao.threads = o.threads;
  absl::StatusOr<learn::Archive> archive = learn::LoadArchive(*plan, o.archive, ao);
  if (!archive.ok()) {
    std::cerr << archive.status().message() << "\n";
    return kExitInvalid;
  }
  for (const std::string& e : archive->first_errors) std::cerr << e << "\n";
  const auto t1 = Clock::now();
  const learn::SimilarityIndex similar(*plan, *archive);
  const learn::PartyIndex parties(*archive);
  const auto t2 = Clock::now();
  Executor executor(*plan);
  BatchScores scores;
  executor.Score(std::span<const Case>(&*c, 1), &scores);
  learn::PrecedentReport r = learn::FindPrecedents(
      *archive, similar, parties, *c, scores.values, 0,
      scores.results[0].recommendation, o.k);
  r.archive = o.archive;
  const auto t3 = Clock::now();
  auto secs = [](auto a, auto b) { return std::chrono::duration<double>(b - a).count(); };
  std::cerr << absl::StrFormat(
      "archive: %d cases read and scored in %.2f s, indexed in %.2f s; "
      "query %.3f ms\n",
      archive->rows.size(), secs(t0, t1), secs(t1, t2), 1000 * secs(t2, t3));
  std::string out;
  if (o.format == "json") {
    absl::StrAppend(&out, "{\"case_id\":");
    AppendJsonString(c->id, &out);
    absl::StrAppend(&out, ",\"rule_set\":{\"name\":");
    AppendJsonString(plan->name, &out);
    absl::StrAppend(&out, ",\"version\":");
    AppendJsonString(plan->version, &out);
    absl::StrAppend(&out, ",\"sha256\":\"", plan->sha256, "\"},\"recommendation\":\"",
                    EnumWord(scores.results[0].recommendation),
                    "\",\"precedents\":", learn::PrecedentsJson(r), "}\n");
  } else {
    absl::StrAppend(&out, "Case ", Visible(c->id), " (recommendation ",
                    EnumWord(scores.results[0].recommendation), ")\nRule set: ",
                    Visible(plan->name), " ", Visible(plan->version),
                    " sha256:", plan->sha256, "\n");
    learn::AppendPrecedentsText(r, &out);
  }
  std::cout << out;
  return ExitAfterFlushingStdout(kExitOk);
}

}  // namespace divrisk::cli
