#include "engine/doc/file_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "absl/strings/str_cat.h"
#include "engine/doc/visible_text.h"

namespace divrisk {
namespace {

const char* KindOf(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  return "not a regular file";
}

// Closes the descriptor on every path out.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

absl::StatusOr<std::string> ReadFileToString(const std::string& path,
                                             size_t max_bytes) {
  const std::string name = Visible(path);
  // O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer,
  // for ever. It changes nothing for a regular file.
  Fd in{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)};
  if (in.fd < 0) {
    return absl::NotFoundError(
        absl::StrCat(name, ": cannot open: ", std::strerror(errno)));
  }
  struct stat st;
  if (::fstat(in.fd, &st) != 0) {
    return absl::DataLossError(
        absl::StrCat(name, ": cannot stat: ", std::strerror(errno)));
  }
  if (!S_ISREG(st.st_mode)) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": not a regular file (", KindOf(st.st_mode),
        "); case files, rule-set files and lists are read from regular files "
        "only"));
  }
  if (static_cast<uint64_t>(st.st_size) > max_bytes) {
    return absl::InvalidArgumentError(absl::StrCat(
        name, ": file larger than the limit of ", max_bytes, " bytes"));
  }
  std::string text;
  char buffer[1 << 16];
  // Reads in blocks and stops one byte past the limit: a file that grows
  // while it is read is still never held beyond the limit.
  for (;;) {
    const ssize_t n = ::read(in.fd, buffer, sizeof buffer);
    if (n < 0) {
      if (errno == EINTR) continue;
      return absl::DataLossError(
          absl::StrCat(name, ": read error: ", std::strerror(errno)));
    }
    if (n == 0) break;
    text.append(buffer, static_cast<size_t>(n));
    if (text.size() > max_bytes) {
      return absl::InvalidArgumentError(absl::StrCat(
          name, ": file larger than the limit of ", max_bytes, " bytes"));
    }
  }
  return text;
}

}  // namespace divrisk
