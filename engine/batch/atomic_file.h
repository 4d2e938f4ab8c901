// AtomicFile: an output file that appears under its name only when complete.
//
// Writes go to "<path>.tmp-<pid>" beside the target; Commit() flushes,
// fsyncs and renames it into place. A run that is interrupted, or whose
// writes fail (a full disk), never leaves a file under the final name that
// looks complete: the destructor removes an uncommitted temporary.

#ifndef DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_
#define DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "absl/status/status.h"

namespace divrisk {

class AtomicFile {
 public:
  AtomicFile() = default;
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Opens the temporary beside `path`.
  absl::Status Open(const std::string& path);
  // Appends; errors are remembered and reported by Commit().
  void Write(std::string_view bytes);
  // Makes the file appear under its final name.
  absl::Status Commit();

  bool is_open() const { return file_ != nullptr; }
  std::FILE* stream() const { return file_; }

 private:
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace divrisk

#endif  // DIVRISK_ENGINE_BATCH_ATOMIC_FILE_H_
