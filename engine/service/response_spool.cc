#include "engine/service/response_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace divrisk::service {

ResponseSpool::ResponseSpool() {
  const char* dir = std::getenv("TMPDIR");
  const std::string base = dir != nullptr && *dir != '\0' ? dir : "/tmp";
  // An unnamed file: it goes when it is closed, whatever happens.
  fd_ = ::open(base.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd_ < 0) {
    std::string name = base + "/divrisk-batch-XXXXXX";
    fd_ = ::mkostemp(name.data(), O_CLOEXEC);
    if (fd_ >= 0) ::unlink(name.c_str());
  }
}

ResponseSpool::~ResponseSpool() {
  if (fd_ >= 0) ::close(fd_);
}

bool ResponseSpool::Append(std::string_view bytes) {
  uint64_t at;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    at = appended_;
  }
  for (size_t done = 0; done < bytes.size();) {
    const ssize_t n = ::pwrite(fd_, bytes.data() + done, bytes.size() - done,
                               static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    appended_ += bytes.size();
  }
  more_.notify_one();
  return true;
}

void ResponseSpool::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_ = true;
  }
  more_.notify_one();
}

bool ResponseSpool::Send(const std::function<bool(const char*, size_t)>& send) {
  char buffer[64 << 10];
  uint64_t sent = 0;
  for (;;) {
    uint64_t available;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      more_.wait(lock, [&] { return finished_ || appended_ > sent; });
      if (appended_ == sent) return true;  // finished, all sent
      available = appended_ - sent;
    }
    const size_t want = static_cast<size_t>(std::min<uint64_t>(available, sizeof buffer));
    const ssize_t n = ::pread(fd_, buffer, want, static_cast<off_t>(sent));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || !send(buffer, static_cast<size_t>(n))) return false;
    sent += static_cast<uint64_t>(n);
  }
}

}  // namespace divrisk::service
