#include "rules/screening_coverage.h"

namespace divrisk {

std::vector<StaleList> StaleLists(const ScreeningCoverage& coverage,
                                  Date assessed_on) {
  std::vector<StaleList> out;
  for (const ScreeningListInfo& l : coverage.lists) {
    if (!l.as_of) {
      out.push_back({&l, -1});
      continue;
    }
    const int64_t age = int64_t{assessed_on.days} - l.as_of->days;
    if (age > coverage.stale_after_days) out.push_back({&l, age});
  }
  return out;
}

}  // namespace divrisk
