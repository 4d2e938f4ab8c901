#include "engine/batch/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"

namespace divrisk {

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  file_ = nullptr;
  if (!resumable_) std::remove(temp_path_.c_str());
}

absl::Status AtomicFile::Failure(int error) const {
  if (resumable_) {
    return absl::DataLossError(absl::StrCat(temp_path_, ": write failed: ",
                                            std::strerror(error)));
  }
  return absl::DataLossError(absl::StrCat(path_, ": write failed: ",
                                          std::strerror(error),
                                          "; no output file was written"));
}

absl::Status AtomicFile::Open(const std::string& path,
                              AtomicFileOptions options) {
  Abandon();
  path_ = path;
  resumable_ = options.resumable;
  error_ = 0;
  std::string suffix = std::move(options.temp_suffix);
  if (suffix.empty()) {
    suffix = resumable_ ? ".partial" : absl::StrCat(".tmp-", getpid());
  }
  temp_path_ = path + suffix;
  const int fd = ::open(temp_path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return absl::UnavailableError(
        absl::StrCat(temp_path_, ": cannot create: ", std::strerror(errno)));
  }
  // Opened but not yet ours: on failure a private temporary goes, a
  // resumable one (perhaps another run's) stays.
  auto fail = [&](absl::Status status) {
    ::close(fd);
    if (!resumable_) std::remove(temp_path_.c_str());
    return status;
  };
  if (resumable_ && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return fail(absl::UnavailableError(
        absl::StrCat(temp_path_, ": another divrisk batch is writing it")));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) return fail(Failure(errno));
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  const std::optional<uint64_t> keep = resumable_ ? options.keep : std::nullopt;
  if (keep && size < *keep) {
    return fail(absl::DataLossError(
        absl::StrCat(temp_path_, " holds ", size, " bytes, fewer than the ",
                     *keep, " its checkpoint records")));
  }
  // Not a regular file (a device such as /dev/full): nothing to truncate.
  if (S_ISREG(st.st_mode) &&
      ::ftruncate(fd, static_cast<off_t>(keep.value_or(0))) != 0) {
    return fail(Failure(errno));
  }
  file_ = ::fdopen(fd, "r+b");
  if (file_ == nullptr) return fail(Failure(errno));
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
  if (fseeko(file_, 0, SEEK_END) != 0) return Failure(errno);
  return absl::OkStatus();
}

void AtomicFile::Write(std::string_view bytes) {
  if (error_ != 0 || bytes.empty()) return;
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    error_ = errno != 0 ? errno : EIO;
  }
}

absl::StatusOr<uint64_t> AtomicFile::Sync() {
  if (error_ == 0 && std::fflush(file_) != 0) error_ = errno ? errno : EIO;
  if (error_ == 0 && ::fsync(fileno(file_)) != 0) error_ = errno;
  if (error_ != 0) return Failure(error_);
  const off_t size = ftello(file_);
  if (size < 0) return Failure(errno);
  return static_cast<uint64_t>(size);
}

absl::Status AtomicFile::Commit() {
  absl::StatusOr<uint64_t> synced = Sync();
  if (!synced.ok()) {
    Abandon();
    return synced.status();
  }
  // Renamed while still open (and, resumable, locked), then closed.
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    Abandon();
    return absl::DataLossError(
        resumable_ ? absl::StrCat(temp_path_, ": cannot rename to ", path_,
                                  ": ", std::strerror(e))
                   : absl::StrCat(path_, ": cannot rename into place: ",
                                  std::strerror(e)));
  }
  const bool closed = std::fclose(file_) == 0;
  file_ = nullptr;
  if (!closed) return Failure(errno);
  return absl::OkStatus();
}

absl::Status WriteFileAtomically(const std::string& path,
                                 std::string_view bytes,
                                 AtomicFileOptions options) {
  AtomicFile file;
  if (absl::Status s = file.Open(path, std::move(options)); !s.ok()) return s;
  file.Write(bytes);
  return file.Commit();
}

}  // namespace divrisk
