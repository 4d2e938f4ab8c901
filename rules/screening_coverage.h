// What a compiled rule set screens parties against, for every assessment to
// say: the published lists (declared under `reference.screening_lists`, or
// installed by `divrisk lists update` and used through the rule set's
// `screening.installed_lists`), their as-of dates, SHA-256 and entries, and
// how many of the rule set's own listed parties there are.
//
// A list is stale for a case when its as-of date is more than
// `stale_after_days` before the case's `assessed_on`: the decision date,
// not the day the assessment is run, so that the same case and rule set
// always give the same assessment (re-scoring an old archive against
// today's lists finds no list stale).

#ifndef DIVRISK_RULES_SCREENING_COVERAGE_H_
#define DIVRISK_RULES_SCREENING_COVERAGE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/model/date.h"

namespace divrisk {

struct ScreeningListInfo {
  std::string id;
  std::string title;
  std::string origin;                // "declared" or "installed"
  std::optional<Date> as_of;
  std::vector<std::string> sha256;   // of each file, in file order
  uint64_t entries = 0;
};

struct ScreeningCoverage {
  std::vector<ScreeningListInfo> lists;  // published lists, in load order
  uint64_t own_entries = 0;              // the rule set's listed parties
  int stale_after_days = 7;
  // The installed lists: whether the rule set asks for them, and the
  // directory they were looked for in ("" when the compile had none).
  bool uses_installed = false;
  std::string installed_dir;

  bool published() const { return !lists.empty(); }
};

struct StaleList {
  const ScreeningListInfo* list;
  int64_t age_days;  // assessed_on - as_of
};

// The lists older than the limit on `assessed_on` (a list with no as-of
// date is stale: its age cannot be shown).
std::vector<StaleList> StaleLists(const ScreeningCoverage& coverage,
                                  Date assessed_on);

}  // namespace divrisk

#endif  // DIVRISK_RULES_SCREENING_COVERAGE_H_
