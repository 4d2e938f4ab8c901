// divrisk lists update | status: the published screening lists
// (engine/lists/lists_update.h).

#include <iostream>

#include "engine/cli/commands.h"
#include "engine/lists/lists_update.h"

namespace divrisk::cli {

int RunListsUpdate(const ListsUpdateOptions& options) {
  lists::UpdateOptions update;
  update.dir = options.dir;
  update.base_url = options.base_url;
  update.only = options.only;
  update.progress = [](std::string_view line) {
    std::cerr << line << "\n";
  };
  absl::StatusOr<lists::UpdateReport> report = lists::UpdateLists(update);
  if (!report.ok()) {
    std::cerr << report.status().message() << "\n";
    return report.status().code() == absl::StatusCode::kInvalidArgument
               ? kExitUsage
               : kExitWriteFailed;
  }
  size_t updated = 0;
  for (const lists::ListOutcome& o : report->lists) updated += o.updated;
  std::cerr << updated << " of " << report->lists.size()
            << " lists updated in " << options.dir
            << (report->manifest_written ? "" : "; nothing changed") << "\n";
  return report->all_updated() ? kExitOk : kExitInvalid;
}

int RunListsStatus(const ListsStatusOptions& options) {
  const lists::StatusReport status = lists::ListsStatus(
      options.dir, lists::TodayUtc(), options.stale_after_days);
  std::cout << status.text;
  return status.installed && status.intact && !status.stale ? kExitOk
                                                            : kExitInvalid;
}

}  // namespace divrisk::cli
