#include "engine/lists/lists_update.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "absl/strings/str_cat.h"
#include "engine/doc/file_reader.h"
#include "engine/lists/published_lists.h"
#include "indicators/screening/loaders.h"
#include "rules/canonical.h"

namespace divrisk::lists {
namespace {

namespace fs = std::filesystem;

constexpr const char* kGenerationPrefix = "gen-";
constexpr const char* kStagingPrefix = ".staging-";
constexpr const char* kManifestTemp = ".manifest.json.tmp";

absl::Status ErrnoError(const std::string& path, std::string_view what) {
  return absl::InternalError(
      absl::StrCat(path, ": ", std::string(what), ": ", std::strerror(errno)));
}

// Writes `bytes` to a new file at `path` and fsyncs it.
absl::Status WriteFileSynced(const std::string& path, std::string_view bytes) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                        0644);
  if (fd < 0) return ErrnoError(path, "cannot create");
  size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      absl::Status s = ErrnoError(path, "write failed");
      ::close(fd);
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    absl::Status s = ErrnoError(path, "fsync failed");
    ::close(fd);
    return s;
  }
  if (::close(fd) != 0) return ErrnoError(path, "close failed");
  return absl::OkStatus();
}

absl::Status SyncDir(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return ErrnoError(path, "cannot open directory");
  const int r = ::fsync(fd);
  ::close(fd);
  if (r != 0) return ErrnoError(path, "fsync failed");
  return absl::OkStatus();
}

// An exclusive lock on DIR/.lock, held while the object lives.
class DirLock {
 public:
  ~DirLock() {
    if (fd_ >= 0) ::close(fd_);
  }
  absl::Status Acquire(const std::string& dir) {
    const std::string path = (fs::path(dir) / ".lock").string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) return ErrnoError(path, "cannot open");
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      if (errno == EWOULDBLOCK) {
        return absl::FailedPreconditionError(
            absl::StrCat(dir, ": another lists update is running"));
      }
      return ErrnoError(path, "cannot lock");
    }
    return absl::OkStatus();
  }

 private:
  int fd_ = -1;
};

std::string Compact(int64_t t) {  // 20260301T120000Z
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return buf;
}

// One list fetched and checked, not yet written.
struct Fetched {
  InstalledList entry;
  std::vector<std::string> bodies;  // in file order
};

absl::StatusOr<Fetched> FetchList(const PublishedList& list,
                                  const UpdateOptions& options, int64_t now) {
  Fetched out;
  out.entry.id = list.id;
  out.entry.title = list.title;
  out.entry.format = list.format;
  out.entry.retrieved_at = FormatUtc(now);
  std::optional<int64_t> last_modified;
  for (const PublishedFile& file : list.files) {
    const std::string url = SourceUrl(file, options.base_url);
    absl::StatusOr<FetchResult> got = HttpGet(url, options.limits);
    if (!got.ok()) return got.status();
    if (!AcceptableContentType(list.format, got->content_type)) {
      return absl::InvalidArgumentError(absl::StrCat(
          url, ": unexpected content type '", got->content_type, "' for ",
          screening::ListFormatName(list.format)));
    }
    if (got->body.empty()) {
      return absl::InvalidArgumentError(absl::StrCat(url, ": empty file"));
    }
    if (got->last_modified &&
        (!last_modified || *got->last_modified > *last_modified)) {
      last_modified = got->last_modified;
    }
    InstalledFile f;
    f.name = absl::StrCat(list.id, ".", file.name);
    f.url = url;
    f.sha256 = Sha256Hex(got->body);
    f.bytes = got->body.size();
    f.content_type = got->content_type;
    out.entry.files.push_back(std::move(f));
    out.bodies.push_back(std::move(got->body));
  }
  // The loader is the check that the file is the list it claims to be.
  screening::ListSpec spec;
  spec.id = list.id;
  spec.title = list.title;
  spec.format = list.format;
  for (const PublishedFile& file : list.files) spec.paths.push_back(file.name);
  screening::ListSet set;
  if (absl::Status s = screening::ParseList(spec, out.bodies, &set); !s.ok()) {
    return absl::InvalidArgumentError(
        absl::StrCat("does not parse as ", screening::ListFormatName(list.format),
                     ": ", s.message()));
  }
  if (set.entries.empty()) {
    return absl::InvalidArgumentError(absl::StrCat(
        "parses as ", screening::ListFormatName(list.format),
        " but holds no entry"));
  }
  out.entry.entries = set.entries.size();
  // The as-of date: the file's own (the UN list's dateGenerated), else the
  // server's Last-Modified, else the day it was fetched.
  if (set.sources[0].as_of) {
    out.entry.as_of = set.sources[0].as_of;
    out.entry.as_of_from = "file";
  } else if (last_modified) {
    out.entry.as_of = Date{static_cast<int32_t>(*last_modified / 86400)};
    out.entry.as_of_from = "last_modified";
  } else {
    out.entry.as_of = Date{static_cast<int32_t>(now / 86400)};
    out.entry.as_of_from = "retrieved";
  }
  return out;
}

