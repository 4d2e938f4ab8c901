// AtomicFile: a file that appears under its name only when complete. The
// one implementation of temp-file-then-rename in divrisk: the batch's
// outputs, rejects, checkpoints and summary, and `divrisk generate -o`.
//
// Writes go to a temporary beside the target; Commit() flushes, fsyncs and
// renames it into place. A run that is interrupted, or whose writes fail (a
// full disk), never leaves a file under the final name that looks complete.
//
// What a path names is settled first (ResolveOutputPath): a symlink is
// followed to the file it names, which must exist (the link itself stays);
// a directory, a block device, a socket, a dangling or looping symlink, or
// a name in a missing directory is refused. A character device (/dev/null,
// /dev/full, a terminal) or a FIFO is written in place: no temporary, no
// rename, no truncation, never replaced; a FIFO without a reader is
// refused, not waited for. Temporaries are opened without following
// symlinks and must be regular files.
//
// Two kinds of temporary:
//  - private (the default): "<path>.tmp-<pid>", or "<path><temp_suffix>";
//    removed when the file is dropped, or fails, without Commit().
//  - resumable: "<path>.partial", locked (flock) while open so that two
//    processes cannot write it, and left in place when the process ends
//    without Commit(), for a later run to continue: reopened with `keep`,
//    it holds its first `keep` bytes and is appended to.

#ifndef DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_
#define DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>

#include "absl/status/status.h"
#include "absl/status/statusor.h"

namespace divrisk {

// What an output path names, its symlinks followed.
struct OutputPath {
  enum class Kind {
    kNew,      // nothing yet: the file will be created
    kRegular,  // an existing regular file: replaced by the rename
    kInPlace,  // a character device or a FIFO: written in place
  };
  Kind kind = Kind::kNew;
  std::string path;  // the name written: the given one, symlinks followed
};

// Resolves an output path (see above); the error names the path and why.
absl::StatusOr<OutputPath> ResolveOutputPath(const std::string& path);

struct AtomicFileOptions {
  // The temporary is "<path><temp_suffix>"; empty: ".tmp-<pid>" (private)
  // or ".partial" (resumable).
  std::string temp_suffix;
  // Locked, kept when not committed, and reopened with `keep`.
  bool resumable = false;
  // Resumable only: keep the first `keep` bytes of the temporary (fails
  // when it is shorter); unset, it starts empty.
  std::optional<uint64_t> keep;
};

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens the temporary beside `path`.
  absl::Status Open(const std::string& path, AtomicFileOptions options = {});
  // Appends; the first error is remembered and returned by Sync/Commit.
  void Write(std::string_view bytes);
  // Flushes and fsyncs; returns the file's size.
  absl::StatusOr<uint64_t> Sync();
  // Syncs and renames the temporary to the final name, then closes it.
  // In place: flushes and closes.
  absl::Status Commit();
  // Closes without committing and removes the temporary, resumable or not
  // (a run that failed before it began, or cannot be resumed).
  void Discard();

  bool is_open() const { return file_ != nullptr; }
  // A character device or a FIFO, written in place (temp_path() == path()).
  bool in_place() const { return in_place_; }
  std::FILE* stream() const { return file_; }
  // The final name, symlinks followed.
  const std::string& path() const { return path_; }
  const std::string& temp_path() const { return temp_path_; }

 private:
  absl::Status Failure(int error) const;
  // Closes the file; a private temporary is removed.
  void Abandon();

  std::string path_;
  std::string temp_path_;
  bool resumable_ = false;
  bool in_place_ = false;
  uint64_t written_ = 0;  // in place: bytes written (no file size to ask)
  std::FILE* file_ = nullptr;
  int error_ = 0;  // errno of the first failed write
};

// Replaces the file at `path` with `bytes` atomically: a kill at any moment
// leaves either the old file or the new one.
absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view bytes,
                                 AtomicFileOptions options = {});

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_
