#include "engine/service/audit_verify.h"

#include <map>
#include <memory>

#include "absl/strings/str_cat.h"
#include "engine/explain/assessment.h"
#include "engine/model/country_code.h"
#include "engine/output/assessment_json_writer.h"
#include "engine/reader/case_reader.h"
#include "engine/service/audit_log.h"

namespace divrisk::service {

namespace {

// The record one stored input gives when scored again with `plan`.
absl::StatusOr<AuditRecord> Rescore(const Plan& plan, const AuditRecord& row) {
  const CaseSyntax syntax =
      row.input_syntax == "yaml" ? CaseSyntax::kYaml : CaseSyntax::kJson;
  absl::StatusOr<Case> c =
      ReadCaseText(*row.input, syntax, "input", *plan.reference);
  if (!c.ok()) return c.status();
  std::string json;
  AppendAssessmentJson(plan, AssessOne(plan, *c), &json);
  AuditRecord again;
  if (absl::Status s = FillFromAssessmentJson(json, &again); !s.ok()) return s;
  return again;
}

}  // namespace

absl::StatusOr<RescoreResult> RescoreSample(const std::string& db_path,
                                            const RescoreOptions& options) {
  RescoreResult result;
  absl::Status counted = ForEachAuditRow(db_path, [&](const AuditRecord& r) {
    if (r.input) ++result.with_input;
    return true;
  });
  if (!counted.ok()) return counted;
  if (result.with_input == 0 || options.sample <= 0) return result;
  // Every step-th row with an input, from the first: spread over the log.
  const int64_t step = std::max<int64_t>(
      1, (result.with_input + options.sample - 1) / options.sample);
  std::map<std::string, std::unique_ptr<const Plan>> plans;  // by authority
  absl::Status failure;
  int64_t index = 0;
  absl::Status read = ForEachAuditRow(db_path, [&](const AuditRecord& r) {
    if (!r.input || index++ % step != 0) return true;
    auto& plan = plans[r.authority];
    if (plan == nullptr) {
      CompileOptions compile;
      compile.lists_dir = options.lists_dir;
      compile.access = options.access;
      if (!r.authority.empty()) {
        compile.authority = CountryCode::FromText(r.authority);
      }
      absl::StatusOr<std::unique_ptr<const Plan>> compiled =
          CompileRuleSetDir(options.rules_dir, compile);
      if (!compiled.ok()) {
        failure = compiled.status();
        return false;
      }
      plan = *std::move(compiled);
    }
    if (plan->sha256 != r.rule_set_sha256) {
      ++result.other_rules;
      return true;
    }
    ++result.rescored;
    absl::StatusOr<AuditRecord> again = Rescore(*plan, r);
    const std::string row = absl::StrCat("row ", r.seq, " (case ", r.case_id, ")");
    if (!again.ok()) {
      result.mismatches.push_back(absl::StrCat(
          row, ": its stored input no longer reads: ",
          std::string(again.status().message())));
      return true;
    }
    auto differs = [&](const char* what, const std::string& recorded,
                       const std::string& now) {
      if (recorded != now) {
        result.mismatches.push_back(absl::StrCat(row, ": ", what, " recorded ",
                                                 recorded, ", scored again ", now));
      }
    };
    differs("case_id", r.case_id, again->case_id);
    differs("deciding_state", r.deciding_state, again->deciding_state);
    differs("recommendation", r.recommendation, again->recommendation);
    differs("score", r.score, again->score);
    return true;
  });
  if (!read.ok()) return read;
  if (!failure.ok()) return failure;
  return result;
}

}  // namespace divrisk::service
