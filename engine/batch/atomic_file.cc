#include "engine/batch/atomic_file.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "absl/strings/str_cat.h"

namespace divrisk {
namespace {

// The folder part of `path` ("." for a bare name).
std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::string Why(const std::string& path, const std::string& why) {
  return absl::StrCat(path, ": ", why);
}

}  // namespace

absl::StatusOr<OutputPath> ResolveOutputPath(const std::string& path) {
  if (path.empty()) return absl::InvalidArgumentError("an empty output path");
  if (path.back() == '/') {
    return absl::InvalidArgumentError(
        Why(path, "names a directory; an output must be a file"));
  }
  // Follow the last component's symlinks, one by one (at most 40, as the
  // kernel does), to the name that will be written.
  std::string name = path;
  struct stat st;
  for (int hops = 0;; ++hops) {
    if (hops > 40) {
      return absl::InvalidArgumentError(Why(path, "too many symlinks"));
    }
    if (::lstat(name.c_str(), &st) != 0) {
      if (errno != ENOENT) {
        return absl::InvalidArgumentError(
            Why(path, absl::StrCat("cannot use: ", std::strerror(errno))));
      }
      if (hops > 0) {
        // A /proc/self/fd link (/dev/stdout) names a pipe or a terminal by
        // a pseudo-path that only the kernel follows.
        struct stat via;
        if (::stat(path.c_str(), &via) == 0 &&
            (S_ISFIFO(via.st_mode) || S_ISCHR(via.st_mode))) {
          return OutputPath{OutputPath::Kind::kInPlace, path};
        }
        return absl::InvalidArgumentError(Why(
            path, absl::StrCat("a symlink to nothing (", name,
                               "); outputs follow symlinks only to an "
                               "existing file")));
      }
      struct stat dir;
      const std::string parent = DirOf(name);
      if (::stat(parent.c_str(), &dir) != 0 || !S_ISDIR(dir.st_mode)) {
        return absl::InvalidArgumentError(Why(
            path, absl::StrCat("cannot create: ", parent,
                               " is not a directory")));
      }
      return OutputPath{OutputPath::Kind::kNew, name};
    }
    if (!S_ISLNK(st.st_mode)) break;
    std::string target(4096, '\0');
    const ssize_t n = ::readlink(name.c_str(), target.data(), target.size());
    if (n < 0 || static_cast<size_t>(n) >= target.size()) {
      return absl::InvalidArgumentError(
          Why(path, absl::StrCat("cannot read the symlink ", name)));
    }
    target.resize(static_cast<size_t>(n));
    name = target.front() == '/' ? target : DirOf(name) + "/" + target;
  }
  if (S_ISREG(st.st_mode)) return OutputPath{OutputPath::Kind::kRegular, name};
  if (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) {
    return OutputPath{OutputPath::Kind::kInPlace, name};
  }
  const char* what = S_ISDIR(st.st_mode)   ? "a directory"
                     : S_ISBLK(st.st_mode) ? "a block device"
                     : S_ISSOCK(st.st_mode) ? "a socket"
                                            : "not a file";
  return absl::InvalidArgumentError(Why(
      path, absl::StrCat("is ", what, "; an output must be a file, a "
                                      "character device or a FIFO")));
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (file_ == nullptr) return;
  std::fclose(file_);
  file_ = nullptr;
  if (!resumable_ && !in_place_) std::remove(temp_path_.c_str());
}

void AtomicFile::Discard() {
  if (file_ == nullptr) return;
  if (!in_place_) std::remove(temp_path_.c_str());
  std::fclose(file_);
  file_ = nullptr;
}

absl::Status AtomicFile::Failure(int error) const {
  if (resumable_ || in_place_) {
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
  resumable_ = options.resumable;
  in_place_ = false;
  written_ = 0;
  error_ = 0;
  absl::StatusOr<OutputPath> target = ResolveOutputPath(path);
  if (!target.ok()) return target.status();
  path_ = target->path;
  if (target->kind == OutputPath::Kind::kInPlace) {
    if (options.keep) {
      return absl::FailedPreconditionError(
          Why(path, "a device or FIFO cannot be resumed"));
    }
    // O_NONBLOCK: a FIFO without a reader fails (ENXIO) instead of hanging.
    const int fd = ::open(path_.c_str(),
                          O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
      return absl::UnavailableError(Why(
          path, errno == ENXIO ? "a FIFO with no reader"
                               : absl::StrCat("cannot open: ",
                                              std::strerror(errno))));
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 ||
        !(S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode)) ||
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK) != 0) {
      ::close(fd);
      return absl::UnavailableError(Why(path, "changed while being opened"));
    }
    file_ = ::fdopen(fd, "wb");
    if (file_ == nullptr) {
      ::close(fd);
      return Failure(errno);
    }
    in_place_ = true;
    temp_path_ = path_;
    return absl::OkStatus();
  }
  std::string suffix = std::move(options.temp_suffix);
  if (suffix.empty()) {
    suffix = resumable_ ? ".partial" : absl::StrCat(".tmp-", getpid());
  }
  temp_path_ = path_ + suffix;
  // Never through a symlink: the temporary is this run's own file.
  const int fd = ::open(temp_path_.c_str(),
                        O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
  if (fd < 0) {
    return absl::UnavailableError(absl::StrCat(
        temp_path_, ": cannot create: ",
        errno == ELOOP ? "it is a symlink" : std::strerror(errno)));
  }
  // Opened but not yet ours: on failure a private temporary goes, a
  // resumable one (perhaps another run's) stays.
  auto fail = [&](absl::Status status) {
    ::close(fd);
    if (!resumable_) std::remove(temp_path_.c_str());
    return status;
  };
  struct stat st;
  if (::fstat(fd, &st) != 0) return fail(Failure(errno));
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);  // not ours: never removed
    return absl::UnavailableError(
        absl::StrCat(temp_path_, ": cannot create: not a regular file"));
  }
  if (resumable_ && ::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    return fail(absl::UnavailableError(
        absl::StrCat(temp_path_, ": another divrisk batch is writing it")));
  }
  const uint64_t size = static_cast<uint64_t>(st.st_size);
  const std::optional<uint64_t> keep = resumable_ ? options.keep : std::nullopt;
  if (keep && size < *keep) {
    return fail(absl::DataLossError(
        absl::StrCat(temp_path_, " holds ", size, " bytes, fewer than the ",
                     *keep, " its checkpoint records")));
  }
  if (::ftruncate(fd, static_cast<off_t>(keep.value_or(0))) != 0) {
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
  written_ += bytes.size();
}

absl::StatusOr<uint64_t> AtomicFile::Sync() {
  if (error_ == 0 && std::fflush(file_) != 0) error_ = errno ? errno : EIO;
  // A device or a FIFO has nothing to fsync (and may refuse it).
  if (error_ == 0 && !in_place_ && ::fsync(fileno(file_)) != 0) {
    error_ = errno;
  }
  if (error_ != 0) return Failure(error_);
  if (in_place_) return written_;
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
  if (!in_place_) {
    // What is under the final name now must still be a file to replace
    // (or nothing): never a directory, a device or a FIFO.
    struct stat st;
    if (::lstat(path_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
      Abandon();
      return absl::DataLossError(absl::StrCat(
          path_, ": cannot rename into place: no longer a regular file"));
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
