#include "engine/batch/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace divrisk {

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::remove(temp_path_.c_str());
  }
}

absl::Status AtomicFile::Open(const std::string& path) {
  path_ = path;
  temp_path_ = absl::StrCat(path, ".tmp-", getpid());
  file_ = std::fopen(temp_path_.c_str(), "wb");
  if (file_ == nullptr) {
    return absl::UnavailableError(
        absl::StrCat(temp_path_, ": cannot create: ", std::strerror(errno)));
  }
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  return absl::OkStatus();
}

void AtomicFile::Write(std::string_view bytes) {
  if (failed_ || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
  }
}

absl::Status AtomicFile::Commit() {
  const bool flushed = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
  const int error = errno;
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (failed_ || !flushed || !closed) {
    std::remove(temp_path_.c_str());
    return absl::DataLossError(absl::StrCat(
        path_, ": write failed: ", std::strerror(failed_ ? EIO : error),
        "; no output file was written"));
  }
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    std::remove(temp_path_.c_str());
    return absl::DataLossError(
        absl::StrCat(path_, ": cannot rename into place: ", std::strerror(e)));
  }
  return absl::OkStatus();
}

}  // namespace divrisk
