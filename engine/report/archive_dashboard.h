// The archive dashboard: an ArchiveSummary as one self-contained HTML page
// (the frame of html_page.h: no script, no load from elsewhere). It holds
// the aggregates only, never a row per result, so its size does not grow
// with the archive: counts by recommendation and band, the histogram of
// scores, the indicators that fire most (known and unknown apart), the top
// destinations and intermediaries by risk; for a diff the transition matrix
// as a heat map and the cases that moved most.

#ifndef DIVRISK_ENGINE_REPORT_ARCHIVE_DASHBOARD_H_
#define DIVRISK_ENGINE_REPORT_ARCHIVE_DASHBOARD_H_

#include <string>

#include "engine/report/archive_summary.h"

namespace divrisk {

inline constexpr size_t kDashboardTopRows = 20;

void AppendArchiveDashboard(const ArchiveSummary& summary, std::string* out);

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_REPORT_ARCHIVE_DASHBOARD_H_
