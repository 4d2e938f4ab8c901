// The published lists installed in a data directory by `divrisk lists
// update` (engine/lists/), as its manifest describes them, and where that
// directory is.
//
//   DIR/manifest.json        {"format": "divrisk-lists/1", "updated_at",
//                             "directory": "gen-...", "lists": [...]}
//   DIR/gen-.../<file>       the files of the lists the manifest names
//
// The manifest is written last and replaced atomically, and it names each
// file's SHA-256, so a reader that checks the hashes never reads a
// half-written list: it sees the old generation or the new one.

#ifndef DIVRISK_RULES_INSTALLED_LISTS_H_
#define DIVRISK_RULES_INSTALLED_LISTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "engine/model/date.h"
#include "indicators/screening/list_model.h"

namespace divrisk {

inline constexpr const char* kListsManifestFile = "manifest.json";
inline constexpr const char* kListsManifestFormat = "divrisk-lists/1";
// An installed list file may be larger than a rule-set file (the US
// Consolidated Screening List is about 17 MB).
inline constexpr size_t kMaxInstalledListBytes = size_t{256} << 20;

struct InstalledFile {
  std::string name;      // file name inside the generation directory
  std::string url;       // where it was fetched from
  std::string sha256;    // lower-case hex of its bytes
  uint64_t bytes = 0;
  std::string content_type;
};

struct InstalledList {
  std::string id;        // "UN-SC", "OFAC-SDN", ...
  std::string title;
  screening::ListFormat format = screening::ListFormat::kUnXml;
  std::string retrieved_at;      // UTC, "2026-03-01T12:00:00Z"
  std::optional<Date> as_of;     // the list's own date
  std::string as_of_from;        // "file", "last_modified" or "retrieved"
  uint64_t entries = 0;          // entries the loader read
  std::vector<InstalledFile> files;  // ofac_csv: primary, add, alt
};

struct ListsManifest {
  std::string updated_at;
  std::string directory;  // the generation directory, relative to DIR
  std::vector<InstalledList> lists;

  const InstalledList* Find(std::string_view id) const;
  // DIR/<directory>/<file name>.
  std::string PathOf(const std::string& dir, const InstalledFile& f) const;
};

// The lists directory when none is given: $DIVRISK_DATA/lists when
// DIVRISK_DATA is set, else $XDG_DATA_HOME/divrisk/lists, else
// ~/.local/share/divrisk/lists.
std::string DefaultListsDir();

// Reads DIR/manifest.json. nullopt when there is none (nothing installed);
// an error when it exists but is not a valid manifest.
absl::StatusOr<std::optional<ListsManifest>> ReadListsManifest(
    const std::string& dir);

// The manifest as JSON text: one object on one line, and a newline.
std::string ListsManifestJson(const ListsManifest& manifest);

}  // namespace divrisk

#endif  // DIVRISK_RULES_INSTALLED_LISTS_H_
