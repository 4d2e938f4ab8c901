#include "engine/report/report_text.h"

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace divrisk {

std::string IllustrativeList(const HeaderView& h) {
  return absl::StrCat("Invented records: ", absl::StrJoin(h.illustrative, ", "),
                      ".");
}

std::string ScoreLine(const ReportView& v) {
  return absl::StrCat("Score ", Points(v.score_q), " in band ", Words(v.band),
                      "; ", Points(v.min_q), " to ", Points(v.max_q),
                      " once the unknown facts are known.");
}

std::string QuestionNote(const QuestionView& q) {
  return absl::StrCat("the answer could move the score by ", Points(q.swing_q),
                      q.could_change_outcome ? "; it could change the recommendation" : "");
}

std::string NoConditionText(const ReportView& v) {
  if (!v.no_condition_reason.empty()) {
    return absl::StrCat("None: ", v.no_condition_reason, ".");
  }
  return "None: no licence condition would lower the score.";
}

std::string FooterNote(const ReportView& v) {
  return absl::StrCat(
      "divrisk supports the licensing officer's assessment; it does not take "
      "the decision. The decision, and its reasons, are the authority's. "
      "Case ", v.header.case_id, ", assessed on ", v.header.assessed_on,
      " under rule set ", v.header.rule_set, " (sha256:", v.header.sha256,
      "), divrisk ", kEngineVersion, ".");
}

}  // namespace divrisk