// Links (or, across file systems, copies) a previous list's files into the
// new generation, checking each against its SHA-256.
absl::Status CarryOver(const std::string& dir, const ListsManifest& old,
                       const InstalledList& list, const std::string& staging) {
  for (const InstalledFile& f : list.files) {
    const std::string from = old.PathOf(dir, f);
    const std::string to = (fs::path(staging) / f.name).string();
    absl::StatusOr<std::string> bytes =
        ReadFileToString(from, kMaxInstalledListBytes);
    if (!bytes.ok()) return bytes.status();
    if (Sha256Hex(*bytes) != f.sha256) {
      return absl::DataLossError(
          absl::StrCat(from, ": SHA-256 differs from the manifest's"));
    }
    if (::link(from.c_str(), to.c_str()) != 0) {
      if (absl::Status s = WriteFileSynced(to, *bytes); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

void RemoveQuietly(const fs::path& p) {
  std::error_code error;
  fs::remove_all(p, error);
}

}  // namespace

bool UpdateReport::all_updated() const {
  for (const ListOutcome& o : lists) {
    if (!o.updated) return false;
  }
  return true;
}

Date TodayUtc() {
  return Date{static_cast<int32_t>(std::time(nullptr) / 86400)};
}

std::string FormatUtc(int64_t t) {
  const std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

absl::StatusOr<UpdateReport> UpdateLists(const UpdateOptions& options) {
  auto say = [&](std::string_view line) {
    if (options.progress) options.progress(line);
  };
  for (const std::string& id : options.only) {
    if (FindPublishedList(id) == nullptr) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown list '", id,
          "' (UN-SC, OFAC-SDN, OFAC-CONS, BIS-DPL, US-CSL)"));
    }
  }
  const std::string& dir = options.dir;
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) {
    return absl::InternalError(
        absl::StrCat(dir, ": cannot create: ", error.message()));
  }
  DirLock lock;
  if (absl::Status s = lock.Acquire(dir); !s.ok()) return s;

  // The installed lists; a damaged manifest is replaced, not trusted.
  std::optional<ListsManifest> old;
  if (auto read = ReadListsManifest(dir); read.ok()) {
    old = std::move(*read);
  } else {
    say(absl::StrCat("the installed manifest is damaged and will be "
                     "replaced: ", read.status().message()));
  }

  // Leftovers of an update that stopped midway: never read, now removed.
  for (const auto& e : fs::directory_iterator(dir, error)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(kStagingPrefix) || name == kManifestTemp) {
      RemoveQuietly(e.path());
    }
  }

  const int64_t now = static_cast<int64_t>(std::time(nullptr));
  // A new name, even for two updates within a second.
  std::string generation;
  for (int n = 0; generation.empty() || fs::exists(fs::path(dir) / generation) ||
                  (old && old->directory == generation);
       ++n) {
    generation = absl::StrCat(kGenerationPrefix, Compact(now), "-", ::getpid(),
                              n == 0 ? "" : absl::StrCat("-", n));
  }
  const std::string staging =
      (fs::path(dir) / absl::StrCat(kStagingPrefix, ::getpid())).string();
  if (!fs::create_directory(staging, error) || error) {
    return absl::InternalError(
        absl::StrCat(staging, ": cannot create: ", error.message()));
  }

  UpdateReport report;
  ListsManifest next;
  next.updated_at = FormatUtc(now);
  next.directory = generation;
  bool any_new = false;
  for (const PublishedList& list : PublishedLists()) {
    const InstalledList* previous = old ? old->Find(list.id) : nullptr;
    const bool wanted =
        options.only.empty() ||
        std::find(options.only.begin(), options.only.end(), list.id) !=
            options.only.end();
    ListOutcome outcome;
    outcome.id = list.id;
    absl::Status failed;
    if (wanted) {
      absl::StatusOr<Fetched> got = FetchList(list, options, now);
      if (got.ok()) {
        for (size_t i = 0; i < got->bodies.size() && failed.ok(); ++i) {
          failed = WriteFileSynced(
              (fs::path(staging) / got->entry.files[i].name).string(),
              got->bodies[i]);
        }
        if (!failed.ok()) {
          RemoveQuietly(staging);
          return failed;  // a write error: the disk, not the list
        }
        outcome.updated = true;
        any_new = true;
        say(absl::StrCat(list.id, ": ", got->entry.entries, " entries, as of ",
                         FormatDate(*got->entry.as_of), " (",
                         got->entry.as_of_from, ")"));
        next.lists.push_back(std::move(got->entry));
        report.lists.push_back(std::move(outcome));
        continue;
      }
      failed = got.status();
      outcome.error = std::string(failed.message());
    }
    if (previous != nullptr) {
      if (absl::Status s = CarryOver(dir, *old, *previous, staging); s.ok()) {
        next.lists.push_back(*previous);
        outcome.kept_previous = true;
      } else if (outcome.error.empty()) {
        outcome.error = std::string(s.message());
      }
    }
    if (wanted) {
      say(absl::StrCat(list.id, ": not updated: ", outcome.error,
                       outcome.kept_previous
                           ? absl::StrCat("; the list as of ",
                                          previous->as_of
                                              ? FormatDate(*previous->as_of)
                                              : "?",
                                          " stays installed")
                           : ""));
      report.lists.push_back(std::move(outcome));
    }
  }
  if (!any_new) {
    RemoveQuietly(staging);
    return report;  // nothing changes
  }

  const std::string gen_path = (fs::path(dir) / generation).string();
  if (absl::Status s = SyncDir(staging); !s.ok()) return s;
  if (::rename(staging.c_str(), gen_path.c_str()) != 0) {
    absl::Status s = ErrnoError(gen_path, "cannot rename the new lists");
    RemoveQuietly(staging);
    return s;
  }
  if (absl::Status s = SyncDir(dir); !s.ok()) return s;
  if (options.test_hook) {
    if (absl::Status s = options.test_hook("staged"); !s.ok()) return s;
  }

  const std::string temp = (fs::path(dir) / kManifestTemp).string();
  const std::string manifest = (fs::path(dir) / kListsManifestFile).string();
  if (absl::Status s = WriteFileSynced(temp, ListsManifestJson(next));
      !s.ok()) {
    return s;
  }
  if (::rename(temp.c_str(), manifest.c_str()) != 0) {
    return ErrnoError(manifest, "cannot replace the manifest");
  }
  if (absl::Status s = SyncDir(dir); !s.ok()) return s;
  report.manifest_written = true;
  if (options.test_hook) {
    if (absl::Status s = options.test_hook("installed"); !s.ok()) return s;
  }

  // Generations other than the new one and the one before it go.
  for (const auto& e : fs::directory_iterator(dir, error)) {
    const std::string name = e.path().filename().string();
    if (name.starts_with(kGenerationPrefix) && name != generation &&
        !(old && name == old->directory)) {
      RemoveQuietly(e.path());
    }
  }
  return report;
}

