// `divrisk lists update` and `divrisk lists status` as library calls.
//
// UpdateLists fetches each published list (published_lists.h), checks the
// response (status 200, the whole body, a content type the format may come
// as), parses it with the loader of its format (indicators/screening) and
// requires at least one entry. The lists that pass are written into a new
// generation directory, each file written and fsynced; a list that fails
// keeps its previous files (linked into the new generation) and manifest
// entry. The manifest (rules/installed_lists.h) is written last: to a
// temporary file, fsynced, renamed over DIR/manifest.json, and the
// directory fsynced. A reader therefore sees the old manifest and the old
// files or the new manifest and the new files, never a half-written list.
// The previous generation is kept until the next update, so a reader that
// read the old manifest just before the rename still finds its files.
// When no list passes, nothing in DIR changes. Two updates of one DIR do
// not run at once (DIR/.lock).

#ifndef DIVRISK_ENGINE_LISTS_LISTS_UPDATE_H_
#define DIVRISK_ENGINE_LISTS_LISTS_UPDATE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "engine/lists/http_fetch.h"
#include "engine/model/date.h"
#include "rules/installed_lists.h"

namespace divrisk::lists {

struct UpdateOptions {
  std::string dir;                // the lists directory
  std::string base_url;           // "" for the official URLs
  std::vector<std::string> only;  // list ids; empty for all
  FetchLimits limits;
  // Called with a line of progress for a person ("UN-SC: 1003 entries").
  std::function<void(std::string_view)> progress;
  // Tests: called at "staged" (new generation written, manifest not yet)
  // and "installed" (manifest renamed); a non-OK status stops the update
  // there, as a crash would.
  std::function<absl::Status(std::string_view stage)> test_hook;
};

struct ListOutcome {
  std::string id;
  bool updated = false;
  std::string error;   // why the list was not updated
  bool kept_previous = false;  // the previous edition stays installed
};

struct UpdateReport {
  std::vector<ListOutcome> lists;
  bool manifest_written = false;
  bool all_updated() const;
};

// Fails only when DIR cannot be used (not writable, locked by another
// update, a write error); a list that cannot be fetched is an outcome.
absl::StatusOr<UpdateReport> UpdateLists(const UpdateOptions& options);

// The lines of `divrisk lists status`: each installed list with its as-of
// date and age on `today`, entries, SHA-256, where it came from, and
// whether its files are intact (present, with the manifest's SHA-256).
struct StatusReport {
  std::string text;
  bool installed = false;  // a manifest with at least one list
  bool intact = true;      // every file present with its SHA-256
  bool stale = false;      // a list older than stale_after_days on today
};
StatusReport ListsStatus(const std::string& dir, Date today,
                         int stale_after_days = 7);

// Today in UTC, and a time as "YYYY-MM-DDTHH:MM:SSZ".
Date TodayUtc();
std::string FormatUtc(int64_t seconds_since_epoch);

}  // namespace divrisk::lists

#endif  // DIVRISK_ENGINE_LISTS_LISTS_UPDATE_H_