StatusReport ListsStatus(const std::string& dir, Date today,
                         int stale_after_days) {
  StatusReport r;
  absl::StatusOr<std::optional<ListsManifest>> read = ReadListsManifest(dir);
  if (!read.ok()) {
    r.intact = false;
    r.text = absl::StrCat(read.status().message(),
                          "\nRun divrisk lists update to replace it.\n");
    return r;
  }
  if (!read->has_value() || (*read)->lists.empty()) {
    r.text = absl::StrCat("No lists installed in ", dir,
                          ". Run divrisk lists update.\n");
    return r;
  }
  const ListsManifest& m = **read;
  r.installed = true;
  absl::StrAppend(&r.text, "Lists in ", dir, " (updated ", m.updated_at,
                  "):\n");
  for (const InstalledList& l : m.lists) {
    std::string age = "age unknown";
    if (l.as_of) {
      const int64_t days = int64_t{today.days} - l.as_of->days;
      age = absl::StrCat(days, days == 1 ? " day" : " days", " old");
      if (days > stale_after_days) {
        age += ", STALE";
        r.stale = true;
      }
    }
    std::string state = "intact";
    for (const InstalledFile& f : l.files) {
      absl::StatusOr<std::string> bytes =
          ReadFileToString(m.PathOf(dir, f), kMaxInstalledListBytes);
      if (!bytes.ok()) {
        state = absl::StrCat("DAMAGED: ", bytes.status().message());
        r.intact = false;
        break;
      }
      if (Sha256Hex(*bytes) != f.sha256) {
        state = absl::StrCat("DAMAGED: ", f.name,
                             ": SHA-256 differs from the manifest's");
        r.intact = false;
        break;
      }
    }
    absl::StrAppend(&r.text, "  ", l.id, ": ", l.title, "\n    as of ",
                    l.as_of ? FormatDate(*l.as_of) : "unknown", " (from ",
                    l.as_of_from, "; ", age, "), ", l.entries,
                    " entries, retrieved ", l.retrieved_at, ", ", state, "\n");
    for (const InstalledFile& f : l.files) {
      absl::StrAppend(&r.text, "    ", f.name, " sha256:", f.sha256, " ",
                      f.bytes, " bytes from ", f.url, "\n");
    }
  }
  return r;
}

}  // namespace divrisk::lists
